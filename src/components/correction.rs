//! "Correct" on a passage: attribute it to another speaker (one of the corpus or a new
//! name) or add and remove topics. A correction applies everywhere at once, can be undone,
//! and is kept in this browser ([`crate::shelf`]).

use leptos::html::Input;
use leptos::prelude::*;
use podium_core::corrections::{Change, Correction};
use podium_core::index::PassageRef;

use crate::after_paint::painted;
use crate::library::Library;
use crate::shelf::use_shelf;
use crate::state::use_podium;

/// The ids of the datalists [`Choices`] renders, which the editors' inputs suggest from.
const SPEAKERS: &str = "podium-speakers";
const TOPICS: &str = "podium-topics";

#[component]
pub fn CorrectionEditor(r: PassageRef, close: Callback<()>) -> impl IntoView {
    let podium = use_podium();
    let shelf = use_shelf();
    // What the card shows; a card stays open across a new library only while its passage
    // looks the same there, so these stay true. Submits read the library shown then.
    let lib = podium.lib_untracked();
    let at = lib.permalink(r);
    let current = lib
        .speaker_of(r)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let speaker = NodeRef::<Input>::new();
    let topic = NodeRef::<Input>::new();
    // The editor opens under the card's buttons, maybe below the fold: focusing the speaker
    // field brings it into view and lets the reader type at once.
    speaker.on_load(|input| {
        let _ = input.focus();
    });

    let correct = move |change: Change, message: String| {
        close.run(());
        shelf.correct(
            Correction {
                file: at.file.clone(),
                at: at.start,
                change,
            },
            message,
        );
    };
    let set_speaker = {
        let correct = correct.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lib = podium.lib_untracked();
            let name = speaker.get().map(|i| i.value()).unwrap_or_default();
            match speaker_change(&lib, &name) {
                Some(change) => correct(change, format!("Attributed to {}", name.trim())),
                None => podium.notify("Type the speaker's name"),
            }
        }
    };
    let add_topic = {
        let correct = correct.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lib = podium.lib_untracked();
            let label = topic.get().map(|i| i.value()).unwrap_or_default();
            match topic_change(&lib, &label) {
                Some(change) => correct(change, format!("Topic “{}” added", label.trim())),
                None => podium.notify("Type a topic"),
            }
        }
    };
    let topics = lib
        .passage(r)
        .topics
        .iter()
        .map(|&t| {
            let topic = lib.topic(t);
            let (id, label) = (topic.id.clone(), topic.label.clone());
            let correct = correct.clone();
            view! {
                <li>
                    <span>{label.clone()}</span>
                    <button
                        type="button"
                        class="remove-topic"
                        aria-label=format!("Remove topic {label}")
                        on:click=move |_| correct(Change::RemoveTopic { id: id.clone() }, format!("Topic “{label}” removed"))
                    >
                        "×"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="correction" role="group" aria-label="Correct this passage">
            <form class="correct-speaker" on:submit=set_speaker>
                <label>
                    "Speaker"
                    <input node_ref=speaker type="text" list=SPEAKERS value=current autocomplete="off" />
                </label>
                <button type="submit">"Set speaker"</button>
            </form>
            <ul class="correct-topics" aria-label="Topics of this passage">{topics}</ul>
            <form class="correct-topic" on:submit=add_topic>
                <label>
                    "Add topic"
                    <input node_ref=topic type="text" list=TOPICS autocomplete="off" />
                </label>
                <button type="submit">"Add"</button>
            </form>
            <button type="button" class="cancel" on:click=move |_| close.run(())>"Cancel"</button>
        </div>
    }
}

/// The speakers and topics the correction inputs suggest, kept in step with the library.
#[component]
pub fn Choices() -> impl IntoView {
    let podium = use_podium();
    // Sorted and once each (two speakers may share a name); a memo, so that a library with
    // the same names leaves the options as they are.
    let names = move |of: fn(&Library) -> Vec<String>| {
        Memo::new(move |_| {
            let mut names = podium.column.choices.library.with(|l| of(l));
            names.sort_unstable();
            names.dedup();
            names
        })
    };
    let speakers = names(|l| l.corpus.speakers.iter().map(|s| s.name.clone()).collect());
    let topics = names(|l| l.corpus.topics.iter().map(|t| t.label.clone()).collect());
    // Filled once the first passages have been painted: a large corpus has thousands.
    let drawn = painted();
    let options = move |names: Memo<Vec<String>>| {
        move || {
            drawn.get().then(|| {
                // Keyed: a new library keeps the options of the names it still has.
                view! {
                    <For each=move || names.get() key=String::clone children=|name| view! { <option value=name></option> } />
                }
            })
        }
    };
    view! {
        <datalist id=SPEAKERS>{options(speakers)}</datalist>
        <datalist id=TOPICS>{options(topics)}</datalist>
    }
}

/// A known speaker by name (any case), else a new one.
fn speaker_change(lib: &Library, name: &str) -> Option<Change> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let known = lib
        .corpus
        .speakers
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(name));
    Some(match known {
        Some(s) => Change::Speaker {
            id: s.id.clone(),
            name: s.name.clone(),
        },
        None => Change::speaker_named(name),
    })
}

/// A known topic by label or id (any case), else a new one.
fn topic_change(lib: &Library, label: &str) -> Option<Change> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    let known = lib
        .corpus
        .topics
        .iter()
        .find(|t| t.label.eq_ignore_ascii_case(label) || t.id.eq_ignore_ascii_case(label));
    Some(match known {
        Some(t) => Change::AddTopic {
            id: t.id.clone(),
            label: t.label.clone(),
        },
        None => Change::topic_labelled(label),
    })
}
