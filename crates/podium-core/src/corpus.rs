//! From files to a [`Corpus`]: validate each file, lay it out, attribute its passages,
//! merge the people of all documents into one speaker list, and tag topics.
//!
//! The same functions run in the build script (embedding the corpus), in the CLI (`inspect`,
//! `check`) and, later, in the browser for a reader's own documents: one parser, two places.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::attribution::{self, Finding};
use crate::corrections::{self, Correction, Outcome};
use crate::dates;
use crate::document::{
    Corpus, Document, Field, Kind, Metadata, Origin, Passage, Speaker, SpeakerKind, Topic,
};
use crate::keyphrases;
use crate::label::Label;
use crate::parse::{self, is_space, Layout};
use crate::speakers::{self, slug, Evidence, Mention, Person, SpeakerOverride};
use crate::text::fold;
use crate::topics::{Tagger, Taxonomy, TopicMatcher};

/// A document that cannot be read at all: the build fails on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DocumentError {}

/// Something a corpus maintainer should look at; the document is still usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.file, self.line, self.message)
    }
}

/// 1-based line of a byte offset, counting `\n`, `\r\n` and lone `\r` as line ends.
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    let upto = &bytes[..offset.min(bytes.len())];
    let mut line = 1;
    let mut i = 0;
    while i < upto.len() {
        match upto[i] {
            b'\n' => line += 1,
            b'\r' if upto.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// The largest document read. Parsing runs at a few MB/s, and a reader's browser holds the
/// whole corpus; a bigger file is almost always several documents or not a transcript.
pub const MAX_DOCUMENT_BYTES: usize = 24 * 1024 * 1024;

/// Checks that a file is text Podium can read, without losing any of it.
pub fn validate<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DocumentError> {
    let error = |offset: usize, message: String| DocumentError {
        file: file.to_string(),
        line: line_of(bytes, offset),
        message,
    };
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError {
            file: file.to_string(),
            line: 1,
            message: format!(
                "document is {} MB; Podium reads documents up to {} MB: split it into documents",
                bytes.len() / (1024 * 1024),
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
        });
    }
    if let Some(nul) = crate::text::find_either(bytes, 0, 0, 0) {
        return Err(error(
            nul,
            format!("binary data: NUL byte at byte {nul}; is this a text file?"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        error(
            at,
            format!("invalid UTF-8 at byte {at}; save the file as UTF-8"),
        )
    })?;
    if text.trim_matches(is_space).is_empty() {
        return Err(error(0, "empty document: no text to attribute".into()));
    }
    Ok(text)
}

/// One document, parsed, with passages pointing at its own people (not yet corpus speakers).
#[derive(Clone, Debug)]
pub struct Parsed {
    pub document: Document,
    pub people: Vec<Person>,
    pub findings: Vec<Finding>,
}

/// A transcript's opening editor's note that names the host becomes a metadata note, and
/// the host speaks what follows up to the first label.
fn take_note_naming_host(
    text: &str,
    layout: &mut Layout,
    line_labels: &mut Vec<Option<Label>>,
    keep_upper: &dyn Fn(&str) -> bool,
) -> Option<Mention> {
    let first = layout.body.first()?;
    let lines = first.lines.len();
    if line_labels[..lines].iter().any(Option::is_some) {
        return None;
    }
    let span = first.span();
    let host = attribution::host_in_note(&text[span.range()], keep_upper)?;
    layout.body.remove(0);
    line_labels.drain(..lines);
    layout.metadata.push(Metadata {
        field: Field::Note,
        span,
    });
    Some(host)
}

/// Parses one file into a document whose passage speakers index `Parsed::people`.
pub fn parse_document(file: &str, bytes: &[u8]) -> Result<Parsed, DocumentError> {
    let text = validate(file, bytes)?;
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut layout = parse::layout(text, stem);
    let acronyms = attribution::acronyms(text);
    let keep_upper = |w: &str| acronyms.binary_search_by(|a| a.as_str().cmp(w)).is_ok();
    let mut people = crate::speakers::People::default();

    let mut line_labels = attribution::line_labels(text, &layout.body);
    let labels = line_labels.iter().flatten().count();
    let opens_with_label = line_labels.first().is_some_and(Option::is_some);
    let kind = if labels >= 2 || (labels == 1 && opens_with_label) {
        Kind::Transcript
    } else {
        Kind::Article
    };
    let host = attribution::host_in_title(&layout.title, &keep_upper).or_else(|| {
        (kind == Kind::Transcript)
            .then(|| {
                attribution::host_in_byline(text, &mut layout.metadata, &keep_upper).or_else(|| {
                    take_note_naming_host(text, &mut layout, &mut line_labels, &keep_upper)
                })
            })
            .flatten()
    });
    let attributed = match kind {
        Kind::Transcript => {
            // Known by surname for the labels, but a speaker only if one of them is theirs.
            for m in attribution::cohosts_in_title(&layout.title, &keep_upper) {
                people.resolve(&m);
            }
            // "Interview with …", "Exclusive interview: …".
            let interview = fold(&layout.title)
                .split_whitespace()
                .take(3)
                .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "interview");
            attribution::transcript(
                text,
                &layout.body,
                &line_labels,
                attribution::Setting { host, interview },
                &mut people,
                &keep_upper,
            )
        }
        Kind::Article => {
            // Named in the title, known for "he said", but a speaker only if attributed.
            if let Some(m) = host {
                people.resolve(&m);
            }
            attribution::article(text, &layout.body, &mut people, &keep_upper)
        }
    };

    let mut metadata = layout.metadata;
    metadata.extend(attributed.labels);
    metadata.sort_by_key(|m| m.span);
    let passages = attributed
        .drafts
        .into_iter()
        .map(|d| Passage {
            turn: d.turn,
            speaker: d.person.map(|p| p as u32),
            reply_to: d.reply_to,
            mode: d.mode,
            span: d.span,
            topics: Vec::new(),
        })
        .collect();
    // A transcript's title dates the event when no date line does.
    let date = layout.date.or_else(|| {
        (kind == Kind::Transcript)
            .then(|| dates::date_ending(&layout.title))
            .flatten()
    });
    let document = Document {
        file: file.to_string(),
        title: layout.title,
        date,
        kind,
        source: layout.source,
        text: text.to_string(),
        passages,
        boilerplate: layout
            .furniture
            .into_iter()
            .map(|span| crate::document::Boilerplate { span })
            .collect(),
        metadata,
    };
    Ok(Parsed {
        document,
        people: people.persons,
        findings: attributed.findings,
    })
}

/// The first non-whitespace byte that lies in no span, or in two: `None` when every
/// character of the document is accounted for exactly once.
pub fn coverage_gap(doc: &Document) -> Option<usize> {
    let mut spans: Vec<_> = doc
        .passages
        .iter()
        .map(|p| p.span)
        .chain(doc.boilerplate.iter().map(|b| b.span))
        .chain(doc.metadata.iter().map(|m| m.span))
        .collect();
    spans.sort();
    let mut at = 0;
    for span in spans {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < at
            || end > doc.text.len()
            || !doc.text.is_char_boundary(start)
            || !doc.text.is_char_boundary(end)
        {
            return Some(start);
        }
        if let Some(off) = doc.text[at..start].find(|c: char| !is_space(c)) {
            return Some(at + off);
        }
        at = end;
    }
    doc.text[at..]
        .find(|c: char| !is_space(c))
        .map(|off| at + off)
}

/// What a corpus is built from, besides its documents. Serialisable so the app can embed
/// the options it was built with and rebuild the same way when a reader imports documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub taxonomy: Taxonomy,
    pub speakers: Vec<SpeakerOverride>,
    /// Automatic keyphrases kept per document (0: none).
    pub keyphrases_per_document: usize,
    /// Readers' fixes, applied last, after attribution and tagging.
    pub corrections: Vec<Correction>,
}

/// What the app embeds: a built corpus and the options it was built with, so the browser
/// can assemble it again with a reader's own documents ([`reparse`] then [`assemble`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub options: Options,
}

