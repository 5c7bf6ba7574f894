//! The facet column: speakers (by kind), topics (curated with their hierarchy, then
//! automatic), voice, documents, answers by question topic, and the date range.
//!
//! Each value includes (OR within the facet) or excludes (NOT); its count says how many
//! passages it would give with every other filter applied, and a value with none is dimmed.
//! A long list (documents, keyphrases, speakers of a large corpus) shows its first values and
//! the chosen ones, with "Show all N" and a filter box for the rest.
//!
//! The lists follow the library: a new one (an import, a correction) keeps every row whose
//! value is as it was, so the column does not flicker or lose its place. They follow it, and
//! new results, a frame after the passages do ([`crate::state::Stage`]), the speakers first
//! and the other facets a frame later: the column's update and layout do not add to the
//! frame that shows the passages, nor fill one frame alone.

use leptos::prelude::*;
use podium_core::query::{Choice, Facet, Query, Results, Voice};
use podium_core::{Date, Origin, SpeakerKind};

use crate::after_paint::painted;
use crate::library::Library;
use crate::sort::sort_by;
use crate::state::{use_podium, Column, Stage};

/// One facet value with its include and exclude buttons.
#[component]
fn FacetValue(
    facet: Facet,
    id: String,
    label: String,
    detail: Option<String>,
    depth: usize,
    count: Memo<u32>,
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

/// A facet value as listed: `ix` indexes the facet's counts in [`Results`]. An entry is
/// also its row's key: a row stays while its entry is the same.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Entry {
    ix: usize,
    id: String,
    label: String,
    detail: Option<String>,
    depth: usize,
}

impl Entry {
    fn new(ix: usize, id: &str, label: &str) -> Entry {
        Entry {
            ix,
            id: id.to_string(),
            label: label.to_string(),
            detail: None,
            depth: 0,
        }
    }
}

/// Values listed before "Show all" in a long list.
const LIMIT: usize = 10;
/// A list this much longer than [`LIMIT`] is listed whole: hiding two values helps nobody.
const SLACK: usize = 3;

