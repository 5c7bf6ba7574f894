//! A histogram of matching passages by document date, following every filter but the date
//! range itself; undated documents are counted apart. A click selects one date, a
//! shift-click extends the range to it.

use leptos::prelude::*;

use crate::state::use_podium;

#[component]
pub fn Timeline() -> impl IntoView {
    let podium = use_podium();
    let bars = move || {
        podium.results.with(|r| {
            let max = r.timeline.iter().map(|x| x.1).max().unwrap_or(1).max(1);
            let (from, to) = podium.query.with(|q| (q.from, q.to));
            r.timeline
                .iter()
                .map(|&(date, n)| {
                    let iso = date.to_string();
                    let label = format!("{iso}: {n} passage{}", if n == 1 { "" } else { "s" });
                    let height = format!("{}%", 8 + n * 92 / max);
                    let active = from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t);
                    view! {
                        <button
                            type="button"
                            class="bar"
                            class:outside=!active
                            data-date=iso.clone()
                            aria-label=label.clone()
                            title=label
                            on:click=move |ev| {
                                podium.update_query(|q| {
                                    if ev.shift_key() && q.from.is_some() {
                                        let f = q.from.unwrap_or(date);
                                        q.from = Some(f.min(date));
                                        q.to = Some(q.to.unwrap_or(f).max(date));
                                    } else {
                                        q.from = Some(date);
                                        q.to = Some(date);
                                    }
                                })
                            }
                        >
                            <span class="fill" style:height=height></span>
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
