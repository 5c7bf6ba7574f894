//! A reader's own documents, assembled with the embedded ones as a build of all the files
//! would: speakers merged across documents, topics tagged, keyphrases drawn from everything,
//! so an imported "Stoltenberg" is the embedded "Jens Stoltenberg".
//!
//! In the browser this runs in a Web Worker (`crates/podium-worker`), away from the page:
//! parsing a long document and assembling a corpus each take longer than a frame. The page
//! sends [`Request`]s and receives [`Reply`]s, postcard-encoded; nothing here needs a
//! browser, so it is tested natively, and the page's own wasm carries none of the pipeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::{
    assemble, parse_document, reparse, Built, Bundle, DocumentError, Options, Parsed, Warning,
    NO_DATE, NO_SPEAKER,
};
use crate::{Corpus, Kind};

/// What the page asks of the workbench.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Parse these files and add the ones that parse, replacing any of the same name.
    Add(Vec<Upload>),
    /// Take one of the reader's documents away again.
    Remove(String),
    /// Back to the embedded corpus alone.
    Clear,
}

/// A file to add: its name and its bytes, as read from the reader's disk or pasted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// The workbench's answer to every request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// Embedded and local documents assembled, before any correction; `None` when the
    /// reader has no documents left, which means the embedded corpus as it is.
    pub corpus: Option<Corpus>,
    /// One per file of an [`Request::Add`], in the order given.
    pub reports: Vec<ImportReport>,
}

/// What became of one imported file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file: String,
    pub outcome: Result<Summary, String>,
}

/// An imported document as the parser saw it, so the reader can check it at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub kind: Kind,
    pub turns: usize,
    /// Corpus speakers, in order of first appearance.
    pub speakers: Vec<String>,
    pub date: Option<String>,
    /// A document of this name was already on the workbench and was replaced.
    pub replaced: bool,
    /// What the parser could not settle, where: "line 5: label `Mr Speaker` names no
    /// person; …".
    pub notes: Vec<String>,
}

pub struct Workbench {
    options: Options,
    /// The embedded documents parsed again from their text ([`reparse`]).
    embedded: Vec<Parsed>,
    /// The reader's documents, by file name.
    local: BTreeMap<String, Parsed>,
}

impl Workbench {
    /// Parses the embedded documents again, which assembling with them needs. They parsed
    /// when the page was built, so an error means a page and a workbench out of step.
    pub fn open(bundle: &Bundle) -> Result<Workbench, DocumentError> {
        Ok(Workbench {
            options: bundle.options.clone(),
            embedded: reparse(&bundle.corpus).collect::<Result<_, _>>()?,
            local: BTreeMap::new(),
        })
    }

    pub fn handle(&mut self, request: Request) -> Reply {
        let parsed: Vec<(String, Result<bool, String>)> = match request {
            Request::Add(uploads) => uploads
                .into_iter()
                .map(|Upload { file, bytes }| {
                    let replaced = parse_document(&file, &bytes)
                        .map(|p| self.local.insert(file.clone(), p).is_some())
                        .map_err(|e| e.to_string());
                    (file, replaced)
                })
                .collect(),
            Request::Remove(file) => {
                self.local.remove(&file);
                Vec::new()
            }
            Request::Clear => {
                self.local.clear();
                Vec::new()
            }
        };
        let built = self.assemble();
        let (corpus, warnings) = match built {
            Some(Built { corpus, warnings }) => (Some(corpus), warnings),
            None => (None, Vec::new()),
        };
        let reports = parsed
            .into_iter()
            .map(|(file, replaced)| ImportReport {
                outcome: replaced.map(|r| summary(corpus.as_ref(), &warnings, &file, r)),
                file,
            })
            .collect();
        Reply { corpus, reports }
    }

    fn assemble(&self) -> Option<Built> {
        if self.local.is_empty() {
            return None;
        }
        let mut parsed: Vec<Parsed> = self.embedded.clone();
        parsed.extend(self.local.values().cloned());
        // The order `corpus::build` uses, so the result is what a build would give.
        parsed.sort_by(|a, b| a.document.file.cmp(&b.document.file));
        Some(assemble(parsed, &self.options))
    }
}

