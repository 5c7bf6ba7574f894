//! The app's state, in one place. Components read it from context.
//!
//! Data flows one way: the URL fragment sets [`Session::view`]; the query part of it and the
//! current [`Library`] feed [`Podium::results`] (podium-core's catalog does the work);
//! components render results and change the view; the view is written back to the URL.
//!
//! When the reader imports a document or corrects a passage, the page publishes a new
//! library, whole; the views follow it in place, as they follow a new query. Whatever a view
//! shows of one library it takes from one `Arc`, so nothing mixes the numbers of two corpora.
//! The passages follow at once, the overview and the facet column a frame or two later
//! ([`Stage`]), so a change is shown in several frames rather than one long one.
//! A [`PassageRef`] is an index into one library: the list's measured heights are carried
//! to the next one by permalink, and the keyboard selection stays only if its passage kept
//! its index.

use std::sync::Arc;

use leptos::prelude::*;
use podium_core::index::PassageRef;
use podium_core::query::{Facet, Query, Results};
use podium_core::url::View;

use crate::after_paint::after_paint;
use crate::library::Library;

/// Where the reader is and what they chose, whatever the library: the shelf, which makes
/// libraries, uses it too.
#[derive(Clone, Copy)]
pub struct Session {
    pub view: RwSignal<View>,
    /// The passage the keyboard selection is on.
    pub selected: RwSignal<Option<PassageRef>>,
    /// The filter drawer on narrow screens.
    pub drawer: RwSignal<bool>,
    /// A short confirmation ("Citation copied"), with an optional action such as Undo.
    pub toast: RwSignal<Option<Toast>>,
}

#[derive(Clone)]
pub struct Toast {
    pub message: String,
    pub action: Option<(String, Callback<()>)>,
}

impl Session {
    pub fn new(view: View) -> Session {
        Session {
            view: RwSignal::new(view),
            selected: RwSignal::new(None),
            drawer: RwSignal::new(false),
            toast: RwSignal::new(None),
        }
    }

    pub fn notify(&self, message: impl Into<String>) {
        self.show_toast(Toast {
            message: message.into(),
            action: None,
        });
    }

    /// A toast stays until replaced or until its time is up; one with an action stays longer.
    pub fn show_toast(&self, toast: Toast) {
        let slot = self.toast;
        let millis = if toast.action.is_some() { 8000 } else { 2500 };
        let message = toast.message.clone();
        slot.set(Some(toast));
        set_timeout(
            move || {
                // The viewer that showed it may have been replaced by then.
                if slot.is_disposed() {
                    return;
                }
                if slot.with_untracked(|t| t.as_ref().is_some_and(|t| t.message == message)) {
                    slot.set(None);
                }
            },
            std::time::Duration::from_millis(millis),
        );
    }
}

#[derive(Clone, Copy)]
pub struct Podium {
    pub library: ReadSignal<Shared<Library>>,
    pub session: Session,
    pub view: RwSignal<View>,
    pub query: Memo<Query>,
    pub results: Memo<Shared<Results>>,
    pub selected: RwSignal<Option<PassageRef>>,
    pub drawer: RwSignal<bool>,
    /// The library and results for the overview (who says it most, when, speaker × topic),
    /// a frame after the passages.
    pub overview: Stage,
    /// The library and results for the facet column and the correction choices, in parts a
    /// frame apart after the overview.
    pub column: Column,
}

/// The stages of the facet column: no frame lays out the whole column's new rows.
#[derive(Clone, Copy)]
pub struct Column {
    /// The speaker facet, a frame after the overview.
    pub speakers: Stage,
    /// The topic facet, a frame later.
    pub topics: Stage,
    /// The other facets, a frame later.
    pub others: Stage,
    /// The list of the reader's own documents, a frame later: an import of a hundred files
    /// adds a hundred rows.
    pub documents: Stage,
    /// The names the correction inputs suggest, unseen until asked for, last: a corpus with
    /// thousands of keyphrases has as many options.
    pub choices: Stage,
}

