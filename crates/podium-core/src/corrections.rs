//! A reader's fixes to attribution: "this passage is Jane Doe's", "this one is about KFOR".
//!
//! A [`Correction`] names its passage the way a permalink does ([`crate::url::Permalink`]):
//! the file and the byte where the passage starts. That address survives rebuilding the
//! same files, so the same corrections apply in the browser (to the embedded corpus, at
//! once) and at build time (from `speakers.toml` and `topics.toml`, once a maintainer adopts
//! them). [`apply`] does the first; [`speakers_patch`] and [`topics_patch`] write the TOML
//! for the second, and the readers below (feature `toml`) read it back.
//!
//! Only the final state of each passage counts: the last speaker given wins, and adding then
//! removing a topic cancels out. So [`apply`] and the patches work from one collapsed plan,
//! and a correction history with second thoughts leaves no orphan speaker or topic behind.
//!
//! Topics a correction creates are curated (a reader chose them) and are listed with the
//! curated topics, before the automatic ones, exactly where `topics.toml` would put them:
//! adopting the patch then rebuilds the very same corpus. (One exception: a new speaker's
//! `[[speaker]]` table is also an override, so should a later document name a person
//! exactly so, the rebuild attributes that person to them too, which is what a maintainer
//! who adopted the name would want.)
//!
//! ```toml
//! # speakers.toml
//! [[speaker]]
//! id = "jane-doe"
//! name = "Jane Doe"
//!
//! [[correction]]
//! file = "000_f56c1ec18aaea4cf.txt"
//! at = 1234
//! speaker = "jane-doe"
//!
//! # topics.toml
//! [[topic]]
//! id = "border-crossings"
//! label = "Border crossings"
//! phrases = []
//!
//! [[correction]]
//! file = "000_f56c1ec18aaea4cf.txt"
//! at = 1234
//! add = ["kfor", "border-crossings"]
//! remove = ["nato"]
//! ```

use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::corpus::line_of;
use crate::document::{Corpus, Origin, Speaker, SpeakerKind, Topic};
use crate::speakers::{slug, title_case};

/// One fix to one passage, addressed by file and the byte its span starts at.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Correction {
    pub file: String,
    /// Start byte of the passage's span: [`crate::url::Permalink::start`].
    pub at: u32,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Change {
    /// Attribute the passage to this speaker: an existing corpus speaker id, or a new one
    /// (id = [`slug`] of the name).
    Speaker {
        id: String,
        name: String,
    },
    /// Tag with a topic: an existing topic id, or a new topic with this label (id = slug
    /// of the label).
    AddTopic {
        id: String,
        label: String,
    },
    RemoveTopic {
        id: String,
    },
}

impl Change {
    /// Attribute to a person by name, with the id the corpus would give them.
    pub fn speaker_named(name: &str) -> Change {
        let name = name.trim();
        Change::Speaker {
            id: slug(name),
            name: name.to_string(),
        }
    }

    /// Tag with a topic by label, with the id `topics.toml` conventions give it.
    pub fn topic_labelled(label: &str) -> Change {
        let label = label.trim();
        Change::AddTopic {
            id: slug(label),
            label: label.to_string(),
        }
    }
}

/// What became of one correction, so the app and `podium-cli check` can say why one did
/// not apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Applied,
    /// No document of the corpus has this file name (renamed or removed?).
    UnknownFile {
        file: String,
    },
    /// The document exists but no passage starts at this byte: the file was probably
    /// edited since the correction was made.
    NoPassage {
        file: String,
        at: u32,
        /// Start of the passage nearest to `at`, to help find the intended one.
        nearest: Option<u32>,
    },
    /// The change itself cannot be applied: a malformed id, a new speaker without a name.
    Invalid {
        file: String,
        at: u32,
        reason: String,
    },
}

impl Outcome {
    pub fn is_applied(&self) -> bool {
        matches!(self, Outcome::Applied)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Applied => write!(f, "applied"),
            Outcome::UnknownFile { file } => {
                write!(f, "no document named {file:?} in the corpus")
            }
            Outcome::NoPassage { file, at, nearest } => {
                write!(f, "no passage of {file:?} starts at byte {at}")?;
                match nearest {
                    Some(n) => write!(f, "; the nearest starts at byte {n} (was the file edited?)"),
                    None => write!(f, "; the document has no passages"),
                }
            }
            Outcome::Invalid { file, at, reason } => {
                write!(f, "correction of {file:?} at byte {at}: {reason}")
            }
        }
    }
}

