//! One result: who said it (and in what voice), the words with search hits marked, the
//! topics (a click filters), where and when, and what a reader does next: open it in its
//! document, copy a citation, share its permalink. An answer shows the question it answers.

use leptos::prelude::*;

use crate::components::correction::CorrectionEditor;
use podium_core::index::{highlights, PassageRef};
use podium_core::query::{Facet, Voice};
use podium_core::url::View;
use podium_core::Mode;

use super::citation;
use super::highlighted::highlighted;
use crate::library::Library;
use crate::state::use_podium;

pub fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Speech => "Speech",
        Mode::Question => "Question",
        Mode::Quote => "Quote",
        Mode::Reported => "Reported",
        Mode::Narration => "Narration",
    }
}

pub fn element_id(r: PassageRef) -> String {
    format!("passage-{}-{}", r.doc, r.passage)
}

/// The question an answer replies to: who asked, and what.
fn question(lib: &Library, r: PassageRef) -> Option<(String, String)> {
    let doc = lib.document(r);
    let turn = lib.passage(r).reply_to?;
    let asked: Vec<_> = doc
        .passages
        .iter()
        .filter(|p| p.turn == turn && p.mode == Mode::Question)
        .collect();
    let first = asked.first()?;
    let who = first.speaker.map_or("a reporter".to_string(), |s| {
        lib.corpus.speaker(s).name.clone()
    });
    let text = asked
        .iter()
        .map(|p| doc.slice(p.span))
        .collect::<Vec<_>>()
        .join("\n\n");
    Some((who, text))
}

/// The card of passage `r` of the library shown now; a new library renders a new card.
#[component]
pub fn PassageCard(r: PassageRef) -> impl IntoView {
    let podium = use_podium();
    let lib = podium.lib_untracked();
    let doc = lib.document(r);
    let p = lib.passage(r);
    let speaker = lib.speaker_of(r);
    let voice = Voice::of(p.mode);
    let marks = {
        let lib = lib.clone();
        move || {
            let text = lib.text(r);
            let hits = podium.results.with(|res| highlights(text, &res.hits));
            highlighted(text, &hits)
        }
    };
    let selected = move || podium.selected.get() == Some(r);
    let permalink = format!(
        "#{}",
        View {
            open: Some(lib.permalink(r)),
            ..View::default()
        }
        .to_fragment()
    );
    let topics = p
        .topics
        .iter()
        .map(|&t| {
            let topic = lib.topic(t);
            let id = topic.id.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="topic-chip"
                        class:automatic=topic.origin == podium_core::Origin::Automatic
                        data-topic=topic.id.clone()
                        title="Show only this topic"
                        on:click=move |_| podium.only(Facet::Topic, &id)
                    >
                        {topic.label.clone()}
                    </button>
                </li>
            }
        })
        .collect_view();
    let asked = question(&lib, r).map(|(who, q)| {
        view! {
            <details class="question">
                <summary>"Question from " {who}</summary>
                <p>{q}</p>
            </details>
        }
    });
    let date = doc.date.map_or("undated".to_string(), |d| d.to_string());
    let local = lib.is_local(r);
    let corrected = lib.is_corrected(r);
    let editing = RwSignal::new(false);
    view! {
        <article
            class="passage"
            id=element_id(r)
            tabindex="-1"
            data-speaker=speaker.map(|s| s.id.clone()).unwrap_or_default()
            data-mode=p.mode.as_str()
            data-voice=voice.id()
            data-doc=doc.file.clone()
            data-start=p.span.start.to_string()
            aria-current=move || selected().then_some("true")
            class:selected=selected
            class:local=local
            class:corrected=corrected
        >
            <header class="who">
                <span class="speaker">
                    {speaker.map_or_else(|| "Narration".to_string(), |s| s.name.clone())}
                </span>
                {speaker.and_then(|s| s.role.clone()).map(|role| view! { <span class="role">{role}</span> })}
                <span class=format!("voice voice-{}", voice.id()) title=voice.label()>
                    {mode_label(p.mode)}
                </span>
                {local.then(|| view! { <span class="badge local" title="A document you imported into this browser">"local"</span> })}
                {corrected.then(|| view! { <span class="badge corrected" title="You corrected this passage in this browser">"corrected"</span> })}
            </header>
            {asked}
            <p class="text">{marks}</p>
            <ul class="topics" aria-label="Topics">{topics}</ul>
            <footer class="source">
                <span class="doc-title">{doc.title.clone()}</span>
                <span class="doc-date">{date}</span>
                {doc.source.clone().map(|s| view! { <span class="doc-source">{s}</span> })}
            </footer>
            <div class="actions">
                <button type="button" class="open" on:click=move |_| podium.open(r)>
                    "Open in document"
                </button>
                <button type="button" class="copy" on:click=move |_| citation::copy(podium, citation::plain(podium, r))>
                    "Copy citation"
                </button>
                <button type="button" class="copy-md" on:click=move |_| citation::copy(podium, citation::markdown(podium, r))>
                    "Copy as Markdown"
                </button>
                <a class="permalink" href=permalink title="Permalink to this passage">
                    "Link"
                </a>
                <button
                    type="button"
                    class="correct"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    "Correct"
                </button>
            </div>
            <Show when=move || editing.get()>
                <CorrectionEditor r=r close=Callback::new(move |()| editing.set(false)) />
            </Show>
        </article>
    }
}
