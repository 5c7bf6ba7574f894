//! The facet column: speakers (by kind), topics (curated with their hierarchy, then
//! automatic), voice, documents, answers by question topic, and the date range.
//!
//! Each value includes (OR within the facet) or excludes (NOT); its count says how many
//! passages it would give with every other filter applied, and a value with none is dimmed.

use leptos::prelude::*;
use podium_core::query::{Choice, Facet, Query, Voice};
use podium_core::{Date, Origin, SpeakerKind};

use crate::state::{use_podium, Podium};

/// One facet value with its include and exclude buttons.
#[component]
fn FacetValue(
    facet: Facet,
    id: String,
    label: String,
    #[prop(optional)] detail: Option<String>,
    #[prop(optional)] depth: usize,
    count: Signal<u32>,
) -> impl IntoView {
    let podium = use_podium();
    let state = {
        let id = id.clone();
        Memo::new(move |_| {
            podium
                .query
                .with(|q| q.filter(facet).map_or(Choice::Off, |f| f.state(&id)))
        })
    };
    let set = move |id: &str, want: Choice| {
        podium.update_query(|q| {
            if let Some(f) = q.filter_mut(facet) {
                let now = f.state(id);
                f.remove(id);
                match (now == want, want) {
                    (true, _) | (false, Choice::Off) => {}
                    (false, Choice::Included) => f.include.push(id.to_string()),
                    (false, Choice::Excluded) => f.exclude.push(id.to_string()),
                }
            }
        })
    };
    let include_id = id.clone();
    let exclude_id = id.clone();
    let exclude_label = format!("Exclude {label}");
    view! {
        <li
            class="facet-value"
            data-id=id
            class:zero=move || count.get() == 0
            class:included=move || state.get() == Choice::Included
            class:excluded=move || state.get() == Choice::Excluded
            data-depth=depth.min(4).to_string()
        >
            <button
                type="button"
                class="include"
                aria-pressed=move || (state.get() == Choice::Included).to_string()
                on:click=move |_| set(&include_id, Choice::Included)
            >
                <span class="label">{label}</span>
                {detail.map(|d| view! { <span class="detail">{d}</span> })}
                <span class="count">{move || count.get()}</span>
            </button>
            <button
                type="button"
                class="exclude"
                title="Exclude"
                aria-label=exclude_label
                aria-pressed=move || (state.get() == Choice::Excluded).to_string()
                on:click=move |_| set(&exclude_id, Choice::Excluded)
            >
                "−"
            </button>
        </li>
    }
}

#[component]
fn FacetSection(facet: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("facet-{facet}");
    let labelled_by = heading.clone();
    view! {
        <section class="facet" data-facet=facet aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

fn speaker_values(podium: Podium, kind: SpeakerKind) -> Vec<AnyView> {
    let lib = podium.lib();
    let corpus = &lib.corpus;
    // Ordered by passages in the whole corpus, so values do not jump while filtering.
    let totals = &lib.everything.counts.speakers;
    let mut ixs: Vec<usize> = (0..corpus.speakers.len())
        .filter(|&i| corpus.speakers[i].kind == kind)
        .collect();
    ixs.sort_by(|&a, &b| {
        totals[b]
            .cmp(&totals[a])
            .then(corpus.speakers[a].name.cmp(&corpus.speakers[b].name))
    });
    ixs.into_iter()
        .map(|i| {
            let s = &corpus.speakers[i];
            let count = Signal::derive(move || podium.results.with(|r| r.counts.speakers[i]));
            view! { <FacetValue facet=Facet::Speaker id=s.id.clone() label=s.name.clone() detail=s.role.clone().unwrap_or_default() count=count /> }
                .into_any()
        })
        .collect()
}

#[component]
fn SpeakerFacet() -> impl IntoView {
    let podium = use_podium();
    let groups = [
        (SpeakerKind::Official, "Officials"),
        (SpeakerKind::Journalist, "Journalists"),
        (SpeakerKind::Outlet, "Outlets"),
        (SpeakerKind::Unknown, "Others"),
    ];
    let groups = groups
        .into_iter()
        .filter(|(k, _)| podium.lib().corpus.speakers.iter().any(|s| s.kind == *k))
        .map(|(kind, title)| {
            view! {
                <h3>{title}</h3>
                <ul>{speaker_values(podium, kind)}</ul>
            }
        })
        .collect_view();
    view! { <FacetSection facet="speaker" title="Speakers">{groups}</FacetSection> }
}

/// Curated topics depth-first under their parents, then the automatic ones.
fn topic_order(topics: &[podium_core::Topic]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    fn visit(
        topics: &[podium_core::Topic],
        parent: Option<&str>,
        depth: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        for (i, t) in topics.iter().enumerate() {
            if t.origin == Origin::Curated && t.parent.as_deref() == parent && depth < 8 {
                out.push((i, depth));
                visit(topics, Some(&t.id), depth + 1, out);
            }
        }
    }
    visit(topics, None, 0, &mut out);
    // Topics whose parent is missing still show, at the top level.
    for (i, t) in topics.iter().enumerate() {
        if t.origin == Origin::Curated && !out.iter().any(|(j, _)| *j == i) {
            out.push((i, 0));
        }
    }
    out
}

#[component]
fn TopicFacet() -> impl IntoView {
    let podium = use_podium();
    let lib = podium.lib();
    let topics = &lib.corpus.topics;
    let value = |i: usize, depth: usize| {
        let t = &topics[i];
        let count = Signal::derive(move || podium.results.with(|r| r.counts.topics[i]));
        view! { <FacetValue facet=Facet::Topic id=t.id.clone() label=t.label.clone() depth=depth count=count /> }
    };
    let curated = topic_order(topics)
        .into_iter()
        .map(|(i, d)| value(i, d))
        .collect_view();
    let automatic: Vec<usize> = (0..topics.len())
        .filter(|&i| topics[i].origin == Origin::Automatic)
        .collect();
    let has_automatic = !automatic.is_empty();
    let automatic = automatic.into_iter().map(|i| value(i, 0)).collect_view();
    view! {
        <FacetSection facet="topic" title="Topics">
            <ul>{curated}</ul>
            {has_automatic.then(|| view! { <h3>"Keyphrases"</h3> })}
            <ul>{automatic}</ul>
        </FacetSection>
    }
}

#[component]
fn VoiceFacet() -> impl IntoView {
    let podium = use_podium();
    let values = Voice::ALL
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let count = Signal::derive(move || podium.results.with(|r| r.counts.voices[i]));
            let detail = match v {
                Voice::Verbatim => "speech, questions, quotes",
                Voice::Reported => "indirect speech",
                Voice::Narration => "the outlet's own text",
            };
            view! { <FacetValue facet=Facet::Voice id=v.id().to_string() label=v.label().to_string() detail=detail.to_string() count=count /> }
        })
        .collect_view();
    view! { <FacetSection facet="voice" title="Voice"><ul>{values}</ul></FacetSection> }
}

