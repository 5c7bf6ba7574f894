//! Parses every file of a folder N times, for a profiler:
//! `cargo run --profile bench --example parse_loop -F toml -- DIR N`.
use podium_core::corpus::parse_document;
use podium_core::folder;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let paths = folder::document_paths(std::path::Path::new(&dir)).expect("paths");
    let files = folder::read_files(&paths).expect("read");
    let mut passages = 0;
    for _ in 0..rounds {
        for (n, b) in &files {
            passages += parse_document(n, b).map_or(0, |p| p.document.passages.len());
        }
    }
    println!("{passages} passages");
}
