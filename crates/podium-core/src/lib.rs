//! Podium's core: everything that needs no browser.
//!
//! Text flows one way: a file is [`corpus::validate`]d, laid out by [`parse`] (metadata,
//! boilerplate, body), attributed by [`attribution`] (turns, quotes, reported speech) to
//! people that [`speakers`] resolves, tagged by [`topics`] and [`keyphrases`], and gathered
//! into a [`Corpus`] ([`corpus`]). The build script serialises that corpus into the app;
//! the CLI prints and checks it; the app's import worker adds a reader's documents to it
//! ([`workbench`]).

pub mod attribution;
pub mod corpus;
pub mod corrections;
pub mod dates;
pub mod document;
pub mod export;
#[cfg(feature = "toml")]
pub mod folder;
pub mod index;
pub mod keyphrases;
pub mod label;
pub mod parse;
pub mod query;
pub mod speakers;
pub mod text;
pub mod topics;
pub mod url;
pub mod workbench;

pub use document::{
    Boilerplate, Corpus, Date, Document, Field, Kind, Metadata, Mode, Origin, Passage, Span,
    Speaker, SpeakerKind, Topic,
};
