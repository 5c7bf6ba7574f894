//! Keeps the view and the URL fragment in step, both ways.
//!
//! A discrete change (a facet click, opening a passage) pushes a history entry, so Back
//! undoes it; typing in the search box replaces the current entry, so Back does not step
//! through keystrokes. Back and Forward (and a hand-edited fragment) set the view from the
//! URL. The fragment works on any static host and from `file://`.
//!
//! While the reader types, the entry is replaced once they pause, not at every keystroke:
//! each `history.replaceState` costs Chromium about a millisecond of the keystroke's frame.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use podium_core::url::View;

/// The view the current URL describes.
pub fn current() -> View {
    View::from_fragment(&window().location().hash().unwrap_or_default())
}

fn write(fragment: &str, push: bool) {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let url = if fragment.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{fragment}")
    };
    if url == href {
        return;
    }
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// How long typing pauses before the URL follows it.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

pub fn sync(view: RwSignal<View>) {
    // The last view written or read, to tell typing from discrete changes.
    let last = StoredValue::new(view.get_untracked());
    let from_history = StoredValue::new(false);
    // Typing not yet in the URL: the fragment to replace the entry with, and its timer.
    let typed = StoredValue::new_local(None::<(String, TimeoutHandle)>);
    let drop_typed = move || {
        let pending = typed.try_update_value(Option::take).flatten();
        if let Some((_, timer)) = &pending {
            timer.clear();
        }
        pending.map(|(fragment, _)| fragment)
    };
    let flush = move || {
        if let Some(fragment) = drop_typed() {
            write(&fragment, false);
        }
    };
    // Normalise a malformed fragment in place (no extra history entry).
    write(&view.get_untracked().to_fragment(), false);

    Effect::new(move |_| {
        let now = view.get();
        let before = last.get_value();
        if now == before {
            return;
        }
        let only_text = {
            let mut a = before.clone();
            a.query.text = now.query.text.clone();
            a == now
        };
        let fragment = now.to_fragment();
        if only_text && !from_history.get_value() {
            drop_typed();
            if let Ok(timer) = set_timeout_with_handle(flush, TYPING_PAUSE) {
                typed.set_value(Some((fragment, timer)));
            } else {
                write(&fragment, false);
            }
        } else {
            // What was typed gets its entry first, so Back returns to it.
            flush();
            write(&fragment, !from_history.get_value());
        }
        last.set_value(now);
        from_history.set_value(false);
    });

    let on_history = move || {
        // The reader went elsewhere in the history: typing not yet written is dropped.
        drop_typed();
        let v = current();
        if v != view.get_untracked() {
            from_history.set_value(true);
            view.set(v);
        }
    };
    // Dropping a handle keeps its listener; the app lives as long as the page.
    _ = window_event_listener(leptos::ev::popstate, move |_| on_history());
    _ = window_event_listener(leptos::ev::hashchange, move |_| on_history());
    // Leaving the page right after typing keeps what was typed in its history entry, for
    // Back. (A reload within the pause reloads the URL as it was: the browser has read it.)
    _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
}