/// Parses a built corpus's documents again from their text. Parsing is deterministic, so
/// assembling these (with the same options, in file-name order) gives the same corpus; a
/// reader's documents can be assembled with them as if they had been there at build time.
pub fn reparse(corpus: &Corpus) -> impl Iterator<Item = Result<Parsed, DocumentError>> + '_ {
    corpus
        .documents
        .iter()
        .map(|d| parse_document(&d.file, d.text.as_bytes()))
}

/// A document's warnings that an import report already says in its summary of the
/// document ("no speaker found", "no date found").
pub(crate) const NO_SPEAKER: &str = "no speaker found in this document";
pub(crate) const NO_DATE: &str = "no date found; add a date line such as `13 October 2023`";

/// A corpus and what its maintainer should look at.
#[derive(Clone, Debug, Default)]
pub struct Built {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

/// Builds a corpus from `(file name, bytes)` pairs. Fails with every unreadable document.
pub fn build(files: &[(String, Vec<u8>)], options: &Options) -> Result<Built, Vec<DocumentError>> {
    let mut files: Vec<&(String, Vec<u8>)> = files.iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        match parse_document(name, bytes) {
            Ok(p) => parsed.push(p),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(assemble(parsed, options))
}

/// Merges parsed documents: corpus-wide speakers, topics, warnings.
pub fn assemble(parsed: Vec<Parsed>, options: &Options) -> Built {
    let mut warnings = Vec::new();
    let mut roster = Roster::new(&options.speakers);
    // Full names first, then surnames, then bare roles: a document's "Stoltenberg" finds
    // the "Jens Stoltenberg" of any other document, whatever order files come in.
    let mut assigned: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new(); parsed.len()];
    for pass in [Pass::Full, Pass::Surname, Pass::Role] {
        for (d, p) in parsed.iter().enumerate() {
            let mut used: Vec<u32> = p
                .document
                .passages
                .iter()
                .filter_map(|x| x.speaker)
                .collect();
            used.sort();
            used.dedup();
            for local in used {
                if assigned[d].contains_key(&local) {
                    continue;
                }
                let person = &p.people[local as usize];
                if let Some(global) = roster.place(person, pass, &p.document.file) {
                    assigned[d].insert(local, global);
                }
            }
        }
    }

    let mut documents = Vec::with_capacity(parsed.len());
    for (d, p) in parsed.into_iter().enumerate() {
        let mut doc = p.document;
        for passage in &mut doc.passages {
            passage.speaker = passage.speaker.map(|l| assigned[d][&l]);
        }
        let bytes = doc.text.as_bytes();
        let file = doc.file.clone();
        let warn = |at: usize, message: String| Warning {
            file: file.clone(),
            line: line_of(bytes, at),
            message,
        };
        for (message, ats) in same_findings(p.findings) {
            let message = match &ats[1..] {
                [] => message,
                more => {
                    let lines: Vec<usize> = more.iter().map(|&at| line_of(bytes, at)).collect();
                    format!("{message} (also at {})", lines_list(&lines))
                }
            };
            warnings.push(warn(ats[0], message));
        }
        if doc.passages.iter().all(|x| x.speaker.is_none()) {
            warnings.push(warn(0, NO_SPEAKER.into()));
        }
        if doc.date.is_none() {
            warnings.push(warn(0, NO_DATE.into()));
        }
        documents.push(doc);
    }

    let topics = tag_topics(&mut documents, &roster.speakers, options);
    let mut corpus = Corpus {
        documents,
        speakers: roster.speakers,
        topics,
    };
    let outcomes = corrections::apply(&mut corpus, &options.corrections);
    warnings.extend(
        outcomes
            .iter()
            .filter_map(|o| correction_warning(&corpus, o)),
    );
    Built { corpus, warnings }
}

/// A document's findings with the same message taken together, in the order each first
/// occurs, with where it occurs: a label that names no person is found at every one of its
/// turns, and a report that repeats it for each says less than one that says where.
fn same_findings(findings: Vec<crate::attribution::Finding>) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for f in findings {
        match out.iter_mut().find(|(m, _)| *m == f.message) {
            Some((_, ats)) => ats.push(f.at),
            None => out.push((f.message, vec![f.at])),
        }
    }
    out
}

