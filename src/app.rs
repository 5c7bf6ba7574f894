//! The page: header with search, the facet column, the overview (who says it most, when,
//! speaker × topic), the passages, and the open document.

use leptos::html::Input;
use leptos::prelude::*;

use crate::components::correction::Choices;
use crate::components::document_view::DocumentView;
use crate::components::export::ExportBar;
use crate::components::facets::Facets;
use crate::components::filters::ActiveFilters;
use crate::components::header::Header;
use crate::components::import::ImportPanel;
use crate::components::keyboard;
use crate::components::matrix::Matrix;
use crate::components::results::Results;
use crate::components::timeline::Timeline;
use crate::components::top_speakers::TopSpeakers;
use crate::shelf::{Shelf, Source};
use crate::state::{Podium, Session};
use crate::{corpus, url_sync};

#[component]
pub fn App() -> impl IntoView {
    match corpus::embedded() {
        Ok(bundle) => {
            let session = Session::new(url_sync::current());
            url_sync::sync(session.view);
            let shelf = Shelf::new(bundle, session);
            provide_context(shelf);
            shelf.restore();
            accept_dropped_files(shelf);
            // A new library (an import, a correction) is shown by the same viewer, in place.
            provide_context(Podium::new(shelf.library.read_only(), session));
            view! {
                <Viewer />
                <ImportPanel />
                <Toast session=session />
            }
            .into_any()
        }
        Err(message) => view! {
            <header class="site-header">
                <h1 class="product-name">"Podium"</h1>
            </header>
            <main id="main">
                <LoadError message=message />
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Viewer() -> impl IntoView {
    let podium = crate::state::use_podium();
    let search = NodeRef::<Input>::new();
    keyboard::install(podium, search);
    // The grid is rebuilt with every result, so it is only built while it is open.
    let matrix_open = RwSignal::new(false);
    view! {
        <a class="skip-link" href="#results">"Skip to passages"</a>
        <Header search=search />
        <div class="layout" class:document-open=move || podium.view.with(|v| v.open.is_some())>
            <Facets />
            <main id="main" tabindex="-1">
                <ActiveFilters />
                <div class="overview">
                    <TopSpeakers />
                    <Timeline />
                </div>
                <details class="matrix-panel">
                    <summary on:click=move |_| matrix_open.update(|o| *o = !*o)>"Speaker × topic"</summary>
                    <Show when=move || matrix_open.get()>
                        <Matrix />
                    </Show>
                </details>
                <ExportBar />
                <Results />
            </main>
            <DocumentView />
        </div>
        <Choices />
    }
}

/// The confirmation line at the bottom ("Citation copied"), with its action if it has one.
#[component]
fn Toast(session: Session) -> impl IntoView {
    let toast = session.toast;
    view! {
        <div id="toast" role="status" aria-live="polite" class:visible=move || toast.with(Option::is_some)>
            {move || {
                toast.get().map(|t| {
                    let action = t.action.map(|(label, run)| {
                        view! {
                            <button type="button" class="toast-action" on:click=move |_| {
                                toast.set(None);
                                run.run(());
                            }>{label}</button>
                        }
                    });
                    view! { <span>{t.message}</span> {action} }
                })
            }}
        </div>
    }
}

/// Shown instead of the viewer when the embedded corpus cannot be decoded.
#[component]
fn LoadError(message: String) -> impl IntoView {
    view! {
        <section class="panel load-error" role="alert">
            <h2>"The corpus could not be loaded"</h2>
            <p>{message}</p>
        </section>
    }
}

/// Files dropped anywhere on the page are imported (the import panel says how it went).
fn accept_dropped_files(shelf: Shelf) {
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    // Without this the browser would open the dropped file in place of the page.
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            shelf.warm();
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let files = ev.data_transfer().and_then(|dt| dt.files());
        shelf.import(files.map(file_sources).unwrap_or_default());
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

pub fn file_sources(list: web_sys::FileList) -> Vec<Source> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(Source::File)
        .collect()
}
