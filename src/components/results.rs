//! The result list: a page of passage cards, "Show more", or the empty state.

use leptos::prelude::*;

use super::filters::EmptyState;
use super::passage_card::PassageCard;
use crate::state::{use_podium, PAGE};

#[component]
pub fn Results() -> impl IntoView {
    let podium = use_podium();
    let page = move || {
        let n = podium.shown.get();
        podium
            .results
            .with(|r| r.passages.iter().take(n).copied().collect::<Vec<_>>())
    };
    let more = move || {
        podium
            .results
            .with(|r| r.passages.len())
            .saturating_sub(podium.shown.get())
    };
    let empty = move || podium.results.with(|r| r.passages.is_empty());
    view! {
        <Show when=move || !empty() fallback=|| view! { <EmptyState /> }>
            <ol id="results" aria-label="Passages">
                <For each=page key=|r| *r let:r>
                    <li>
                        <PassageCard r=r />
                    </li>
                </For>
            </ol>
            <Show when=move || { more() > 0 }>
                <button type="button" class="show-more" on:click=move |_| podium.shown.update(|n| *n += PAGE)>
                    {move || format!("Show more ({} left)", more())}
                </button>
            </Show>
        </Show>
    }
}