/// `line 9`, `lines 9, 13 and 20`, or the first five lines and how many more.
fn lines_list(lines: &[usize]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = lines.iter().take(SHOWN).map(|l| l.to_string()).collect();
    match (shown.split_last(), lines.len()) {
        (Some((last, [])), _) => format!("line {last}"),
        (Some((last, rest)), n) if n <= SHOWN => format!("lines {} and {last}", rest.join(", ")),
        _ => format!(
            "lines {} and {} more",
            shown.join(", "),
            lines.len() - SHOWN
        ),
    }
}

/// A correction that no longer applies, where a maintainer can look: usually the document
/// was edited and its byte offsets moved, or renamed.
fn correction_warning(corpus: &Corpus, outcome: &Outcome) -> Option<Warning> {
    let (file, line) = match outcome {
        Outcome::Applied => return None,
        Outcome::UnknownFile { file } => (file, 0),
        Outcome::NoPassage { file, at, .. } | Outcome::Invalid { file, at, .. } => {
            let text = corpus.documents.iter().find(|d| &d.file == file);
            (
                file,
                text.map_or(0, |d| line_of(d.text.as_bytes(), *at as usize)),
            )
        }
    };
    Some(Warning {
        file: file.clone(),
        line,
        message: format!("correction (speakers.toml or topics.toml): {outcome}"),
    })
}

