//! Speaker × topic: passages per speaker per topic as a heat grid, following every filter
//! but the speaker and topic ones. A cell sets both filters; a header sets one.

use leptos::prelude::*;
use podium_core::query::Facet;

use crate::sort::sort_by;
use crate::state::use_podium;

const MAX_SPEAKERS: usize = 8;
const MAX_TOPICS: usize = 10;

#[component]
pub fn Matrix() -> impl IntoView {
    let podium = use_podium();
    let grid = move || {
        podium.overview.results.with(|r| {
            let mut speakers: Vec<(u32, u32)> = Vec::new();
            let mut topics: Vec<(u32, u32)> = Vec::new();
            for &(s, t, n) in &r.matrix {
                match speakers.iter_mut().find(|x| x.0 == s) {
                    Some(x) => x.1 += n,
                    None => speakers.push((s, n)),
                }
                match topics.iter_mut().find(|x| x.0 == t) {
                    Some(x) => x.1 += n,
                    None => topics.push((t, n)),
                }
            }
            // Most passages first; each speaker and topic is in its list once.
            let most = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
            sort_by(&mut speakers, &most);
            sort_by(&mut topics, &most);
            speakers.truncate(MAX_SPEAKERS);
            topics.truncate(MAX_TOPICS);
            let max = r.matrix.iter().map(|x| x.2).max().unwrap_or(1).max(1);
            let cell = |s: u32, t: u32| {
                r.matrix
                    .iter()
                    .find(|x| x.0 == s && x.1 == t)
                    .map_or(0, |x| x.2)
            };
            let rows: Vec<(u32, Vec<(u32, u32)>)> = speakers
                .iter()
                .map(|&(s, _)| (s, topics.iter().map(|&(t, _)| (t, cell(s, t))).collect()))
                .collect();
            (
                topics.into_iter().map(|x| x.0).collect::<Vec<_>>(),
                rows,
                max,
            )
        })
    };
    view! {
        <div class="matrix-wrap">
            {move || {
                let (topics, rows, max) = grid();
                if rows.is_empty() {
                    return view! { <p class="hint">"No speaker has a tagged passage here."</p> }.into_any();
                }
                let lib = podium.overview.library.get();
                let corpus = &lib.corpus;
                let head = topics
                    .iter()
                    .map(|&t| {
                        let topic = corpus.topic(t);
                        let id = topic.id.clone();
                        view! {
                            <th scope="col">
                                <button type="button" data-topic=topic.id.clone() on:click=move |_| podium.only(Facet::Topic, &id)>
                                    {topic.label.clone()}
                                </button>
                            </th>
                        }
                    })
                    .collect_view();
                let body = rows
                    .into_iter()
                    .map(|(s, cells)| {
                        let speaker = corpus.speaker(s);
                        let sid = speaker.id.clone();
                        let cells = cells
                            .into_iter()
                            .map(|(t, n)| {
                                let topic = corpus.topic(t);
                                let (sid, tid) = (speaker.id.clone(), topic.id.clone());
                                let label = format!("{} on {}: {n}", speaker.name, topic.label);
                                // Ten steps of heat as a class: the CSP allows no style attributes.
                                let heat = format!("cell heat-{}", (n * 10).div_ceil(max));
                                view! {
                                    <td>
                                        <button
                                            type="button"
                                            class=heat
                                            class:none=n == 0
                                            data-speaker=speaker.id.clone()
                                            data-topic=topic.id.clone()
                                            aria-label=label.clone()
                                            title=label
                                            on:click=move |_| {
                                                podium.update_query(|q| {
                                                    q.speaker.only(&sid);
                                                    q.topic.only(&tid);
                                                })
                                            }
                                        >
                                            {(n > 0).then_some(n)}
                                        </button>
                                    </td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row">
                                    <button type="button" data-speaker=speaker.id.clone() on:click=move |_| podium.only(Facet::Speaker, &sid)>
                                        {speaker.name.clone()}
                                    </button>
                                </th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table id="matrix">
                        <caption class="visually-hidden">"Passages per speaker and topic"</caption>
                        <thead>
                            <tr>
                                <td></td>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                }
                    .into_any()
            }}
        </div>
    }
}
