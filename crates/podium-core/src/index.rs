//! Full-text search over passages: case- and diacritic-insensitive, word-prefix while typing,
//! "quoted phrase" search, typo-tolerant for longer words, across passage text, speaker
//! names and topic labels.
//!
//! The index is a sorted vocabulary of folded words with a posting list (passage numbers)
//! each, built once when the corpus is loaded. Prefix search is a range of the sorted
//! vocabulary; typo tolerance scans the vocabulary with a bounded edit distance, which is
//! cheap because the vocabulary is far smaller than the text.

use std::collections::HashMap;

use crate::document::{Corpus, Document, Passage};
use crate::text::{fold, fold_into, words};
use crate::topics::FastHash;

/// A passage's place in the corpus: document number and passage number within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageRef {
    pub doc: u32,
    pub passage: u32,
}

/// The search index of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    /// Every passage, in corpus order; a passage's position here is its number.
    pub passages: Vec<PassageRef>,
    /// Sorted folded words.
    vocabulary: Vec<String>,
    /// For each word, the passages containing it (in text, speaker name or topic label).
    postings: Vec<Vec<u32>>,
}

/// What the reader typed, understood.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// Words that must all match somewhere in the passage (text, speaker, topics).
    pub terms: Vec<Term>,
    /// Quoted phrases that must appear, word for word, in the passage text.
    pub phrases: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    /// The word being typed: match any word that starts with it.
    pub prefix: bool,
}

impl Search {
    /// Parses search text: words, and "quoted phrases" (the closing quote may not be typed yet).
    pub fn parse(text: &str) -> Search {
        let is_quote = |c: char| matches!(c, '"' | '“' | '”');
        let mut search = Search::default();
        let mut rest = text;
        while let Some(open) = rest.find(is_quote) {
            search.add_words(&rest[..open], false);
            let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
            let (inside, next) = match after.find(is_quote) {
                Some(close) => (
                    &after[..close],
                    &after[close + after[close..].chars().next().map_or(1, char::len_utf8)..],
                ),
                None => (after, ""),
            };
            let phrase: Vec<String> = words(inside).map(|w| fold(w.text(inside))).collect();
            if !phrase.is_empty() {
                search.phrases.push(phrase);
            }
            rest = next;
        }
        let typing = !text.ends_with(|c: char| c.is_whitespace() || is_quote(c));
        search.add_words(rest, typing);
        search
    }

    fn add_words(&mut self, s: &str, last_is_prefix: bool) {
        let found: Vec<String> = words(s).map(|w| fold(w.text(s))).collect();
        let n = found.len();
        for (i, word) in found.into_iter().enumerate() {
            self.terms.push(Term {
                word,
                prefix: last_is_prefix && i + 1 == n,
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }
}

/// The outcome of a search: which passages match, and what to highlight in them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// Matching passage numbers, sorted. `None` when there was nothing to search for.
    pub passages: Option<Vec<u32>>,
    /// Folded words to highlight, sorted.
    pub words: Vec<String>,
    /// Phrases to highlight.
    pub phrases: Vec<Vec<String>>,
}

/// How many edits a word of this length may be off by and still match.
fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// An index built a passage at a time, so that a caller on a frame budget (the page, at the
/// end of an import) can spread the work over several tasks, even for one long document.
///
/// Each distinct folded word gets an id the first time it is seen; its postings grow in
/// passage order, so they come out sorted, and a repeat within a passage is the last entry.
/// Sorting the distinct words at the end is far cheaper than sorting a (word, passage) pair
/// for every word of the corpus.
///
/// A builder can start from the index of an earlier corpus ([`IndexBuilder::reusing`]):
/// then it reads only the passages that are new or changed.
#[derive(Default)]
pub struct IndexBuilder<'a> {
    /// The next passage to index: document, then passage within it.
    doc: usize,
    passage: usize,
    ids: HashMap<String, u32, FastHash>,
    words_by_id: Vec<String>,
    postings_by_id: Vec<Vec<u32>>,
    passages: Vec<PassageRef>,
    folded: String,
    /// What is still to be taken over from an earlier index, a step at a time.
    earlier: Option<Earlier<'a>>,
    /// By passage number: its words are in the postings already, taken from an earlier
    /// index. Empty when building from nothing.
    reused: Vec<bool>,
    /// The words taken from an earlier index are the first ids, in order: they are found
    /// by binary search, not put in `ids` one by one.
    taken: usize,
}

/// An earlier corpus and its index, being taken over: first each document of the new
/// corpus is compared with the earlier one of its name, then the earlier words' postings
/// are renumbered.
struct Earlier<'a> {
    index: &'a Index,
    corpus: &'a Corpus,
    docs: HashMap<&'a str, usize, FastHash>,
    /// The number of each earlier document's first passage.
    first: Vec<u32>,
    /// The number in the new corpus of each earlier passage it has unchanged.
    moved_to: Vec<Option<u32>>,
    /// The next document of the new corpus to compare, then the next earlier word to take.
    next_doc: usize,
    next_word: usize,
}