/// Applies corrections in order (later ones win) and says what became of each. Never
/// panics: a correction that cannot apply is reported and skipped.
pub fn apply(corpus: &mut Corpus, corrections: &[Correction]) -> Vec<Outcome> {
    let plan = Plan::new(corpus, corrections);
    for (place, id) in &plan.speakers {
        let ix = speaker_ix(corpus, id, &plan.names);
        if let Some(p) = passage_mut(corpus, *place) {
            p.speaker = Some(ix);
        }
    }
    for (place, tags) in &plan.topics {
        for (id, tagged) in tags {
            let ix = if *tagged {
                Some(topic_ix(corpus, id, &plan.labels))
            } else {
                corpus
                    .topics
                    .iter()
                    .position(|t| &t.id == id)
                    .map(|i| i as u32)
            };
            let (Some(ix), Some(p)) = (ix, passage_mut(corpus, *place)) else {
                continue;
            };
            match (p.topics.binary_search(&ix), tagged) {
                (Err(at), true) => p.topics.insert(at, ix),
                (Ok(at), false) => {
                    p.topics.remove(at);
                }
                _ => {}
            }
        }
    }
    plan.outcomes
}

/// A passage: document and passage indices into the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Place {
    doc: usize,
    passage: usize,
}

/// The corrections collapsed to each passage's final state.
///
/// Speaker and topic changes are kept in two lists, each ordered by the passage's first
/// correction of that sort, because `speakers.toml` and `topics.toml` hold them apart:
/// read back, each file gives its list in the same order, so new speakers and topics are
/// created in the same order and get the same indices.
#[derive(Default)]
struct Plan {
    outcomes: Vec<Outcome>,
    /// Passages to re-attribute, with the last speaker id given.
    speakers: Vec<(Place, String)>,
    /// Passages to re-tag: per topic id, in order of first mention, whether it ends tagged.
    topics: Vec<(Place, Vec<(String, bool)>)>,
    /// Names of speakers the corpus lacks, from the first correction naming each.
    names: HashMap<String, String>,
    /// Labels of topics the corpus lacks, likewise.
    labels: HashMap<String, String>,
}

impl Plan {
    fn new(corpus: &Corpus, corrections: &[Correction]) -> Plan {
        let files: HashMap<&str, usize> = corpus
            .documents
            .iter()
            .enumerate()
            .rev() // the first document of a name wins, as a permalink finds it
            .map(|(i, d)| (d.file.as_str(), i))
            .collect();
        let mut plan = Plan::default();
        for c in corrections {
            let outcome = match locate(corpus, &files, c) {
                Ok(place) => match plan.add(corpus, place, &c.change) {
                    Ok(()) => Outcome::Applied,
                    Err(reason) => Outcome::Invalid {
                        file: c.file.clone(),
                        at: c.at,
                        reason,
                    },
                },
                Err(outcome) => outcome,
            };
            plan.outcomes.push(outcome);
        }
        plan
    }

    fn add(&mut self, corpus: &Corpus, place: Place, change: &Change) -> Result<(), String> {
        match change {
            Change::Speaker { id, name } => {
                check_id("speaker", id)?;
                let known = corpus.speakers.iter().any(|s| &s.id == id);
                introduce("speaker", "name", id, name, known, &mut self.names)?;
                match self.speakers.iter_mut().find(|(p, _)| *p == place) {
                    Some((_, last)) => last.clone_from(id),
                    None => self.speakers.push((place, id.clone())),
                }
            }
            Change::AddTopic { id, label } => {
                check_id("topic", id)?;
                let known = corpus.topics.iter().any(|t| &t.id == id);
                introduce("topic", "label", id, label, known, &mut self.labels)?;
                self.tag(place, id, true);
            }
            Change::RemoveTopic { id } => {
                check_id("topic", id)?;
                self.tag(place, id, false);
            }
        }
        Ok(())
    }

    fn tag(&mut self, place: Place, id: &str, tagged: bool) {
        let tags = match self.topics.iter().position(|(p, _)| *p == place) {
            Some(i) => &mut self.topics[i].1,
            None => {
                self.topics.push((place, Vec::new()));
                &mut self.topics.last_mut().expect("just pushed").1
            }
        };
        match tags.iter_mut().find(|(t, _)| t == id) {
            Some((_, last)) => *last = tagged,
            None => tags.push((id.to_string(), tagged)),
        }
    }
}

