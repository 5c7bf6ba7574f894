//! Keyboard use: `/` focuses search, Esc closes what is open (the document, "Your documents")
//! or clears the search, j/k or the arrow keys move through results, Enter opens the selected
//! passage in its document.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{HtmlElement, KeyboardEvent};

use crate::shelf::{use_shelf, Shelf};
use crate::state::Podium;

fn typing_in(ev: &KeyboardEvent) -> Option<String> {
    let el = ev.target()?.dyn_into::<HtmlElement>().ok()?;
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        .then(|| el.get_attribute("type").unwrap_or_default())
}

/// Moves the selection `step` results on; the result list scrolls to it and focuses it, even
/// when its card is not rendered yet (see `results`).
fn focus_result(podium: Podium, step: isize) {
    let next = podium.results.with_untracked(|r| {
        let n = r.passages.len();
        if n == 0 {
            return None;
        }
        let at = podium
            .selected
            .get_untracked()
            .and_then(|s| r.passages.iter().position(|x| *x == s));
        let i = match at {
            None => 0,
            Some(i) => (i as isize + step).clamp(0, n as isize - 1) as usize,
        };
        Some(r.passages[i])
    });
    if let Some(r) = next {
        if podium.selected.get_untracked() == Some(r) {
            // At either end: the selection stays, but its card comes back into view.
            podium.selected.notify();
        } else {
            podium.selected.set(Some(r));
        }
    }
}

/// Where Esc was pressed, for what it closes first.
enum EscapeFrom {
    /// Inside "Your documents".
    ImportPanel,
    /// A text area holding what the reader typed or pasted: closing would lose it.
    Draft,
    Elsewhere,
}

fn escape_from(ev: &KeyboardEvent) -> EscapeFrom {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return EscapeFrom::Elsewhere;
    };
    if let Some(area) = el.dyn_ref::<leptos::web_sys::HtmlTextAreaElement>() {
        if !area.value().is_empty() {
            return EscapeFrom::Draft;
        }
    }
    match el.closest("#import") {
        Ok(Some(_)) => EscapeFrom::ImportPanel,
        _ => EscapeFrom::Elsewhere,
    }
}

/// Closes "Your documents" and gives focus back to the button that opened it.
fn close_import_panel(shelf: Shelf) {
    shelf.open.set(false);
    let toggle = leptos::prelude::document()
        .get_element_by_id("import-toggle")
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(toggle) = toggle {
        let _ = toggle.focus();
    }
}

/// Listens for as long as the current owner (one library's viewer) lives.
pub fn install(podium: Podium, search: NodeRef<Input>) {
    let shelf = use_shelf();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = typing_in(&ev);
        match ev.key().as_str() {
            "Escape" => {
                let searching = typing.as_deref() == Some("search")
                    && podium.query.with_untracked(|q| !q.text.is_empty());
                match escape_from(&ev) {
                    EscapeFrom::Draft => {}
                    EscapeFrom::ImportPanel => close_import_panel(shelf),
                    EscapeFrom::Elsewhere if podium.view.with_untracked(|v| v.open.is_some()) => {
                        podium.view.update(|v| v.open = None)
                    }
                    EscapeFrom::Elsewhere if searching => podium.update_query(|q| q.text.clear()),
                    EscapeFrom::Elsewhere if shelf.open.get_untracked() => {
                        close_import_panel(shelf)
                    }
                    EscapeFrom::Elsewhere => {}
                }
                podium.drawer.set(false);
            }
            _ if typing.is_some() => {}
            "/" => {
                ev.prevent_default();
                if let Some(input) = search.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
            }
            "j" | "ArrowDown" => {
                ev.prevent_default();
                focus_result(podium, 1);
            }
            "k" | "ArrowUp" => {
                ev.prevent_default();
                focus_result(podium, -1);
            }
            "Enter" => {
                let on_button = ev
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"));
                if let (false, Some(r)) = (on_button, podium.selected.get_untracked()) {
                    ev.prevent_default();
                    podium.open(r);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
