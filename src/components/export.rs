//! "Export these passages": the current results as Markdown, CSV or JSON, written by
//! podium-core's `export` and saved as a download, with no server involved.

use leptos::prelude::*;
use podium_core::export;
use wasm_bindgen::JsCast;

use crate::state::use_podium;

#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Csv,
    Json,
}

impl Format {
    const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let podium = use_podium();
    let count = move || podium.results.with(|r| r.passages.len());
    let save = move |format: Format| {
        let lib = podium.lib_untracked();
        let page = page_url();
        let text = podium.results.with_untracked(|r| {
            let corpus = &lib.corpus;
            match format {
                Format::Markdown => export::markdown(corpus, &r.passages, &page),
                Format::Csv => export::csv(corpus, &r.passages, &page),
                Format::Json => export::json(corpus, &r.passages, &page),
            }
        });
        let name = format!("podium-passages.{}", format.extension());
        match download(&name, format.mime(), &text) {
            Ok(()) => podium.notify(format!("Saved {name}")),
            Err(e) => podium.notify(format!("Could not save {name}: {e}")),
        }
    };
    let buttons = Format::ALL
        .into_iter()
        .map(|f| {
            view! {
                <button
                    type="button"
                    class="export"
                    data-format=f.extension()
                    disabled=move || count() == 0
                    on:click=move |_| save(f)
                >
                    {f.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="export-bar" role="group" aria-label="Export the passages shown">
            <span>
                "Export " {move || count()} {move || if count() == 1 { " passage as" } else { " passages as" }}
            </span>
            {buttons}
        </div>
    }
}

/// The page's address without its fragment: exported links point back into this page.
pub fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click has started the download; the URL can go once this task is over.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_millis(0),
    );
    Ok(())
}
