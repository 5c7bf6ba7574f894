//! Active filters as removable chips with "Clear all", and the empty state that lists the
//! filters excluding everything, each removable with one click.

use leptos::prelude::*;
use podium_core::query::{Facet, Query, Voice};

use crate::state::{use_podium, Podium};

/// One active filter, described for a reader.
#[derive(Clone, Debug, PartialEq)]
struct Active {
    facet: Facet,
    id: String,
    text: String,
}

fn describe(podium: Podium, q: &Query) -> Vec<Active> {
    let lib = podium.lib();
    let c = &lib.corpus;
    let name = |facet: Facet, id: &str| -> String {
        match facet {
            Facet::Speaker => c
                .speakers
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone()),
            Facet::Topic | Facet::Asked => c
                .topics
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.label.clone()),
            Facet::Document => c
                .documents
                .iter()
                .find(|d| d.file == id)
                .map(|d| d.title.clone()),
            Facet::Voice => Voice::ALL
                .iter()
                .find(|v| v.id() == id)
                .map(|v| v.label().to_string()),
            Facet::Date => None,
        }
        .unwrap_or_else(|| id.to_string())
    };
    let mut out = Vec::new();
    for (facet, title) in [
        (Facet::Speaker, "Speaker"),
        (Facet::Topic, "Topic"),
        (Facet::Voice, "Voice"),
        (Facet::Asked, "Answering a question about"),
        (Facet::Document, "Document"),
    ] {
        let f = q.filter(facet).expect("facets with values have a filter");
        for id in &f.include {
            out.push(Active {
                facet,
                id: id.clone(),
                text: format!("{title}: {}", name(facet, id)),
            });
        }
        for id in &f.exclude {
            out.push(Active {
                facet,
                id: id.clone(),
                text: format!("{title} is not: {}", name(facet, id)),
            });
        }
    }
    if let Some(d) = q.from {
        out.push(Active {
            facet: Facet::Date,
            id: "from".into(),
            text: format!("From {d}"),
        });
    }
    if let Some(d) = q.to {
        out.push(Active {
            facet: Facet::Date,
            id: "to".into(),
            text: format!("To {d}"),
        });
    }
    if !q.text.trim().is_empty() {
        out.push(Active {
            facet: Facet::Date,
            id: "text".into(),
            text: format!("Search: {}", q.text.trim()),
        });
    }
    out
}

fn remove(podium: Podium, a: &Active) {
    podium.update_query(|q| match (a.facet, a.id.as_str()) {
        (Facet::Date, "from") => q.from = None,
        (Facet::Date, "to") => q.to = None,
        (Facet::Date, "text") => q.text.clear(),
        (facet, id) => {
            if let Some(f) = q.filter_mut(facet) {
                f.remove(id);
            }
        }
    });
}

fn chips(podium: Podium, class: &'static str) -> impl IntoView {
    move || {
        podium
            .query
            .with(|q| describe(podium, q))
            .into_iter()
            .map(|a| {
                let label = format!("Remove filter: {}", a.text);
                let text = a.text.clone();
                view! {
                    <button type="button" class=class aria-label=label on:click=move |_| remove(podium, &a)>
                        {text}
                        <span aria-hidden="true">" ×"</span>
                    </button>
                }
            })
            .collect_view()
    }
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let podium = use_podium();
    let any = move || podium.query.with(|q| !q.is_empty());
    view! {
        <div id="active-filters" aria-label="Active filters" class:empty=move || !any()>
            {chips(podium, "chip")}
            <Show when=any>
                <button
                    type="button"
                    id="clear-all"
                    on:click=move |_| podium.update_query(|q| *q = Query::default())
                >
                    "Clear all"
                </button>
            </Show>
        </div>
    }
}

#[component]
pub fn EmptyState() -> impl IntoView {
    let podium = use_podium();
    view! {
        <div id="empty" role="status">
            <p class="empty-title">"No passages match"</p>
            <p>"Together these exclude every passage. Remove one:"</p>
            <div class="empty-filters">{chips(podium, "chip")}</div>
        </div>
    }
}
