//! The browser adds a reader's documents to the embedded corpus by parsing the embedded
//! documents again and assembling them with the new ones. That must give exactly what a
//! build of all the files together gives, or an import would quietly change attributions.
#![cfg(feature = "toml")]

use std::path::{Path, PathBuf};

use podium_core::corpus::{assemble, build, parse_document, reparse, Bundle, Parsed};
use podium_core::folder;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

const BRIEFING: &str = "Department Press Briefing\n\n\
Ned Price, Department Spokesperson\n\nWashington, DC\n\nMarch 3, 2022\n\n\
MR. PRICE: Good afternoon. Secretary Stoltenberg and the Secretary spoke about Kosovo today.\n\n\
QUESTION: Ned, on Kosovo, will NATO send more troops to KFOR?\n\n\
MR. PRICE: That is a question for NATO. We support KFOR and the dialogue.\n";

#[test]
fn reparsing_the_built_corpus_assembles_the_same_corpus() {
    let dir = corpus_dir();
    let options = folder::options(&dir).unwrap();
    let built = folder::load(&dir).unwrap().corpus;
    let parsed: Vec<Parsed> = reparse(&built).collect::<Result<_, _>>().unwrap();
    assert_eq!(assemble(parsed, &options).corpus, built);
}

#[test]
fn an_imported_document_assembles_as_if_it_had_been_built_with_the_rest() {
    let dir = corpus_dir();
    let options = folder::options(&dir).unwrap();
    let mut files = folder::read_files(&folder::document_paths(&dir).unwrap()).unwrap();
    let embedded = build(&files, &options).unwrap().corpus;

    let mut parsed: Vec<Parsed> = reparse(&embedded).collect::<Result<_, _>>().unwrap();
    parsed.push(parse_document("briefing.txt", BRIEFING.as_bytes()).unwrap());
    parsed.sort_by(|a, b| a.document.file.cmp(&b.document.file));
    let in_browser = assemble(parsed, &options).corpus;

    files.push(("briefing.txt".into(), BRIEFING.as_bytes().to_vec()));
    assert_eq!(in_browser, build(&files, &options).unwrap().corpus);
    // And it did join the corpus: the briefing's speaker is a corpus speaker.
    let briefing = in_browser
        .documents
        .iter()
        .find(|d| d.file == "briefing.txt")
        .unwrap();
    let price = briefing.passages[0]
        .speaker
        .expect("MR. PRICE: is attributed");
    assert!(in_browser.speaker(price).name.contains("Price"));
}

#[test]
fn the_bundle_round_trips_through_postcard() {
    let dir = corpus_dir();
    let bundle = Bundle {
        corpus: folder::load(&dir).unwrap().corpus,
        options: folder::options(&dir).unwrap(),
    };
    let bytes = postcard::to_allocvec(&bundle).unwrap();
    assert_eq!(postcard::from_bytes::<Bundle>(&bytes).unwrap(), bundle);
}
