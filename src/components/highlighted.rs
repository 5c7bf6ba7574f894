//! Passage text with search hits marked: the text is split into text nodes and `<mark>`
//! elements, so document text is never parsed as HTML.

use leptos::prelude::*;

pub fn highlighted(text: &str, ranges: &[(usize, usize)]) -> Vec<AnyView> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || end > text.len() {
            continue;
        }
        if start > at {
            out.push(text[at..start].to_string().into_any());
        }
        out.push(view! { <mark>{text[start..end].to_string()}</mark> }.into_any());
        at = end;
    }
    if at < text.len() {
        out.push(text[at..].to_string().into_any());
    }
    out
}
