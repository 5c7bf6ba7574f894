use std::time::Instant;

use podium_core::corpus::build;
use podium_core::folder;
use podium_core::query::{Catalog, Query};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let dir = std::path::Path::new(&dir);
    let options = folder::options(dir).expect("options");
    let files = folder::read_files(&folder::document_paths(dir).expect("paths")).expect("read");
    let corpus = build(&files, &options).expect("build").corpus;
    let catalog = Catalog::new(&corpus);
    for word in ["", "t", "tr", "tro", "troo", "troop", "troops"] {
        let q = Query {
            text: word.to_string(),
            ..Query::default()
        };
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..20 {
            n = catalog.run(&corpus, &q).passages.len();
        }
        println!(
            "{word:8} {n:6} {:.2} ms",
            t.elapsed().as_secs_f64() * 1000.0 / 20.0
        );
    }
}
