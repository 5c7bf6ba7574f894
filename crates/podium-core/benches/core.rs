//! Native benchmarks of podium-core: parse throughput, corpus build, index build and query
//! latency, at several corpus sizes.
//!
//! The corpora are synthetic (`podium-cli synth`), generated once by `scripts/bench.sh` into
//! `target/bench-corpus/<docs>/`; this bench only reads them:
//!
//! ```sh
//! PODIUM_BENCH_CORPUS=target/bench-corpus cargo bench -p podium-core -F toml --bench core
//! ```
//!
//! `PODIUM_BENCH_CORPUS` is a folder of folders named by document count (`100`, `1000`, ...);
//! every one found is benchmarked, smallest first. `PODIUM_BENCH_SIZES=100,1000` restricts
//! them. The taxonomy is the real `corpus/topics.toml` of the repository.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use podium_core::corpus::{self, parse_document, Options};
use podium_core::folder;
use podium_core::query::{Catalog, Query};
use podium_core::Corpus;

/// A synthetic corpus loaded in memory.
struct Set {
    docs: usize,
    files: Vec<(String, Vec<u8>)>,
    bytes: u64,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sets() -> Vec<Set> {
    let Some(dir) = std::env::var_os("PODIUM_BENCH_CORPUS") else {
        eprintln!(
            "error: PODIUM_BENCH_CORPUS is not set.\n\
             Generate the corpora and run the benches with `make bench` (scripts/bench.sh), or:\n\
             \x20 cargo run --release -p podium-cli -- synth --docs 1000 --out target/bench-corpus/1000\n\
             \x20 PODIUM_BENCH_CORPUS=$PWD/target/bench-corpus cargo bench -p podium-core -F toml --bench core"
        );
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let only: Option<Vec<usize>> = std::env::var("PODIUM_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let mut sizes: Vec<usize> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            eprintln!(
                "error: PODIUM_BENCH_CORPUS={}: {e} (run scripts/bench.sh to generate it)",
                dir.display()
            );
            std::process::exit(2);
        })
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<usize>().ok())
        .filter(|n| only.as_ref().is_none_or(|o| o.contains(n)))
        .collect();
    sizes.sort_unstable();
    if sizes.is_empty() {
        eprintln!(
            "error: PODIUM_BENCH_CORPUS={}: no folder named by a document count (100, 1000, ...)",
            dir.display()
        );
        std::process::exit(2);
    }
    sizes
        .into_iter()
        .map(|docs| {
            let d = dir.join(docs.to_string());
            let paths = folder::document_paths(&d).expect("list the synthetic corpus");
            let files = folder::read_files(&paths).expect("read the synthetic corpus");
            let bytes = files.iter().map(|f| f.1.len() as u64).sum();
            Set { docs, files, bytes }
        })
        .collect()
}

/// The real taxonomy (`corpus/topics.toml`), speakers and keyphrase settings.
fn options() -> Options {
    folder::options(&repo_root().join("corpus")).expect("read corpus/topics.toml")
}

/// The queries a reader makes, named for the report.
fn queries(corpus: &Corpus, catalog: &Catalog) -> Vec<(&'static str, Query)> {
    let all = catalog.run(corpus, &Query::default());
    // The speaker with most passages, and the topic they speak about most that still
    // narrows their passages (a parent topic can cover all of them).
    let mut by_speaker = vec![0u32; corpus.speakers.len()];
    for r in &all.passages {
        if let Some(s) = corpus.documents[r.doc as usize].passages[r.passage as usize].speaker {
            by_speaker[s as usize] += 1;
        }
    }
    let speaker = (0..by_speaker.len())
        .max_by_key(|&i| by_speaker[i])
        .expect("the corpus has speakers");
    let topic = all
        .matrix
        .iter()
        .filter(|(s, _, n)| *s as usize == speaker && *n < by_speaker[speaker])
        .max_by_key(|(_, _, n)| *n)
        .map(|(_, t, _)| *t as usize)
        .unwrap_or(0);
    let speaker_id = corpus.speakers[speaker].id.clone();
    let topic_id = corpus.topics[topic].id.clone();
    let mut one_speaker = Query::default();
    one_speaker.speaker.include.push(speaker_id.clone());
    let mut speaker_topic = one_speaker.clone();
    speaker_topic.topic.include.push(topic_id);
    let text = |t: &str| Query {
        text: t.to_string(),
        ..Query::default()
    };
    vec![
        ("empty", Query::default()),
        ("speaker", one_speaker),
        ("speaker+topic", speaker_topic),
        // A finished word (trailing space: not a prefix).
        ("term", text("kosovo ")),
        // The word being typed: prefix match.
        ("prefix", text("kos")),
        // One substitution in a 13-letter word (budget: two edits).
        ("typo", text("destabilising ")),
        ("phrase", text("\"refrain from destabilizing actions\"")),
    ]
}

fn benches(c: &mut Criterion) {
    let sets = sets();
    let options = options();

    let mut g = c.benchmark_group("parse");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for s in &sets {
        g.throughput(Throughput::Bytes(s.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(s.docs), s, |b, s| {
            b.iter(|| {
                s.files
                    .iter()
                    .filter_map(|(n, bytes)| parse_document(n, bytes).ok())
                    .count()
            })
        });
    }
    g.finish();

    // Parse + speakers + curated topics + keyphrases: what the build script does.
    let mut g = c.benchmark_group("corpus_build");
    g.sample_size(10).warm_up_time(Duration::from_millis(500));
    for s in &sets {
        g.throughput(Throughput::Bytes(s.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(s.docs), s, |b, s| {
            b.iter(|| corpus::build(&s.files, &options).expect("synthetic corpus builds"))
        });
    }
    g.finish();

    let built: Vec<(usize, Corpus)> = sets
        .iter()
        .map(|s| {
            let corpus = corpus::build(&s.files, &options)
                .expect("synthetic corpus builds")
                .corpus;
            (s.docs, corpus)
        })
        .collect();
    for (docs, corpus) in &built {
        let passages = corpus.passage_count();
        eprintln!(
            "corpus {docs}: {} documents, {passages} passages, {} speakers, {} topics",
            corpus.documents.len(),
            corpus.speakers.len(),
            corpus.topics.len()
        );
    }

    // What the app does once after decoding the corpus blob.
    let mut g = c.benchmark_group("catalog_new");
    g.sample_size(10);
    for (docs, corpus) in &built {
        g.bench_with_input(BenchmarkId::from_parameter(docs), corpus, |b, corpus| {
            b.iter(|| Catalog::new(corpus))
        });
    }
    g.finish();

    // What the app does on every keystroke or facet click.
    let mut g = c.benchmark_group("query");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (docs, corpus) in &built {
        let catalog = Catalog::new(corpus);
        for (name, query) in queries(corpus, &catalog) {
            let n = catalog.run(corpus, &query).passages.len();
            eprintln!("query {docs}/{name}: {n} passages");
            g.bench_with_input(BenchmarkId::new(name, docs), &query, |b, q| {
                b.iter(|| catalog.run(corpus, q))
            });
        }
    }
    g.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
