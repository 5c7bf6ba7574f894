//! The curated topic taxonomy and the matcher that tags text with it.
//!
//! A [`Taxonomy`] is a flat list of [`TopicDef`]s, each with the phrases that signal it and
//! an optional parent, read from `corpus/topics.toml` ([`Taxonomy::from_toml`], behind the
//! `toml` feature so the wasm carries no TOML parser):
//!
//! ```toml
//! [[topic]]
//! id = "kfor"
//! label = "KFOR and troop deployment"
//! parent = "kosovo-security"
//! phrases = ["KFOR", "additional troops", "troop deployment"]
//! ```
//!
//! A [`TopicMatcher`] compiles the phrases once and then finds them in any text:
//! case- and diacritic-insensitive and tolerant of inflection, because both sides are
//! compared as sequences of stemmed words (see [`crate::text`]). "Serb-majority
//! municipalities" therefore matches "serb majority municipality", and "KFOR troops were
//! attacked" matches "attack on KFOR"… only if the words are consecutive and in order:
//! phrases are precise on purpose, a taxonomy adds phrasings rather than the matcher
//! guessing.
//!
//! Text is tagged with the topics whose phrases it contains, never with their parents
//! automatically: the query layer expands a parent to its descendants
//! ([`Taxonomy::ancestors`], [`Taxonomy::children`]).
//!
//! Matching is one pass over the text's words with one hash lookup per word; phrases are
//! indexed by their first word, so the cost hardly depends on the taxonomy's size.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::text::{fold_into, stem_in_place, words};

/// One topic of the taxonomy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDef {
    /// Stable identifier: lowercase ASCII letters, digits and `-` ("kfor", "banjska-attack").
    pub id: String,
    /// What the user sees ("KFOR and troop deployment").
    pub label: String,
    /// Id of the broader topic, if any.
    pub parent: Option<String>,
    /// Wordings that signal the topic; any one of them tags a text. None is allowed: such
    /// a topic tags only the passages a reader's correction assigns to it.
    pub phrases: Vec<String>,
}

/// The curated topics, in file order; matcher results are indices into `topics`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub topics: Vec<TopicDef>,
}

impl Taxonomy {
    /// Index of the topic with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// The parent, grandparent… of `topic`, nearest first. Stops at an unknown parent id
    /// and never loops, even on a (invalid) cyclic taxonomy.
    pub fn ancestors(&self, topic: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = topic;
        std::iter::from_fn(move || {
            let parent = self.topics.get(current)?.parent.as_deref()?;
            current = self.index_of(parent)?;
            Some(current)
        })
        .take(self.topics.len())
    }

    /// The direct children of `topic`, in taxonomy order.
    pub fn children(&self, topic: usize) -> impl Iterator<Item = usize> + '_ {
        let id = self.topics.get(topic).map(|t| t.id.as_str());
        self.topics
            .iter()
            .enumerate()
            .filter(move |(_, t)| id.is_some() && t.parent.as_deref() == id)
            .map(|(i, _)| i)
    }

    /// Check what [`Taxonomy::from_toml`] checks, for a taxonomy built in code: ids well
    /// formed and unique, labels present, no blank phrase, parents known and acyclic.
    pub fn validate(&self) -> Result<(), TaxonomyError> {
        let no_lines = vec![TopicLines::default(); self.topics.len()];
        validate(self, &no_lines)
    }
}

/// Why a taxonomy was rejected, with the line of `topics.toml` where known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyError {
    /// 1-based line in the TOML text, when the error comes from [`Taxonomy::from_toml`].
    pub line: Option<usize>,
    pub kind: TaxonomyErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaxonomyErrorKind {
    /// Not valid TOML, or not the expected shape (missing `label`, unknown key…).
    Syntax(String),
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
        first_line: Option<usize>,
    },
    EmptyLabel {
        id: String,
    },
    /// A phrase with no words in it ("", "–").
    EmptyPhrase {
        id: String,
        phrase: String,
    },
    UnknownParent {
        id: String,
        parent: String,
    },
    /// Following parents from this topic leads back to it.
    ParentCycle {
        id: String,
    },
}

