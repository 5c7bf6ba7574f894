//! Times the phases of building a corpus folder: `cargo run --release --example phases -F toml -- DIR`.
use std::time::Instant;

use podium_core::corpus::{assemble, parse_document};
use podium_core::folder;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let dir = std::path::Path::new(&dir);
    let options = folder::options(dir).expect("options");
    let files = folder::read_files(&folder::document_paths(dir).expect("paths")).expect("read");
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let t = Instant::now();
    let parsed: Vec<_> = files
        .iter()
        .filter_map(|(n, b)| parse_document(n, b).ok())
        .collect();
    let parse = t.elapsed();
    let t = Instant::now();
    let no_topics = podium_core::corpus::Options {
        taxonomy: Default::default(),
        keyphrases_per_document: 0,
        ..options.clone()
    };
    let _ = assemble(parsed.clone(), &no_topics);
    let speakers = t.elapsed();
    let t = Instant::now();
    let curated_only = podium_core::corpus::Options {
        keyphrases_per_document: 0,
        ..options.clone()
    };
    let _ = assemble(parsed.clone(), &curated_only);
    let curated = t.elapsed();
    let t = Instant::now();
    let _ = assemble(parsed, &options);
    let all = t.elapsed();
    let mb = bytes as f64 / 1e6;
    println!("{mb:.1} MB: parse {parse:?} ({:.1} MB/s), assemble speakers {speakers:?}, +curated {curated:?}, +keyphrases {all:?}", mb / parse.as_secs_f64());
}
