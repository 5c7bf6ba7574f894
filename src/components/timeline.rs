//! A histogram of matching passages by document date, following every filter but the date
//! range itself; undated documents are counted apart. A click selects one date; a drag
//! from one bar to another, or a shift-click, selects the range between them.
//!
//! With more than [`MAX_BARS`] dates, a bar stands for a month (or a year), and selecting it
//! selects the dates it holds. Bars are keyed, so a query that leaves a bar as it was leaves
//! its element alone.

use leptos::prelude::*;
use podium_core::Date;

use crate::state::use_podium;

/// More dates than this are grouped by month, and more months by year.
const MAX_BARS: usize = 60;

/// One bar: the dates it covers (first and last with passages), its label and its count.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Bar {
    first: Date,
    last: Date,
    label: String,
    n: u32,
}

/// Groups a timeline (sorted by date) into at most about [`MAX_BARS`] bars: by day, month or
/// year, the finest that fits.
fn bars_of(timeline: &[(Date, u32)]) -> Vec<Bar> {
    type Bin = fn(Date) -> (u16, u8, u8);
    let day: Bin = |d| (d.year, d.month, d.day);
    let month: Bin = |d| (d.year, d.month, 0);
    let year: Bin = |d| (d.year, 0, 0);
    let label = |d: Date, bin: usize| match bin {
        0 => d.to_string(),
        1 => format!("{:04}-{:02}", d.year, d.month),
        _ => format!("{:04}", d.year),
    };
    let count = |f: Bin| {
        let mut n = 0;
        let mut last = None;
        for &(d, _) in timeline {
            if last != Some(f(d)) {
                n += 1;
                last = Some(f(d));
            }
        }
        n
    };
    let bins = [day, month, year];
    let level = (0..2).find(|&l| count(bins[l]) <= MAX_BARS).unwrap_or(2);
    let key = bins[level];
    let mut out: Vec<Bar> = Vec::new();
    for &(d, n) in timeline {
        match out.last_mut() {
            Some(b) if key(b.first) == key(d) => {
                b.last = d;
                b.n += n;
            }
            _ => out.push(Bar {
                first: d,
                last: d,
                label: label(d, level),
                n,
            }),
        }
    }
    out
}

#[component]
pub fn Timeline() -> impl IntoView {
    let podium = use_podium();
    // Where a drag started, and whether the last pointer-up ended one (its click is ignored).
    let anchor = StoredValue::new(None::<(Date, Date)>);
    let dragged = StoredValue::new(false);
    let select = move |a: Date, b: Date| {
        podium.update_query(|q| {
            q.from = Some(a.min(b));
            q.to = Some(a.max(b));
        })
    };
    let bars = Memo::new(move |_| podium.overview.results.with(|r| bars_of(&r.timeline)));
    // Each bar with its height and whether it lies inside the date range.
    let shown = move || {
        let (from, to) = podium.query.with(|q| (q.from, q.to));
        bars.with(|bars| {
            let max = bars.iter().map(|b| b.n).max().unwrap_or(1).max(1);
            bars.iter()
                .map(|b| {
                    let active =
                        from.is_none_or(|f| b.last >= f) && to.is_none_or(|t| b.first <= t);
                    (b.clone(), 8 + b.n * 92 / max, active)
                })
                .collect::<Vec<_>>()
        })
    };
    let bar = move |(b, height, active): (Bar, u32, bool)| {
        let Bar {
            first,
            last,
            label,
            n,
        } = b;
        let label = format!("{label}: {n} passage{}", if n == 1 { "" } else { "s" });
        view! {
            <button
                type="button"
                class="bar"
                class:outside=!active
                data-date=first.to_string()
                aria-label=label.clone()
                title=label
                on:pointerdown=move |_| anchor.set_value(Some((first, last)))
                on:pointerup=move |_| {
                    let start = anchor.get_value();
                    anchor.set_value(None);
                    if let Some((a, b)) = start.filter(|s| s.0 != first) {
                        dragged.set_value(true);
                        select(a.min(first), b.max(last));
                    }
                }
                on:click=move |ev| {
                    if dragged.get_value() {
                        dragged.set_value(false);
                        return;
                    }
                    match podium.query.with_untracked(|q| q.from) {
                        Some(from) if ev.shift_key() => select(from.min(first), from.max(last)),
                        _ => select(first, last),
                    }
                }
            >
                <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="fill" x="0" y=(100 - height).to_string() width="10" height=height.to_string()></rect>
                </svg>
            </button>
        }
    };
    let undated = move || podium.overview.results.with(|r| r.undated);
    let range = move || {
        podium
            .overview
            .results
            .with(|r| match (r.timeline.first(), r.timeline.last()) {
                (Some(a), Some(b)) if a.0 != b.0 => format!("{} – {}", a.0, b.0),
                (Some(a), _) => a.0.to_string(),
                _ => "no dated passages".to_string(),
            })
    };
    view! {
        <section class="overview-panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"When"</h2>
            <div id="timeline">
                <div class="bars">
                    <For each=shown key=|x| x.clone() children=bar />
                </div>
                <p class="axis">
                    <span>{range}</span>
                    <span class="undated">{move || format!("{} undated", undated())}</span>
                </p>
            </div>
        </section>
    }
}
