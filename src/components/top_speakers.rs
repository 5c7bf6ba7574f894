//! "Who says it most": speakers ranked by the passages shown for the current search and
//! filters, one click to narrow to one.

use leptos::prelude::*;
use podium_core::query::Facet;

use crate::sort::sort_by;
use crate::state::use_podium;

const SHOWN: usize = 6;

/// A speaker as ranked: what its row shows.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    name: String,
    n: u32,
    max: u32,
}

#[component]
pub fn TopSpeakers() -> impl IntoView {
    let podium = use_podium();
    // Once per result. Rows are keyed by what they show, so unchanged rows stay, also
    // across libraries (which number the speakers anew).
    let ranked = Memo::new(move |_| {
        let stage = podium.overview;
        stage.results.with(|r| {
            let lib = stage.library.get();
            let mut counts = vec![0u32; lib.corpus.speakers.len()];
            for &p in &r.passages {
                if let Some(s) = lib.passage(p).speaker {
                    counts[s as usize] += 1;
                }
            }
            let mut v: Vec<(u32, u32)> = (0u32..).zip(counts).filter(|&(_, n)| n > 0).collect();
            sort_by(&mut v, &|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(SHOWN);
            let max = v.first().map_or(1, |x| x.1.max(1));
            v.into_iter()
                .map(|(i, n)| {
                    let s = lib.corpus.speaker(i);
                    Row {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        n,
                        max,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let row = move |Row { id, name, n, max }: Row| {
        view! {
            <li>
                <button type="button" on:click=move |_| podium.only(Facet::Speaker, &id)>
                    <span class="name">{name}</span>
                    <span class="count">{n}</span>
                    <progress max=max value=n aria-hidden="true"></progress>
                </button>
            </li>
        }
    };
    view! {
        <section class="overview-panel" aria-labelledby="top-speakers-heading">
            <h2 id="top-speakers-heading">"Who says it most"</h2>
            <ol id="top-speakers">
                <For each=move || ranked.get() key=Row::clone children=row />
            </ol>
        </section>
    }
}