impl fmt::Display for TaxonomyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match &self.kind {
            TaxonomyErrorKind::Syntax(message) => write!(f, "{message}"),
            TaxonomyErrorKind::BadId { id } => write!(
                f,
                "topic id {id:?} must be non-empty and use only lowercase ASCII letters, digits and '-'"
            ),
            TaxonomyErrorKind::DuplicateId { id, first_line } => {
                write!(f, "duplicate topic id {id:?}")?;
                match first_line {
                    Some(line) => write!(f, " (first defined on line {line})"),
                    None => Ok(()),
                }
            }
            TaxonomyErrorKind::EmptyLabel { id } => write!(f, "topic {id:?} has an empty label"),
            TaxonomyErrorKind::EmptyPhrase { id, phrase } => {
                write!(f, "topic {id:?} has a phrase with no words: {phrase:?}")
            }
            TaxonomyErrorKind::UnknownParent { id, parent } => {
                write!(f, "topic {id:?} names an unknown parent {parent:?}")
            }
            TaxonomyErrorKind::ParentCycle { id } => {
                write!(f, "topic {id:?} is its own ancestor (parent cycle)")
            }
        }
    }
}

impl std::error::Error for TaxonomyError {}

/// Source lines of a topic's fields, for error messages.
#[derive(Clone, Debug, Default)]
struct TopicLines {
    id: Option<usize>,
    parent: Option<usize>,
    phrases: Option<usize>,
    phrase: Vec<Option<usize>>,
}

fn error(line: Option<usize>, kind: TaxonomyErrorKind) -> TaxonomyError {
    TaxonomyError { line, kind }
}

fn validate(taxonomy: &Taxonomy, lines: &[TopicLines]) -> Result<(), TaxonomyError> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, (topic, at)) in taxonomy.topics.iter().zip(lines).enumerate() {
        let id = topic.id.clone();
        if !is_valid_id(&topic.id) {
            return Err(error(at.id, TaxonomyErrorKind::BadId { id }));
        }
        if let Some(&j) = first.get(topic.id.as_str()) {
            let first_line = lines[j].id;
            return Err(error(
                at.id,
                TaxonomyErrorKind::DuplicateId { id, first_line },
            ));
        }
        first.insert(&topic.id, i);
        if topic.label.trim().is_empty() {
            return Err(error(at.id, TaxonomyErrorKind::EmptyLabel { id }));
        }
        for (k, phrase) in topic.phrases.iter().enumerate() {
            if words(phrase).next().is_none() {
                let line = at.phrase.get(k).copied().flatten().or(at.phrases);
                let phrase = phrase.clone();
                return Err(error(line, TaxonomyErrorKind::EmptyPhrase { id, phrase }));
            }
        }
    }
    for (i, (topic, at)) in taxonomy.topics.iter().zip(lines).enumerate() {
        let Some(parent) = &topic.parent else {
            continue;
        };
        let id = topic.id.clone();
        if !first.contains_key(parent.as_str()) {
            let parent = parent.clone();
            return Err(error(
                at.parent,
                TaxonomyErrorKind::UnknownParent { id, parent },
            ));
        }
        if taxonomy.ancestors(i).any(|a| a == i) {
            return Err(error(at.parent, TaxonomyErrorKind::ParentCycle { id }));
        }
    }
    Ok(())
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(feature = "toml")]
mod toml_format {
    use super::*;
    use serde::Deserialize;
    use toml::Spanned;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawFile {
        #[serde(default)]
        topic: Vec<RawTopic>,
        /// Readers' fixes, read by [`crate::corrections::topic_corrections_from_toml`].
        #[serde(default, rename = "correction")]
        _correction: serde::de::IgnoredAny,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawTopic {
        id: Spanned<String>,
        label: String,
        #[serde(default)]
        parent: Option<Spanned<String>>,
        #[serde(default)]
        phrases: Option<Spanned<Vec<Spanned<String>>>>,
    }

    /// 1-based line of byte offset `at` in `text` (clamped to the text).
    fn line_of(text: &str, at: usize) -> usize {
        let at = at.min(text.len());
        text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    impl Taxonomy {
        /// Read a taxonomy from `topics.toml` text and [validate](Taxonomy::validate) it.
        /// Errors name the line they occur on.
        pub fn from_toml(text: &str) -> Result<Taxonomy, TaxonomyError> {
            let raw: RawFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map(|s| line_of(text, s.start));
                error(
                    line,
                    TaxonomyErrorKind::Syntax(e.message().trim().to_owned()),
                )
            })?;
            let line = |s: std::ops::Range<usize>| Some(line_of(text, s.start));
            let mut topics = Vec::with_capacity(raw.topic.len());
            let mut lines = Vec::with_capacity(raw.topic.len());
            for t in raw.topic {
                lines.push(TopicLines {
                    id: line(t.id.span()),
                    parent: t.parent.as_ref().and_then(|p| line(p.span())),
                    phrases: t.phrases.as_ref().and_then(|p| line(p.span())),
                    phrase: t
                        .phrases
                        .iter()
                        .flat_map(|p| p.get_ref().iter())
                        .map(|p| line(p.span()))
                        .collect(),
                });
                topics.push(TopicDef {
                    id: t.id.into_inner(),
                    label: t.label,
                    parent: t.parent.map(Spanned::into_inner),
                    phrases: t
                        .phrases
                        .map(Spanned::into_inner)
                        .unwrap_or_default()
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                });
            }
            let taxonomy = Taxonomy { topics };
            validate(&taxonomy, &lines)?;
            Ok(taxonomy)
        }
    }
}

