//! The result list, virtualized: only the cards in and near the viewport are in the DOM, with
//! spacers above and below standing for the rest, so 35,000 results paint as fast as 20.
//!
//! Cards differ in height, so each card's height is measured once it has been rendered (kept
//! per passage, across queries) and the mean of the first cards measured stands in for the
//! others. The page scrolls (not the list), so the visible window is the viewport's position
//! relative to the top of the list. The list stays an `<ol>` of `<li>`s; each item says its
//! position in the whole list (`aria-posinset`, `aria-setsize`).
//!
//! The keyboard selection (`Podium::selected`) is revealed here: selecting a passage that is
//! not rendered scrolls to where it would be, renders it, then focuses it.

use std::collections::BTreeMap;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::HtmlElement;
use podium_core::index::PassageRef;

use super::filters::EmptyState;
use super::passage_card::{element_id, Face, PassageCard};
use crate::state::{use_podium, Shared};

/// The height of a card before any card was measured, in CSS pixels.
const ESTIMATE: f64 = 200.0;
/// Rendered beyond each edge of the viewport, in CSS pixels.
const OVERSCAN: f64 = 800.0;

/// Measured item heights (a card and the gap below it), per passage, in corpus order: the
/// order of every result list.
#[derive(Default)]
struct Heights {
    known: BTreeMap<PassageRef, f64>,
    /// The estimate for unmeasured cards, fixed after the first measurements. A running mean
    /// would move every unmeasured card above the viewport with each new measurement, and
    /// the page with them: the reader's place would drift by thousands of pixels.
    frozen: Option<f64>,
}

impl Heights {
    fn estimate(&self) -> f64 {
        self.frozen.unwrap_or(ESTIMATE)
    }

    /// Fixes the estimate at the mean of what has been measured so far.
    fn freeze(&mut self) {
        if self.frozen.is_none() && !self.known.is_empty() {
            self.frozen = Some(self.known.values().sum::<f64>() / self.known.len() as f64);
        }
    }

    /// Keeps the heights of the passages a new library still has, under their new refs.
    fn carry(&mut self, to: impl Fn(PassageRef) -> Option<PassageRef>) {
        // One insert at a time: collecting into a map would sort, and bring a sort into the wasm.
        for (r, h) in std::mem::take(&mut self.known) {
            if let Some(r) = to(r) {
                self.known.insert(r, h);
            }
        }
    }

    /// Records a height; returns how much it differs from what the layout assumed.
    fn record(&mut self, r: PassageRef, h: f64) -> f64 {
        let estimate = self.estimate();
        let assumed = self.known.insert(r, h).unwrap_or(estimate);
        if (assumed - h).abs() < 0.5 {
            0.0
        } else {
            h - assumed
        }
    }
}

/// Where the cards of one result list are: each at the estimate, but for those measured.
///
/// Made from the measured cards, not from every result: a search typed into a large corpus
/// matches thousands of passages at its first letter, of which a few dozen have been measured,
/// and the layout is made again at every keystroke.
struct Layout {
    len: usize,
    estimate: f64,
    /// The measured cards by position in the list, each with the sum of how far it and the
    /// measured cards before it differ from the estimate.
    measured: Vec<(usize, f64)>,
}

impl Layout {
    fn new(passages: &[PassageRef], heights: &Heights) -> Layout {
        let estimate = heights.estimate();
        let mut sum = 0.0;
        // Both are in corpus order, so the positions come out in list order.
        let measured = heights
            .known
            .iter()
            .filter_map(|(r, h)| {
                let at = passages.binary_search(r).ok()?;
                sum += h - estimate;
                Some((at, sum))
            })
            .collect();
        Layout {
            len: passages.len(),
            estimate,
            measured,
        }
    }

    /// Where card `i` starts, in pixels from the top of the list; `top(len)` is its end.
    fn top(&self, i: usize) -> f64 {
        let before = self.measured.partition_point(|&(at, _)| at < i);
        let grown = before.checked_sub(1).map_or(0.0, |k| self.measured[k].1);
        i as f64 * self.estimate + grown
    }