fn tag_topics(documents: &mut [Document], speakers: &[Speaker], options: &Options) -> Vec<Topic> {
    let curated = TopicMatcher::new(&options.taxonomy);
    let mut topics: Vec<Topic> = options
        .taxonomy
        .topics
        .iter()
        .map(|t| Topic {
            id: t.id.clone(),
            label: t.label.clone(),
            origin: Origin::Curated,
            parent: t.parent.clone(),
        })
        .collect();
    let automatic = if options.keyphrases_per_document > 0 {
        let texts: Vec<Vec<&str>> = documents
            .iter()
            .map(|d| d.passages.iter().map(|p| d.slice(p.span)).collect())
            .collect();
        let exclude = speakers
            .iter()
            .flat_map(|s| std::iter::once(s.name.clone()).chain(s.aliases.iter().cloned()))
            .collect();
        let opts = keyphrases::Options {
            per_document: options.keyphrases_per_document,
            exclude,
            ..keyphrases::Options::default()
        };
        keyphrases::to_taxonomy(&keyphrases::extract_with(&texts, &curated, &opts))
    } else {
        Taxonomy::default()
    };
    let offset = topics.len() as u32;
    topics.extend(automatic.topics.iter().map(|t| Topic {
        id: t.id.clone(),
        label: t.label.clone(),
        origin: Origin::Automatic,
        parent: None,
    }));
    let automatic = TopicMatcher::new(&automatic);
    let mut tagger = Tagger::new(vec![&curated, &automatic]);
    for doc in documents.iter_mut() {
        for p in &mut doc.passages {
            let text = &doc.text[p.span.range()];
            let [curated, automatic]: [Vec<usize>; 2] = tagger
                .topics_in(text)
                .try_into()
                .expect("one list per matcher");
            p.topics = curated.into_iter().map(|t| t as u32).collect();
            p.topics
                .extend(automatic.into_iter().map(|t| t as u32 + offset));
        }
    }
    topics
}

/// "Speaker 1", "Caller 2": a label that numbers someone it cannot name.
fn is_numbered(role: &str) -> bool {
    role.rsplit_once(' ')
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Full,
    Surname,
    Role,
}

/// The corpus-wide list of speakers, filled one document person at a time.
struct Roster<'a> {
    overrides: &'a [SpeakerOverride],
    speakers: Vec<Speaker>,
}

impl<'a> Roster<'a> {
    fn new(overrides: &'a [SpeakerOverride]) -> Self {
        Roster {
            overrides,
            speakers: Vec::new(),
        }
    }