/// Where a topic's phrase occurs: byte range `[start, end)` of the matched words in the
/// text given to [`TopicMatcher::matches`], for highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicMatch {
    /// Index into [`Taxonomy::topics`].
    pub topic: usize,
    pub start: usize,
    pub end: usize,
}

/// A small, fast, deterministic hasher for short word keys (the multiply-rotate scheme of
/// rustc's FxHash, eight bytes at a time); the standard SipHash would dominate the cost of
/// matching. Keys come from the taxonomy and the text, not from an attacker who could
/// exploit collisions.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

/// Hash maps keyed by words or word ids, with [`WordHasher`].
pub(crate) type FastHash = BuildHasherDefault<WordHasher>;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        // The last 0–7 bytes, little-endian, and their count.
        let tail = chunks.remainder();
        let rest = tail
            .iter()
            .rev()
            .fold(0u64, |word, &b| word << 8 | u64::from(b));
        self.add(rest ^ tail.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        // As `write(&[i])` would.
        self.add(u64::from(i) ^ 1);
    }
}

type WordIds = HashMap<String, u32, FastHash>;

/// Id of a word that occurs in no phrase.
const UNKNOWN: u32 = u32::MAX;

#[derive(Clone, Debug)]
struct Phrase {
    topic: u32,
    /// Word ids, in order.
    words: Box<[u32]>,
}

/// A word of the scanned text: its id and byte range.
#[derive(Clone, Copy, Debug)]
struct Token {
    id: u32,
    start: usize,
    end: usize,
}

/// A taxonomy's phrases compiled for matching; see the module docs.
#[derive(Clone, Debug)]
pub struct TopicMatcher {
    /// Stemmed word → dense id, for every word of every phrase.
    word_ids: WordIds,
    phrases: Vec<Phrase>,
    /// For each word id, the phrases starting with it, longest first.
    by_first_word: Vec<Vec<u32>>,
    /// For each word id, every `(phrase, position)` where it occurs.
    by_word: Vec<Vec<(u32, u32)>>,
    /// Number of words of the longest phrase (at least 1).
    longest: usize,
    prefixes: Prefixes,
    topic_count: usize,
}

impl TopicMatcher {
    pub fn new(taxonomy: &Taxonomy) -> Self {
        let mut word_ids = WordIds::default();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut buf = String::new();
        for (topic, def) in taxonomy.topics.iter().enumerate() {
            for text in &def.phrases {
                let ids: Box<[u32]> = words(text)
                    .map(|w| {
                        stem_word(w.text(text), &mut buf);
                        let next = word_ids.len() as u32;
                        *word_ids.entry(buf.clone()).or_insert(next)
                    })
                    .collect();
                let topic = topic as u32;
                let duplicate = phrases.iter().any(|p| p.topic == topic && p.words == ids);
                if !ids.is_empty() && !duplicate {
                    phrases.push(Phrase { topic, words: ids });
                }
            }
        }
        let mut by_first_word = vec![Vec::new(); word_ids.len()];
        for (i, phrase) in phrases.iter().enumerate() {
            by_first_word[phrase.words[0] as usize].push(i as u32);
        }
        for list in &mut by_first_word {
            list.sort_by_key(|&p| std::cmp::Reverse(phrases[p as usize].words.len()));
        }
        let mut by_word = vec![Vec::new(); word_ids.len()];
        for (i, phrase) in phrases.iter().enumerate() {
            for (at, &w) in phrase.words.iter().enumerate() {
                by_word[w as usize].push((i as u32, at as u32));
            }
        }
        let longest = phrases.iter().map(|p| p.words.len()).max().unwrap_or(1);
        let prefixes = Prefixes::new(word_ids.keys().map(String::as_str));
        TopicMatcher {
            word_ids,
            phrases,
            by_first_word,
            by_word,
            longest,
            prefixes,
            topic_count: taxonomy.topics.len(),
        }
    }

    /// Number of topics of the taxonomy this matcher was built from.
    pub fn topic_count(&self) -> usize {
        self.topic_count
    }

