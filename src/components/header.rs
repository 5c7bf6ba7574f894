//! The header: product name, search box, how many passages are shown, the filter drawer button.

use leptos::html::Input;
use leptos::prelude::*;

use crate::shelf::use_shelf;
use crate::state::use_podium;

/// Measures keystroke to next frame as `podium:keystroke` (Performance API), so browser
/// tests and benchmarks can read how long results take to follow typing.
fn mark_keystroke() {
    let Some(perf) = window().performance() else {
        return;
    };
    let _ = perf.mark("podium:input");
    request_animation_frame(move || {
        let _ = perf.measure_with_start_mark("podium:keystroke", "podium:input");
    });
}

#[component]
pub fn Header(search: NodeRef<Input>) -> impl IntoView {
    let podium = use_podium();
    let shelf = use_shelf();
    let count = move || {
        podium.results.with(|r| {
            let n = r.passages.len();
            format!(
                "{n} of {} passage{}",
                r.total,
                if r.total == 1 { "" } else { "s" }
            )
        })
    };
    let drawer = podium.drawer;
    view! {
        <header class="site-header">
            <h1 class="product-name">"Podium"</h1>
            <div class="search">
                <input
                    node_ref=search
                    type="search"
                    aria-label="Search passages"
                    placeholder="Search what was said…  ( / )"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || podium.query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        mark_keystroke();
                        podium.update_query(|q| q.text = text);
                    }
                />
            </div>
            <p id="result-count" aria-live="polite">{count}</p>
            <button
                id="import-toggle"
                type="button"
                aria-controls="import"
                aria-expanded=move || shelf.open.get().to_string()
                on:click=move |_| shelf.open.update(|open| *open = !*open)
            >
                <span class="import-icon" aria-hidden="true">"+"</span>
                <span class="import-label">"Your documents"</span>
                {move || {
                    let n = shelf.with_desk(|d| d.local_files().count());
                    (n > 0).then(|| view! { <span class="count">{n}</span> })
                }}
            </button>
            <button
                id="filters-toggle"
                type="button"
                aria-controls="facets"
                aria-expanded=move || drawer.get().to_string()
                on:click=move |_| drawer.update(|open| *open = !*open)
            >
                "Filters"
            </button>
        </header>
    }
}
