//! Faceted filtering, as well-known faceted search does it: OR within a facet, AND across
//! facets, any value excludable (NOT), and each value's count computed with every *other*
//! facet's filter applied, so a reader sees what choosing it would give.
//!
//! Filters name values by stable ids (speaker ids, topic ids, file names), so a [`Query`]
//! can live in a URL and survive a rebuild of the corpus.

use std::collections::HashMap;

use crate::document::{Corpus, Date, Mode};
use crate::index::{Hits, Index, PassageRef, Search};
use crate::topics::FastHash;

/// One facet's choices: passages must have one of `include` (if any) and none of `exclude`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// Cycles a value: off → included → excluded → off.
    pub fn toggle(&mut self, id: &str) {
        if let Some(i) = self.include.iter().position(|x| x == id) {
            self.include.remove(i);
            self.exclude.push(id.to_string());
        } else if let Some(i) = self.exclude.iter().position(|x| x == id) {
            self.exclude.remove(i);
        } else {
            self.include.push(id.to_string());
        }
    }

    /// Includes exactly this value (a click on a matrix cell or a topic chip).
    pub fn only(&mut self, id: &str) {
        self.include = vec![id.to_string()];
        self.exclude.retain(|x| x != id);
    }

    pub fn remove(&mut self, id: &str) {
        self.include.retain(|x| x != id);
        self.exclude.retain(|x| x != id);
    }

    pub fn state(&self, id: &str) -> Choice {
        if self.include.iter().any(|x| x == id) {
            Choice::Included
        } else if self.exclude.iter().any(|x| x == id) {
            Choice::Excluded
        } else {
            Choice::Off
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Off,
    Included,
    Excluded,
}

/// How a passage relates to its speaker's words, as a reader filters it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Voice {
    /// Speech, questions and quotations: the speaker's own words.
    Verbatim,
    /// Indirect speech.
    Reported,
    /// The outlet's own text.
    Narration,
}

impl Voice {
    pub const ALL: [Voice; 3] = [Voice::Verbatim, Voice::Reported, Voice::Narration];

    pub fn of(mode: Mode) -> Voice {
        match mode {
            Mode::Speech | Mode::Question | Mode::Quote => Voice::Verbatim,
            Mode::Reported => Voice::Reported,
            Mode::Narration => Voice::Narration,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Voice::Verbatim => "verbatim",
            Voice::Reported => "reported",
            Voice::Narration => "narration",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Voice::Verbatim => "Verbatim",
            Voice::Reported => "Reported",
            Voice::Narration => "Narration",
        }
    }
}

/// The facets a reader filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Speaker,
    Topic,
    Voice,
    Document,
    /// The topic of the question an answer replies to.
    Asked,
    Date,
}

/// Everything that decides which passages are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub speaker: Filter,
    pub topic: Filter,
    pub voice: Filter,
    pub document: Filter,
    pub asked: Filter,
    /// Inclusive date range; when either end is set, undated documents are left out.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Query {
    pub fn filter(&self, facet: Facet) -> Option<&Filter> {
        match facet {
            Facet::Speaker => Some(&self.speaker),
            Facet::Topic => Some(&self.topic),
            Facet::Voice => Some(&self.voice),
            Facet::Document => Some(&self.document),
            Facet::Asked => Some(&self.asked),
            Facet::Date => None,
        }
    }

    pub fn filter_mut(&mut self, facet: Facet) -> Option<&mut Filter> {
        match facet {
            Facet::Speaker => Some(&mut self.speaker),
            Facet::Topic => Some(&mut self.topic),
            Facet::Voice => Some(&mut self.voice),
            Facet::Document => Some(&mut self.document),
            Facet::Asked => Some(&mut self.asked),
            Facet::Date => None,
        }
    }

    /// No filter and no search: the whole corpus.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && !self.has_filters()
    }

    pub fn has_filters(&self) -> bool {
        [
            &self.speaker,
            &self.topic,
            &self.voice,
            &self.document,
            &self.asked,
        ]
        .iter()
        .any(|f| !f.is_empty())
            || self.from.is_some()
            || self.to.is_some()
    }
}

/// What the corpus knows about each passage, flattened once for fast filtering.
#[derive(Clone, Debug)]
struct Facts {
    speaker: Option<u32>,
    /// The passage's topics and all their ancestors.
    topics: Vec<u32>,
    voice: Voice,
    doc: u32,
    /// The document date's number in [`Catalog::dates`].
    day: Option<u32>,
    /// Topics (with ancestors) of the question this answer replies to.
    asked: Vec<u32>,
    /// The numbers in [`Catalog::pairs`] of (speaker, topic) for each of `topics`; none
    /// without a speaker.
    pairs: Vec<u32>,
}

