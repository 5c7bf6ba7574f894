//! The reader's desk: the embedded corpus, the documents they imported, the corrections they
//! made, and the [`Library`] the three make together.
//!
//! Imported documents are assembled with the embedded ones by podium-core exactly as a build
//! of all the files would (speakers merged across documents, topics tagged, keyphrases
//! drawn from everything), so an imported "Stoltenberg" is the embedded "Jens Stoltenberg".
//! For that the embedded documents are parsed again from their text, once, on the first
//! import. Corrections are applied last, over that uncorrected corpus, which is kept: the
//! TOML patches for a maintainer are written against it, and Undo is a rebuild without the
//! last correction. Nothing here touches the browser; [`crate::shelf`] does the rest.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use podium_core::corpus::{assemble, Bundle, Options, Parsed};
use podium_core::corrections::{self, Correction};
use podium_core::{Corpus, Kind};

use crate::library::Library;

pub struct Desk {
    embedded: Arc<Corpus>,
    options: Options,
    /// The embedded documents parsed again: needed once the reader adds a document.
    reparsed: Option<Vec<Parsed>>,
    /// The reader's documents, parsed, by file name.
    local: BTreeMap<String, Parsed>,
    /// In the order made: later ones win.
    corrections: Vec<Correction>,
    /// Embedded and local documents, before the reader's corrections.
    uncorrected: Arc<Corpus>,
}

/// What became of one imported file, for the import panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub file: String,
    pub outcome: Result<Summary, String>,
}

/// An imported document as the parser saw it, so the reader can check it at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub kind: Kind,
    pub turns: usize,
    pub speakers: Vec<String>,
    pub date: Option<String>,
    /// A document of this name was already on the desk and was replaced.
    pub replaced: bool,
}

impl Desk {
    pub fn new(bundle: Bundle) -> Desk {
        let embedded = Arc::new(bundle.corpus);
        Desk {
            uncorrected: Arc::clone(&embedded),
            embedded,
            options: bundle.options,
            reparsed: None,
            local: BTreeMap::new(),
            corrections: Vec::new(),
        }
    }

    pub fn embedded(&self) -> Arc<Corpus> {
        Arc::clone(&self.embedded)
    }

    /// Whether [`Desk::set_reparsed`] is still needed before documents can be added.
    pub fn needs_reparse(&self) -> bool {
        self.reparsed.is_none()
    }

    /// The embedded documents parsed again ([`podium_core::corpus::reparse`]); the caller
    /// parses them in slices so the page stays responsive.
    pub fn set_reparsed(&mut self, parsed: Vec<Parsed>) {
        self.reparsed = Some(parsed);
    }

    pub fn is_embedded(&self, file: &str) -> bool {
        self.embedded.documents.iter().any(|d| d.file == file)
    }

    pub fn local_files(&self) -> impl Iterator<Item = &str> {
        self.local.keys().map(String::as_str)
    }

    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// Adds parsed documents (replacing any of the same name) and reassembles. Call
    /// [`Desk::set_reparsed`] first.
    pub fn add(&mut self, documents: Vec<Parsed>) -> Vec<ImportReport> {
        let mut added = Vec::new();
        for p in documents {
            let file = p.document.file.clone();
            let replaced = self.local.insert(file.clone(), p).is_some();
            added.push((file, replaced));
        }
        self.reassemble();
        added
            .into_iter()
            .map(|(file, replaced)| ImportReport {
                outcome: Ok(self.summary(&file, replaced)),
                file,
            })
            .collect()
    }

    /// Removes one of the reader's documents and the corrections made to it.
    pub fn remove(&mut self, file: &str) {
        if self.local.remove(file).is_some() {
            self.corrections.retain(|c| c.file != file);
            self.reassemble();
        }
    }

    /// Back to the embedded corpus: no local documents, no corrections.
    pub fn clear(&mut self) {
        self.local.clear();
        self.corrections.clear();
        self.uncorrected = Arc::clone(&self.embedded);
    }

    pub fn correct(&mut self, correction: Correction) {
        self.corrections.push(correction);
    }

    /// Takes back the last correction.
    pub fn undo(&mut self) -> Option<Correction> {
        self.corrections.pop()
    }

    pub fn set_corrections(&mut self, corrections: Vec<Correction>) {
        self.corrections = corrections;
    }

    /// TOML a maintainer appends to `speakers.toml` to make the reader's speaker corrections
    /// part of the build.
    pub fn speakers_patch(&self) -> String {
        corrections::speakers_patch(&self.uncorrected, &self.corrections)
    }

    /// The same for `topics.toml`.
    pub fn topics_patch(&self) -> String {
        corrections::topics_patch(&self.uncorrected, &self.corrections)
    }

