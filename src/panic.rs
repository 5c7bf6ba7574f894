//! A page that never dies silently: a panic in the wasm shows a banner saying so, with a
//! Reload action, instead of a frozen page.
//!
//! The banner is built with plain DOM calls inside the panic hook, before the module
//! aborts, and its Reload is a GET form: it works with no script, so it still works after
//! the wasm instance is gone, and it drops the URL fragment in case the view caused the panic.

use leptos::prelude::{document, window};

/// The fragment key that makes the page panic on purpose, for the browser test of this hook.
const TEST_TRIGGER: &str = "podium-test-panic";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_default(),
        };
        leptos::logging::error!("Podium stopped: {info}");
        show_banner(&message);
    }));
}

fn show_banner(message: &str) {
    let doc = document();
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let text = doc.create_element("p").ok();
    if let Some(p) = &text {
        p.set_text_content(Some(&format!(
            "Podium stopped working because of an internal error ({message}). Reload the page to continue."
        )));
        let _ = banner.append_child(p);
    }
    if let (Ok(form), Ok(button)) = (doc.create_element("form"), doc.create_element("button")) {
        let _ = form.set_attribute("method", "get");
        let href = window().location().href().unwrap_or_default();
        let _ = form.set_attribute("action", href.split('#').next().unwrap_or_default());
        let _ = button.set_attribute("type", "submit");
        button.set_text_content(Some("Reload"));
        let _ = form.append_child(&button);
        let _ = banner.append_child(&form);
    }
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}

/// Did the URL ask for a test panic? Read before the app normalises the fragment.
pub fn test_requested() -> bool {
    window()
        .location()
        .hash()
        .unwrap_or_default()
        .contains(TEST_TRIGGER)
}
