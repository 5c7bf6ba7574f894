//! A histogram of matching passages by document date, following every filter but the date
//! range itself; undated documents are counted apart. A click selects one date; a drag
//! from one bar to another, or a shift-click, selects the range between them.

use leptos::prelude::*;
use podium_core::Date;

use crate::state::use_podium;

#[component]
pub fn Timeline() -> impl IntoView {
    let podium = use_podium();
    // Where a drag started, and whether the last pointer-up ended one (its click is ignored).
    let anchor = StoredValue::new(None::<Date>);
    let dragged = StoredValue::new(false);
    let select = move |a: Date, b: Date| {
        podium.update_query(|q| {
            q.from = Some(a.min(b));
            q.to = Some(a.max(b));
        })
    };
    let bars = move || {
        podium.results.with(|r| {
            let max = r.timeline.iter().map(|x| x.1).max().unwrap_or(1).max(1);
            let (from, to) = podium.query.with(|q| (q.from, q.to));
            r.timeline
                .iter()
                .map(|&(date, n)| {
                    let iso = date.to_string();
                    let label = format!("{iso}: {n} passage{}", if n == 1 { "" } else { "s" });
                    // SVG geometry, not an inline style: the CSP allows no style attributes.
                    let height = 8 + n * 92 / max;
                    let active = from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t);
                    view! {
                        <button
                            type="button"
                            class="bar"
                            class:outside=!active
                            data-date=iso.clone()
                            aria-label=label.clone()
                            title=label
                            on:pointerdown=move |_| anchor.set_value(Some(date))
                            on:pointerup=move |_| {
                                let start = anchor.get_value();
                                anchor.set_value(None);
                                if let Some(start) = start.filter(|s| *s != date) {
                                    dragged.set_value(true);
                                    select(start, date);
                                }
                            }
                            on:click=move |ev| {
                                if dragged.get_value() {
                                    dragged.set_value(false);
                                    return;
                                }
                                match podium.query.with_untracked(|q| q.from) {
                                    Some(from) if ev.shift_key() => select(from, date),
                                    _ => select(date, date),
                                }
                            }
                        >
                            <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="fill" x="0" y=(100 - height).to_string() width="10" height=height.to_string()></rect>
                            </svg>
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let undated = move || podium.results.with(|r| r.undated);
    let range = move || {
        podium
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
                <div class="bars">{bars}</div>
                <p class="axis">
                    <span>{range}</span>
                    <span class="undated">{move || format!("{} undated", undated())}</span>
                </p>
            </div>
        </section>
    }
}
