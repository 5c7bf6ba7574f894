//! Components, each named after what the reader sees.

pub mod citation;
pub mod correction;
pub mod document_view;
pub mod export;
pub mod facets;
pub mod filters;
pub mod header;
pub mod highlighted;
pub mod import;
pub mod keyboard;
pub mod matrix;
pub mod passage_card;
pub mod results;
pub mod timeline;
pub mod top_speakers;