    fn height(&self) -> f64 {
        self.top(self.len)
    }

    /// The cards `start..end` that cover the pixels `from..to` of the list.
    fn window(&self, from: f64, to: f64) -> (usize, usize) {
        // First card whose bottom is below `from`; first card whose top is at or below `to`.
        let start = first(self.len, |i| self.top(i + 1) > from);
        let end = first(self.len, |i| self.top(i) >= to).max(start);
        (start, end)
    }
}

/// The first `i` in `0..n` for which `ok` holds (false up to some `i`, then true), or `n`.
fn first(n: usize, ok: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// The element's top in document coordinates.
fn document_top(el: &HtmlElement) -> f64 {
    let mut top = 0.0;
    let mut at = Some(el.clone());
    while let Some(e) = at {
        top += f64::from(e.offset_top());
        at = e
            .offset_parent()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok());
    }
    top
}

fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

fn px(x: f64) -> String {
    // Whole pixels, as integers: formatting an f64 would pull float printing into the wasm.
    format!("{}px", x.max(0.0).round() as i64)
}

#[component]
pub fn Results() -> impl IntoView {
    let podium = use_podium();
    let empty = move || podium.results.with(|r| r.passages.is_empty());
    view! {
        <Show when=move || !empty() fallback=|| view! { <EmptyState /> }>
            <VirtualList />
        </Show>
    }
}