/// How many postings a step takes over from an earlier index: about a millisecond of work
/// in the browser. (Few in tests, so that they cross the steps' bounds.)
const POSTINGS_PER_STEP: usize = if cfg!(test) { 3 } else { 32 * 1024 };

impl<'a> IndexBuilder<'a> {
    /// A builder for a new corpus that takes over, from `index` (of the corpus `from`), the
    /// words of every passage the new corpus has unchanged: the same document text, the
    /// same span, the same speaker and topics. A correction changes one passage, an import
    /// adds a few documents to many: building anew read the text of every passage, 31–43 ms
    /// natively at 1,000 documents. The steps compare documents, take over postings, then
    /// read only the new and changed passages. If `index` is not an index of `from`, this
    /// is a builder from nothing.
    pub fn reusing(index: &'a Index, from: &'a Corpus) -> IndexBuilder<'a> {
        if from.passage_count() != index.passages.len() {
            return IndexBuilder::default();
        }
        let mut first = Vec::with_capacity(from.documents.len());
        let mut n = 0u32;
        for d in &from.documents {
            first.push(n);
            n += d.passages.len() as u32;
        }
        let docs = from
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.file.as_str(), i))
            .collect();
        IndexBuilder {
            earlier: Some(Earlier {
                index,
                corpus: from,
                docs,
                first,
                moved_to: vec![None; index.passages.len()],
                next_doc: 0,
                next_word: 0,
            }),
            ..IndexBuilder::default()
        }
    }

    /// Does the next step of building the index of `corpus` (the same corpus at every
    /// step): a passage read, or with an earlier index a document compared or a share of
    /// its postings taken over. False once every passage is in.
    pub fn step(&mut self, corpus: &Corpus) -> bool {
        if let Some(earlier) = &mut self.earlier {
            if let Some(doc) = corpus.documents.get(earlier.next_doc) {
                earlier.compare(doc, corpus, &mut self.reused);
                earlier.next_doc += 1;
                return true;
            }
            if earlier.next_word < earlier.index.vocabulary.len() {
                earlier.take(&mut self.words_by_id, &mut self.postings_by_id);
                return true;
            }
            self.taken = self.words_by_id.len();
            self.earlier = None;
        }
        let (doc, passage, n) = loop {
            let Some(doc) = corpus.documents.get(self.doc) else {
                return false;
            };
            let Some(passage) = doc.passages.get(self.passage) else {
                (self.doc, self.passage) = (self.doc + 1, 0);
                continue;
            };
            let n = self.passages.len() as u32;
            self.passages.push(PassageRef {
                doc: self.doc as u32,
                passage: self.passage as u32,
            });
            self.passage += 1;
            if !self.reused.get(n as usize).copied().unwrap_or(false) {
                break (doc, passage, n);
            }
        };
        let (ids, words_by_id, postings_by_id, taken) = (
            &mut self.ids,
            &mut self.words_by_id,
            &mut self.postings_by_id,
            self.taken,
        );
        passage_words(corpus, doc, passage, &mut self.folded, |folded| {
            let known = words_by_id[..taken]
                .binary_search_by(|w| w.as_str().cmp(folded))
                .ok()
                .or_else(|| ids.get(folded).map(|&id| id as usize));
            let id = match known {
                Some(id) => id,
                None => {
                    let id = words_by_id.len();
                    ids.insert(folded.to_string(), id as u32);
                    words_by_id.push(folded.to_string());
                    postings_by_id.push(Vec::new());
                    id
                }
            };
            // A list taken over may end with a later passage: `finish` sorts it. A repeat
            // within this passage is still the last entry.
            let list = &mut postings_by_id[id];
            if list.last() != Some(&n) {
                list.push(n);
            }
        });
        true
    }

    /// The index of the passages indexed so far.
    pub fn finish(self) -> Index {
        let IndexBuilder {
            mut words_by_id,
            mut postings_by_id,
            passages,
            ..
        } = self;
        for list in &mut postings_by_id {
            if !list.is_sorted() {
                list.sort_unstable();
            }
        }
        let mut order: Vec<u32> = (0..words_by_id.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| words_by_id[a as usize].cmp(&words_by_id[b as usize]));
        let mut vocabulary = Vec::with_capacity(order.len());
        let mut postings = Vec::with_capacity(order.len());
        for id in order {
            vocabulary.push(std::mem::take(&mut words_by_id[id as usize]));
            postings.push(std::mem::take(&mut postings_by_id[id as usize]));
        }
        Index {
            passages,
            vocabulary,
            postings,
        }
    }
}

