//! "Your documents": import files or pasted text, see how each was read, remove them, and
//! manage corrections (undo, download them as TOML patches for the corpus maintainer).

use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use podium_core::Kind;

use crate::app::file_sources;
use crate::components::export::download;
use crate::shelf::{use_shelf, Source};
use crate::state::use_podium;
use podium_core::workbench::{ImportReport, Summary};

#[component]
pub fn ImportPanel() -> impl IntoView {
    let shelf = use_shelf();
    view! {
        <Show when=move || shelf.open.get()>
            <section id="import" class="panel import-panel" aria-labelledby="import-title">
                <header class="import-head">
                    <h2 id="import-title">"Your documents"</h2>
                    <button type="button" class="close" aria-label="Close your documents" on:click=move |_| shelf.open.set(false)>
                        "×"
                    </button>
                </header>
                <p class="hint">
                    "Add transcripts and articles as .txt or .md files. They are read here, in your browser, "
                    "join every filter, count and chart, are marked "
                    <span class="badge local">"local"</span>
                    " and stay in this browser only, offline too."
                </p>
                <Inputs />
                <ProgressLine />
                <Reports />
                {move || shelf.storage_error.get().map(|e| view! { <p class="storage-error" role="alert">{e}</p> })}
                <LocalDocuments />
                <Corrections />
            </section>
        </Show>
    }
}

#[component]
fn Inputs() -> impl IntoView {
    let shelf = use_shelf();
    // The reader may be about to choose files: the import worker starts while they do.
    shelf.warm();
    let files = NodeRef::<Input>::new();
    let paste = NodeRef::<Textarea>::new();
    let over = RwSignal::new(false);
    let busy = move || shelf.busy();
    view! {
        <div class="import-inputs">
            <label
                class="drop-zone"
                class:over=move || over.get()
                on:dragenter=move |_| over.set(true)
                on:dragleave=move |_| over.set(false)
                on:drop=move |_| over.set(false)
            >
                <input
                    node_ref=files
                    id="import-files"
                    type="file"
                    multiple
                    accept=".txt,.md,text/plain,text/markdown"
                    disabled=busy
                    on:change=move |_| {
                        let Some(input) = files.get() else { return };
                        if let Some(list) = input.files() {
                            shelf.import(file_sources(list));
                        }
                        // The same file can be chosen again after an edit.
                        input.set_value("");
                    }
                />
                <span class="drop-label">"Choose files, or drop them anywhere on the page"</span>
            </label>
            <form
                class="paste"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let Some(area) = paste.get() else { return };
                    let text = area.value();
                    if text.trim().is_empty() {
                        shelf.session.notify("Paste a document's text first");
                        return;
                    }
                    area.set_value("");
                    shelf.import(vec![Source::Pasted(text)]);
                }
            >
                <label for="import-paste">"Or paste a document (its title on the first line)"</label>
                <textarea node_ref=paste id="import-paste" rows="5" spellcheck="false"></textarea>
                <button type="submit" disabled=busy>"Add pasted text"</button>
            </form>
        </div>
    }
}

#[component]
fn ProgressLine() -> impl IntoView {
    let shelf = use_shelf();
    move || {
        shelf.progress.get().map(|p| match p.count {
            Some((done, total)) => view! {
                <div class="import-progress" role="status">
                    <progress max=total.max(1).to_string() value=done.to_string()></progress>
                    <span>{format!("{}… {} of {total}", p.label, done.min(total))}</span>
                </div>
            }
            .into_any(),
            // Work the worker does in one go: a bar that says "busy", not how far.
            None => view! {
                <div class="import-progress" role="status">
                    <progress></progress>
                    <span>{format!("{}…", p.label)}</span>
                </div>
            }
            .into_any(),
        })
    }
}

#[component]
fn Reports() -> impl IntoView {
    let shelf = use_shelf();
    let rows = move || {
        shelf
            .reports
            .get()
            .into_iter()
            .map(|r| report_row(&r))
            .collect_view()
    };
    view! {
        <Show when=move || shelf.reports.with(|r| !r.is_empty())>
            <h3>"Last import"</h3>
            <ul class="import-reports">{rows}</ul>
        </Show>
    }
}