#[component]
fn VirtualList() -> impl IntoView {
    let podium = use_podium();
    let frame = NodeRef::<Div>::new();
    let heights = StoredValue::new(Heights::default());
    // Bumped when a measurement changes the layout.
    let measured = RwSignal::new(0u32);
    // The viewport in list coordinates: (top, bottom) pixels.
    let viewport = RwSignal::new((0.0f64, 0.0f64));

    // The library the heights were measured in.
    let measured_in = StoredValue::new(podium.library.get_untracked());
    let layout = Memo::new(move |_| {
        measured.track();
        // Heights are per passage of one library: a new one keeps those of the passages it
        // still has, so the cards above the reader's place keep their sizes.
        podium.library.with(|now| {
            let before = measured_in.get_value();
            if before != *now {
                heights.update_value(|h| h.carry(now.carry(&before)));
                measured_in.set_value(now.clone());
            }
        });
        podium.results.with(|r| {
            heights.with_value(|h| Shared(std::sync::Arc::new(Layout::new(&r.passages, h))))
        })
    });
    let range = Memo::new(move |_| {
        let (top, bottom) = viewport.get();
        layout.with(|l| l.window(top - OVERSCAN, bottom + OVERSCAN))
    });

    // The list's top in the page, as last read: a new query places the viewport with it
    // instead of reading the layout while the new results are still being rendered.
    let list_top = StoredValue::new(0.0f64);
    let read_viewport = move || {
        let Some(el) = frame.get_untracked() else {
            return;
        };
        let win = window();
        let scroll = win.scroll_y().unwrap_or(0.0);
        let at = document_top(&el);
        list_top.set_value(at);
        let top = scroll - at;
        viewport.set((top, top + viewport_height()));
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| read_viewport());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| read_viewport());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });

    // After each render of the window, measure the cards it shows; a height that differs from
    // what the layout assumed updates the spacers (and maybe the window) before the paint.
    Effect::new(move |_| {
        range.track();
        podium.results.track();
        request_animation_frame(move || {
            // The list may have gone (new results, an empty state, a new library) by the frame.
            if heights.is_disposed() || measured.is_disposed() {
                return;
            }
            let Some(el) = frame.get_untracked() else {
                return;
            };
            let Some(list) = el.query_selector("ol#results").ok().flatten() else {
                return;
            };
            let items = list.children();
            let mut changed = false;
            // How far the cards wholly above the viewport grew: the page scrolls by as much so
            // the reader's place stays put. (The browser's own scroll anchoring is off for the
            // list: it would also answer to the spacers and double the correction.)
            let mut shift = 0.0;
            podium.results.with_untracked(|r| {
                heights.update_value(|h| {
                    for k in 0..items.length() {
                        let Some(li) = items.item(k).and_then(|e| e.dyn_into::<HtmlElement>().ok())
                        else {
                            continue;
                        };
                        let at = li
                            .get_attribute("aria-posinset")
                            .and_then(|s| s.parse::<usize>().ok());
                        if let Some(&p) = at.and_then(|i| r.passages.get(i.wrapping_sub(1))) {
                            let grew = h.record(p, f64::from(li.offset_height()));
                            if grew != 0.0 {
                                changed = true;
                                if li.get_bounding_client_rect().bottom() <= 0.0 {
                                    shift += grew;
                                }
                            }
                        }
                    }
                    h.freeze();
                })
            });
            if shift != 0.0 {
                window().scroll_by_with_x_and_y(0.0, shift);
            }
            if changed {
                measured.update(|m| *m = m.wrapping_add(1));
            }
            read_viewport();
            crate::marks::mark("list-measured");
        });
    });

    // A new query starts at the top of its results (a new library, say a correction, keeps
    // the reader's place). Reading the layout here would force the browser to lay out the
    // new results twice in the frame, so the viewport is placed from what was last read;
    // the measurement pass above reads it again once laid out.
    Effect::new(move |first: Option<()>| {
        podium.query.track();
        if first.is_none() {
            read_viewport();
        } else if viewport.get_untracked().0 > 0.0 {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let top = -list_top.get_value();
            viewport.set((top, top + viewport_height()));
        }
    });

    // The keyboard selection: render it if it is not, then focus it (which scrolls it into view).
    Effect::new(move |first: Option<()>| {
        let selected = podium.selected.get();
        let Some(r) = selected.filter(|_| first.is_some()) else {
            return;
        };
        let Some(i) = podium
            .results
            .with_untracked(|res| res.passages.iter().position(|x| *x == r))
        else {
            return;
        };
        let (start, end) = range.get_untracked();
        if i < start || i >= end {
            if let Some(el) = frame.get_untracked() {
                let top = layout.with_untracked(|l| l.top(i));
                let height = viewport.with_untracked(|v| v.1 - v.0);
                let y = document_top(&el) + top - height / 3.0;
                window().scroll_to_with_x_and_y(0.0, y.max(0.0));
                read_viewport();
            }
        }
        request_animation_frame(move || {
            if let Some(el) = document()
                .get_element_by_id(&element_id(r))
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    });

    let total = move || podium.results.with(|r| r.passages.len().to_string());
    let above = move || px(layout.with(|l| l.top(range.get().0)));
    let below = move || {
        let end = range.get().1;
        px(layout.with(|l| l.height() - l.top(end)))
    };
    // Keyed by what each card shows: a new library keeps the cards that look the same.
    let rows = move || {
        let (start, end) = range.get();
        let lib = podium.lib();
        podium.results.with(|r| {
            r.passages[start..end]
                .iter()
                .enumerate()
                .map(|(k, &p)| (start + k, Face::of(&lib, p)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div id="results-frame" node_ref=frame>
            <div class="results-spacer" aria-hidden="true" style:height=above></div>
            <ol id="results" aria-label="Passages" start=move || (range.get().0 + 1).to_string()>
                <For each=rows key=|row| row.clone() let:row>
                    <li aria-posinset=(row.0 + 1).to_string() aria-setsize=total>
                        <PassageCard face=row.1 />
                    </li>
                </For>
            </ol>
            <div class="results-spacer" aria-hidden="true" style:height=below></div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(n: u32) -> Vec<PassageRef> {
        (0..n)
            .map(|passage| PassageRef { doc: 0, passage })
            .collect()
    }

    /// Where each card starts, and where the list ends.
    fn tops(passages: &[PassageRef], heights: &Heights) -> Vec<f64> {
        let layout = Layout::new(passages, heights);
        (0..=passages.len()).map(|i| layout.top(i)).collect()
    }

    fn window_of(tops: &[f64], from: f64, to: f64) -> (usize, usize) {
        // Cards of the heights between `tops`, measured against a 100 px estimate.
        let passages = refs(tops.len() as u32 - 1);
        let mut h = Heights::default();
        for (k, w) in tops.windows(2).enumerate() {
            h.record(passages[k], w[1] - w[0]);
        }
        h.frozen = Some(100.0);
        let layout = Layout::new(&passages, &h);
        assert_eq!(layout.height(), tops[tops.len() - 1]);
        layout.window(from, to)
    }

    #[test]
    fn unmeasured_cards_take_the_estimate_and_measured_ones_their_height() {
        let passages = refs(4);
        let mut h = Heights::default();
        assert_eq!(tops(&passages, &h), [0.0, 200.0, 400.0, 600.0, 800.0]);
        // The first measurement is against the default estimate.
        assert_eq!(h.record(passages[1], 300.0), 100.0);
        h.freeze();
        assert_eq!(tops(&passages, &h), [0.0, 300.0, 600.0, 900.0, 1200.0]);
        // Sub-pixel changes are not changes, but the height kept is the latest.
        assert_eq!(h.record(passages[1], 300.25), 0.0);
        assert_eq!(tops(&passages, &h), [0.0, 300.0, 600.25, 900.25, 1200.25]);
    }

    #[test]
    fn the_estimate_stays_put_once_frozen() {
        let passages = refs(3);
        let mut h = Heights::default();
        h.record(passages[0], 100.0);
        h.freeze();
        // A later, taller card does not move the unmeasured ones (the reader's place).
        assert_eq!(h.record(passages[1], 500.0), 400.0);
        h.freeze();
        assert_eq!(h.estimate(), 100.0);
        assert_eq!(tops(&passages, &h), [0.0, 100.0, 600.0, 700.0]);
    }

    #[test]
    fn heights_follow_their_passages_to_a_new_library() {
        let passages = refs(3);
        let mut h = Heights::default();
        h.record(passages[0], 100.0);
        h.record(passages[2], 300.0);
        h.freeze();
        // Passage 0 moved to document 1; passage 2 is gone.
        h.carry(|r| (r.passage == 0).then_some(PassageRef { doc: 1, passage: 0 }));
        assert_eq!(
            h.known.get(&PassageRef { doc: 1, passage: 0 }),
            Some(&100.0)
        );
        assert_eq!(h.known.len(), 1);
        assert_eq!(h.estimate(), 200.0, "the estimate stays");
    }

    #[test]
    fn a_list_counts_only_its_own_measured_cards() {
        let all = refs(6);
        let mut h = Heights::default();
        h.record(all[0], 100.0);
        h.freeze();
        h.record(all[1], 400.0);
        h.record(all[4], 250.0);
        // A search that keeps passages 1, 2, 3 and 5: card 0 and card 4 are not in it.
        let shown = [all[1], all[2], all[3], all[5]];
        assert_eq!(tops(&shown, &h), [0.0, 400.0, 500.0, 600.0, 700.0]);
        let layout = Layout::new(&shown, &h);
        assert_eq!(layout.window(0.0, 399.0), (0, 1));
        assert_eq!(layout.window(450.0, 650.0), (1, 4));
        assert_eq!(tops(&[], &h), [0.0]);
    }

    #[test]
    fn the_window_covers_exactly_the_cards_that_touch_the_pixels() {
        let t = [0.0, 100.0, 200.0, 300.0, 400.0];
        assert_eq!(window_of(&t, 0.0, 50.0), (0, 1));
        assert_eq!(window_of(&t, 100.0, 200.0), (1, 2));
        assert_eq!(window_of(&t, 150.0, 250.0), (1, 3));
        assert_eq!(window_of(&t, -800.0, 1000.0), (0, 4));
        // Scrolled past the end, or an empty list: an empty window, never out of bounds.
        assert_eq!(window_of(&t, 5000.0, 6000.0), (4, 4));
        assert_eq!(window_of(&[0.0], 0.0, 800.0), (0, 0));
    }
}