impl Earlier<'_> {
    /// Compares a document of the new corpus, `doc`, with the earlier one of its name: its
    /// passages that are unchanged are marked reused, and where they were is noted.
    fn compare(&mut self, doc: &Document, corpus: &Corpus, reused: &mut Vec<bool>) {
        let before = self.docs.get(doc.file.as_str()).copied().filter(|&e| {
            let old = &self.corpus.documents[e];
            old.text == doc.text
                && old.passages.len() == doc.passages.len()
                && old
                    .passages
                    .iter()
                    .zip(&doc.passages)
                    .all(|(p, q)| p.span == q.span)
        });
        for (p, passage) in doc.passages.iter().enumerate() {
            let same = before.filter(|&e| {
                let old = &self.corpus.documents[e].passages[p];
                same_labels(old, self.corpus, passage, corpus)
            });
            if let Some(e) = same {
                self.moved_to[self.first[e] as usize + p] = Some(reused.len() as u32);
            }
            reused.push(same.is_some());
        }
    }

    /// Takes over the next earlier words, about [`POSTINGS_PER_STEP`] postings of them,
    /// renumbered; a word no passage keeps is left.
    fn take(&mut self, words: &mut Vec<String>, postings: &mut Vec<Vec<u32>>) {
        let mut budget = POSTINGS_PER_STEP;
        while budget > 0 && self.next_word < self.index.vocabulary.len() {
            let i = self.next_word;
            self.next_word += 1;
            let before = &self.index.postings[i];
            budget = budget.saturating_sub(before.len());
            let mut list = Vec::with_capacity(before.len());
            list.extend(before.iter().filter_map(|&n| self.moved_to[n as usize]));
            if list.is_empty() {
                continue;
            }
            // Out of order only where documents moved; `finish` sorts every list.
            words.push(self.index.vocabulary[i].clone());
            postings.push(list);
        }
    }
}

/// Calls `f` with each word of a passage, folded: of its text, its speaker's name and role,
/// and its topics' labels (so a search for a person or a topic finds their passages). A
/// word can come more than once.
fn passage_words(
    corpus: &Corpus,
    doc: &Document,
    passage: &Passage,
    folded: &mut String,
    mut f: impl FnMut(&str),
) {
    let mut add = |s: &str| {
        for w in words(s) {
            fold_into(w.text(s), folded);
            f(folded);
        }
    };
    add(doc.slice(passage.span));
    if let Some(s) = passage.speaker {
        let speaker = corpus.speaker(s);
        add(&speaker.name);
        speaker.role.as_deref().map(&mut add);
    }
    for &t in &passage.topics {
        add(&corpus.topic(t).label);
    }
}