#[component]
fn DocumentFacet() -> impl IntoView {
    let podium = use_podium();
    let lib = podium.lib();
    let values = lib
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let count = Signal::derive(move || podium.results.with(|r| r.counts.documents[i]));
            let date = d.date.map_or("undated".to_string(), |x| x.to_string());
            let mut detail = format!("{date} · {}", d.kind.as_str());
            if let Some(s) = &d.source {
                detail.push_str(&format!(" · {s}"));
            }
            view! { <FacetValue facet=Facet::Document id=d.file.clone() label=d.title.clone() detail=detail count=count /> }
        })
        .collect_view();
    view! { <FacetSection facet="document" title="Documents"><ul>{values}</ul></FacetSection> }
}

/// "Answers to questions about T": the topic of the question, not of the answer.
#[component]
fn AskedFacet() -> impl IntoView {
    let podium = use_podium();
    let lib = podium.lib();
    let asked: Vec<usize> = (0..lib.corpus.topics.len())
        .filter(|&i| lib.everything.counts.asked[i] > 0)
        .collect();
    if asked.is_empty() {
        return ().into_any();
    }
    let values = asked
        .into_iter()
        .map(|i| {
            let t = &lib.corpus.topics[i];
            let count = Signal::derive(move || podium.results.with(|r| r.counts.asked[i]));
            view! { <FacetValue facet=Facet::Asked id=t.id.clone() label=t.label.clone() count=count /> }
        })
        .collect_view();
    view! { <FacetSection facet="asked" title="Answers to questions about"><ul>{values}</ul></FacetSection> }
        .into_any()
}

/// One end of the date range, as a native date input.
#[component]
fn DateInput(label: &'static str, end: fn(&mut Query) -> &mut Option<Date>) -> impl IntoView {
    let podium = use_podium();
    let value = move || {
        podium.query.with(|q| {
            let mut q = q.clone();
            end(&mut q).map(|d| d.to_string()).unwrap_or_default()
        })
    };
    view! {
        <label>
            {label}
            <input
                type="date"
                aria-label=format!("{label} date")
                prop:value=value
                on:change=move |ev| {
                    let date = podium_core::dates::parse_iso(&event_target_value(&ev));
                    podium.update_query(|q| *end(q) = date);
                }
            />
        </label>
    }
}

#[component]
fn DateFacet() -> impl IntoView {
    view! {
        <FacetSection facet="date" title="Date">
            <div class="date-range">
                <DateInput label="From" end=|q| &mut q.from />
                <DateInput label="To" end=|q| &mut q.to />
            </div>
        </FacetSection>
    }
}

#[component]
pub fn Facets() -> impl IntoView {
    let podium = use_podium();
    view! {
        <div class="drawer-backdrop" class:open=move || podium.drawer.get() on:click=move |_| podium.drawer.set(false)></div>
        <aside id="facets" aria-label="Filters" class:open=move || podium.drawer.get()>
            <button type="button" id="close-filters" on:click=move |_| podium.drawer.set(false)>
                "Show passages"
            </button>
            <SpeakerFacet />
            <TopicFacet />
            <VoiceFacet />
            <AskedFacet />
            <DocumentFacet />
            <DateFacet />
        </aside>
    }
}
