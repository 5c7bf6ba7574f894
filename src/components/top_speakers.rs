//! "Who says it most": speakers ranked by the passages shown for the current search and
//! filters, one click to narrow to one.

use leptos::prelude::*;
use podium_core::query::Facet;

use crate::state::use_podium;

const SHOWN: usize = 6;

#[component]
pub fn TopSpeakers() -> impl IntoView {
    let podium = use_podium();
    let ranked = move || {
        podium.results.with(|r| {
            let lib = podium.lib();
            let mut counts = vec![0u32; lib.corpus.speakers.len()];
            for &p in &r.passages {
                if let Some(s) = lib.passage(p).speaker {
                    counts[s as usize] += 1;
                }
            }
            let mut v: Vec<(usize, u32)> = counts
                .into_iter()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(SHOWN);
            v
        })
    };
    let max = move || ranked().first().map_or(1, |x| x.1.max(1));
    view! {
        <section class="overview-panel" aria-labelledby="top-speakers-heading">
            <h2 id="top-speakers-heading">"Who says it most"</h2>
            <ol id="top-speakers">
                {move || {
                    let max = max();
                    let lib = podium.lib();
                    ranked()
                        .into_iter()
                        .map(|(i, n)| {
                            let s = &lib.corpus.speakers[i];
                            let id = s.id.clone();
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| podium.only(Facet::Speaker, &id)>
                                        <span class="name">{s.name.clone()}</span>
                                        <span class="count">{n}</span>
                                        <progress max=max value=n aria-hidden="true"></progress>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
