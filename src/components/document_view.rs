//! The whole document as parsed: metadata at the top, turns under speaker labels,
//! boilerplate dimmed and labelled as such, the chosen passage highlighted and scrolled
//! into view with its neighbours around it, so a reader sees who asked what.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::HtmlElement;
use podium_core::index::PassageRef;
use podium_core::{Document, Kind, Span};

use super::passage_card::mode_label;
use crate::library::Library;
use crate::sort::sort_by;
use crate::state::use_podium;

/// A piece of the document in reading order.
enum Piece {
    Meta(&'static str, Span),
    Passage(u32),
    Boilerplate(Span),
}

fn pieces(doc: &Document) -> Vec<Piece> {
    let mut out: Vec<(u32, Piece)> = Vec::new();
    out.extend(
        doc.metadata
            .iter()
            .map(|m| (m.span.start, Piece::Meta(m.field.as_str(), m.span))),
    );
    out.extend(
        doc.passages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.span.start, Piece::Passage(i as u32))),
    );
    out.extend(
        doc.boilerplate
            .iter()
            .map(|b| (b.span.start, Piece::Boilerplate(b.span))),
    );
    // By start; an empty piece sharing a start comes in the order of the lists above.
    let rank = |p: &Piece| match p {
        Piece::Meta(..) => (0, 0),
        Piece::Passage(i) => (1, *i),
        Piece::Boilerplate(_) => (2, 0),
    };
    sort_by(&mut out, &|a, b| {
        a.0.cmp(&b.0).then(rank(&a.1).cmp(&rank(&b.1)))
    });
    out.into_iter().map(|x| x.1).collect()
}

fn body(lib: &Library, doc_ix: u32, current: Option<u32>) -> impl IntoView {
    let doc = &lib.corpus.documents[doc_ix as usize];
    let mut last_turn: Option<(u32, Option<u32>)> = None;
    pieces(doc)
        .into_iter()
        .map(|piece| match piece {
            // Stage directions and timestamps stay where they were said; labels become the
            // turn headings and the rest of the metadata is listed at the top.
            Piece::Meta("stage_direction" | "timestamp", span) => {
                view! { <p class="stage">{doc.slice(span).to_string()}</p> }.into_any()
            }
            Piece::Meta(..) => ().into_any(),
            Piece::Boilerplate(span) => view! {
                <div class="boilerplate">
                    <span class="tag">"Boilerplate"</span>
                    <p>{doc.slice(span).to_string()}</p>
                </div>
            }
            .into_any(),
            Piece::Passage(i) => {
                let p = &doc.passages[i as usize];
                let r = PassageRef { doc: doc_ix, passage: i };
                let new_turn = last_turn != Some((p.turn, p.speaker));
                last_turn = Some((p.turn, p.speaker));
                let heading = (new_turn && (doc.kind == Kind::Transcript || p.speaker.is_some())).then(|| {
                    let who = p.speaker.map_or("Narration".to_string(), |s| lib.corpus.speaker(s).name.clone());
                    view! { <h3 class="turn-label">{who} <span class="mode">{mode_label(p.mode)}</span></h3> }
                });
                let is_current = current == Some(i);
                view! {
                    {heading}
                    <p
                        class="in-doc"
                        class:current=is_current
                        class:narration=p.speaker.is_none()
                        id=format!("doc-{}", super::passage_card::element_id(r))
                        data-start=p.span.start.to_string()
                        data-mode=p.mode.as_str()
                    >
                        {doc.slice(p.span).to_string()}
                    </p>
                }
                .into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn DocumentView() -> impl IntoView {
    let podium = use_podium();
    let target = Memo::new(move |_| {
        podium.view.with(|v| {
            v.open.as_ref().and_then(|link| {
                let lib = podium.lib();
                let doc = lib.document_ix(&link.file)?;
                Some((doc, lib.resolve(link).map(|r| r.passage)))
            })
        })
    });
    let close = move || podium.view.update(|v| v.open = None);
    // Scroll the panel (not the page, which keeps the reader's place in the results) so
    // the chosen passage sits in the middle of what the panel's own header leaves visible,
    // or starts at its top when it is too long to fit.
    // A new library renders the document anew, so the panel is scrolled again then.
    Effect::new(move |_| {
        podium.library.track();
        if let Some((doc, Some(passage))) = target.get() {
            let id = format!(
                "doc-{}",
                super::passage_card::element_id(PassageRef { doc, passage })
            );
            request_animation_frame(move || {
                let find = |id: &str| {
                    document()
                        .get_element_by_id(id)?
                        .dyn_into::<HtmlElement>()
                        .ok()
                };
                if let (Some(panel), Some(el)) = (find("document"), find(&id)) {
                    let header = find("document-header").map_or(0, |h| h.offset_height());
                    let room = panel.client_height() - header;
                    let slack = (room - el.offset_height()).max(16);
                    // A long passage starts near the top, its speaker label still in view.
                    let top = el.offset_top()
                        - header
                        - if el.offset_height() < room {
                            slack / 2
                        } else {
                            48
                        };
                    panel.set_scroll_top(top.max(0));
                }
            });
        }
    });
    move || {
        target.get().map(|(doc_ix, current)| {
            let lib = podium.lib();
            let doc = &lib.corpus.documents[doc_ix as usize];
            let meta = doc
                .metadata
                .iter()
                .filter(|m| m.field != podium_core::Field::Label)
                .map(|m| {
                    view! {
                        <div class="meta-row">
                            <dt>{m.field.as_str().replace('_', " ")}</dt>
                            <dd>{doc.slice(m.span).to_string()}</dd>
                        </div>
                    }
                })
                .collect_view();
            let label = format!("Document: {}", doc.title);
            view! {
                <section id="document" aria-label=label>
                    <header class="document-header" id="document-header">
                        <h2>{doc.title.clone()}</h2>
                        <button type="button" id="close-document" aria-label="Close document" on:click=move |_| close()>
                            "Close ×"
                        </button>
                    </header>
                    <dl class="metadata">
                        <div class="meta-row">
                            <dt>"file"</dt>
                            <dd>
                                {doc.file.clone()}
                                {lib.local.contains(&doc.file).then(|| view! {
                                    " " <span class="badge local" title="A document you imported into this browser">"local"</span>
                                })}
                            </dd>
                        </div>
                        <div class="meta-row">
                            <dt>"kind"</dt>
                            <dd>{doc.kind.as_str()}</dd>
                        </div>
                        {meta}
                    </dl>
                    <div class="document-body">{body(&lib, doc_ix, current)}</div>
                </section>
            }
        })
    }
}
