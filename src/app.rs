//! The page: header with search, the facet column, the overview (who says it most, when,
//! speaker × topic), the passages, and the open document.

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
use crate::state::Podium;
use crate::{corpus, url_sync};

#[component]
pub fn App() -> impl IntoView {
    match corpus::load() {
        Ok((corpus, catalog)) => {
            let podium = Podium::new(corpus, catalog, url_sync::current());
            provide_context(podium);
            url_sync::sync(podium.view);
            let search = NodeRef::<Input>::new();
            keyboard::install(podium, search);
            view! { <Viewer search=search /> }.into_any()
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
fn Viewer(search: NodeRef<Input>) -> impl IntoView {
    let podium = crate::state::use_podium();
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
        <p id="toast" role="status" aria-live="polite" class:visible=move || podium.toast.with(Option::is_some)>
            {move || podium.toast.get().unwrap_or_default()}
        </p>
    }
}

/// Shown instead of the viewer when the embedded corpus cannot be decoded.
#[component]
fn LoadError(message: &'static str) -> impl IntoView {
    view! {
        <section class="panel load-error" role="alert">
            <h2>"The corpus could not be loaded"</h2>
            <p>{message}</p>
        </section>
    }
}
