//! One result: who said it (and in what voice), the words with search hits marked, the
//! topics (a click filters), where and when, and what a reader does next: open it in its
//! document, copy a citation, share its permalink. An answer shows the question it answers.

use leptos::prelude::*;

use crate::components::correction::CorrectionEditor;
use podium_core::index::{highlights, PassageRef};
use podium_core::query::{Facet, Voice};
use podium_core::url::{Permalink, View};
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

/// Everything a card shows of one passage, as one library has it. The list keys its cards
/// by it: a new library (an import, a correction) keeps every card whose passage looks the
/// same there and renders anew only those that changed, and a card never mixes two libraries.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Face {
    /// Where the passage is in that library, for what the card's buttons do.
    pub r: PassageRef,
    /// Id, name and role.
    speaker: Option<(String, String, Option<String>)>,
    mode: Mode,
    text: String,
    /// Id, label, and whether it was extracted rather than curated.
    topics: Vec<(String, String, bool)>,
    /// Who asked, and what, for an answer.
    question: Option<(String, String)>,
    file: String,
    start: u32,
    title: String,
    date: String,
    source: Option<String>,
    local: bool,
    corrected: bool,
}

impl Face {
    pub fn of(lib: &Library, r: PassageRef) -> Face {
        let doc = lib.document(r);
        let p = lib.passage(r);
        Face {
            r,
            speaker: lib
                .speaker_of(r)
                .map(|s| (s.id.clone(), s.name.clone(), s.role.clone())),
            mode: p.mode,
            text: lib.text(r).to_string(),
            topics: p
                .topics
                .iter()
                .map(|&t| {
                    let topic = lib.topic(t);
                    let automatic = topic.origin == podium_core::Origin::Automatic;
                    (topic.id.clone(), topic.label.clone(), automatic)
                })
                .collect(),
            question: question(lib, r),
            file: doc.file.clone(),
            start: p.span.start,
            title: doc.title.clone(),
            date: doc.date.map_or("undated".to_string(), |d| d.to_string()),
            source: doc.source.clone(),
            local: lib.is_local(r),
            corrected: lib.is_corrected(r),
        }
    }
}

/// The card of one passage, drawn from its [`Face`] alone.
#[component]
pub fn PassageCard(face: Face) -> impl IntoView {
    let podium = use_podium();
    let Face {
        r,
        speaker,
        mode,
        text,
        topics,
        question,
        file,
        start,
        title,
        date,
        source,
        local,
        corrected,
    } = face;
    let voice = Voice::of(mode);
    let permalink = format!(
        "#{}",
        View {
            open: Some(Permalink {
                file: file.clone(),
                start
            }),
            ..View::default()
        }
        .to_fragment()
    );
    let marks = move || {
        let hits = podium.results.with(|res| highlights(&text, &res.hits));
        highlighted(&text, &hits)
    };
    let selected = move || podium.selected.get() == Some(r);
    let topics = topics
        .into_iter()
        .map(|(id, label, automatic)| {
            view! {
                <li>
                    <button
                        type="button"
                        class="topic-chip"
                        class:automatic=automatic
                        data-topic=id.clone()
                        title="Show only this topic"
                        on:click=move |_| podium.only(Facet::Topic, &id)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    let asked = question.map(|(who, q)| {
        view! {
            <details class="question">
                <summary>"Question from " {who}</summary>
                <p>{q}</p>
            </details>
        }
    });
    let (speaker_id, name, role) = match speaker {
        Some((id, name, role)) => (id, name, role),
        None => (String::new(), "Narration".to_string(), None),
    };
    let editing = RwSignal::new(false);
    view! {
        <article
            class="passage"
            id=element_id(r)
            tabindex="-1"
            data-speaker=speaker_id
            data-mode=mode.as_str()
            data-voice=voice.id()
            data-doc=file
            data-start=start.to_string()
            aria-current=move || selected().then_some("true")
            class:selected=selected
            class:local=local
            class:corrected=corrected
        >
            <header class="who">
                <span class="speaker">{name}</span>
                {role.map(|role| view! { <span class="role">{role}</span> })}
                <span class=format!("voice voice-{}", voice.id()) title=voice.label()>
                    {mode_label(mode)}
                </span>
                {local.then(|| view! { <span class="badge local" title="A document you imported into this browser">"local"</span> })}
                {corrected.then(|| view! { <span class="badge corrected" title="You corrected this passage in this browser">"corrected"</span> })}
            </header>
            {asked}
            <p class="text">{marks}</p>
            <ul class="topics" aria-label="Topics">{topics}</ul>
            <footer class="source">
                <span class="doc-title">{title}</span>
                <span class="doc-date">{date}</span>
                {source.map(|s| view! { <span class="doc-source">{s}</span> })}
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