/// Whether passage `p` of corpus `a` and passage `q` of corpus `b` have the same speaker
/// (name and role) and topics (labels): what of a passage besides its text is indexed.
fn same_labels(p: &Passage, a: &Corpus, q: &Passage, b: &Corpus) -> bool {
    let (s, t) = (
        p.speaker.map(|s| a.speaker(s)),
        q.speaker.map(|s| b.speaker(s)),
    );
    s.map(|s| (&s.name, &s.role)) == t.map(|t| (&t.name, &t.role))
        && p.topics.len() == q.topics.len()
        && p.topics
            .iter()
            .zip(&q.topics)
            .all(|(&t, &u)| a.topic(t).label == b.topic(u).label)
}

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        let mut builder = IndexBuilder::default();
        while builder.step(corpus) {}
        builder.finish()
    }

    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Vocabulary entries a term matches: exact, by prefix, or within its typo budget.
    fn expand(&self, term: &Term) -> Vec<usize> {
        let w = term.word.as_str();
        let mut out = Vec::new();
        if term.prefix {
            let start = self.vocabulary.partition_point(|v| v.as_str() < w);
            out.extend(
                (start..self.vocabulary.len()).take_while(|&i| self.vocabulary[i].starts_with(w)),
            );
        } else if let Ok(i) = self.vocabulary.binary_search_by(|v| v.as_str().cmp(w)) {
            out.push(i);
        }
        let budget = typo_budget(w.chars().count());
        if budget > 0 {
            for (i, v) in self.vocabulary.iter().enumerate() {
                if out.contains(&i) {
                    continue;
                }
                let candidate = if term.prefix {
                    // While typing, compare with the word's start of the same length.
                    let n = w.chars().count();
                    let end = v.char_indices().nth(n).map_or(v.len(), |(b, _)| b);
                    &v[..end]
                } else {
                    v.as_str()
                };
                if within(candidate, w, budget) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// The passages where any of these words occur, sorted. A short prefix matches
    /// thousands of words whose postings overlap: marking a bit per passage is linear in
    /// the postings, where sorting them is not.
    fn union(&self, words: &[usize]) -> Vec<u32> {
        if let [one] = words {
            return self.postings[*one].clone();
        }
        let mut bits = vec![0u64; self.passages.len().div_ceil(64)];
        for &w in words {
            for &n in &self.postings[w] {
                bits[n as usize / 64] |= 1 << (n % 64);
            }
        }
        let mut out = Vec::new();
        for (k, mut word) in bits.into_iter().enumerate() {
            while word != 0 {
                out.push((k * 64) as u32 + word.trailing_zeros());
                word &= word - 1;
            }
        }
        out
    }

    /// Runs a search over the whole corpus.
    pub fn search(&self, corpus: &Corpus, search: &Search) -> Hits {
        if search.is_empty() {
            return Hits::default();
        }
        let mut result: Option<Vec<u32>> = None;
        let mut highlight: Vec<String> = Vec::new();
        let phrase_terms = search.phrases.iter().flatten().map(|w| Term {
            word: w.clone(),
            prefix: false,
        });
        for term in search.terms.iter().cloned().chain(phrase_terms) {
            let matched = self.expand(&term);
            let set = self.union(&matched);
            highlight.extend(matched.iter().map(|&i| self.vocabulary[i].clone()));
            result = Some(match result {
                None => set,
                Some(prev) => intersect(&prev, &set),
            });
        }
        let mut passages = result.unwrap_or_default();
        if !search.phrases.is_empty() {
            passages.retain(|&n| {
                let r = self.passages[n as usize];
                let doc = &corpus.documents[r.doc as usize];
                let text = doc.slice(doc.passages[r.passage as usize].span);
                search
                    .phrases
                    .iter()
                    .all(|p| !phrase_ranges(text, p).is_empty())
            });
        }
        // Phrase words are highlighted as phrases, not one by one.
        let phrase_words: Vec<&String> = search.phrases.iter().flatten().collect();
        highlight
            .retain(|w| !phrase_words.contains(&w) || search.terms.iter().any(|t| &t.word == w));
        // Equal words are the same word: an unstable sort is exact, and smaller in the wasm.
        highlight.sort_unstable();
        highlight.dedup();
        Hits {
            passages: Some(passages),
            words: highlight,
            phrases: search.phrases.clone(),
        }
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Is the edit distance between `a` and `b` at most `k`? Optimal string alignment: a
/// swap of two neighbouring letters ("patrosl") is one edit, as typists make it.
fn within(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(before[j - 2] + 1);
            }
        }
        if cur.iter().min().is_some_and(|&m| m > k) {
            return false;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= k
}

/// Byte ranges in `text` where the folded words of `phrase` occur consecutively.
pub fn phrase_ranges(text: &str, phrase: &[String]) -> Vec<(usize, usize)> {
    let toks: Vec<(usize, usize, String)> = words(text)
        .map(|w| (w.start, w.end, fold(w.text(text))))
        .collect();
    if phrase.is_empty() || toks.len() < phrase.len() {
        return Vec::new();
    }
    toks.windows(phrase.len())
        .filter(|win| win.iter().zip(phrase).all(|(t, p)| &t.2 == p))
        .map(|win| (win[0].0, win[win.len() - 1].1))
        .collect()
}

/// Byte ranges of `text` to mark for these hits: matched words and phrases, merged.
pub fn highlights(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = words(text)
        .filter(|w| hits.words.binary_search(&fold(w.text(text))).is_ok())
        .map(|w| (w.start, w.end))
        .collect();
    for p in &hits.phrases {
        out.extend(phrase_ranges(text, p));
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{build, Options};

    /// Three documents: the first two make `corpus()`.
    fn files() -> Vec<(String, Vec<u8>)> {
        [
            ("a.txt", "Briefing in Zürich\n\nMR. PRICE: We discussed Kosovo and the Zürich talks.\n\nQUESTION: What about troops?\n\nMR. PRICE: More troops are deploying.\n"),
            ("b.txt", "Article\n\n13 October 2023\n\nNATO Secretary General Jens Stoltenberg said that patrols would increase.\n"),
            ("c.txt", "Doorstep\n\n12 May 2023\n\nMR. PRICE: We welcome the Kosovo agreement.\n\nQ: Will KFOR troops stay?\n\nMR. PRICE: Yes, KFOR stays in Kosovo.\n"),
        ]
        .into_iter()
        .map(|(f, t)| (f.to_string(), t.as_bytes().to_vec()))
        .collect()
    }

    fn corpus_of(files: &[(String, Vec<u8>)]) -> Corpus {
        build(files, &Options::default()).unwrap().corpus
    }

    fn corpus() -> Corpus {
        corpus_of(&files()[..2])
    }

    fn texts(c: &Corpus, idx: &Index, q: &str) -> Vec<String> {
        let hits = idx.search(c, &Search::parse(q));
        hits.passages
            .unwrap()
            .iter()
            .map(|&n| {
                let r = idx.passages[n as usize];
                let d = &c.documents[r.doc as usize];
                d.slice(d.passages[r.passage as usize].span).to_string()
            })
            .collect()
    }

    #[test]
    fn parse_splits_words_phrases_and_the_word_being_typed() {
        let s = Search::parse("troops \"Zürich talks\" depl");
        assert_eq!(
            s.phrases,
            vec![vec!["zurich".to_string(), "talks".to_string()]]
        );
        let terms: Vec<(&str, bool)> = s
            .terms
            .iter()
            .map(|t| (t.word.as_str(), t.prefix))
            .collect();
        assert_eq!(terms, [("troops", false), ("depl", true)]);
        assert!(!Search::parse("troops ").terms[0].prefix);
        assert_eq!(
            Search::parse("\"unfinished phr").phrases,
            vec![vec!["unfinished".to_string(), "phr".to_string()]]
        );
        assert!(Search::parse("  \"\" ").is_empty());
    }

    #[test]
    fn a_prefix_of_many_words_gives_each_passage_once_in_order() {
        // Enough passages for several 64-passage blocks, each with words of the same prefix.
        let turns: String = (0..150)
            .map(|i| match i % 3 {
                0 => format!("MR. PRICE: Tanks and talks, round {i}.\n\n"),
                1 => format!("QUESTION: Troops, round {i}?\n\n"),
                _ => format!("MR. PRICE: Nothing more, round {i}.\n\n"),
            })
            .collect();
        let files = vec![(
            "c.txt".to_string(),
            format!("Briefing\n\n{turns}").into_bytes(),
        )];
        let c = build(&files, &Options::default()).unwrap().corpus;
        let idx = Index::build(&c);
        for prefix in ["t", "ta", "tro", "r", "n"] {
            let found = idx.search(&c, &Search::parse(prefix)).passages.unwrap();
            let expected: std::collections::BTreeSet<u32> = idx
                .vocabulary
                .iter()
                .zip(&idx.postings)
                .filter(|(w, _)| w.starts_with(prefix))
                .flat_map(|(_, p)| p.iter().copied())
                .collect();
            assert!(expected.len() > 40, "{prefix}");
            assert_eq!(found, expected.into_iter().collect::<Vec<_>>(), "{prefix}");
        }
    }

    #[test]
    fn a_stepped_index_takes_each_passage_once_then_stops() {
        let c = corpus();
        let mut builder = IndexBuilder::default();
        let mut steps = 0;
        while builder.step(&c) {
            steps += 1;
        }
        assert_eq!(steps, c.passage_count());
        assert!(!builder.step(&c), "nothing is indexed twice");
        let index = builder.finish();
        assert_eq!(index.passages.len(), c.passage_count());
        assert!(index
            .passages
            .iter()
            .enumerate()
            .all(|(n, r)| n == 0 || index.passages[n - 1] < *r));
        assert_eq!(texts(&c, &index, "deplo"), ["More troops are deploying."]);
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let c = corpus();
        let idx = Index::build(&c);
        assert_eq!(texts(&c, &idx, "zurich ").len(), 1);
        assert_eq!(texts(&c, &idx, "ZÜRICH ").len(), 1);
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        let c = corpus();
        let idx = Index::build(&c);
        assert_eq!(texts(&c, &idx, "deplo"), ["More troops are deploying."]);
        assert!(texts(&c, &idx, "deplo ").is_empty());
    }

    #[test]
    fn phrases_must_appear_word_for_word() {
        let c = corpus();
        let idx = Index::build(&c);
        assert_eq!(texts(&c, &idx, "\"more troops\"").len(), 1);
        assert!(texts(&c, &idx, "\"troops more\"").is_empty());
    }

    #[test]
    fn longer_words_tolerate_a_typo() {
        let c = corpus();
        let idx = Index::build(&c);
        assert_eq!(texts(&c, &idx, "patrosl ").len(), 1);
        assert_eq!(texts(&c, &idx, "Stoltenbreg ").len(), 1);
        assert!(
            texts(&c, &idx, "talk ").is_empty(),
            "short words need an exact match"
        );
        assert_eq!(texts(&c, &idx, "talks ").len(), 1);
    }

    #[test]
    fn speaker_names_and_topic_labels_are_searchable() {
        let c = corpus();
        let idx = Index::build(&c);
        assert_eq!(texts(&c, &idx, "stoltenberg patrols").len(), 1);
        assert_eq!(texts(&c, &idx, "price troops").len(), 1);
    }

    #[test]
    fn highlights_cover_words_and_phrases_merged() {
        let c = corpus();
        let idx = Index::build(&c);
        let text = "We discussed Kosovo and the Zürich talks.";
        let hits = idx.search(&c, &Search::parse("zurich \"the zurich talks\""));
        let marks: Vec<&str> = highlights(text, &hits)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(marks, ["the Zürich talks"]);
        let hits = idx.search(&c, &Search::parse("kosovo discussed"));
        let marks: Vec<&str> = highlights(text, &hits)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(marks, ["discussed", "Kosovo"]);
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within("patrols", "patrosl", 1), "a swap is one edit");
        assert!(!within("patrols", "ptarosl", 1));
        assert!(within("kosovo", "kosova", 1));
        assert!(!within("abc", "xyz", 2));
    }

    /// `base` with corrections: for each pick `(at, kind, which)`, passage `at` (in corpus
    /// order, wrapping) gets speaker `NAMES[which]`, or topic `LABELS[which]`, or loses its
    /// first topic.
    fn corrected(base: &Corpus, picks: &[(usize, u8, usize)]) -> Corpus {
        use crate::corrections::{apply, Change, Correction};
        const NAMES: [&str; 3] = ["Ned Price", "Jane Analyst", "Zoë Müller"];
        const LABELS: [&str; 3] = ["Troops", "Kosovo police", "Übung"];
        let all: Vec<(usize, usize)> = (0..base.documents.len())
            .flat_map(|d| (0..base.documents[d].passages.len()).map(move |p| (d, p)))
            .collect();
        let fixes: Vec<Correction> = picks
            .iter()
            .map(|&(at, kind, which)| {
                let (d, p) = all[at % all.len()];
                let passage = &base.documents[d].passages[p];
                let change = match kind % 3 {
                    0 => Change::speaker_named(NAMES[which % 3]),
                    1 => Change::topic_labelled(LABELS[which % 3]),
                    _ => match passage.topics.first() {
                        Some(&t) => Change::RemoveTopic {
                            id: base.topic(t).id.clone(),
                        },
                        None => Change::topic_labelled(LABELS[which % 3]),
                    },
                };
                Correction {
                    file: base.documents[d].file.clone(),
                    at: passage.span.start,
                    change,
                }
            })
            .collect();
        let mut out = base.clone();
        apply(&mut out, &fixes);
        out
    }

    /// `to`'s index built from `earlier`, of `from`, and how many passages it read.
    fn built_from(earlier: &Index, from: &Corpus, to: &Corpus) -> (Index, usize) {
        let mut builder = IndexBuilder::reusing(earlier, from);
        while builder.step(to) {}
        let taken = builder.reused.iter().filter(|&&r| r).count();
        let read = builder.passages.len() - taken;
        (builder.finish(), read)
    }

    fn reused(from: &Corpus, to: &Corpus) -> (Index, usize) {
        built_from(&Index::build(from), from, to)
    }

    #[test]
    fn a_corrected_passage_is_the_only_one_read_again() {
        let base = corpus();
        let after = corrected(&base, &[(0, 0, 2)]);
        let (index, read) = reused(&base, &after);
        assert_eq!(read, 1);
        assert_eq!(index, Index::build(&after));
        assert_eq!(texts(&after, &index, "muller").len(), 1);
        // Back again, as an undo does.
        let (undone, read) = reused(&after, &base);
        assert_eq!(read, 1);
        assert_eq!(undone, Index::build(&base));
        assert!(texts(&base, &undone, "muller").is_empty());
    }

    #[test]
    fn an_added_document_is_read_and_a_removed_one_dropped() {
        let (two, three) = (corpus(), corpus_of(&files()));
        let (index, read) = reused(&two, &three);
        assert_eq!(index, Index::build(&three));
        let added = three.documents.iter().find(|d| d.file == "c.txt").unwrap();
        assert!(read >= added.passages.len() && read < three.passage_count());
        let (index, _) = reused(&three, &two);
        assert_eq!(index, Index::build(&two));
        assert_eq!(texts(&two, &index, "kfor"), Vec::<String>::new());
    }

    #[test]
    fn an_index_of_another_corpus_or_an_edited_text_is_not_taken_over() {
        let (two, three) = (corpus(), corpus_of(&files()));
        let (index, read) = built_from(&Index::build(&two), &three, &three);
        assert_eq!(read, three.passage_count());
        assert_eq!(index, Index::build(&three));
        let mut edited = two.clone();
        edited.documents[0].text = edited.documents[0].text.replace("Kosovo", "Serbia");
        let (index, read) = reused(&two, &edited);
        assert_eq!(read, edited.documents[0].passages.len());
        assert_eq!(index, Index::build(&edited));
    }

    proptest::proptest! {
        /// From any corpus of these documents, corrected, to any other: the index a build
        /// makes.
        #[test]
        fn an_index_built_from_an_earlier_one_is_the_index_a_build_makes(
            docs in (1usize..8, 1usize..8),
            first in proptest::collection::vec((0usize..12, 0u8..3, 0usize..3), 0..5),
            then in proptest::collection::vec((0usize..12, 0u8..3, 0usize..3), 0..5),
        ) {
            let subset = |mask: usize| -> Vec<(String, Vec<u8>)> {
                files().into_iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, f)| f).collect()
            };
            let from = corrected(&corpus_of(&subset(docs.0)), &first);
            let to = corrected(&corpus_of(&subset(docs.1)), &then);
            proptest::prop_assert_eq!(reused(&from, &to).0, Index::build(&to));
        }
    }
}