fn locate(corpus: &Corpus, files: &HashMap<&str, usize>, c: &Correction) -> Result<Place, Outcome> {
    let Some(&doc) = files.get(c.file.as_str()) else {
        return Err(Outcome::UnknownFile {
            file: c.file.clone(),
        });
    };
    let passages = &corpus.documents[doc].passages;
    match passages.iter().position(|p| p.span.start == c.at) {
        Some(passage) => Ok(Place { doc, passage }),
        None => Err(Outcome::NoPassage {
            file: c.file.clone(),
            at: c.at,
            nearest: passages
                .iter()
                .map(|p| p.span.start)
                .min_by_key(|s| s.abs_diff(c.at)),
        }),
    }
}

/// Ids end up in URLs and TOML files, so they follow the corpus's slug rules.
fn check_id(what: &str, id: &str) -> Result<(), String> {
    if is_slug(id) {
        Ok(())
    } else {
        Err(format!(
            "{what} id {id:?} must be non-empty lowercase ASCII letters, digits and '-'"
        ))
    }
}

pub(crate) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Records the display text of a speaker or topic the corpus does not have yet.
fn introduce(
    what: &str,
    field: &str,
    id: &str,
    text: &str,
    known: bool,
    texts: &mut HashMap<String, String>,
) -> Result<(), String> {
    if known || texts.contains_key(id) {
        return Ok(());
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("new {what} {id:?} needs a {field}"));
    }
    texts.insert(id.to_string(), text.to_string());
    Ok(())
}

fn passage_mut(corpus: &mut Corpus, place: Place) -> Option<&mut crate::document::Passage> {
    corpus
        .documents
        .get_mut(place.doc)?
        .passages
        .get_mut(place.passage)
}

fn speaker_ix(corpus: &mut Corpus, id: &str, names: &HashMap<String, String>) -> u32 {
    if let Some(ix) = corpus.speakers.iter().position(|s| s.id == id) {
        return ix as u32;
    }
    corpus.speakers.push(Speaker {
        id: id.to_string(),
        name: names.get(id).cloned().unwrap_or_else(|| words_of(id)),
        role: None,
        kind: SpeakerKind::Unknown,
        aliases: Vec::new(),
    });
    (corpus.speakers.len() - 1) as u32
}

/// Finds the topic, or creates it after the last curated topic, where `topics.toml` would
/// put it, shifting the indices of the automatic topics after it.
fn topic_ix(corpus: &mut Corpus, id: &str, labels: &HashMap<String, String>) -> u32 {
    if let Some(ix) = corpus.topics.iter().position(|t| t.id == id) {
        return ix as u32;
    }
    let at = corpus
        .topics
        .iter()
        .rposition(|t| t.origin == Origin::Curated)
        .map_or(0, |i| i + 1);
    corpus.topics.insert(
        at,
        Topic {
            id: id.to_string(),
            label: labels.get(id).cloned().unwrap_or_else(|| words_of(id)),
            origin: Origin::Curated,
            parent: None,
        },
    );
    let at = at as u32;
    for p in corpus.documents.iter_mut().flat_map(|d| &mut d.passages) {
        for t in p.topics.iter_mut().filter(|t| **t >= at) {
            *t += 1;
        }
    }
    at
}

