//! "Copy citation": the passage with who said it, where and when, as plain text or
//! Markdown, through the clipboard API, with a visible confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use podium_core::index::PassageRef;
use podium_core::Mode;

use crate::state::Podium;

fn parts(podium: Podium, r: PassageRef) -> (String, String, String) {
    let lib = podium.lib_untracked();
    let doc = lib.document(r);
    let p = lib.passage(r);
    let text = lib.text(r).split_whitespace().collect::<Vec<_>>().join(" ");
    let who = match lib.speaker_of(r) {
        Some(s) => match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        },
        None => doc.source.clone().unwrap_or_else(|| "Narration".into()),
    };
    let mut place = doc.title.clone();
    if let Some(source) = &doc.source {
        place.push_str(&format!(", {source}"));
    }
    place.push_str(&format!(
        ", {}",
        doc.date.map_or("undated".to_string(), |d| d.to_string())
    ));
    if p.mode == Mode::Reported {
        place.push_str(" (reported speech)");
    }
    (text, who, place)
}

pub fn plain(podium: Podium, r: PassageRef) -> String {
    let (text, who, place) = parts(podium, r);
    format!("“{text}” — {who}, {place}")
}

pub fn markdown(podium: Podium, r: PassageRef) -> String {
    let (text, who, place) = parts(podium, r);
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let link = podium_core::url::View {
        open: Some(podium.lib_untracked().permalink(r)),
        ..Default::default()
    };
    format!(
        "> {text}\n>\n> — **{who}**, {place}. [Source]({base}#{})",
        link.to_fragment()
    )
}

pub fn copy(podium: Podium, text: String) {
    let promise = window().navigator().clipboard().write_text(&text);
    spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => podium.notify("Citation copied"),
            Err(_) => podium.notify("Could not copy: the browser refused clipboard access"),
        }
    });
}