    /// The topics whose phrases occur in `text`: sorted, unique indices into the taxonomy.
    pub fn topics_in(&self, text: &str) -> Vec<usize> {
        // Sparse: a taxonomy of automatic topics has thousands, a passage matches a few.
        let mut found = Vec::new();
        self.scan(text, |m| found.push(m.topic));
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Every phrase occurrence in `text`, ordered by position then topic. For one topic,
    /// the longest phrase at a position wins and occurrences inside an earlier match of
    /// the same topic are left out; different topics may overlap.
    pub fn matches(&self, text: &str) -> Vec<TopicMatch> {
        let mut out = Vec::new();
        self.scan(text, |m| out.push(m));
        out.sort_unstable_by_key(|m| (m.start, m.topic, m.end));
        out
    }

    /// Does some phrase overlap this sequence of stems (as made by [`crate::text::stem`]
    /// from folded words), i.e. occur inside it or contain it? Keyphrase extraction uses
    /// this to skip what the taxonomy already covers.
    pub fn overlaps_stems<S: AsRef<str>>(&self, stems: &[S]) -> bool {
        let ids: Vec<u32> = stems
            .iter()
            .map(|s| self.word_ids.get(s.as_ref()).copied().unwrap_or(UNKNOWN))
            .collect();
        if ids.is_empty() {
            return false;
        }
        // A phrase inside the stems starts at one of them…
        let inside = ids.iter().enumerate().any(|(i, &id)| {
            self.by_first_word.get(id as usize).is_some_and(|list| {
                list.iter()
                    .any(|&p| ids[i..].starts_with(&self.phrases[p as usize].words))
            })
        });
        // …and a phrase containing them has their first one somewhere.
        inside
            || (!ids.contains(&UNKNOWN)
                && self.by_word[ids[0] as usize].iter().any(|&(p, at)| {
                    self.phrases[p as usize].words[at as usize..].starts_with(&ids)
                }))
    }

    /// Report every match, in order of start. Words stream through a window as long as the
    /// longest phrase, so memory stays constant however long the text.
    fn scan(&self, text: &str, emit: impl FnMut(TopicMatch)) {
        if self.phrases.is_empty() {
            return;
        }
        let mut buf = String::new();
        let tokens = words(text).map(|w| Token {
            id: self.word_id(w.text(text), &mut buf),
            start: w.start,
            end: w.end,
        });
        self.scan_tokens(tokens, emit);
    }

    /// [`TopicMatcher::scan`] over words already given their ids.
    fn scan_tokens(&self, tokens: impl Iterator<Item = Token>, mut emit: impl FnMut(TopicMatch)) {
        if self.phrases.is_empty() {
            return;
        }
        let mut window: VecDeque<Token> = VecDeque::with_capacity(self.longest + 1);
        // End of the last match per topic, to drop a topic's matches nested in another;
        // sparse (few topics match one text), a topic not listed has 0.
        let mut last_end: Vec<(usize, usize)> = Vec::new();
        for token in tokens {
            window.push_back(token);
            if window.len() >= self.longest {
                self.match_at_front(window.make_contiguous(), &mut last_end, &mut emit);
                window.pop_front();
            }
        }
        while !window.is_empty() {
            self.match_at_front(window.make_contiguous(), &mut last_end, &mut emit);
            window.pop_front();
        }
    }

    /// Emit the phrases that start at the window's first word (longest first per topic).
    fn match_at_front(
        &self,
        window: &[Token],
        last_end: &mut Vec<(usize, usize)>,
        emit: &mut impl FnMut(TopicMatch),
    ) {
        let first = window[0];
        let Some(candidates) = self.by_first_word.get(first.id as usize) else {
            return;
        };
        for &p in candidates {
            let phrase = &self.phrases[p as usize];
            let n = phrase.words.len();
            if n > window.len()
                || !window
                    .iter()
                    .zip(phrase.words.iter())
                    .all(|(t, &w)| t.id == w)
            {
                continue;
            }
            let topic = phrase.topic as usize;
            let end = window[n - 1].end;
            match last_end.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, last)) if *last >= end => continue,
                Some((_, last)) => *last = end,
                None => last_end.push((topic, end)),
            }
            emit(TopicMatch {
                topic,
                start: first.start,
                end,
            });
        }
    }

    /// The id of a word of the text, or [`UNKNOWN`]. Words whose first two letters start no
    /// phrase word are rejected before folding, stemming and hashing (most words).
    fn word_id(&self, word: &str, buf: &mut String) -> u32 {
        if !self.prefixes.may_contain(word) {
            return UNKNOWN;
        }
        stem_word(word, buf);
        self.word_ids.get(buf.as_str()).copied().unwrap_or(UNKNOWN)
    }
}