impl Column {
    fn after(overview: Stage) -> Column {
        let speakers = overview.after_paint("column");
        let topics = speakers.after_paint("topics");
        let others = topics.after_paint("other-facets");
        let documents = others.after_paint("documents");
        Column {
            speakers,
            topics,
            others,
            documents,
            choices: documents.after_paint("choices"),
        }
    }
}

/// A library and its results as one part of the page shows them.
///
/// A new library (an import) or a new query changes much of the page at once. The passages
/// follow at once; the overview and then the facet column follow in tasks of their own, each
/// after the frame before has been painted (see [`after_paint`]), so no frame holds the work
/// of the whole page. A stage takes the library and results together: its counts and rows
/// always come from one library.
#[derive(Clone, Copy)]
pub struct Stage {
    pub library: Memo<Shared<Library>>,
    pub results: Memo<Shared<Results>>,
}

impl Stage {
    /// The same library and results, taken after the frame that shows a change; `name`
    /// names the stage in user-timing marks.
    pub fn after_paint(self, name: &'static str) -> Stage {
        let Stage { library, results } = self;
        let both = after_paint(Memo::new(move |_| (library.get(), results.get())), name);
        Stage {
            library: Memo::new(move |_| both.with(|b| b.0.clone())),
            results: Memo::new(move |_| both.with(|b| b.1.clone())),
        }
    }
}

/// Runs one search, unseen, once the page is first idle. In a fresh page the first run of the
/// search (its code compiled on first call, the wasm memory grown for its buffers) made the
/// reader's first keystroke about 5 ms slower than the same keystroke later, at 1,000
/// documents; run here, that cost is paid while nobody waits.
fn warm_up_search(library: ReadSignal<Shared<Library>>) {
    request_idle_callback(move || {
        library.try_with_untracked(|lib| {
            // A one-letter prefix: the broadest search, as a first keystroke is.
            let results = lib.run(&Query {
                text: "a".to_string(),
                ..Query::default()
            });
            if let Some(&r) = results.passages.first() {
                podium_core::index::highlights(lib.text(r), &results.hits);
            }
        });
    });
}

/// Results behind an `Arc`, compared by identity: a new query is always a new result.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

// Derived `Clone` would demand `T: Clone`; only the `Arc` is cloned.
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

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
    pub fn new(library: ReadSignal<Shared<Library>>, session: Session) -> Podium {
        let view = session.view;
        let query = Memo::new(move |_| view.with(|v| v.query.clone()));
        let results =
            Memo::new(move |_| library.with(|lib| Shared(Arc::new(query.with(|q| lib.run(q))))));
        let overview = Stage {
            library: Memo::new(move |_| library.get()),
            results,
        }
        .after_paint("overview");
        let podium = Podium {
            library,
            session,
            view,
            query,
            results,
            selected: session.selected,
            drawer: session.drawer,
            overview,
            column: Column::after(overview),
        };
        // A new query starts at the top of its results; a new library keeps the reader's place.
        Effect::new(move |first: Option<()>| {
            query.track();
            if first.is_some() {
                podium.selected.set(None);
            }
        });
        // The selection stays if its passage kept its place in the new library. Moving it
        // would also move the keyboard focus, away from whatever the reader is doing.
        Effect::new(move |before: Option<Shared<Library>>| {
            let now = library.get();
            if let (Some(before), Some(r)) = (before, podium.selected.get_untracked()) {
                if now.carry(&before)(r) != Some(r) {
                    podium.selected.set(None);
                }
            }
            now
        });
        warm_up_search(library);
        podium
    }

    /// The library shown, tracked: a view that reads it follows every new library.
    pub fn lib(&self) -> Arc<Library> {
        self.library.with(|l| Arc::clone(&l.0))
    }

    /// The library shown now, for event handlers.
    pub fn lib_untracked(&self) -> Arc<Library> {
        self.library.with_untracked(|l| Arc::clone(&l.0))
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

    pub fn open(&self, r: PassageRef) {
        let link = self.library.with_untracked(|l| l.permalink(r));
        self.view.update(|v| v.open = Some(link));
    }

    pub fn notify(&self, message: impl Into<String>) {
        self.session.notify(message);
    }
}

pub fn use_podium() -> Podium {
    expect_context::<Podium>()
}