/// A corpus ready to be queried: the search index and per-passage facts.
///
/// A query counts into vectors, one slot per date and per (speaker, topic) pair the corpus
/// has: a search's first letter matches nearly every passage, and a map lookup per passage
/// and topic was most of the time of a query.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub index: Index,
    facts: Vec<Facts>,
    /// Every document date, in order.
    dates: Vec<Date>,
    /// Every (speaker, topic) pair of a passage, the topic's ancestors included.
    pairs: Vec<(u32, u32)>,
}

/// A filter compiled to corpus numbers.
#[derive(Clone, Debug, Default)]
struct Compiled {
    include: Vec<u32>,
    exclude: Vec<u32>,
}

impl Compiled {
    fn new(filter: &Filter, lookup: impl Fn(&str) -> Option<u32>) -> Compiled {
        // Unknown ids (a stale link) are ignored rather than matching nothing.
        let known =
            |ids: &[String]| -> Vec<u32> { ids.iter().filter_map(|id| lookup(id)).collect() };
        Compiled {
            include: known(&filter.include),
            exclude: known(&filter.exclude),
        }
    }

    fn is_open(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    fn admits_one(&self, value: Option<u32>) -> bool {
        if self.is_open() {
            return true;
        }
        let inc = self.include.is_empty() || value.is_some_and(|v| self.include.contains(&v));
        inc && !value.is_some_and(|v| self.exclude.contains(&v))
    }

    fn admits_any(&self, values: &[u32]) -> bool {
        if self.is_open() {
            return true;
        }
        let inc = self.include.is_empty() || values.iter().any(|v| self.include.contains(v));
        inc && !values.iter().any(|v| self.exclude.contains(v))
    }
}

/// Passages per value of one facet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub speakers: Vec<u32>,
    pub topics: Vec<u32>,
    pub voices: [u32; 3],
    pub documents: Vec<u32>,
    pub asked: Vec<u32>,
}

/// The answer to a query.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// Matching passages, in corpus order (which is `PassageRef` order).
    pub passages: Vec<PassageRef>,
    /// What to highlight.
    pub hits: Hits,
    pub counts: Counts,
    /// Matching passages per (speaker, topic), ignoring the speaker and topic filters, in no
    /// particular order.
    pub matrix: Vec<(u32, u32, u32)>,
    /// Matching passages per document date, ignoring the date range; undated apart.
    pub timeline: Vec<(Date, u32)>,
    pub undated: u32,
    /// Number of passages in the corpus.
    pub total: usize,
}

impl Catalog {
    pub fn new(corpus: &Corpus) -> Catalog {
        Catalog::with_index(corpus, crate::index::Index::build(corpus))
    }