fn summary(corpus: Option<&Corpus>, warnings: &[Warning], file: &str, replaced: bool) -> Summary {
    let doc = corpus.and_then(|c| c.documents.iter().find(|d| d.file == file));
    let mut speakers: Vec<String> = Vec::new();
    for p in doc.iter().flat_map(|d| &d.passages) {
        if let (Some(s), Some(corpus)) = (p.speaker, corpus) {
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
        notes: warnings
            .iter()
            .filter(|w| w.file == file && ![NO_SPEAKER, NO_DATE].contains(&w.message.as_str()))
            .map(|w| format!("line {}: {}", w.line, w.message))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::build;

    const EMBEDDED: &str = "Talks\n\n1 May 2023\n\nJANE DOE: We met today.\n\nQUESTION: Why?\n";
    const BRIEFING: &str = "Press Briefing\n\nMarch 3, 2022\n\n\
        MR. PRICE: Secretary Stoltenberg spoke about Kosovo.\n\n\
        QUESTION: On Kosovo, more troops?\n\nMR. PRICE: Ask NATO.\n";

    fn bench() -> Workbench {
        let options = Options::default();
        let files = vec![("embedded.txt".to_string(), EMBEDDED.as_bytes().to_vec())];
        let corpus = build(&files, &options).unwrap().corpus;
        Workbench::open(&Bundle { corpus, options }).unwrap()
    }

    fn upload(file: &str, text: &str) -> Upload {
        Upload {
            file: file.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn an_added_document_is_assembled_as_a_build_of_all_the_files_would_be() {
        let mut bench = bench();
        let reply = bench.handle(Request::Add(vec![upload("b.txt", BRIEFING)]));
        let both = [
            ("embedded.txt".to_string(), EMBEDDED.as_bytes().to_vec()),
            ("b.txt".to_string(), BRIEFING.as_bytes().to_vec()),
        ];
        let built = build(&both, &Options::default()).unwrap().corpus;
        assert_eq!(reply.corpus.as_ref(), Some(&built));
        let summary = reply.reports[0].outcome.as_ref().unwrap();
        assert_eq!((summary.kind, summary.turns), (Kind::Transcript, 3));
        assert_eq!(summary.speakers, ["Price", "Reporter"]);
        assert_eq!(summary.date.as_deref(), Some("2022-03-03"));
        assert!(!summary.replaced);
    }

    #[test]
    fn a_report_notes_what_the_parser_could_not_settle_in_that_file_only() {
        let mut bench = bench();
        let briefing = "Briefing\n\n1 May 2023\n\nSPOKESPERSON: Good morning.\n\n\
            QUESTION: Any news?\n\nSPOKESPERSON: None.\n";
        let undated = "Remarks\n\nJANE DOE: Thank you.\n";
        let reply = bench.handle(Request::Add(vec![
            upload("b.txt", briefing),
            upload("c.txt", undated),
        ]));
        let notes = |i: usize| &reply.reports[i].outcome.as_ref().unwrap().notes;
        assert_eq!(
            notes(0),
            &[
                "line 5: label `SPOKESPERSON` names no person; map it to a name in \
               speakers.toml (also at line 9)"
            ]
        );
        // "no date found" is in the summary already.
        assert_eq!(reply.reports[1].outcome.as_ref().unwrap().date, None);
        assert!(notes(1).is_empty(), "{:?}", notes(1));
    }

    #[test]
    fn a_file_that_does_not_parse_is_reported_and_the_others_still_come_in() {
        let mut bench = bench();
        let reply = bench.handle(Request::Add(vec![
            upload("empty.txt", "  \n"),
            upload("b.txt", BRIEFING),
            upload("b.txt", BRIEFING),
        ]));
        let outcomes: Vec<_> = reply.reports.iter().map(|r| &r.outcome).collect();
        assert!(outcomes[0].as_ref().unwrap_err().contains("empty.txt"));
        assert!(!outcomes[1].as_ref().unwrap().replaced);
        assert!(outcomes[2].as_ref().unwrap().replaced);
        assert_eq!(reply.corpus.unwrap().documents.len(), 2);
    }

    #[test]
    fn removing_the_last_document_or_clearing_gives_back_the_embedded_corpus() {
        let mut bench = bench();
        bench.handle(Request::Add(vec![
            upload("b.txt", BRIEFING),
            upload("c.txt", BRIEFING),
        ]));
        let reply = bench.handle(Request::Remove("b.txt".into()));
        assert_eq!(reply.corpus.unwrap().documents.len(), 2);
        assert_eq!(bench.handle(Request::Remove("c.txt".into())).corpus, None);
        bench.handle(Request::Add(vec![upload("b.txt", BRIEFING)]));
        assert_eq!(bench.handle(Request::Clear).corpus, None);
    }

    #[test]
    fn requests_and_replies_survive_postcard() {
        let mut bench = bench();
        let request = Request::Add(vec![upload("b.txt", BRIEFING)]);
        let bytes = postcard::to_allocvec(&request).unwrap();
        assert_eq!(postcard::from_bytes::<Request>(&bytes).unwrap(), request);
        let reply = bench.handle(request);
        let bytes = postcard::to_allocvec(&reply).unwrap();
        assert_eq!(postcard::from_bytes::<Reply>(&bytes).unwrap(), reply);
    }
}