/// Tags many texts with several matchers at once, as a corpus build does: each text is cut
/// into words once, and each distinct word is folded, stemmed and looked up once per
/// corpus rather than once per occurrence and matcher. Gives exactly what
/// [`TopicMatcher::topics_in`] gives.
pub(crate) struct Tagger<'m> {
    matchers: Vec<&'m TopicMatcher>,
    /// Word as written → where its ids (one per matcher) start in `ids`.
    known: HashMap<String, u32, FastHash>,
    ids: Vec<u32>,
    /// The words of the current text: where their ids start, and their byte range.
    words: Vec<(u32, usize, usize)>,
    buf: String,
}

impl<'m> Tagger<'m> {
    pub(crate) fn new(matchers: Vec<&'m TopicMatcher>) -> Self {
        Tagger {
            matchers,
            known: HashMap::default(),
            ids: Vec::new(),
            words: Vec::new(),
            buf: String::new(),
        }
    }

    /// For each matcher, in order, [`TopicMatcher::topics_in`] of `text`.
    pub(crate) fn topics_in(&mut self, text: &str) -> Vec<Vec<usize>> {
        self.words.clear();
        for w in words(text) {
            let word = w.text(text);
            let at = match self.known.get(word) {
                Some(&at) => at,
                None => {
                    let at = self.ids.len() as u32;
                    for m in &self.matchers {
                        self.ids.push(m.word_id(word, &mut self.buf));
                    }
                    self.known.insert(word.to_owned(), at);
                    at
                }
            };
            self.words.push((at, w.start, w.end));
        }
        let (words, ids) = (&self.words, &self.ids);
        self.matchers
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let mut found = Vec::new();
                let tokens = words.iter().map(|&(at, start, end)| Token {
                    id: ids[at as usize + k],
                    start,
                    end,
                });
                m.scan_tokens(tokens, |x| found.push(x.topic));
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect()
    }
}

/// The two-byte prefixes of the phrase words' stems, as a 64 Ki-bit set.
///
/// Stemming only rewrites the end of a word of four or more letters, and never leaves
/// fewer than two bytes except in freak cases ("eing" → "e"), which a one-byte stem in the
/// vocabulary disables the filter for. Folding maps ASCII to lowercase ASCII. So a word
/// whose first two bytes are ASCII can only stem to a phrase word if its lowercased
/// prefix is in the set; a word starting with non-ASCII always passes.
#[derive(Clone)]
struct Prefixes {
    bits: Box<[u64]>,
    /// A phrase has a one-byte word: do not filter at all.
    pass_all: bool,
}

impl Prefixes {
    fn new<'a>(stems: impl Iterator<Item = &'a str>) -> Self {
        let mut set = Prefixes {
            bits: vec![0u64; 1 << 10].into_boxed_slice(),
            pass_all: false,
        };
        for stem in stems {
            match stem.as_bytes() {
                [a, b, ..] => set.insert(*a, *b),
                _ => set.pass_all = true,
            }
        }
        set
    }

    fn index(a: u8, b: u8) -> usize {
        usize::from(a) << 8 | usize::from(b)
    }

    fn insert(&mut self, a: u8, b: u8) {
        let i = Self::index(a, b);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    fn may_contain(&self, word: &str) -> bool {
        match word.as_bytes() {
            _ if self.pass_all => true,
            [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                let i = Self::index(a.to_ascii_lowercase(), b.to_ascii_lowercase());
                self.bits[i / 64] & (1 << (i % 64)) != 0
            }
            // One-letter words are never stemmed: only a one-byte stem (`pass_all`) matches.
            [_] => false,
            _ => true,
        }
    }
}

impl fmt::Debug for Prefixes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count: u32 = self.bits.iter().map(|w| w.count_ones()).sum();
        write!(f, "Prefixes({count} prefixes, pass_all: {})", self.pass_all)
    }
}

