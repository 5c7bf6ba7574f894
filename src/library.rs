//! What the reader is looking at: the corpus (embedded, plus the reader's own documents and
//! corrections), its search catalog and its whole-corpus counts, built together so they
//! always agree. A new library replaces the old one whole; nothing patches it in place.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use podium_core::index::{Index, PassageRef};
use podium_core::query::{Catalog, Query, Results};
use podium_core::url::Permalink;
use podium_core::{Corpus, Document, Passage, Speaker, Topic};

pub struct Library {
    /// Shared with the desk when no correction applies, so it is not copied.
    pub corpus: Arc<Corpus>,
    pub catalog: Catalog,
    /// The results of the empty query: whole-corpus counts, for stable orderings.
    pub everything: Results,
    /// Files the reader imported in this browser, not embedded in the page.
    pub local: BTreeSet<String>,
    /// Passages (file, start) a local correction changed.
    pub corrected: BTreeSet<(String, u32)>,
}

/// What a library is made of, before its catalog is built.
pub struct Contents {
    pub corpus: Arc<Corpus>,
    pub local: BTreeSet<String>,
    pub corrected: BTreeSet<(String, u32)>,
}

impl Library {
    pub fn new(contents: Contents) -> Library {
        let index = Index::build(&contents.corpus);
        Library::with_index(contents, index)
    }

    /// The library of `contents` around an index of its corpus built beforehand (in steps,
    /// see [`podium_core::index::IndexBuilder`]).
    pub fn with_index(contents: Contents, index: Index) -> Library {
        let Contents {
            corpus,
            local,
            corrected,
        } = contents;
        let catalog = Catalog::with_index(&corpus, index);
        let everything = catalog.run(&corpus, &Query::default());
        Library {
            corpus,
            catalog,
            everything,
            local,
            corrected,
        }
    }

    pub fn run(&self, query: &Query) -> Results {
        self.catalog.run(&self.corpus, query)
    }

    pub fn document(&self, r: PassageRef) -> &Document {
        &self.corpus.documents[r.doc as usize]
    }

    pub fn passage(&self, r: PassageRef) -> &Passage {
        &self.document(r).passages[r.passage as usize]
    }

    pub fn text(&self, r: PassageRef) -> &str {
        let d = self.document(r);
        d.slice(d.passages[r.passage as usize].span)
    }

    pub fn speaker_of(&self, r: PassageRef) -> Option<&Speaker> {
        self.passage(r).speaker.map(|s| self.corpus.speaker(s))
    }

    pub fn topic(&self, ix: u32) -> &Topic {
        self.corpus.topic(ix)
    }

    pub fn is_local(&self, r: PassageRef) -> bool {
        self.local.contains(&self.document(r).file)
    }

    pub fn is_corrected(&self, r: PassageRef) -> bool {
        let link = self.permalink(r);
        self.corrected.contains(&(link.file, link.start))
    }

    pub fn permalink(&self, r: PassageRef) -> Permalink {
        Permalink {
            file: self.document(r).file.clone(),
            start: self.passage(r).span.start,
        }
    }

    /// The passage a permalink points at, if the corpus still has it.
    pub fn resolve(&self, link: &Permalink) -> Option<PassageRef> {
        self.passage_at(self.document_ix(&link.file)?, link.start)
    }

    /// The passage of document `doc` that starts at byte `start`.
    fn passage_at(&self, doc: u32, start: u32) -> Option<PassageRef> {
        let passage = self.corpus.documents[doc as usize]
            .passages
            .iter()
            .position(|p| p.span.start == start)?;
        Some(PassageRef {
            doc,
            passage: passage as u32,
        })
    }

    /// Where the passages of an `earlier` library are in this one: the same file, the same
    /// start. Files are looked up once, so carrying many passages over is cheap.
    pub fn carry<'a>(
        &'a self,
        earlier: &'a Library,
    ) -> impl Fn(PassageRef) -> Option<PassageRef> + 'a {
        let docs: HashMap<&str, u32> = self
            .corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.file.as_str(), i as u32))
            .collect();
        move |r| {
            let before = earlier.corpus.documents.get(r.doc as usize)?;
            let start = before.passages.get(r.passage as usize)?.span.start;
            self.passage_at(*docs.get(before.file.as_str())?, start)
        }
    }

    pub fn document_ix(&self, file: &str) -> Option<u32> {
        self.corpus
            .documents
            .iter()
            .position(|d| d.file == file)
            .map(|d| d as u32)
    }
}
