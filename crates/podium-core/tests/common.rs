//! Shared helpers for the integration tests: build a corpus from text snippets and look
//! passages up the way a reader would ("what did X say?").
#![allow(dead_code)]

use podium_core::corpus::{self, Built, Options};
use podium_core::{Corpus, Document, Mode, Passage};

pub fn build(files: &[(&str, &str)]) -> Built {
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
        .collect();
    corpus::build(&files, &Options::default()).expect("documents parse")
}

pub fn one(name: &str, text: &str) -> Corpus {
    build(&[(name, text)]).corpus
}

pub fn speaker_id<'a>(c: &'a Corpus, p: &Passage) -> Option<&'a str> {
    p.speaker.map(|s| c.speaker(s).id.as_str())
}

/// (turn, speaker id, mode) of each turn's first passage, in order.
pub fn turns(c: &Corpus, d: &Document) -> Vec<(u32, Option<String>, Mode)> {
    let mut out: Vec<(u32, Option<String>, Mode)> = Vec::new();
    for p in &d.passages {
        if out.last().is_none_or(|t| t.0 != p.turn) {
            out.push((p.turn, speaker_id(c, p).map(str::to_string), p.mode));
        }
    }
    out
}

/// The speaker id of each turn, in order; every turn has a speaker.
pub fn turn_speakers(c: &Corpus, d: &Document) -> Vec<String> {
    turns(c, d)
        .into_iter()
        .map(|(turn, s, _)| s.unwrap_or_else(|| panic!("turn {turn} has no speaker")))
        .collect()
}

/// The passage containing `needle`.
pub fn passage_with<'a>(d: &'a Document, needle: &str) -> &'a Passage {
    d.passages
        .iter()
        .find(|p| d.slice(p.span).contains(needle))
        .unwrap_or_else(|| panic!("no passage contains {needle:?}"))
}

pub fn assert_no_text_lost(d: &Document) {
    if let Some(at) = corpus::coverage_gap(d) {
        let end = (at + 40).min(d.text.len());
        let end = (end..=d.text.len())
            .find(|&i| d.text.is_char_boundary(i))
            .unwrap();
        panic!(
            "{}: byte {at} is in no span or in two: {:?}",
            d.file,
            &d.text[at..end]
        );
    }
}