fn stem_word(word: &str, buf: &mut String) {
    fold_into(word, buf);
    stem_in_place(buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(id: &str, parent: Option<&str>, phrases: &[&str]) -> TopicDef {
        TopicDef {
            id: id.into(),
            label: id.to_uppercase(),
            parent: parent.map(Into::into),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn taxonomy() -> Taxonomy {
        Taxonomy {
            topics: vec![
                topic("security", None, &["regional security"]),
                topic("kfor", Some("security"), &["KFOR", "additional troops"]),
                topic(
                    "may",
                    Some("security"),
                    &["attack on KFOR", "soldiers injured"],
                ),
                topic(
                    "asm",
                    None,
                    &["association of Serb-majority municipalities"],
                ),
                topic("pristina", None, &["Prishtinë"]),
            ],
        }
    }

    fn found<'a>(m: &TopicMatcher, t: &Taxonomy, text: &'a str) -> Vec<(&'a str, String)> {
        m.matches(text)
            .into_iter()
            .map(|x| (&text[x.start..x.end], t.topics[x.topic].id.clone()))
            .collect()
    }

    #[test]
    fn matches_inflected_multiword_phrase() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        assert_eq!(
            m.topics_in("an Association of Serb majority municipality"),
            [3]
        );
        assert_eq!(m.topics_in("We deployed an additional troop."), [1]);
        assert_eq!(m.topics_in("93 soldiers were injured"), Vec::<usize>::new());
    }

    #[test]
    fn matches_ignoring_case_and_diacritics() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        assert_eq!(m.topics_in("back in PRISHTINE today"), [4]);
        assert_eq!(m.topics_in("the kfor mission"), [1]);
    }

    #[test]
    fn multiword_phrase_needs_consecutive_words() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        assert!(m
            .topics_in("an association of the Serb-majority municipalities")
            .is_empty());
        assert!(m.topics_in("security is regional").is_empty());
    }

    #[test]
    fn does_not_match_inside_longer_words() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        assert!(m.topics_in("KFORCE is not a thing").is_empty());
    }

    #[test]
    fn matches_report_byte_ranges_of_the_original_text() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        let text = "Prishtinë’s view: the attack on KFOR left soldiers injured.";
        assert_eq!(
            found(&m, &t, text),
            [
                ("Prishtinë’s", "pristina".to_string()),
                ("attack on KFOR", "may".to_string()),
                ("KFOR", "kfor".to_string()),
                ("soldiers injured", "may".to_string()),
            ]
        );
    }

    #[test]
    fn longest_phrase_of_a_topic_wins_and_nested_matches_are_dropped() {
        let t = Taxonomy {
            topics: vec![topic("a", None, &["Kosovo Police", "police", "Kosovo"])],
        };
        let m = TopicMatcher::new(&t);
        let text = "Kosovo Police and police";
        assert_eq!(
            found(&m, &t, text),
            [
                ("Kosovo Police", "a".to_string()),
                ("police", "a".to_string())
            ]
        );
    }

    #[test]
    fn topics_in_are_sorted_and_unique() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        let text = "Prishtinë: KFOR, KFOR, regional security and more KFOR";
        assert_eq!(m.topics_in(text), [0, 1, 4]);
    }

    #[test]
    fn parents_are_not_added_automatically() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        assert_eq!(m.topics_in("KFOR"), [1]);
    }

    #[test]
    fn ancestors_walk_up_the_hierarchy_nearest_first() {
        let mut t = taxonomy();
        t.topics.push(topic("child", Some("may"), &["x"]));
        assert_eq!(t.ancestors(5).collect::<Vec<_>>(), [2, 0]);
        assert_eq!(t.ancestors(0).count(), 0);
        assert_eq!(t.children(0).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn ancestors_terminate_on_a_cycle() {
        let t = Taxonomy {
            topics: vec![topic("a", Some("b"), &["x"]), topic("b", Some("a"), &["y"])],
        };
        assert!(t.ancestors(0).count() <= 2);
        assert!(matches!(
            t.validate().unwrap_err().kind,
            TaxonomyErrorKind::ParentCycle { .. }
        ));
    }

    #[test]
    fn validate_rejects_bad_ids_and_empty_phrases() {
        let bad = |def: TopicDef| Taxonomy { topics: vec![def] }.validate().unwrap_err().kind;
        assert!(matches!(
            bad(topic("Bad Id", None, &["x"])),
            TaxonomyErrorKind::BadId { .. }
        ));
        assert!(matches!(
            bad(topic("a", None, &[" – "])),
            TaxonomyErrorKind::EmptyPhrase { .. }
        ));
        assert!(taxonomy().validate().is_ok());
    }

    #[test]
    fn overlaps_stems_detects_contained_and_containing_phrases() {
        let m = TopicMatcher::new(&taxonomy());
        let s = |v: &[&str]| v.iter().map(|w| crate::text::stem(w)).collect::<Vec<_>>();
        assert!(m.overlaps_stems(&s(&["kfor", "soldiers"])));
        assert!(m.overlaps_stems(&s(&["regional"])));
        assert!(m.overlaps_stems(&s(&["serb", "majority"])));
        assert!(!m.overlaps_stems(&s(&["majority", "serb"])));
        assert!(!m.overlaps_stems(&s(&["ukraine"])));
        assert!(!m.overlaps_stems::<&str>(&[]));
    }

    #[test]
    fn word_hasher_reads_bytes_little_endian_eight_at_a_time() {
        let hash = |bytes: &[u8]| {
            let mut h = WordHasher::default();
            h.write(bytes);
            h.finish()
        };
        let by_words = |words: &[u64]| {
            let mut h = WordHasher::default();
            words.iter().for_each(|&w| h.add(w));
            h.finish()
        };
        assert_eq!(hash(b""), by_words(&[0]));
        assert_eq!(hash(b"ab"), by_words(&[0x6261 ^ 2]));
        assert_eq!(
            hash(b"abcdefghij"),
            by_words(&[u64::from_le_bytes(*b"abcdefgh"), 0x6a69 ^ 2])
        );
        let mut h = WordHasher::default();
        h.write_u8(0xff);
        assert_eq!(h.finish(), hash(&[0xff]));
    }

    #[test]
    fn tagger_gives_what_each_matcher_gives() {
        let t = taxonomy();
        let curated = TopicMatcher::new(&t);
        let other = TopicMatcher::new(&Taxonomy {
            topics: vec![topic("troops", None, &["troops", "KFOR troops"])],
        });
        let empty = TopicMatcher::new(&Taxonomy::default());
        let mut tagger = Tagger::new(vec![&curated, &other, &empty]);
        let texts = [
            "KFOR troops were attacked; the attack on KFOR left soldiers injured.",
            "Prishtinë’s KFOR troops, regional security and additional troops.",
            "",
            "KFOR KFOR troops troops",
            "an Association of Serb majority municipality",
        ];
        for _ in 0..2 {
            for text in texts {
                assert_eq!(
                    tagger.topics_in(text),
                    [curated.topics_in(text), other.topics_in(text), Vec::new()],
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn overlaps_stems_agrees_with_comparing_every_phrase() {
        let t = taxonomy();
        let m = TopicMatcher::new(&t);
        let key = |p: &str| -> Vec<String> {
            words(p)
                .map(|w| crate::text::stem(&crate::text::fold(w.text(p))))
                .collect()
        };
        let phrases: Vec<Vec<String>> = t
            .topics
            .iter()
            .flat_map(|d| d.phrases.iter().map(|p| key(p)))
            .collect();
        let run = |hay: &[String], needle: &[String]| {
            !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
        };
        let vocabulary = [
            "attack", "on", "kfor", "soldier", "injur", "serb", "majority", "of", "troop",
            "regional", "security", "ukraine",
        ];
        // Every sequence of up to three vocabulary words.
        let mut seqs: Vec<Vec<String>> = vec![Vec::new()];
        for _ in 0..3 {
            let longer: Vec<Vec<String>> = seqs
                .iter()
                .filter(|s| s.len() < 3)
                .flat_map(|s| {
                    vocabulary.iter().map(move |w| {
                        let mut s = s.clone();
                        s.push(w.to_string());
                        s
                    })
                })
                .collect();
            seqs.extend(longer);
            seqs.sort();
            seqs.dedup();
        }
        for stems in &seqs {
            let expected = phrases.iter().any(|p| run(stems, p) || run(p, stems));
            assert_eq!(m.overlaps_stems(stems), expected, "{stems:?}");
        }
    }

    proptest::proptest! {
        /// Any run of a text's words, used as a phrase, is found in that text: matching
        /// (including the prefix pre-filter) never misses what it should find.
        #[test]
        fn a_phrase_made_of_a_texts_words_is_found_in_it(
            text in "[a-zA-Z0-9ÀÉÖëčšžĐ’' -]{1,40}",
            from in 0usize..8,
            len in 1usize..4,
        ) {
            let ws: Vec<&str> = words(&text).map(|w| w.text(&text)).collect();
            proptest::prop_assume!(from < ws.len());
            let phrase = ws[from..(from + len).min(ws.len())].join(" ");
            let t = Taxonomy { topics: vec![topic("p", None, &[phrase.as_str()])] };
            let m = TopicMatcher::new(&t);
            proptest::prop_assert_eq!(m.topics_in(&text), vec![0]);
            for x in m.matches(&text) {
                proptest::prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
            }
        }
    }

    #[test]
    fn empty_text_and_empty_taxonomy_match_nothing() {
        let m = TopicMatcher::new(&taxonomy());
        assert!(m.matches("").is_empty());
        let empty = TopicMatcher::new(&Taxonomy::default());
        assert!(empty.matches("KFOR troops").is_empty());
    }

    #[test]
    fn a_topic_without_phrases_is_valid_and_matches_nothing() {
        let mut t = taxonomy();
        t.topics.push(topic("by-hand", None, &[]));
        assert!(t.validate().is_ok());
        let m = TopicMatcher::new(&t);
        let by_hand = t.index_of("by-hand").unwrap();
        assert_eq!(m.topic_count(), t.topics.len());
        for text in ["", "by hand", "by-hand KFOR troops", "Serbia and Kosovo"] {
            assert!(!m.topics_in(text).contains(&by_hand), "{text}");
        }
    }

    #[cfg(feature = "toml")]
    mod toml_tests {
        use super::super::*;

        fn err(text: &str) -> TaxonomyError {
            Taxonomy::from_toml(text).unwrap_err()
        }

        #[test]
        fn reads_topics_with_parents_in_file_order() {
            let t = Taxonomy::from_toml(
                r#"
[[topic]]
id = "security"
label = "Security"
phrases = ["regional security"]

[[topic]]
id = "kfor"
label = "KFOR"
parent = "security"
phrases = ["KFOR", "additional troops"]
"#,
            )
            .unwrap();
            assert_eq!(t.topics.len(), 2);
            assert_eq!(t.topics[1].parent.as_deref(), Some("security"));
            assert_eq!(t.topics[1].phrases, ["KFOR", "additional troops"]);
        }

        #[test]
        fn empty_file_is_an_empty_taxonomy() {
            assert_eq!(Taxonomy::from_toml("").unwrap(), Taxonomy::default());
        }

        #[test]
        fn unknown_parent_names_its_line() {
            let e =
                err("[[topic]]\nid = \"a\"\nlabel = \"A\"\nparent = \"nope\"\nphrases = [\"x\"]\n");
            assert_eq!(e.line, Some(4));
            assert_eq!(
                e.to_string(),
                "line 4: topic \"a\" names an unknown parent \"nope\""
            );
        }

        #[test]
        fn duplicate_id_names_both_lines() {
            let text = "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n\
                        [[topic]]\nid = \"a\"\nlabel = \"A2\"\nphrases = [\"y\"]\n";
            assert_eq!(
                err(text).to_string(),
                "line 6: duplicate topic id \"a\" (first defined on line 2)"
            );
        }

        #[test]
        fn a_topic_may_have_no_phrases_and_the_file_may_hold_corrections() {
            let text = "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = []\n\n\
                        [[topic]]\nid = \"b\"\nlabel = \"B\"\n\n\
                        [[correction]]\nfile = \"x.txt\"\nat = 3\nadd = [\"a\"]\n";
            let t = Taxonomy::from_toml(text).unwrap();
            assert_eq!(t.topics.len(), 2);
            assert!(t.topics.iter().all(|t| t.phrases.is_empty()));
        }

        #[test]
        fn empty_phrases_name_their_line() {
            let e =
                err("[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\n  \"x\",\n  \"\",\n]\n");
            assert_eq!(e.line, Some(6));
        }

        #[test]
        fn bad_id_characters_are_rejected_with_line() {
            let e = err("[[topic]]\nid = \"Bad_Id\"\nlabel = \"A\"\nphrases = [\"x\"]\n");
            assert_eq!(e.line, Some(2));
            assert!(e.to_string().contains("lowercase ASCII"));
        }

        #[test]
        fn toml_syntax_error_names_its_line() {
            let e = err("[[topic]]\nid = \"a\"\nlabel = \"A\nphrases = [\"x\"]\n");
            assert_eq!(e.line, Some(3));
            assert!(matches!(e.kind, TaxonomyErrorKind::Syntax(_)));
        }

        #[test]
        fn missing_field_and_unknown_key_are_errors() {
            let e = err("[[topic]]\nid = \"a\"\nphrases = [\"x\"]\n");
            assert!(e.to_string().contains("label"), "{e}");
            let e = err("[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrase = [\"x\"]\n");
            assert!(e.to_string().contains("phrase"), "{e}");
        }

        #[test]
        fn wrong_types_never_panic() {
            for text in [
                "topic = 3",
                "[[topic]]\nid = 3\nlabel = \"A\"\nphrases = [\"x\"]",
                "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = \"x\"",
                "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = [1]",
                "\u{feff}[[topic]]",
            ] {
                let _ = Taxonomy::from_toml(text);
            }
        }
    }
}
