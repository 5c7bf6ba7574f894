//! The page: header with search, the facet column, the overview (who says it most, when,
//! speaker × topic), the passages, and the open document.

use std::sync::Arc;

use leptos::context::Provider;
use leptos::html::Input;
use leptos::prelude::*;

use crate::components::document_view::DocumentView;
use crate::components::facets::Facets;
use crate::components::filters::ActiveFilters;
use crate::components::header::Header;
use crate::components::keyboard;
use crate::components::matrix::Matrix;
use crate::components::results::Results;
use crate::components::timeline::Timeline;
use crate::components::top_speakers::TopSpeakers;
use crate::library::Library;
use crate::state::{Podium, Session, Shared};
use crate::{corpus, url_sync};

#[component]
pub fn App() -> impl IntoView {
    match corpus::embedded() {
        Ok(corpus) => {
            let session = Session::new(url_sync::current());
            url_sync::sync(session.view);
            let library = RwSignal::new(Shared(Arc::new(Library::new(
                corpus,
                Default::default(),
                Default::default(),
            ))));
            // A new library (an import, a correction) gets a new viewer over the same session.
            view! {
                {move || {
                    let podium = Podium::new(library.get().0, session);
                    view! { <Provider value=podium><Viewer /></Provider> }
                }}
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
                <Results />
            </main>
            <DocumentView />
        </div>
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
