//! The app's state, in one place: the corpus (decoded once), the view the URL describes,
//! and everything derived from it. Components read it from context.
//!
//! Data flows one way: the URL fragment sets [`Podium::view`]; the query part of it feeds
//! [`Podium::results`] (podium-core's catalog does the work); components render results and
//! change the view; the view is written back to the URL.

use std::sync::Arc;

use leptos::prelude::*;
use podium_core::index::PassageRef;
use podium_core::query::{Catalog, Facet, Query, Results};
use podium_core::url::{Permalink, View};
use podium_core::{Corpus, Document, Passage};

/// Results shown before "Show more".
pub const PAGE: usize = 50;

#[derive(Clone, Copy)]
pub struct Podium {
    pub corpus: &'static Corpus,
    /// The results of the empty query: whole-corpus counts, for stable orderings.
    pub everything: &'static Results,
    pub view: RwSignal<View>,
    pub query: Memo<Query>,
    pub results: Memo<Shared<Results>>,
    /// The passage the keyboard selection is on.
    pub selected: RwSignal<Option<PassageRef>>,
    /// How many results are rendered.
    pub shown: RwSignal<usize>,
    /// The filter drawer on narrow screens.
    pub drawer: RwSignal<bool>,
    /// A short confirmation ("Citation copied").
    pub toast: RwSignal<Option<String>>,
}

/// Results behind an `Arc`, compared by identity: a new query is always a new result.
#[derive(Clone, Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Podium {
    pub fn new(corpus: &'static Corpus, catalog: &'static Catalog, initial: View) -> Podium {
        let everything = Box::leak(Box::new(catalog.run(corpus, &Query::default())));
        let view = RwSignal::new(initial);
        let query = Memo::new(move |_| view.with(|v| v.query.clone()));
        let results = Memo::new(move |_| Shared(Arc::new(query.with(|q| catalog.run(corpus, q)))));
        let podium = Podium {
            corpus,
            everything,
            view,
            query,
            results,
            selected: RwSignal::new(None),
            shown: RwSignal::new(PAGE),
            drawer: RwSignal::new(false),
            toast: RwSignal::new(None),
        };
        // A new query starts at the top of its results.
        Effect::new(move |_| {
            query.track();
            podium.selected.set(None);
            podium.shown.set(PAGE);
        });
        podium
    }

    pub fn document(&self, r: PassageRef) -> &'static Document {
        &self.corpus.documents[r.doc as usize]
    }

    pub fn passage(&self, r: PassageRef) -> &'static Passage {
        &self.document(r).passages[r.passage as usize]
    }

    pub fn text(&self, r: PassageRef) -> &'static str {
        let d = self.document(r);
        d.slice(d.passages[r.passage as usize].span)
    }

    /// Changes the query (one history entry per change, see `url_sync`).
    pub fn update_query(&self, f: impl FnOnce(&mut Query)) {
        self.view.update(|v| f(&mut v.query));
    }

    /// Includes exactly `id` in a facet: a click on a chip, a matrix cell, a top speaker.
    pub fn only(&self, facet: Facet, id: &str) {
        self.update_query(|q| {
            if let Some(f) = q.filter_mut(facet) {
                f.only(id);
            }
        });
    }

    pub fn permalink(&self, r: PassageRef) -> Permalink {
        Permalink {
            file: self.document(r).file.clone(),
            start: self.passage(r).span.start,
        }
    }

    pub fn open(&self, r: PassageRef) {
        let link = self.permalink(r);
        self.view.update(|v| v.open = Some(link));
    }

    /// The passage a permalink points at, if the corpus still has it.
    pub fn resolve(&self, link: &Permalink) -> Option<PassageRef> {
        let doc = self
            .corpus
            .documents
            .iter()
            .position(|d| d.file == link.file)?;
        let passage = self.corpus.documents[doc]
            .passages
            .iter()
            .position(|p| p.span.start == link.start)?;
        Some(PassageRef {
            doc: doc as u32,
            passage: passage as u32,
        })
    }

    pub fn notify(&self, message: impl Into<String>) {
        let toast = self.toast;
        toast.set(Some(message.into()));
        set_timeout(
            move || toast.set(None),
            std::time::Duration::from_millis(2500),
        );
    }
}

pub fn use_podium() -> Podium {
    expect_context::<Podium>()
}
