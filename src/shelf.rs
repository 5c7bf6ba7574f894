//! The reader's own work in the page: documents they import, passages they correct, both
//! kept in this browser ([`crate::store`]) and restored at the next visit, offline too.
//!
//! Every change goes through the [`Desk`] and ends in one new [`Library`] set on
//! [`Shelf::library`]; the viewer follows it. Files are read one by one, yielding to
//! the browser between them; parsing and assembling happen in the [`Workbench`]'s worker.
//! A [`Progress`] line says what is under way.

use std::sync::Arc;

use js_sys::{Promise, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use podium_core::corpus::Bundle;
use podium_core::corrections::Correction;
use podium_core::index::IndexBuilder;
use podium_core::workbench::{ImportReport, Reply, Request, Upload};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::after_paint::Pace;
use crate::desk::Desk;
use crate::library::Library;
use crate::state::{Session, Shared, Toast};
use crate::store::{self, LocalDocument};
use crate::workbench::Workbench;

/// Something to import: a file the reader chose or dropped, or text they pasted.
pub enum Source {
    File(web_sys::File),
    Pasted(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub label: String,
    /// How many of how many, when the work comes in countable steps.
    pub count: Option<(usize, usize)>,
}

impl Progress {
    fn counted(label: &str, done: usize, total: usize) -> Progress {
        Progress {
            label: label.into(),
            count: Some((done, total)),
        }
    }

    fn busy(label: &str) -> Progress {
        Progress {
            label: label.into(),
            count: None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Shelf {
    desk: StoredValue<Desk, LocalStorage>,
    workbench: StoredValue<Workbench, LocalStorage>,
    pub library: RwSignal<Shared<Library>>,
    pub session: Session,
    /// Long work under way, for the progress line; `None` when idle.
    pub progress: RwSignal<Option<Progress>>,
    /// What became of each file of the last import.
    pub reports: RwSignal<Vec<ImportReport>>,
    /// The last failure to save or read this browser's storage, or to import at all.
    pub storage_error: RwSignal<Option<String>>,
    /// The import panel is open.
    pub open: RwSignal<bool>,
    /// The page's owner: callbacks made here must outlive the view that asked for them
    /// (a passage card, which a new library replaces if its passage changed).
    owner: StoredValue<Owner, LocalStorage>,
    /// How many libraries have been asked for: one built in steps is shown only if no other
    /// was asked for meanwhile, since that one was built from a later desk.
    asked: StoredValue<u64, LocalStorage>,
}

pub fn use_shelf() -> Shelf {
    expect_context::<Shelf>()
}

impl Shelf {
    pub fn new(bundle: Bundle, session: Session) -> Shelf {
        let desk = Desk::new(bundle);
        let library = Shared(Arc::new(desk.library()));
        Shelf {
            desk: StoredValue::new_local(desk),
            workbench: StoredValue::new_local(Workbench::default()),
            library: RwSignal::new(library),
            session,
            progress: RwSignal::new(None),
            reports: RwSignal::new(Vec::new()),
            storage_error: RwSignal::new(None),
            open: RwSignal::new(false),
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
            asked: StoredValue::new_local(0),
        }
    }

    /// Readies the import worker: the reader opened the import panel or drags files over
    /// the page.
    pub fn warm(&self) {
        self.workbench.with_value(Workbench::warm);
    }

    pub fn busy(&self) -> bool {
        self.progress.with(Option::is_some)
    }

    /// Reads from the desk, tracking the library so views of it follow every change.
    pub fn with_desk<T>(&self, f: impl FnOnce(&Desk) -> T) -> T {
        self.library.track();
        self.desk.with_value(f)
    }

    /// Brings back what the reader left in this browser last time.
    pub fn restore(self) {
        spawn_local(async move {
            let saved = match store::load().await {
                Ok(saved) => saved,
                Err(e) => {
                    self.storage_error.set(Some(e.to_string()));
                    return;
                }
            };
            if saved.documents.is_empty() && saved.corrections.is_empty() {
                // Nothing to restore: the page as built is already on screen.
                return;
            }
            if !saved.documents.is_empty() {
                self.progress
                    .set(Some(Progress::busy("Restoring your documents")));
                let uploads = saved.documents.into_iter().map(|d| Upload {
                    file: d.file,
                    bytes: d.text.into_bytes(),
                });
                match self.ask(Request::Add(uploads.collect())).await {
                    Ok(reply) => {
                        // Saved documents parsed before, so this fails only if a newer parser
                        // is stricter; say so rather than drop the text silently.
                        for r in &reply.reports {
                            if let Err(e) = &r.outcome {
                                self.storage_error.set(Some(format!(
                                    "Your saved document {} could not be read again: {e}",
                                    r.file
                                )));
                            }
                        }
                        self.desk
                            .update_value(|d| d.add(reply.corpus, &reply.reports));
                    }
                    Err(e) => self.storage_error.set(Some(format!(
                        "Your saved documents could not be opened. {e}"
                    ))),
                }
            }
            if !saved.corrections.is_empty() {
                self.desk
                    .update_value(|d| d.set_corrections(saved.corrections));
            }
            self.publish().await;
            self.progress.set(None);
        });
    }

    /// Imports files and pasted texts: each is parsed on its own, so one bad file is
    /// reported and the others still come in.
    pub fn import(self, sources: Vec<Source>) {
        if sources.is_empty() {
            return;
        }
        if self.busy() {
            // Only a drop gets here: the picker and the paste box are disabled meanwhile.
            self.session.show_toast(Toast {
                message: "Still importing: drop these files again when it has finished".into(),
                action: None,
            });
            return;
        }
        self.open.set(true);
        // Busy from now, not from the task's first step: a second drop in the same turn of
        // the event loop must not start a second import.
        self.progress
            .set(Some(Progress::counted("Reading", 0, sources.len())));
        spawn_local(async move {
            let n = sources.len();
            let mut reports: Vec<ImportReport> = Vec::new();
            let mut uploads: Vec<Upload> = Vec::new();
            let mut taken: Vec<String> = self
                .desk
                .with_value(|d| d.local_files().map(String::from).collect());
            for (i, source) in sources.into_iter().enumerate() {
                self.report_progress("Reading", i, n).await;
                let (file, bytes) = match source {
                    Source::File(f) => {
                        let name = f.name();
                        match read(&f).await {
                            Ok(bytes) => (name, bytes),
                            Err(e) => {
                                reports.push(failed(name, e));
                                continue;
                            }
                        }
                    }
                    Source::Pasted(text) => {
                        let name = self.desk.with_value(|d| {
                            pasted_name(&text, |f| d.is_embedded(f) || taken.iter().any(|t| t == f))
                        });
                        taken.push(name.clone());
                        (name, text.into_bytes())
                    }
                };
                if let Err(e) = self.admissible(&file) {
                    reports.push(failed(file, e));
                    continue;
                }
                uploads.push(Upload { file, bytes });
            }
            let mut documents: Vec<LocalDocument> = Vec::new();
            if !uploads.is_empty() {
                self.progress.set(Some(Progress::busy(&format!(
                    "Parsing and indexing {} document{}",
                    uploads.len(),
                    plural(uploads.len())
                ))));
                match self.ask(Request::Add(uploads)).await {
                    Ok(reply) => {
                        crate::marks::mark("import-reply");
                        let mut pace = Pace::new(STEP_BUDGET_MS);
                        // What is saved is each added document's text as parsed, which a
                        // restore parses again.
                        let added = |f: &str| {
                            reply
                                .reports
                                .iter()
                                .any(|r| r.file == f && r.outcome.is_ok())
                        };
                        documents = reply
                            .corpus
                            .iter()
                            .flat_map(|c| &c.documents)
                            .filter(|d| added(&d.file))
                            .map(|d| LocalDocument {
                                file: d.file.clone(),
                                text: d.text.clone(),
                            })
                            .collect();
                        self.desk
                            .update_value(|d| d.add(reply.corpus, &reply.reports));
                        reports.extend(reply.reports);
                        // The panel's report rows, then the new library, each in a frame of
                        // its own; then saving, which copies every text.
                        pace.step().await;
                        self.reports.set(std::mem::take(&mut reports));
                        crate::marks::mark("import-reports");
                        pace.paint().await;
                        self.publish_in_steps(&mut pace).await;
                        pace.paint().await;
                    }
                    Err(e) => {
                        self.progress.set(None);
                        self.session.notify("Nothing was added: see Your documents");
                        self.storage_error.set(Some(e));
                        return;
                    }
                }
            }
            if !reports.is_empty() {
                self.reports.set(reports);
            }
            let (ok, bad) = self.reports.with_untracked(|r| {
                let ok = r.iter().filter(|r| r.outcome.is_ok()).count();
                (ok, r.len() - ok)
            });
            self.session.notify(match (ok, bad) {
                (ok, 0) => format!("Added {ok} document{}", plural(ok)),
                (0, bad) => format!("{bad} file{} could not be added", plural(bad)),
                (ok, bad) => format!(
                    "Added {ok} document{}; {bad} could not be added",
                    plural(ok)
                ),
            });
            if !documents.is_empty() {
                self.progress
                    .set(Some(Progress::busy("Saving in this browser")));
                self.saved(store::put_documents(documents).await);
                crate::marks::mark("import-saved");
            }
            self.progress.set(None);
        });
    }

    pub fn remove(self, file: String) {
        if self.busy() {
            return;
        }
        self.progress
            .set(Some(Progress::busy(&format!("Removing {file}"))));
        spawn_local(async move {
            match self.ask(Request::Remove(file.clone())).await {
                Ok(reply) => {
                    self.desk.update_value(|d| d.remove(&file, reply.corpus));
                    self.publish().await;
                    self.reports.update(|r| r.retain(|r| r.file != file));
                    self.saved(store::remove_document(&file).await);
                    self.save_corrections().await;
                }
                Err(e) => self.storage_error.set(Some(e)),
            }
            self.progress.set(None);
        });
    }

    /// Removes every imported document and every correction, here and in storage.
    pub fn clear(self) {
        if self.busy() {
            return;
        }
        self.desk.update_value(Desk::clear);
        self.reports.set(Vec::new());
        spawn_local(async move {
            self.publish().await;
            // The embedded corpus needs no assembly; the worker only forgets, if it runs.
            if self.workbench.with_value(Workbench::started) {
                if let Err(e) = self.ask(Request::Clear).await {
                    self.storage_error.set(Some(e));
                }
            }
            self.saved(store::clear().await);
        });
    }

    /// Applies a correction everywhere (from the next frame on) and offers to take it back.
    pub fn correct(self, correction: Correction, message: String) {
        self.desk.update_value(|d| d.correct(correction));
        self.republish();
        self.session.show_toast(Toast {
            message,
            action: Some((
                "Undo".into(),
                self.owner
                    .with_value(|o| o.with(|| Callback::new(move |()| self.undo()))),
            )),
        });
    }

    pub fn undo(self) {
        if self.desk.try_update_value(|d| d.undo()).flatten().is_some() {
            self.republish();
            self.session.notify("Correction undone");
        }
    }

    /// Takes back every correction, keeping the imported documents.
    pub fn discard_corrections(self) {
        self.desk.update_value(|d| d.set_corrections(Vec::new()));
        self.republish();
    }

    /// Shows the corrections as they now are, and saves them.
    fn republish(self) {
        spawn_local(async move {
            // What the click changed (the form closed, a toast) is painted first, so the
            // steps count their budget from the start of a frame, not from the end of the
            // click's own work.
            let mut pace = Pace::new(STEP_BUDGET_MS);
            pace.paint().await;
            self.publish_in_steps(&mut pace).await;
            self.save_corrections().await;
        });
    }

    fn admissible(&self, file: &str) -> Result<(), String> {
        let lower = file.to_ascii_lowercase();
        if !(lower.ends_with(".txt") || lower.ends_with(".md")) {
            return Err("only plain-text documents (.txt or .md) can be imported".into());
        }
        if self.desk.with_value(|d| d.is_embedded(file)) {
            return Err(
                "a document of this name is already part of the page's corpus; rename the file to add it"
                    .into(),
            );
        }
        Ok(())
    }

    async fn report_progress(&self, label: &str, done: usize, total: usize) {
        self.progress
            .set(Some(Progress::counted(label, done, total)));
        next_task().await;
    }

    async fn ask(&self, request: Request) -> Result<Reply, String> {
        let workbench = self.workbench.get_value();
        workbench.ask(&request).await
    }

    /// Shows the library of the desk as it now is, built in steps paced a frame's budget at
    /// a time: its index, the rest of its catalog, then the views' update to it, so that no
    /// frame holds the whole of it.
    async fn publish(&self) {
        self.publish_in_steps(&mut Pace::new(STEP_BUDGET_MS)).await;
    }

    /// [`Shelf::publish`], the steps paced by `pace`.
    ///
    /// The new index takes over from the shown one the words of every passage that is still
    /// there unchanged, and reads only the others: a correction changes one passage, an
    /// import adds a few documents to many. Indexing every passage again held the page for
    /// 70–80 ms at each correction at 1,000 documents, and took 150–220 ms of steps at the
    /// end of an import there.
    async fn publish_in_steps(&self, pace: &mut Pace) {
        let ticket = self.asked.with_value(|n| n + 1);
        self.asked.set_value(ticket);
        pace.step().await;
        // Corrections are applied to a copy of the corpus: at 1,000 documents, a step of
        // its own.
        let contents = self.desk.with_value(Desk::contents);
        pace.step().await;
        let shown = self.library.get_untracked();
        let mut index = IndexBuilder::reusing(&shown.catalog.index, &shown.corpus);
        while index.step(&contents.corpus) {
            pace.step().await;
        }
        let index = index.finish();
        drop(shown);
        crate::marks::mark("indexed");
        pace.step().await;
        let library = Library::with_index(contents, index);
        crate::marks::mark("catalog");
        pace.step().await;
        if self.asked.get_value() == ticket {
            self.library.set(Shared(Arc::new(library)));
            crate::marks::mark("library-shown");
        }
    }

    async fn save_corrections(&self) {
        let corrections = self.desk.with_value(|d| d.corrections().to_vec());
        self.saved(store::put_corrections(&corrections).await);
    }

    fn saved(&self, result: Result<(), store::StoreError>) {
        match result {
            Ok(()) => self.storage_error.set(None),
            Err(e) => {
                self.session.notify("Not saved: see Your documents");
                self.storage_error.set(Some(format!(
                    "{e} What you see stays until you close the page, but will be gone after a reload."
                )));
            }
        }
    }
}

fn failed(file: String, reason: impl Into<String>) -> ImportReport {
    ImportReport {
        file,
        outcome: Err(reason.into()),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A file name for pasted text, from its first line ("Department Press Briefing" →
/// `department-press-briefing.txt`), unique among the names `taken` says are used.
fn pasted_name(text: &str, taken: impl Fn(&str) -> bool) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut stem = podium_core::speakers::slug(first);
    if stem.len() > 48 {
        let cut = stem[..48].rfind('-').unwrap_or(48);
        stem.truncate(cut);
    }
    if stem.is_empty() {
        stem = "pasted".into();
    }
    let mut name = format!("{stem}.txt");
    let mut n = 2;
    while taken(&name) {
        name = format!("{stem}-{n}.txt");
        n += 1;
    }
    name
}

async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the browser could not read this file".to_string())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// How much of a frame the end of an import may take, in milliseconds: the browser keeps
/// the rest (about 8 ms at 60 Hz) to lay out and paint what changed, and for input.
const STEP_BUDGET_MS: f64 = 8.0;

/// Resolves in a later task, after the browser has had a chance to paint and handle input.
async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::pasted_name;

    #[test]
    fn pasted_text_is_named_after_its_first_line_and_never_reuses_a_name() {
        let taken = |f: &str| f == "press-briefing.txt";
        assert_eq!(
            pasted_name("\n  Press Briefing \nMR. X: hi", taken),
            "press-briefing-2.txt"
        );
        assert_eq!(pasted_name("Talks", taken), "talks.txt");
        assert_eq!(pasted_name("  \n", taken), "pasted.txt");
        let long = "word ".repeat(30);
        assert!(pasted_name(&long, taken).len() <= 52);
    }
}