    /// The catalog of `corpus` around its index (see [`crate::index::IndexBuilder`]).
    pub fn with_index(corpus: &Corpus, index: crate::index::Index) -> Catalog {
        // Each topic's parent, looked up by id once rather than at every step up.
        let parents: Vec<Option<u32>> = corpus
            .topics
            .iter()
            .map(|t| {
                t.parent
                    .as_deref()
                    .and_then(|p| corpus.topics.iter().position(|x| x.id == p))
                    .map(|p| p as u32)
            })
            .collect();
        let with_ancestors = |topics: &[u32]| -> Vec<u32> {
            let mut out = Vec::new();
            for &t in topics {
                let mut cur = Some(t);
                let mut guard = 0;
                while let Some(c) = cur {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                    guard += 1;
                    cur = parents[c as usize].filter(|_| guard < 32);
                }
            }
            out.sort_unstable();
            out
        };
        let mut dates: Vec<Date> = corpus.documents.iter().filter_map(|d| d.date).collect();
        dates.sort_unstable();
        dates.dedup();
        let day = |date: Option<Date>| {
            date.and_then(|d| dates.binary_search(&d).ok())
                .map(|i| i as u32)
        };
        // The topics of each question turn, gathered in one pass: scanning a document for
        // the question at every answer was quadratic, 6 ms natively for one transcript of
        // 3,000 passages, and a frame's work in the browser.
        let mut questions: HashMap<(u32, u32), Vec<u32>, FastHash> = HashMap::default();
        for (doc, d) in corpus.documents.iter().enumerate() {
            for x in d.passages.iter().filter(|x| x.mode == Mode::Question) {
                questions
                    .entry((doc as u32, x.turn))
                    .or_default()
                    .extend(x.topics.iter().copied());
            }
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut pair_ix: HashMap<(u32, u32), u32, FastHash> = HashMap::default();
        let facts = index
            .passages
            .iter()
            .map(|r| {
                let doc = &corpus.documents[r.doc as usize];
                let p = &doc.passages[r.passage as usize];
                let asked = p
                    .reply_to
                    .and_then(|turn| questions.get(&(r.doc, turn)))
                    .map_or_else(Vec::new, |q| with_ancestors(q));
                let topics = with_ancestors(&p.topics);
                let pairs_of = p.speaker.map_or_else(Vec::new, |s| {
                    topics
                        .iter()
                        .map(|&t| {
                            *pair_ix.entry((s, t)).or_insert_with(|| {
                                pairs.push((s, t));
                                pairs.len() as u32 - 1
                            })
                        })
                        .collect()
                });
                Facts {
                    speaker: p.speaker,
                    topics,
                    voice: Voice::of(p.mode),
                    doc: r.doc,
                    day: day(doc.date),
                    asked,
                    pairs: pairs_of,
                }
            })
            .collect();
        Catalog {
            index,
            facts,
            dates,
            pairs,
        }
    }

    /// Runs a query: matching passages, highlights and every facet's counts.
    pub fn run(&self, corpus: &Corpus, query: &Query) -> Results {
        let speaker_ix = |id: &str| {
            corpus
                .speakers
                .iter()
                .position(|s| s.id == id)
                .map(|i| i as u32)
        };
        let topic_ix = |id: &str| {
            corpus
                .topics
                .iter()
                .position(|t| t.id == id)
                .map(|i| i as u32)
        };
        let doc_ix = |id: &str| {
            corpus
                .documents
                .iter()
                .position(|d| d.file == id)
                .map(|i| i as u32)
        };
        let voice_ix = |id: &str| {
            Voice::ALL
                .iter()
                .position(|v| v.id() == id)
                .map(|i| i as u32)
        };
        let speaker = Compiled::new(&query.speaker, speaker_ix);
        let topic = Compiled::new(&query.topic, topic_ix);
        let voice = Compiled::new(&query.voice, voice_ix);
        let document = Compiled::new(&query.document, doc_ix);
        let asked = Compiled::new(&query.asked, topic_ix);
        let hits = self.index.search(corpus, &Search::parse(&query.text));

        let mut results = Results {
            total: self.facts.len(),
            counts: Counts {
                speakers: vec![0; corpus.speakers.len()],
                topics: vec![0; corpus.topics.len()],
                voices: [0; 3],
                documents: vec![0; corpus.documents.len()],
                asked: vec![0; corpus.topics.len()],
            },
            ..Results::default()
        };
        let mut matrix = vec![0u32; self.pairs.len()];
        let mut timeline = vec![0u32; self.dates.len()];
        let in_range = |date: Option<Date>| match (query.from, query.to) {
            (None, None) => true,
            (from, to) => {
                date.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
            }
        };

        // Only the passages the search matched, in order (all of them without a search).
        let matching: Box<dyn Iterator<Item = u32>> = match &hits.passages {
            Some(found) => Box::new(found.iter().copied()),
            None => Box::new(0..self.facts.len() as u32),
        };
        for n in matching {
            let n = n as usize;
            let f = &self.facts[n];
            // Which facets this passage passes; counts for a facet ignore its own filter.
            let pass = [
                speaker.admits_one(f.speaker),
                topic.admits_any(&f.topics),
                voice.admits_one(Some(f.voice as u32)),
                document.admits_one(Some(f.doc)),
                asked.admits_any(&f.asked),
                in_range(f.day.map(|d| self.dates[d as usize])),
            ];
            let failed = pass.iter().filter(|&&p| !p).count();
            let all_but = |k: usize| failed == 0 || (failed == 1 && !pass[k]);
            if all_but(0) {
                if let Some(s) = f.speaker {
                    results.counts.speakers[s as usize] += 1;
                }
            }
            if all_but(1) {
                for &t in &f.topics {
                    results.counts.topics[t as usize] += 1;
                }
            }
            if all_but(2) {
                results.counts.voices[f.voice as usize] += 1;
            }
            if all_but(3) {
                results.counts.documents[f.doc as usize] += 1;
            }
            if all_but(4) {
                for &t in &f.asked {
                    results.counts.asked[t as usize] += 1;
                }
            }
            if all_but(5) {
                match f.day {
                    Some(d) => timeline[d as usize] += 1,
                    None => results.undated += 1,
                }
            }
            let others_pass = pass[2] && pass[3] && pass[4] && pass[5];
            if others_pass {
                for &k in &f.pairs {
                    matrix[k as usize] += 1;
                }
            }
            if failed == 0 {
                results.passages.push(self.index.passages[n]);
            }
        }
        results.matrix = (self.pairs.iter().zip(matrix))
            .filter(|&(_, n)| n > 0)
            .map(|(&(s, t), n)| (s, t, n))
            .collect();
        results.timeline = (self.dates.iter().zip(timeline))
            .filter(|&(_, n)| n > 0)
            .map(|(&d, n)| (d, n))
            .collect();
        results.hits = hits;
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{build, Options};
    use crate::topics::{Taxonomy, TopicDef};

    fn corpus_topics() -> Vec<TopicDef> {
        let topic = |id: &str, parent: Option<&str>, phrase: &str| TopicDef {
            id: id.into(),
            label: id.into(),
            parent: parent.map(Into::into),
            phrases: vec![phrase.into()],
        };
        vec![
            topic("security", None, "security"),
            topic("troops", Some("security"), "troops"),
            topic("trade", None, "trade"),
        ]
    }

    fn corpus() -> Corpus {
        let options = Options {
            taxonomy: Taxonomy {
                topics: corpus_topics(),
            },
            ..Options::default()
        };
        let files = vec![
            (
                "a.txt".to_string(),
                "Briefing\n\n13 October 2023\n\nMR. PRICE: Troops are ready.\n\nQUESTION: What about trade?\n\nMR. PRICE: Trade is growing.\n\nJane Smith: Security matters.\n".as_bytes().to_vec(),
            ),
            (
                "b.txt".to_string(),
                "Article\n\n1 May 2024\n\nJane Smith said that troops were leaving. The weather was fine.\n".as_bytes().to_vec(),
            ),
        ];
        build(&files, &options).unwrap().corpus
    }

    fn ids(c: &Corpus, r: &Results) -> Vec<String> {
        r.passages
            .iter()
            .map(|p| {
                let d = &c.documents[p.doc as usize];
                d.slice(d.passages[p.passage as usize].span).to_string()
            })
            .collect()
    }

    fn speaker(c: &Corpus, id: &str) -> usize {
        c.speakers.iter().position(|s| s.id == id).unwrap()
    }

    #[test]
    fn an_empty_query_shows_everything() {
        let c = corpus();
        let r = Catalog::new(&c).run(&c, &Query::default());
        assert_eq!(r.passages.len(), r.total);
        assert_eq!(r.counts.voices.iter().sum::<u32>() as usize, r.total);
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.speaker.include = vec!["price".into(), "jane-smith".into()];
        let both = cat.run(&c, &q).passages.len();
        q.speaker.include = vec!["price".into()];
        let price = cat.run(&c, &q).passages.len();
        assert!(both > price && price == 2);
        q.voice.include = vec!["reported".into()];
        assert!(cat.run(&c, &q).passages.is_empty());
    }

    #[test]
    fn excluded_values_are_left_out() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.speaker.exclude = vec!["price".into()];
        let r = cat.run(&c, &q);
        assert!(r.passages.iter().all(|p| {
            c.documents[p.doc as usize].passages[p.passage as usize].speaker
                != Some(speaker(&c, "price") as u32)
        }));
    }

    #[test]
    fn counts_reflect_the_other_facets_but_not_their_own() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.speaker.include = vec!["price".into()];
        let r = cat.run(&c, &q);
        // The speaker facet still counts Jane Smith, so she can be added (OR).
        assert_eq!(r.counts.speakers[speaker(&c, "jane-smith")], 2);
        // The voice facet counts only Price's passages.
        assert_eq!(r.counts.voices, [2, 0, 0]);
    }