    /// Finds or creates the speaker for a document's person (of the document `file`), if
    /// this pass decides it.
    fn place(&mut self, p: &Person, pass: Pass, file: &str) -> Option<u32> {
        let forms: Vec<String> = p
            .surfaces
            .iter()
            .chain(p.name.iter())
            .map(|s| fold(s))
            .collect();
        if let Some(o) = self
            .overrides
            .iter()
            .find(|o| forms.iter().any(|f| o.matches(f)))
        {
            let ix = self.entry(&o.id, &o.name, p);
            let s = &mut self.speakers[ix as usize];
            s.role = o.role.clone().or(s.role.take());
            s.kind = o.kind.unwrap_or(s.kind);
            for a in &o.aliases {
                add_alias(s, a);
            }
            return Some(ix);
        }
        let name_words = p
            .name
            .as_deref()
            .map_or(0, |n| n.split_whitespace().count());
        match pass {
            Pass::Full if p.reporter => Some(match &p.outlet {
                Some(outlet) => self.entry(
                    &format!("reporter-{}", slug(outlet)),
                    &format!("Reporter, {outlet}"),
                    p,
                ),
                None => self.entry("reporter", "Reporter", p),
            }),
            Pass::Full if name_words >= 2 => {
                let name = p.name.as_deref().expect("counted");
                Some(self.entry(&slug(name), name, p))
            }
            Pass::Surname if name_words == 1 => {
                let surname = fold(p.name.as_deref().expect("counted"));
                let same: Vec<usize> = self
                    .speakers
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.name.split_whitespace().count() >= 2)
                    .filter(|(_, s)| {
                        speakers::surname(&s.name).map(fold).as_deref() == Some(&surname)
                    })
                    .map(|(i, _)| i)
                    .collect();
                Some(match same.as_slice() {
                    [one] => self.merge(*one, p),
                    _ => {
                        let name = p.name.as_deref().expect("counted");
                        self.entry(&slug(name), name, p)
                    }
                })
            }
            // "Speaker 1" of one recording is not "Speaker 1" of another: the transcriber
            // could only number them.
            Pass::Role if name_words == 0 && p.role.as_deref().is_some_and(is_numbered) => {
                let role = p.role.as_deref().expect("checked");
                let id = format!("{}-{}", slug(role), slug(file));
                Some(self.entry(&id, &format!("{role} ({file})"), p))
            }
            Pass::Role if name_words == 0 => {
                let role = p.role.as_deref().unwrap_or("Unknown speaker");
                let folded = fold(role);
                let same: Vec<usize> = self
                    .speakers
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        s.role
                            .as_deref()
                            .is_some_and(|r| !is_numbered(r) && fold(r).contains(&folded))
                    })
                    .map(|(i, _)| i)
                    .collect();
                Some(match same.as_slice() {
                    [one] => self.merge(*one, p),
                    _ => self.entry(&slug(role), role, p),
                })
            }
            _ => None,
        }
    }

    fn entry(&mut self, id: &str, name: &str, p: &Person) -> u32 {
        let ix = match self.speakers.iter().position(|s| s.id == id) {
            Some(ix) => ix,
            None => {
                self.speakers.push(Speaker {
                    id: id.to_string(),
                    name: name.to_string(),
                    role: None,
                    kind: SpeakerKind::Unknown,
                    aliases: Vec::new(),
                });
                self.speakers.len() - 1
            }
        };
        self.merge(ix, p)
    }

    fn merge(&mut self, ix: usize, p: &Person) -> u32 {
        let s = &mut self.speakers[ix];
        if let Some(role) = &p.role {
            if s.role.as_ref().is_none_or(|r| r.len() < role.len()) {
                s.role = Some(role.clone());
            }
        }
        if s.role.is_none() && p.outlet.is_some() && !p.reporter {
            s.role = p.outlet.as_ref().map(|o| format!("Reporter, {o}"));
        }
        let kind = if p.reporter
            || (p.evidence == Evidence::Asked && !p.member)
            || (p.outlet.is_some() && p.role.is_none())
        {
            SpeakerKind::Journalist
        } else if p.role.is_none() && p.name.as_deref().is_some_and(looks_like_outlet) {
            SpeakerKind::Outlet
        } else if p.role.is_some() || p.evidence == Evidence::Official {
            SpeakerKind::Official
        } else {
            SpeakerKind::Unknown
        };
        if s.kind == SpeakerKind::Unknown || kind == SpeakerKind::Journalist {
            s.kind = kind;
        }
        for form in &p.surfaces {
            add_alias(s, form);
        }
        if let Some(name) = &p.name {
            add_alias(s, name);
        }
        ix as u32
    }
}

fn add_alias(s: &mut Speaker, alias: &str) {
    let folded = fold(alias);
    if folded != fold(&s.name) && !s.aliases.iter().any(|a| fold(a) == folded) {
        s.aliases.push(alias.to_string());
        s.aliases.sort();
    }
}

/// News organisations quoted as sources: "according to Reuters".
fn looks_like_outlet(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "news",
        "times",
        "post",
        "press",
        "agency",
        "insight",
        "reuters",
        "afp",
        "ap",
        "bbc",
        "cnn",
        "tass",
        "radio",
        "tv",
        "television",
        "journal",
        "herald",
        "guardian",
        "tribune",
        "gazette",
        "daily",
        "weekly",
        "magazine",
        "birn",
    ];
    name.split_whitespace()
        .any(|w| WORDS.contains(&fold(w).as_str()))
}
