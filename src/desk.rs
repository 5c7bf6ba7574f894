//! The reader's desk: the embedded corpus, the documents they imported, the corrections they
//! made, and the [`Library`] the three make together.
//!
//! The imported documents are parsed and assembled with the embedded ones by the workbench
//! ([`crate::workbench`], in a Web Worker), exactly as a build of all the files would; the
//! desk keeps what it sends back. Corrections are applied last, over that uncorrected
//! corpus, which is kept: the TOML patches for a maintainer are written against it, and
//! Undo is a rebuild without the last correction. Nothing here touches the browser;
//! [`crate::shelf`] does the rest.

use std::collections::BTreeSet;
use std::sync::Arc;

use podium_core::corpus::Bundle;
use podium_core::corrections::{self, Correction};
use podium_core::workbench::ImportReport;
use podium_core::Corpus;

use crate::library::{Contents, Library};

pub struct Desk {
    embedded: Arc<Corpus>,
    /// The file names of the reader's documents.
    local: BTreeSet<String>,
    /// In the order made: later ones win.
    corrections: Vec<Correction>,
    /// Embedded and local documents, before the reader's corrections.
    uncorrected: Arc<Corpus>,
}

impl Desk {
    pub fn new(bundle: Bundle) -> Desk {
        let embedded = Arc::new(bundle.corpus);
        Desk {
            uncorrected: Arc::clone(&embedded),
            embedded,
            local: BTreeSet::new(),
            corrections: Vec::new(),
        }
    }

    pub fn is_embedded(&self, file: &str) -> bool {
        self.embedded.documents.iter().any(|d| d.file == file)
    }

    pub fn local_files(&self) -> impl Iterator<Item = &str> {
        self.local.iter().map(String::as_str)
    }

    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// Takes what the workbench assembled after adding the documents `reports` name.
    pub fn add(&mut self, assembled: Option<Corpus>, reports: &[ImportReport]) {
        let added = reports.iter().filter(|r| r.outcome.is_ok());
        self.local.extend(added.map(|r| r.file.clone()));
        self.set_uncorrected(assembled);
    }

    /// Takes what the workbench assembled after removing one of the reader's documents, and
    /// drops the corrections made to it.
    pub fn remove(&mut self, file: &str, assembled: Option<Corpus>) {
        if self.local.remove(file) {
            self.corrections.retain(|c| c.file != file);
        }
        self.set_uncorrected(assembled);
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
        Library::new(self.contents())
    }

    /// Everything on the desk, corrections applied, for a library.
    pub fn contents(&self) -> Contents {
        let local = self.local.clone();
        if self.corrections.is_empty() {
            return Contents {
                corpus: Arc::clone(&self.uncorrected),
                local,
                corrected: BTreeSet::new(),
            };
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
        Contents {
            corpus: Arc::new(corpus),
            local,
            corrected,
        }
    }

    fn set_uncorrected(&mut self, assembled: Option<Corpus>) {
        self.uncorrected = assembled.map_or_else(|| Arc::clone(&self.embedded), Arc::new);
    }
}

#[cfg(test)]
mod tests {
    use podium_core::corpus::{build, Options};
    use podium_core::corrections::Change;
    use podium_core::workbench::{Request, Upload, Workbench};

    use super::*;

    const BRIEFING: &str = "Press Briefing\n\nMarch 3, 2022\n\n\
        MR. PRICE: Secretary Stoltenberg spoke about Kosovo.\n\n\
        QUESTION: On Kosovo, more troops?\n\nMR. PRICE: Ask NATO.\n";

    /// A desk over a one-document corpus, and the workbench (natively) that serves it.
    fn desk() -> (Desk, Workbench) {
        let options = Options::default();
        let files = vec![(
            "embedded.txt".to_string(),
            b"Talks\n\n1 May 2023\n\nJANE DOE: We met today.\n\nQUESTION: Why?\n".to_vec(),
        )];
        let bundle = Bundle {
            corpus: build(&files, &options).unwrap().corpus,
            options,
        };
        let bench = Workbench::open(&bundle).unwrap();
        (Desk::new(bundle), bench)
    }

    fn add_briefing(desk: &mut Desk, bench: &mut Workbench) {
        let reply = bench.handle(Request::Add(vec![Upload {
            file: "b.txt".into(),
            bytes: BRIEFING.as_bytes().to_vec(),
        }]));
        desk.add(reply.corpus, &reply.reports);
    }

    #[test]
    fn an_added_document_joins_the_library_marked_local_and_can_be_removed() {
        let (mut desk, mut bench) = desk();
        add_briefing(&mut desk, &mut bench);
        let library = desk.library();
        assert_eq!(library.corpus.documents.len(), 2);
        assert!(library.local.contains("b.txt"));
        let reply = bench.handle(Request::Remove("b.txt".into()));
        desk.remove("b.txt", reply.corpus);
        assert_eq!(desk.library().corpus.documents.len(), 1);
        assert!(desk.library().local.is_empty());
    }

    #[test]
    fn a_passage_is_carried_to_a_new_library_by_file_and_start() {
        use podium_core::index::PassageRef;
        let (mut desk, mut bench) = desk();
        let before = desk.library();
        // Named to sort first, so the embedded document's index may move.
        let reply = bench.handle(Request::Add(vec![Upload {
            file: "a.txt".into(),
            bytes: BRIEFING.as_bytes().to_vec(),
        }]));
        desk.add(reply.corpus, &reply.reports);
        let after = desk.library();
        let forward = after.carry(&before);
        for passage in 0..before.corpus.documents[0].passages.len() as u32 {
            let r = PassageRef { doc: 0, passage };
            let carried = forward(r).expect("the embedded passage is still there");
            assert_eq!(before.permalink(r), after.permalink(carried));
        }
        // Back to the library before: the imported document's passages are gone.
        let back = before.carry(&after);
        let added = after.document_ix("a.txt").unwrap();
        assert_eq!(
            back(PassageRef {
                doc: added,
                passage: 0
            }),
            None
        );
        assert_eq!(back(PassageRef { doc: 9, passage: 0 }), None);
    }

    #[test]
    fn a_correction_applies_and_undo_takes_it_back() {
        let (mut desk, _) = desk();
        let at = desk.embedded.documents[0].passages[1].span.start;
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
        let (mut desk, mut bench) = desk();
        add_briefing(&mut desk, &mut bench);
        desk.correct(Correction {
            file: "b.txt".into(),
            at: 0,
            change: Change::topic_labelled("Press"),
        });
        let reply = bench.handle(Request::Remove("b.txt".into()));
        desk.remove("b.txt", reply.corpus);
        assert!(desk.corrections().is_empty());
    }
}