    #[test]
    fn a_parent_topic_includes_its_children() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.topic.include = vec!["security".into()];
        let got = ids(&c, &cat.run(&c, &q));
        assert_eq!(
            got,
            [
                "Troops are ready.",
                "Security matters.",
                "Jane Smith said that troops were leaving."
            ]
        );
    }

    #[test]
    fn answers_to_questions_about_a_topic() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.asked.include = vec!["trade".into()];
        assert_eq!(
            ids(&c, &cat.run(&c, &q)),
            ["Trade is growing.", "Security matters."]
        );
    }

    #[test]
    fn an_answer_is_asked_about_its_own_documents_question() {
        // Two transcripts whose turns are numbered alike: each answer takes the topics of the
        // question in its own document only.
        let transcript = |topic: &str| {
            format!("Briefing\n\n13 October 2023\n\nQUESTION: What about {topic}?\n\nMR. PRICE: We are working on it.\n")
                .into_bytes()
        };
        let files = vec![
            ("a.txt".to_string(), transcript("trade")),
            ("b.txt".to_string(), transcript("troops")),
        ];
        let mut options = Options::default();
        options.taxonomy.topics = corpus_topics();
        let c = build(&files, &options).unwrap().corpus;
        let cat = Catalog::new(&c);
        let answers = |topic: &str| {
            let mut q = Query::default();
            q.asked.include = vec![topic.into()];
            cat.run(&c, &q)
                .passages
                .iter()
                .map(|p| c.documents[p.doc as usize].file.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(answers("trade"), ["a.txt"]);
        assert_eq!(answers("troops"), ["b.txt"]);
        // Asked about troops is asked about their parent, security.
        assert_eq!(answers("security"), ["b.txt"]);
    }

    #[test]
    fn date_range_leaves_out_other_and_undated_documents() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let q = Query {
            from: Some(Date {
                year: 2024,
                month: 1,
                day: 1,
            }),
            ..Query::default()
        };
        let r = cat.run(&c, &q);
        assert!(r.passages.iter().all(|p| p.doc == 1));
        // The timeline ignores the range so the reader sees what lies outside it.
        assert_eq!(r.timeline.len(), 2);
    }

    #[test]
    fn search_combines_with_filters() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query {
            text: "troops ".into(),
            ..Query::default()
        };
        assert_eq!(cat.run(&c, &q).passages.len(), 2);
        q.speaker.include = vec!["jane-smith".into()];
        assert_eq!(
            ids(&c, &cat.run(&c, &q)),
            ["Jane Smith said that troops were leaving."]
        );
    }

    #[test]
    fn matrix_counts_speaker_topic_pairs_ignoring_those_filters() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.speaker.include = vec!["price".into()];
        let r = cat.run(&c, &q);
        let jane = speaker(&c, "jane-smith") as u32;
        assert!(r.matrix.iter().any(|&(s, _, n)| s == jane && n > 0));
        // Exactly the pairs of the passages the query gives without those two filters, a
        // topic counting for its ancestors too.
        let all = cat.run(&c, &Query::default());
        let parent = |t: u32| {
            let id = c.topics[t as usize].parent.as_deref()?;
            c.topics.iter().position(|x| x.id == id).map(|i| i as u32)
        };
        let mut expected = std::collections::BTreeMap::new();
        for &p in &all.passages {
            let passage = &c.documents[p.doc as usize].passages[p.passage as usize];
            let mut topics = std::collections::BTreeSet::new();
            for &t in &passage.topics {
                let mut at = Some(t);
                while let Some(t) = at {
                    topics.insert(t);
                    at = parent(t);
                }
            }
            for t in topics {
                if let Some(s) = passage.speaker {
                    *expected.entry((s, t)).or_insert(0) += 1;
                }
            }
        }
        let mut got = r.matrix.clone();
        got.sort_unstable();
        let expected: Vec<_> = expected.into_iter().map(|((s, t), n)| (s, t, n)).collect();
        assert!(!expected.is_empty());
        assert_eq!(got, expected);
    }

    #[test]
    fn unknown_ids_in_a_filter_are_ignored() {
        let c = corpus();
        let cat = Catalog::new(&c);
        let mut q = Query::default();
        q.speaker.include = vec!["nobody".into()];
        assert_eq!(
            cat.run(&c, &q).passages.len(),
            cat.run(&c, &Query::default()).passages.len()
        );
    }

    #[test]
    fn toggle_cycles_include_exclude_off() {
        let mut f = Filter::default();
        f.toggle("a");
        assert_eq!(f.state("a"), Choice::Included);
        f.toggle("a");
        assert_eq!(f.state("a"), Choice::Excluded);
        f.toggle("a");
        assert_eq!(f.state("a"), Choice::Off);
    }
}