/// A facet's values, in the order given. A long list shows its first [`LIMIT`] values and
/// every chosen one; "Show all N" lists them all with a filter box. Each value's count is a
/// memo over the results, so a new query touches only the counts that changed, and only the
/// values listed have one.
#[component]
fn ValueList(
    /// The library and results the list shows.
    stage: Stage,
    facet: Facet,
    /// What the values are, for "Filter documents".
    noun: &'static str,
    entries: Memo<Vec<Entry>>,
    /// The facet's counts in a result, indexed by [`Entry::ix`].
    counts: fn(&Results) -> &[u32],
    /// Long lists are cut to [`LIMIT`] (not a hierarchy, whose children follow their parent).
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let podium = use_podium();
    let total = move || entries.with(Vec::len);
    let long = Memo::new(move |_| !whole && total() > LIMIT + SLACK);
    let expanded = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let listed = Memo::new(move |_| {
        entries.with(|entries| {
            if !long.get() {
                return entries.clone();
            }
            if expanded.get() {
                let needle = filter.with(|f| f.trim().to_lowercase());
                return entries
                    .iter()
                    .filter(|e| needle.is_empty() || e.label.to_lowercase().contains(&needle))
                    .cloned()
                    .collect();
            }
            podium.query.with(|q| {
                let chosen = |id: &str| q.filter(facet).is_some_and(|f| f.state(id) != Choice::Off);
                entries
                    .iter()
                    .enumerate()
                    .filter(|(k, e)| *k < LIMIT || chosen(&e.id))
                    .map(|(_, e)| e.clone())
                    .collect()
            })
        })
    });
    let row = move |e: Entry| {
        let ix = e.ix;
        // A row of the library before can see the new results before its list drops it, so
        // its index may be past the end.
        let count = Memo::new(move |_| {
            stage
                .results
                .with(|r| counts(r).get(ix).copied().unwrap_or(0))
        });
        view! { <FacetValue facet=facet id=e.id label=e.label detail=e.detail depth=e.depth count=count /> }
    };
    let more = move || {
        long.get().then(|| {
            view! {
                <Show when=move || expanded.get()>
                    <input
                        type="text"
                        class="facet-filter"
                        aria-label=format!("Filter {noun}")
                        placeholder=format!("Filter {noun}…")
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </Show>
            }
        })
    };
    let toggle = move || {
        long.get().then(|| view! {
            <button
                type="button"
                class="facet-more"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| {
                    expanded.update(|x| *x = !*x);
                    filter.set(String::new());
                }
            >
                {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
            </button>
        })
    };
    view! {
        {more}
        <ul>
            <For each=move || listed.get() key=Entry::clone children=row />
        </ul>
        {toggle}
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

/// A facet's entries, made anew (as a memo) for each library.
fn entries(
    stage: Stage,
    make: impl Fn(&Library) -> Vec<Entry> + Send + Sync + 'static,
) -> Memo<Vec<Entry>> {
    Memo::new(move |_| stage.library.with(|l| make(l)))
}

fn speaker_entries(lib: &Library, kind: SpeakerKind) -> Vec<Entry> {
    let corpus = &lib.corpus;
    // Ordered by passages in the whole corpus, so values do not jump while filtering.
    let totals = &lib.everything.counts.speakers;
    let mut ixs: Vec<usize> = (0..corpus.speakers.len())
        .filter(|&i| corpus.speakers[i].kind == kind)
        .collect();
    sort_by(&mut ixs, &|&a, &b| {
        totals[b]
            .cmp(&totals[a])
            .then(corpus.speakers[a].name.cmp(&corpus.speakers[b].name))
            .then(a.cmp(&b))
    });
    ixs.into_iter()
        .map(|i| {
            let s = &corpus.speakers[i];
            Entry {
                detail: Some(s.role.clone().unwrap_or_default()),
                ..Entry::new(i, &s.id, &s.name)
            }
        })
        .collect()
}

#[component]
fn SpeakerFacet(stage: Stage) -> impl IntoView {
    let groups = [
        (SpeakerKind::Official, "Officials", "officials"),
        (SpeakerKind::Journalist, "Journalists", "journalists"),
        (SpeakerKind::Outlet, "Outlets", "outlets"),
        (SpeakerKind::Unknown, "Others", "others"),
    ];
    // Every group is there, hidden while the library has no speaker of its kind.
    let groups = groups
        .into_iter()
        .map(|(kind, title, noun)| {
            let entries = entries(stage, move |l| speaker_entries(l, kind));
            view! {
                <div hidden=move || entries.with(Vec::is_empty)>
                    <h3>{title}</h3>
                    <ValueList stage=stage facet=Facet::Speaker noun=noun entries=entries counts=|r| &r.counts.speakers />
                </div>
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

fn curated_entries(lib: &Library) -> Vec<Entry> {
    let topics = &lib.corpus.topics;
    topic_order(topics)
        .into_iter()
        .map(|(i, depth)| Entry {
            depth,
            ..Entry::new(i, &topics[i].id, &topics[i].label)
        })
        .collect()
}

/// Keyphrases by passages in the whole corpus, the most frequent first.
fn keyphrase_entries(lib: &Library) -> Vec<Entry> {
    let topics = &lib.corpus.topics;
    let totals = &lib.everything.counts.topics;
    let mut automatic: Vec<usize> = (0..topics.len())
        .filter(|&i| topics[i].origin == Origin::Automatic)
        .collect();
    sort_by(&mut automatic, &|&a, &b| {
        totals[b].cmp(&totals[a]).then(a.cmp(&b))
    });
    automatic
        .into_iter()
        .map(|i| Entry::new(i, &topics[i].id, &topics[i].label))
        .collect()
}

#[component]
fn TopicFacet(stage: Stage) -> impl IntoView {
    let counts: fn(&Results) -> &[u32] = |r| &r.counts.topics;
    let automatic = entries(stage, keyphrase_entries);
    view! {
        <FacetSection facet="topic" title="Topics">
            <ValueList stage=stage facet=Facet::Topic noun="topics" entries=entries(stage, curated_entries) counts=counts whole=true />
            <h3 hidden=move || automatic.with(Vec::is_empty)>"Keyphrases"</h3>
            <ValueList stage=stage facet=Facet::Topic noun="keyphrases" entries=automatic counts=counts />
        </FacetSection>
    }
}

/// The same in every library.
fn voice_entries(_: &Library) -> Vec<Entry> {
    Voice::ALL
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let detail = match v {
                Voice::Verbatim => "speech, questions, quotes",
                Voice::Reported => "indirect speech",
                Voice::Narration => "the outlet's own text",
            };
            Entry {
                detail: Some(detail.to_string()),
                ..Entry::new(i, v.id(), v.label())
            }
        })
        .collect()
}

#[component]
fn VoiceFacet(stage: Stage) -> impl IntoView {
    view! {
        <FacetSection facet="voice" title="Voice">
            <ValueList stage=stage facet=Facet::Voice noun="voices" entries=entries(stage, voice_entries) counts=|r| &r.counts.voices />
        </FacetSection>
    }
}

fn document_entries(lib: &Library) -> Vec<Entry> {
    let documents = &lib.corpus.documents;
    let mut ixs: Vec<usize> = (0..documents.len()).collect();
    let local = |i: usize| lib.local.contains(&documents[i].file);
    if ixs.len() > LIMIT + SLACK {
        // A long list shows the reader's own documents, then those with the most passages.
        let totals = &lib.everything.counts.documents;
        sort_by(&mut ixs, &|&a, &b| {
            local(b)
                .cmp(&local(a))
                .then(totals[b].cmp(&totals[a]))
                .then(a.cmp(&b))
        });
    }
    ixs.into_iter()
        .map(|i| {
            let d = &documents[i];
            let date = d.date.map_or("undated".to_string(), |x| x.to_string());
            let mut detail = format!("{date} · {}", d.kind.as_str());
            if let Some(s) = &d.source {
                detail.push_str(&format!(" · {s}"));
            }
            if local(i) {
                detail.push_str(" · local");
            }
            Entry {
                detail: Some(detail),
                ..Entry::new(i, &d.file, &d.title)
            }
        })
        .collect()
}

#[component]
fn DocumentFacet(stage: Stage) -> impl IntoView {
    view! {
        <FacetSection facet="document" title="Documents">
            <ValueList stage=stage facet=Facet::Document noun="documents" entries=entries(stage, document_entries) counts=|r| &r.counts.documents />
        </FacetSection>
    }
}

fn asked_entries(lib: &Library) -> Vec<Entry> {
    let totals = &lib.everything.counts.asked;
    let mut asked: Vec<usize> = (0..lib.corpus.topics.len())
        .filter(|&i| totals[i] > 0)
        .collect();
    if asked.len() > LIMIT + SLACK {
        sort_by(&mut asked, &|&a, &b| {
            totals[b].cmp(&totals[a]).then(a.cmp(&b))
        });
    }
    asked
        .into_iter()
        .map(|i| {
            let t = &lib.corpus.topics[i];
            Entry::new(i, &t.id, &t.label)
        })
        .collect()
}

/// "Answers to questions about T": the topic of the question, not of the answer. Shown
/// while some answer has a question with a topic.
#[component]
fn AskedFacet(stage: Stage) -> impl IntoView {
    let entries = entries(stage, asked_entries);
    view! {
        <div hidden=move || entries.with(Vec::is_empty)>
            <FacetSection facet="asked" title="Answers to questions about">
                <ValueList stage=stage facet=Facet::Asked noun="topics" entries=entries counts=|r| &r.counts.asked />
            </FacetSection>
        </div>
    }
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
    let drawn = painted();
    let Column {
        speakers,
        topics,
        others,
        ..
    } = podium.column;
    view! {
        <div class="drawer-backdrop" class:open=move || podium.drawer.get() on:click=move |_| podium.drawer.set(false)></div>
        <aside id="facets" aria-label="Filters" class:open=move || podium.drawer.get()>
            <button type="button" id="close-filters" on:click=move |_| podium.drawer.set(false)>
                "Show passages"
            </button>
            // Drawn once the first passages have been painted: they come sooner.
            <Show when=move || drawn.get()>
                <SpeakerFacet stage=speakers />
                <TopicFacet stage=topics />
                <VoiceFacet stage=others />
                <AskedFacet stage=others />
                <DocumentFacet stage=others />
                <DateFacet />
            </Show>
        </aside>
    }
}
