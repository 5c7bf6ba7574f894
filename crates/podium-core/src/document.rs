//! The domain model: a [`Corpus`] of [`Document`]s, each cut into non-overlapping spans.
//!
//! Every non-whitespace byte of a document's text lies in exactly one span: a [`Passage`]
//! (something someone said or the outlet's own narration), a [`Boilerplate`] block (related
//! links, publisher footers) or a [`Metadata`] field (title, date, source…). Nothing is
//! dropped, so a reader can always see the whole original and check the attribution.
//!
//! Spans are byte offsets into the original file text, which the document keeps, so the
//! same model serves the CLI's JSON, the embedded blob and the browser view.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Whether a document is a transcript (speaker labels) or an article (an outlet's narration
/// with quotes). Decided from the text, never from the file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Transcript,
    Article,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Transcript => "transcript",
            Kind::Article => "article",
        }
    }
}

/// How a passage relates to its speaker: the "voice" a reader must know before citing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mode {
    /// A transcript turn: the speaker's own words.
    Speech,
    /// A reporter's question in a transcript.
    Question,
    /// Verbatim words in quotation marks, attributed in an article.
    Quote,
    /// Indirect speech in an article: "X said that …", "According to him, …".
    Reported,
    /// The outlet's own text.
    Narration,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::Speech,
        Mode::Question,
        Mode::Quote,
        Mode::Reported,
        Mode::Narration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Speech => "speech",
            Mode::Question => "question",
            Mode::Quote => "quote",
            Mode::Reported => "reported",
            Mode::Narration => "narration",
        }
    }

    /// Are these the speaker's own words (as opposed to a paraphrase or narration)?
    pub fn is_verbatim(self) -> bool {
        matches!(self, Mode::Speech | Mode::Question | Mode::Quote)
    }
}

/// Index of a speaker in [`Corpus::speakers`].
pub type SpeakerIx = u32;
/// Index of a topic in [`Corpus::topics`].
pub type TopicIx = u32;

/// One attributed unit of text: a paragraph of a transcript turn, or a run of sentences of
/// an article paragraph that share speaker and mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Transcript: the speaker turn, numbered from 0. Article: the paragraph, numbered from 0.
    pub turn: u32,
    pub speaker: Option<SpeakerIx>,
    /// For an answer: the turn of the question it replies to.
    pub reply_to: Option<u32>,
    pub mode: Mode,
    pub span: Span,
    pub topics: Vec<TopicIx>,
}

/// Text that belongs to the page, not to anyone's words: related links, footers, copyright.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub span: Span,
}

/// What a metadata span holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Title,
    Headline,
    Date,
    Source,
    Byline,
    /// `(As delivered)`, `(Check against delivery)`…
    Note,
    /// A speaker label such as `MR. PRICE:`: kept as metadata so the passage holds only words.
    Label,
    /// `(Cross-talk.)`, `(Laughter.)` on a line of its own.
    StageDirection,
    /// `[00:12:31]` on a line of its own.
    Timestamp,
    /// `BRUSSELS, Oct 13 (Reuters) -` at the head of an article.
    Dateline,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Headline => "headline",
            Field::Date => "date",
            Field::Source => "source",
            Field::Byline => "byline",
            Field::Note => "note",
            Field::Label => "label",
            Field::StageDirection => "stage_direction",
            Field::Timestamp => "timestamp",
            Field::Dateline => "dateline",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub field: Field,
    pub span: Span,
}

/// A calendar date, kept as numbers so the wasm needs no date library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// File name as found in the corpus folder (no directory).
    pub file: String,
    pub title: String,
    pub date: Option<Date>,
    pub kind: Kind,
    pub source: Option<String>,
    /// The original text, unchanged, so spans can be shown and checked.
    pub text: String,
    pub passages: Vec<Passage>,
    pub boilerplate: Vec<Boilerplate>,
    pub metadata: Vec<Metadata>,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SpeakerKind {
    Official,
    Journalist,
    Outlet,
    Unknown,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Official => "official",
            SpeakerKind::Journalist => "journalist",
            SpeakerKind::Outlet => "outlet",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// One person (or outlet) who speaks somewhere in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable slug of the name ("jens-stoltenberg"); does not change when documents are added.
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every other way the corpus names this speaker ("Stoltenberg", "NATO Secretary General").
    pub aliases: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// From `corpus/topics.toml`.
    Curated,
    /// Extracted from the corpus as a keyphrase.
    Automatic,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Curated => "curated",
            Origin::Automatic => "automatic",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub origin: Origin,
    /// Id of the parent topic, for a curated hierarchy.
    pub parent: Option<String>,
}

/// Everything the app embeds: documents, the speakers they share, the topics they are tagged with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
}

impl Corpus {
    pub fn speaker(&self, ix: SpeakerIx) -> &Speaker {
        &self.speakers[ix as usize]
    }

    pub fn topic(&self, ix: TopicIx) -> &Topic {
        &self.topics[ix as usize]
    }

    /// How many passages the documents have in all.
    pub fn passage_count(&self) -> usize {
        self.documents.iter().map(|d| d.passages.len()).sum()
    }
}