fn report_row(r: &ImportReport) -> impl IntoView {
    let (class, detail, notes) = match &r.outcome {
        Ok(s) => ("ok", describe(s), s.notes.clone()),
        Err(e) => ("failed", e.clone(), Vec::new()),
    };
    let notes = (!notes.is_empty()).then(|| {
        view! {
            <ul class="notes" aria-label="To check">
                {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class=class data-file=r.file.clone()>
            <span class="mark" aria-hidden="true">{if class == "ok" { "✓" } else { "✗" }}</span>
            <strong class="file">{r.file.clone()}</strong>
            <span class="detail">{detail}</span>
            {notes}
        </li>
    }
}

/// "transcript · 3 turns · 2 speakers: Price, Reporter · 2022-03-03".
fn describe(s: &Summary) -> String {
    let kind = match s.kind {
        Kind::Transcript => "transcript",
        Kind::Article => "article",
    };
    let unit = if s.kind == Kind::Transcript {
        "turn"
    } else {
        "passage"
    };
    let mut parts = vec![
        kind.to_string(),
        format!("{} {unit}{}", s.turns, if s.turns == 1 { "" } else { "s" }),
    ];
    parts.push(match s.speakers.len() {
        0 => "no speaker found".to_string(),
        n => format!(
            "{n} speaker{}: {}",
            if n == 1 { "" } else { "s" },
            s.speakers.join(", ")
        ),
    });
    parts.push(s.date.clone().unwrap_or_else(|| "no date found".into()));
    if s.replaced {
        parts.push("replaced the earlier copy".into());
    }
    parts.join(" · ")
}

#[component]
fn LocalDocuments() -> impl IntoView {
    let shelf = use_shelf();
    let confirming = RwSignal::new(false);
    // Removing while an import runs would race it in the worker: one change at a time.
    let busy = move || shelf.busy();
    // A memo: a correction, which leaves the files as they are, leaves the list alone. It
    // follows the library a few frames after the passages (see `state::Column`): a large
    // import adds a row per file, which would otherwise be built and laid out with them.
    let column = use_podium().column.documents;
    let documents = Memo::new(move |_| {
        column
            .library
            .with(|l| l.local.iter().cloned().collect::<Vec<_>>())
    });
    let corrections = move || shelf.with_desk(|d| d.corrections().len());
    let row = move |file: String| {
        let remove = file.clone();
        view! {
            <li data-file=file.clone()>
                <span class="file">{file.clone()}</span>
                <button type="button" class="remove" aria-label=format!("Remove {file}") disabled=busy on:click=move |_| shelf.remove(remove.clone())>
                    "Remove"
                </button>
            </li>
        }
    };
    let empty = move || documents.with(Vec::is_empty) && corrections() == 0;
    view! {
        <h3>"In this browser"</h3>
        <Show
            when=move || documents.with(|d| !d.is_empty())
            fallback=|| view! { <p class="empty">"No documents of yours yet."</p> }
        >
            <ul class="local-documents">
                {move || documents.get().into_iter().map(row).collect_view()}
            </ul>
        </Show>
        <Show when=move || !empty()>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="clear" disabled=busy on:click=move |_| confirming.set(true)>
                        "Remove all of your documents and corrections…"
                    </button>
                }
            >
                <p class="confirm" role="alert">
                    {move || format!(
                        "Remove {} document(s) and {} correction(s) from this browser? This cannot be undone.",
                        documents.with(Vec::len),
                        corrections()
                    )}
                    <button type="button" class="confirm-clear" disabled=busy on:click=move |_| {
                        confirming.set(false);
                        shelf.clear();
                        shelf.session.notify("Removed your documents and corrections");
                    }>"Remove all"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </p>
            </Show>
        </Show>
    }
}

#[component]
fn Corrections() -> impl IntoView {
    let shelf = use_shelf();
    let count = move || shelf.with_desk(|d| d.corrections().len());
    let save = move |name: &'static str, patch: String| {
        if patch.is_empty() {
            shelf
                .session
                .notify(format!("No correction changes {name}"));
            return;
        }
        if let Err(e) = download(&format!("{name}.patch.toml"), "application/toml", &patch) {
            shelf
                .session
                .notify(format!("Could not save the patch: {e}"));
        }
    };
    view! {
        <h3>"Corrections"</h3>
        <p class="hint">
            {move || match count() {
                0 => "None yet. Use “Correct” on any passage to change its speaker or topics.".to_string(),
                1 => "1 correction, applied everywhere and marked “corrected”.".to_string(),
                n => format!("{n} corrections, applied everywhere and marked “corrected”."),
            }}
        </p>
        <Show when=move || { count() > 0 }>
            <div class="correction-actions">
                <button type="button" class="undo" on:click=move |_| shelf.undo()>"Undo the last"</button>
                <button type="button" class="patch-speakers" on:click=move |_| save("speakers", shelf.with_desk(|d| d.speakers_patch()))>
                    "Download speakers.toml patch"
                </button>
                <button type="button" class="patch-topics" on:click=move |_| save("topics", shelf.with_desk(|d| d.topics_patch()))>
                    "Download topics.toml patch"
                </button>
                <button type="button" class="discard" on:click=move |_| shelf.discard_corrections()>"Discard all corrections"</button>
            </div>
            <p class="hint">
                "A maintainer appends a patch to corpus/speakers.toml or corpus/topics.toml to make the corrections part of the next build."
            </p>
        </Show>
    }
}
