//! The page: a header with the corpus at a glance, the documents, the speakers.
//!
//! Components are named after what the reader sees. All corpus text goes into the page as
//! text nodes (never as HTML), so a document can hold `<` or `&` and show it as written.

use leptos::prelude::*;
use podium_core::{Corpus, Document, Speaker};

use crate::corpus;

#[component]
pub fn App() -> impl IntoView {
    let body = match corpus::corpus() {
        Ok(corpus) => view! {
            <CorpusSummary corpus=corpus />
            <div class="columns">
                <DocumentList documents=&corpus.documents />
                <SpeakerList corpus=corpus />
            </div>
        }
        .into_any(),
        Err(message) => view! { <LoadError message=message /> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header />
        <main id="main" tabindex="-1">
            {body}
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1 class="product-name">"Podium"</h1>
            <p class="tagline">"Who said what, on which topic."</p>
        </header>
    }
}

/// "2 documents · 5 speakers · 48 passages"
#[component]
fn CorpusSummary(corpus: &'static Corpus) -> impl IntoView {
    let passages = corpus.documents.iter().map(|d| d.passages.len()).sum();
    view! {
        <p class="corpus-summary">
            <span>{count(corpus.documents.len(), "document", "documents")}</span>
            <span>{count(corpus.speakers.len(), "speaker", "speakers")}</span>
            <span>{count(passages, "passage", "passages")}</span>
        </p>
    }
}

#[component]
fn DocumentList(documents: &'static [Document]) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="documents-heading">
            <h2 id="documents-heading">"Documents"</h2>
            <ul class="document-list">
                {documents
                    .iter()
                    .map(|document| view! { <DocumentItem document=document /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn DocumentItem(document: &'static Document) -> impl IntoView {
    let title = if document.title.trim().is_empty() {
        document.file.as_str()
    } else {
        document.title.as_str()
    };
    let date = match document.date {
        Some(date) => {
            let iso = date.to_string();
            let shown = iso.clone();
            view! { <time datetime=iso>{shown}</time> }.into_any()
        }
        None => view! { <span class="undated">"undated"</span> }.into_any(),
    };
    view! {
        <li class="document">
            <h3 class="document-title">{title}</h3>
            <p class="meta">
                {date}
                <Badge text=document.kind.as_str() />
                {document.source.as_deref().map(|source| view! { <span>{source}</span> })}
                <span>{count(document.passages.len(), "passage", "passages")}</span>
            </p>
        </li>
    }
}

#[component]
fn SpeakerList(corpus: &'static Corpus) -> impl IntoView {
    let counts = corpus::passages_per_speaker(corpus);
    let mut speakers: Vec<(&'static Speaker, usize)> = corpus.speakers.iter().zip(counts).collect();
    // Most passages first; ties by name, so the order is stable from build to build.
    speakers.sort_by(|(a, a_count), (b, b_count)| b_count.cmp(a_count).then(a.name.cmp(&b.name)));
    view! {
        <section class="panel" aria-labelledby="speakers-heading">
            <h2 id="speakers-heading">"Speakers"</h2>
            <ul class="speaker-list">
                {speakers
                    .into_iter()
                    .map(|(speaker, passages)| view! { <SpeakerItem speaker=speaker passages=passages /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SpeakerItem(speaker: &'static Speaker, passages: usize) -> impl IntoView {
    view! {
        <li class="speaker">
            <span class="speaker-name">{speaker.name.as_str()}</span>
            {speaker.role.as_deref().map(|role| view! { <span class="speaker-role">{role}</span> })}
            <p class="meta">
                <Badge text=speaker.kind.as_str() />
                <span>{count(passages, "passage", "passages")}</span>
            </p>
        </li>
    }
}

/// A small pill for a kind ("transcript", "official"). The outer span carries the "·"
/// separator of a `.meta` line, so the separator stays outside the pill.
#[component]
fn Badge(text: &'static str) -> impl IntoView {
    view! {
        <span>
            <span class="badge">{text}</span>
        </span>
    }
}

#[component]
fn LoadError(message: &'static str) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h2>"The corpus could not be loaded"</h2>
            <p>{message}</p>
        </div>
    }
}

/// "1 passage", "3 passages".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn count_uses_the_singular_only_for_one() {
        assert_eq!(count(0, "speaker", "speakers"), "0 speakers");
        assert_eq!(count(1, "speaker", "speakers"), "1 speaker");
        assert_eq!(count(2, "speaker", "speakers"), "2 speakers");
    }
}