/// "jane-doe" → "Jane Doe": the name of a speaker or topic known only by its id.
pub fn words_of(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(title_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// TOML to append to `speakers.toml` so a rebuild makes the same attributions: a
/// `[[speaker]]` for each speaker the corrections introduce and one `[[correction]]` per
/// re-attributed passage. `corpus` is the corpus as built from the files, before these
/// corrections. Empty when no correction changes a speaker.
pub fn speakers_patch(corpus: &Corpus, corrections: &[Correction]) -> String {
    let plan = Plan::new(corpus, corrections);
    if plan.speakers.is_empty() {
        return String::new();
    }
    let mut out = header("speaker attributions", "speakers.toml");
    let mut written = Vec::new();
    for (_, id) in &plan.speakers {
        if corpus.speakers.iter().any(|s| &s.id == id) || written.contains(&id) {
            continue;
        }
        written.push(id);
        let name = plan.names.get(id).cloned().unwrap_or_else(|| words_of(id));
        let _ = write!(
            out,
            "\n[[speaker]]\nid = {}\nname = {}\n",
            toml_string(id),
            toml_string(&name)
        );
    }
    for (place, id) in &plan.speakers {
        if correction_head(&mut out, corpus, *place) {
            let _ = writeln!(out, "speaker = {}", toml_string(id));
        }
    }
    out
}

/// TOML to append to `topics.toml`: a `[[topic]]` (with no phrases, so it tags only what
/// the corrections say) for each topic the corrections introduce, and one `[[correction]]`
/// per re-tagged passage. `corpus` is the corpus as built, before these corrections. Empty
/// when no correction changes a topic.
pub fn topics_patch(corpus: &Corpus, corrections: &[Correction]) -> String {
    let plan = Plan::new(corpus, corrections);
    let known = |id: &str| corpus.topics.iter().any(|t| t.id == id);
    // Removing a topic the corpus never had changes nothing: leave it out.
    let changes: Vec<(Place, Vec<&str>, Vec<&str>)> = plan
        .topics
        .iter()
        .map(|(place, tags)| {
            let ids = |want: bool| -> Vec<&str> {
                tags.iter()
                    .filter(|(id, tagged)| *tagged == want && (want || known(id)))
                    .map(|(id, _)| id.as_str())
                    .collect()
            };
            (*place, ids(true), ids(false))
        })
        .filter(|(_, add, remove)| !add.is_empty() || !remove.is_empty())
        .collect();
    if changes.is_empty() {
        return String::new();
    }
    let mut out = header("topic tags", "topics.toml");
    let mut written: Vec<&str> = Vec::new();
    for id in changes.iter().flat_map(|(_, add, _)| add) {
        if known(id) || written.contains(id) {
            continue;
        }
        written.push(id);
        let label = plan
            .labels
            .get(*id)
            .cloned()
            .unwrap_or_else(|| words_of(id));
        let _ = write!(
            out,
            "\n[[topic]]\nid = {}\nlabel = {}\nphrases = []\n",
            toml_string(id),
            toml_string(&label)
        );
    }
    for (place, add, remove) in &changes {
        if !correction_head(&mut out, corpus, *place) {
            continue;
        }
        for (key, ids) in [("add", add), ("remove", remove)] {
            if !ids.is_empty() {
                let list: Vec<String> = ids.iter().map(|id| toml_string(id)).collect();
                let _ = writeln!(out, "{key} = [{}]", list.join(", "));
            }
        }
    }
    out
}

fn header(what: &str, file: &str) -> String {
    format!(
        "\n# ---------------------------------------------------------------------------------------\n\
         # A reader's corrections to {what}, exported from Podium.\n\
         # Paste at the end of corpus/{file}, then run `podium-cli check corpus`: a correction\n\
         # whose passage has moved (the document was edited) is reported with its file and line.\n\
         # ---------------------------------------------------------------------------------------\n"
    )
}

/// The comment quoting the passage, and the keys that address it; false if there is no
/// such passage (never, for a place from a plan of this corpus).
fn correction_head(out: &mut String, corpus: &Corpus, place: Place) -> bool {
    let Some(doc) = corpus.documents.get(place.doc) else {
        return false;
    };
    let Some(p) = doc.passages.get(place.passage) else {
        return false;
    };
    let text = doc.text.get(p.span.range()).unwrap_or_default();
    let _ = write!(
        out,
        "\n# {}, line {}: {}\n[[correction]]\nfile = {}\nat = {}\n",
        comment_text(&doc.file),
        line_of(doc.text.as_bytes(), p.span.start as usize),
        quote(text, 60),
        toml_string(&doc.file),
        p.span.start
    );
    true
}

/// The first `max` characters of a passage on one line, quoted, safe inside a comment.
fn quote(text: &str, max: usize) -> String {
    let flat = comment_text(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("“{}…”", flat[..cut].trim_end()),
        None => format!("“{flat}”"),
    }
}

/// TOML comments may hold no control character but tab; drop them.
fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(feature = "toml")]
pub use self::toml_format::{speaker_corrections_from_toml, topic_corrections_from_toml};

#[cfg(feature = "toml")]
mod toml_format {
    use serde::Deserialize;
    use toml::Spanned;

    use super::{is_slug, words_of, Change, Correction};
    use crate::speakers::SpeakerOverride;
    use crate::topics::Taxonomy;

    #[derive(Deserialize)]
    struct SpeakersFile {
        #[serde(default)]
        correction: Vec<Spanned<RawSpeakerCorrection>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawSpeakerCorrection {
        file: Spanned<String>,
        at: Spanned<i64>,
        speaker: Spanned<String>,
    }

    #[derive(Deserialize)]
    struct TopicsFile {
        #[serde(default)]
        correction: Vec<Spanned<RawTopicCorrection>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawTopicCorrection {
        file: Spanned<String>,
        at: Spanned<i64>,
        #[serde(default)]
        add: Vec<Spanned<String>>,
        #[serde(default)]
        remove: Vec<Spanned<String>>,
    }

    /// `line N: message`, as the other readers of corpus files say it.
    fn at_line(text: &str, at: usize, message: &str) -> String {
        let line = text.as_bytes()[..at.min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        format!("line {line}: {message}")
    }

    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            at_line(text, at, e.message().trim())
        })
    }

    fn address(
        text: &str,
        file: &Spanned<String>,
        at: &Spanned<i64>,
    ) -> Result<(String, u32), String> {
        if file.get_ref().is_empty() {
            return Err(at_line(text, file.span().start, "`file` is empty"));
        }
        let byte = u32::try_from(*at.get_ref()).map_err(|_| {
            at_line(
                text,
                at.span().start,
                "`at` must be a byte offset from 0 to 4294967295",
            )
        })?;
        Ok((file.get_ref().clone(), byte))
    }

    fn id(text: &str, id: &Spanned<String>, what: &str) -> Result<String, String> {
        if is_slug(id.get_ref()) {
            Ok(id.get_ref().clone())
        } else {
            let message = format!(
                "{what} id {:?} must be lowercase ASCII letters, digits and '-'",
                id.get_ref()
            );
            Err(at_line(text, id.span().start, &message))
        }
    }

    /// Reads the `[[correction]]` tables of `speakers.toml` (`file`, `at`, `speaker`).
    ///
    /// `speaker` is an id. The name it gets, should the corpus not have that speaker, is
    /// the `name` of the `[[speaker]]` with that id in the same file, or else the id's words
    /// title-cased ("jane-doe" → "Jane Doe"). A speaker the corpus already has keeps its
    /// own name.
    pub fn speaker_corrections_from_toml(
        text: &str,
        speakers: &[SpeakerOverride],
    ) -> Result<Vec<Correction>, String> {
        let file: SpeakersFile = parse(text)?;
        file.correction
            .iter()
            .map(|c| {
                let c = c.get_ref();
                let (file, at) = address(text, &c.file, &c.at)?;
                let id = id(text, &c.speaker, "speaker")?;
                let name = speakers
                    .iter()
                    .find(|s| s.id == id)
                    .map_or_else(|| words_of(&id), |s| s.name.clone());
                Ok(Correction {
                    file,
                    at,
                    change: Change::Speaker { id, name },
                })
            })
            .collect()
    }

    /// Reads the `[[correction]]` tables of `topics.toml` (`file`, `at`, `add`, `remove`),
    /// in file order, each table's additions before its removals. A topic id not in the
    /// taxonomy is taken as one the corpus already has (an automatic topic), else created
    /// with its id's words title-cased as label.
    pub fn topic_corrections_from_toml(
        text: &str,
        taxonomy: &Taxonomy,
    ) -> Result<Vec<Correction>, String> {
        let file: TopicsFile = parse(text)?;
        let mut out = Vec::new();
        for c in &file.correction {
            let (span, c) = (c.span(), c.get_ref());
            let (file, at) = address(text, &c.file, &c.at)?;
            if c.add.is_empty() && c.remove.is_empty() {
                let message = "correction adds and removes nothing: give `add` or `remove`";
                return Err(at_line(text, span.start, message));
            }
            for topic in &c.add {
                let id = id(text, topic, "topic")?;
                let label = taxonomy
                    .index_of(&id)
                    .map_or_else(|| words_of(&id), |i| taxonomy.topics[i].label.clone());
                let change = Change::AddTopic { id, label };
                out.push(Correction {
                    file: file.clone(),
                    at,
                    change,
                });
            }
            for topic in &c.remove {
                let id = id(text, topic, "topic")?;
                let change = Change::RemoveTopic { id };
                out.push(Correction {
                    file: file.clone(),
                    at,
                    change,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Kind, Mode, Passage, Span};

    const TEXT: &str = "MR. SMITH: We will send troops.\nQ: Why now?\n\"A=1, \"quoted\"\\ text\"";

    fn passage(start: usize, end: usize, speaker: Option<u32>, topics: Vec<u32>) -> Passage {
        Passage {
            turn: 0,
            speaker,
            reply_to: None,
            mode: Mode::Speech,
            span: Span::new(start, end),
            topics,
        }
    }

    fn topic(id: &str, origin: Origin) -> Topic {
        Topic {
            id: id.into(),
            label: id.to_uppercase(),
            origin,
            parent: None,
        }
    }

    /// One document, three passages; one curated and one automatic topic.
    fn corpus() -> Corpus {
        Corpus {
            documents: vec![Document {
                file: "a.txt".into(),
                title: "A".into(),
                date: None,
                kind: Kind::Transcript,
                source: None,
                text: TEXT.into(),
                passages: vec![
                    passage(11, 31, Some(0), vec![0, 1]),
                    passage(35, 44, None, vec![]),
                    passage(45, TEXT.len(), None, vec![1]),
                ],
                boilerplate: vec![],
                metadata: vec![],
            }],
            speakers: vec![Speaker {
                id: "john-smith".into(),
                name: "John Smith".into(),
                role: Some("Minister".into()),
                kind: SpeakerKind::Official,
                aliases: vec![],
            }],
            topics: vec![
                topic("troops", Origin::Curated),
                topic("send-troops", Origin::Automatic),
            ],
        }
    }

    fn fix(at: u32, change: Change) -> Correction {
        Correction {
            file: "a.txt".into(),
            at,
            change,
        }
    }

    fn speaker(id: &str, name: &str) -> Change {
        Change::Speaker {
            id: id.into(),
            name: name.into(),
        }
    }

    fn add(id: &str, label: &str) -> Change {
        Change::AddTopic {
            id: id.into(),
            label: label.into(),
        }
    }

    fn remove(id: &str) -> Change {
        Change::RemoveTopic { id: id.into() }
    }

    fn topic_ids(c: &Corpus, p: usize) -> Vec<&str> {
        let p = &c.documents[0].passages[p];
        p.topics.iter().map(|&t| c.topic(t).id.as_str()).collect()
    }

    #[test]
    fn a_passage_is_attributed_to_an_existing_or_a_new_speaker() {
        let mut c = corpus();
        let outcomes = apply(
            &mut c,
            &[
                fix(35, speaker("john-smith", "ignored")),
                fix(45, Change::speaker_named(" Jane Doe ")),
            ],
        );
        assert!(outcomes.iter().all(Outcome::is_applied), "{outcomes:?}");
        assert_eq!(c.speakers.len(), 2);
        assert_eq!(c.documents[0].passages[1].speaker, Some(0));
        assert_eq!(c.speakers[0].name, "John Smith");
        let jane = &c.speakers[1];
        assert_eq!(
            (jane.id.as_str(), jane.name.as_str()),
            ("jane-doe", "Jane Doe")
        );
        assert_eq!((jane.role.clone(), jane.kind), (None, SpeakerKind::Unknown));
        assert_eq!(c.documents[0].passages[2].speaker, Some(1));
    }

    #[test]
    fn the_last_speaker_wins_and_leaves_no_orphan() {
        let mut c = corpus();
        apply(
            &mut c,
            &[
                fix(45, speaker("first-guess", "First Guess")),
                fix(45, speaker("jane-doe", "Jane Doe")),
            ],
        );
        let ids: Vec<&str> = c.speakers.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["john-smith", "jane-doe"]);
        assert_eq!(c.documents[0].passages[2].speaker, Some(1));
    }

    #[test]
    fn a_new_topic_joins_the_curated_ones_and_automatic_indices_shift() {
        let mut c = corpus();
        let outcomes = apply(
            &mut c,
            &[
                fix(35, Change::topic_labelled("Timing")),
                fix(11, add("timing", "another label")),
                fix(11, add("troops", "ignored")),
            ],
        );
        assert!(outcomes.iter().all(Outcome::is_applied), "{outcomes:?}");
        let ids: Vec<&str> = c.topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["troops", "timing", "send-troops"]);
        assert_eq!(c.topics[1].label, "Timing");
        assert_eq!(c.topics[1].origin, Origin::Curated);
        assert_eq!(topic_ids(&c, 0), ["troops", "timing", "send-troops"]);
        assert_eq!(topic_ids(&c, 1), ["timing"]);
        assert_eq!(topic_ids(&c, 2), ["send-troops"]);
        for p in &c.documents[0].passages {
            assert!(p.topics.windows(2).all(|w| w[0] < w[1]), "{:?}", p.topics);
        }
    }

    #[test]
    fn adding_then_removing_a_topic_cancels_out() {
        let mut c = corpus();
        let before = c.clone();
        apply(
            &mut c,
            &[
                fix(35, add("timing", "Timing")),
                fix(35, remove("timing")),
                fix(35, remove("nothing-here")),
                fix(11, remove("send-troops")),
                fix(11, add("send-troops", "")),
            ],
        );
        assert_eq!(c, before);
        apply(&mut c, &[fix(11, remove("troops"))]);
        assert_eq!(topic_ids(&c, 0), ["send-troops"]);
    }

    #[test]
    fn corrections_that_cannot_apply_say_why_with_file_and_byte() {
        let mut c = corpus();
        let before = c.clone();
        let outcomes = apply(
            &mut c,
            &[
                Correction {
                    file: "gone.txt".into(),
                    at: 11,
                    change: remove("troops"),
                },
                fix(12, remove("troops")),
                fix(11, speaker("Jane Doe", "Jane Doe")),
                fix(11, speaker("new-person", "  ")),
                fix(11, add("", "Empty")),
            ],
        );
        assert_eq!(c, before);
        let messages: Vec<String> = outcomes.iter().map(ToString::to_string).collect();
        assert_eq!(messages[0], "no document named \"gone.txt\" in the corpus");
        assert_eq!(
            messages[1],
            "no passage of \"a.txt\" starts at byte 12; the nearest starts at byte 11 (was the file edited?)"
        );
        assert!(
            messages[2].contains("\"a.txt\" at byte 11"),
            "{}",
            messages[2]
        );
        assert!(messages[2].contains("lowercase ASCII"), "{}", messages[2]);
        assert!(messages[3].contains("needs a name"), "{}", messages[3]);
        assert!(messages[4].contains("topic id \"\""), "{}", messages[4]);
    }

    #[test]
    fn the_first_name_given_to_a_new_speaker_is_kept() {
        let mut c = corpus();
        apply(
            &mut c,
            &[
                fix(35, speaker("jane-doe", "Jane Doe")),
                fix(45, speaker("jane-doe", "JANE DOE")),
            ],
        );
        assert_eq!(c.speakers[1].name, "Jane Doe");
        assert_eq!(c.speakers.len(), 2);
    }

    #[test]
    fn the_speakers_patch_names_new_speakers_and_quotes_each_passage_once() {
        let c = corpus();
        let patch = speakers_patch(
            &c,
            &[
                fix(45, speaker("first-guess", "First Guess")),
                fix(45, speaker("jane-doe", "Jane \"JD\" Doe\\")),
                fix(35, speaker("john-smith", "")),
                fix(99, speaker("lost", "Lost")),
            ],
        );
        assert!(
            patch.contains("[[speaker]]\nid = \"jane-doe\"\nname = \"Jane \\\"JD\\\" Doe\\\\\"\n")
        );
        assert!(!patch.contains("first-guess"), "{patch}");
        assert!(!patch.contains("id = \"john-smith\""), "{patch}");
        assert_eq!(patch.matches("[[correction]]").count(), 2);
        assert!(patch.contains("# a.txt, line 3: “A=1, \"quoted\"\\ text\"”\n[[correction]]\nfile = \"a.txt\"\nat = 45\nspeaker = \"jane-doe\"\n"), "{patch}");
        assert!(patch.contains("Paste at the end of corpus/speakers.toml"));
        for line in patch.lines().filter(|l| l.starts_with('#')) {
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
        assert_eq!(speakers_patch(&c, &[fix(35, add("x", "X"))]), "");
    }

    #[test]
    fn the_topics_patch_keeps_net_changes_only() {
        let c = corpus();
        let patch = topics_patch(
            &c,
            &[
                fix(11, add("timing", "Timing & \"when\"")),
                fix(11, remove("troops")),
                fix(35, add("gone", "Gone")),
                fix(35, remove("gone")),
                fix(45, remove("never-was")),
            ],
        );
        assert!(patch.contains(
            "[[topic]]\nid = \"timing\"\nlabel = \"Timing & \\\"when\\\"\"\nphrases = []\n"
        ));
        assert!(
            !patch.contains("gone") && !patch.contains("never-was"),
            "{patch}"
        );
        assert!(
            patch.contains("at = 11\nadd = [\"timing\"]\nremove = [\"troops\"]\n"),
            "{patch}"
        );
        assert_eq!(patch.matches("[[correction]]").count(), 1);
        assert_eq!(topics_patch(&c, &[fix(35, remove("never-was"))]), "");
    }

    #[test]
    fn quotes_are_one_line_and_cut_at_a_character() {
        assert_eq!(quote("a\r\n b\u{7}c\u{2028}d", 60), "“a bc d”");
        let long = "é".repeat(100);
        assert_eq!(quote(&long, 60), format!("“{}…”", "é".repeat(60)));
    }

    #[test]
    fn toml_strings_escape_what_toml_requires() {
        assert_eq!(
            toml_string("a\"b\\c\n\r\t\u{0}\u{7f}é"),
            "\"a\\\"b\\\\c\\n\\r\\t\\u0000\\u007Fé\""
        );
    }

    #[test]
    fn ids_become_words() {
        assert_eq!(words_of("jane-doe"), "Jane Doe");
        assert_eq!(words_of("kfor--2"), "Kfor 2");
        assert_eq!(words_of(""), "");
    }

    proptest::proptest! {
        #[test]
        fn no_correction_panics(
            file in "(a\\.txt|[a-z.]{0,6})",
            at in proptest::prelude::any::<u32>(),
            id in "[a-zA-Z -]{0,8}",
            name in "\\PC{0,8}",
            kind in 0u8..3,
        ) {
            let change = match kind {
                0 => Change::Speaker { id, name },
                1 => Change::AddTopic { id, label: name },
                _ => Change::RemoveTopic { id },
            };
            let cs = [Correction { file, at: at % 64, change }];
            let mut c = corpus();
            let outcomes = apply(&mut c, &cs);
            proptest::prop_assert_eq!(outcomes.len(), 1);
            let _ = (speakers_patch(&corpus(), &cs), topics_patch(&corpus(), &cs));
        }
    }

    #[cfg(feature = "toml")]
    mod toml_tests {
        use super::*;
        use crate::speakers::SpeakerOverride;
        use crate::topics::{Taxonomy, TopicDef};

        fn override_(id: &str, name: &str) -> SpeakerOverride {
            SpeakerOverride {
                id: id.into(),
                name: name.into(),
                ..SpeakerOverride::default()
            }
        }

        #[test]
        fn speaker_corrections_take_names_from_the_file_or_the_id() {
            let text = "[[speaker]]\nid = \"jd\"\nname = \"Jane Doe\"\n\n\
                        [[correction]]\nfile = \"a.txt\"\nat = 45\nspeaker = \"jd\"\n\n\
                        [[correction]]\nfile = \"a.txt\"\nat = 35\nspeaker = \"john-roe\"\n";
            let read = speaker_corrections_from_toml(text, &[override_("jd", "Jane Doe")]);
            assert_eq!(
                read.unwrap(),
                [
                    fix(45, speaker("jd", "Jane Doe")),
                    fix(35, speaker("john-roe", "John Roe"))
                ]
            );
            assert_eq!(speaker_corrections_from_toml("", &[]).unwrap(), []);
        }

        #[test]
        fn topic_corrections_add_before_they_remove() {
            let taxonomy = Taxonomy {
                topics: vec![TopicDef {
                    id: "kfor".into(),
                    label: "KFOR".into(),
                    parent: None,
                    phrases: vec![],
                }],
            };
            let text = "[[correction]]\nfile = \"a.txt\"\nat = 11\nremove = [\"nato\"]\nadd = [\"kfor\", \"new-one\"]\n";
            assert_eq!(
                topic_corrections_from_toml(text, &taxonomy).unwrap(),
                [
                    fix(11, add("kfor", "KFOR")),
                    fix(11, add("new-one", "New One")),
                    fix(11, remove("nato")),
                ]
            );
        }

        #[test]
        fn mistakes_name_their_line() {
            let speakers = |t: &str| speaker_corrections_from_toml(t, &[]).unwrap_err();
            let topics =
                |t: &str| topic_corrections_from_toml(t, &Taxonomy::default()).unwrap_err();
            let head = "# x\n[[correction]]\nfile = \"a.txt\"\n";
            let e = speakers(&format!("{head}at = -1\nspeaker = \"x\"\n"));
            assert!(e.starts_with("line 4: `at` must be a byte offset"), "{e}");
            let e = speakers(&format!("{head}at = 1\nspeaker = \"Jane Doe\"\n"));
            assert!(e.starts_with("line 5: speaker id \"Jane Doe\""), "{e}");
            let e = speakers(&format!("{head}at = 1\n"));
            assert!(e.contains("speaker"), "{e}");
            let e = speakers(&format!("{head}at = 1\nspeaker = \"x\"\nwho = 1\n"));
            assert!(e.contains("who"), "{e}");
            let e = speakers(&format!("{head}at = \"1\"\nspeaker = \"x\"\n"));
            assert!(e.starts_with("line 4:"), "{e}");
            let e = speakers("[[correction]]\nfile = \"\"\nat = 1\nspeaker = \"x\"\n");
            assert!(e.starts_with("line 2: `file` is empty"), "{e}");
            let e = topics(&format!("{head}at = 1\nadd = [\"ok\",\n  \"Not OK\"]\n"));
            assert!(e.starts_with("line 6: topic id \"Not OK\""), "{e}");
            let e = topics(&format!("{head}at = 1\n"));
            assert!(
                e.starts_with("line 2: correction adds and removes nothing"),
                "{e}"
            );
            let e = topics(&format!("{head}at = 1\nadd = \"kfor\"\n"));
            assert!(e.starts_with("line 5:"), "{e}");
        }
    }
}
