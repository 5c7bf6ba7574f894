//! Keyboard use: `/` focuses search, Esc clears it (or closes the open document), j/k or the
//! arrow keys move through results, Enter opens the selected passage in its document.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{HtmlElement, KeyboardEvent};

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

/// Listens for as long as the current owner (one library's viewer) lives.
pub fn install(podium: Podium, search: NodeRef<Input>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = typing_in(&ev);
        match ev.key().as_str() {
            "Escape" => {
                if podium.view.with_untracked(|v| v.open.is_some()) {
                    podium.view.update(|v| v.open = None);
                } else if typing.as_deref() == Some("search") {
                    podium.update_query(|q| q.text.clear());
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