    /// The library of everything on the desk, corrections applied.
    pub fn library(&self) -> Library {
        let local: BTreeSet<String> = self.local.keys().cloned().collect();
        if self.corrections.is_empty() {
            return Library::new(Arc::clone(&self.uncorrected), local, BTreeSet::new());
        }
        let mut corpus = Corpus::clone(&self.uncorrected);
        let outcomes = corrections::apply(&mut corpus, &self.corrections);
        let corrected = self
            .corrections
            .iter()
            .zip(&outcomes)
            .filter(|(_, o)| o.is_applied())
            .map(|(c, _)| (c.file.clone(), c.at))
            .collect();
        Library::new(Arc::new(corpus), local, corrected)
    }

    fn reassemble(&mut self) {
        if self.local.is_empty() {
            self.uncorrected = Arc::clone(&self.embedded);
            return;
        }
        let mut parsed: Vec<Parsed> = self.reparsed.clone().unwrap_or_default();
        parsed.extend(self.local.values().cloned());
        // The order `corpus::build` uses, so the result is what a build would give.
        parsed.sort_by(|a, b| a.document.file.cmp(&b.document.file));
        self.uncorrected = Arc::new(assemble(parsed, &self.options).corpus);
    }

    fn summary(&self, file: &str, replaced: bool) -> Summary {
        let corpus = &self.uncorrected;
        let doc = corpus.documents.iter().find(|d| d.file == file);
        let mut speakers: Vec<String> = Vec::new();
        for p in doc.iter().flat_map(|d| &d.passages) {
            if let Some(s) = p.speaker {
                let name = &corpus.speaker(s).name;
                if !speakers.contains(name) {
                    speakers.push(name.clone());
                }
            }
        }
        Summary {
            kind: doc.map_or(Kind::Article, |d| d.kind),
            turns: doc.map_or(0, |d| d.passages.len()),
            speakers,
            date: doc.and_then(|d| d.date).map(|d| d.to_string()),
            replaced,
        }
    }
}

#[cfg(test)]
mod tests {
    use podium_core::corpus::{build, parse_document, reparse};
    use podium_core::corrections::Change;

    use super::*;

    const BRIEFING: &str = "Press Briefing\n\nMarch 3, 2022\n\n\
        MR. PRICE: Secretary Stoltenberg spoke about Kosovo.\n\n\
        QUESTION: On Kosovo, more troops?\n\nMR. PRICE: Ask NATO.\n";

    fn desk() -> Desk {
        let options = Options::default();
        let files = vec![(
            "embedded.txt".to_string(),
            b"Talks\n\n1 May 2023\n\nJANE DOE: We met today.\n\nQUESTION: Why?\n".to_vec(),
        )];
        let corpus = build(&files, &options).unwrap().corpus;
        let mut desk = Desk::new(Bundle { corpus, options });
        let reparsed = reparse(&desk.embedded()).collect::<Result<_, _>>().unwrap();
        desk.set_reparsed(reparsed);
        desk
    }

    #[test]
    fn an_added_document_joins_the_library_marked_local_and_can_be_removed() {
        let mut desk = desk();
        let reports = desk.add(vec![parse_document("b.txt", BRIEFING.as_bytes()).unwrap()]);
        let summary = reports[0].outcome.as_ref().unwrap();
        assert_eq!((summary.kind, summary.turns), (Kind::Transcript, 3));
        assert_eq!(summary.speakers, ["Price", "Reporter"]);
        assert_eq!(summary.date.as_deref(), Some("2022-03-03"));
        let library = desk.library();
        assert_eq!(library.corpus.documents.len(), 2);
        assert!(library.local.contains("b.txt"));
        desk.remove("b.txt");
        assert_eq!(desk.library().corpus.documents.len(), 1);
    }

    #[test]
    fn a_correction_applies_and_undo_takes_it_back() {
        let mut desk = desk();
        let at = desk.embedded().documents[0].passages[1].span.start;
        desk.correct(Correction {
            file: "embedded.txt".into(),
            at,
            change: Change::speaker_named("Ann Lee"),
        });
        let library = desk.library();
        let speaker = library.corpus.documents[0].passages[1].speaker.unwrap();
        assert_eq!(library.corpus.speaker(speaker).name, "Ann Lee");
        assert!(library
            .corrected
            .contains(&("embedded.txt".to_string(), at)));
        assert!(desk.speakers_patch().contains("Ann Lee"));
        desk.undo();
        let library = desk.library();
        let speaker = library.corpus.documents[0].passages[1].speaker.unwrap();
        assert_ne!(library.corpus.speaker(speaker).name, "Ann Lee");
        assert!(library.corrected.is_empty());
    }

    #[test]
    fn removing_a_document_drops_its_corrections() {
        let mut desk = desk();
        desk.add(vec![parse_document("b.txt", BRIEFING.as_bytes()).unwrap()]);
        desk.correct(Correction {
            file: "b.txt".into(),
            at: 0,
            change: Change::topic_labelled("Press"),
        });
        desk.remove("b.txt");
        assert!(desk.corrections().is_empty());
    }
}
