//! A reader's corrections, applied in the browser or adopted by a corpus maintainer, give
//! the same corpus: corrections → TOML patch → appended to the real `corpus/topics.toml` and
//! an empty `speakers.toml` → read back by `folder::options` → the same `assemble` result as
//! applying the corrections directly.
#![cfg(feature = "toml")]

use std::path::{Path, PathBuf};

use podium_core::corpus::{assemble, parse_document, Options, Parsed};
use podium_core::corrections::{self, Change, Correction};
use podium_core::{folder, Corpus, Origin};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("podium-core-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn parsed() -> Vec<Parsed> {
    let paths = folder::document_paths(&corpus_dir()).unwrap();
    folder::read_files(&paths)
        .unwrap()
        .iter()
        .map(|(name, bytes)| parse_document(name, bytes).unwrap())
        .collect()
}

fn base_options() -> Options {
    folder::options(&corpus_dir()).unwrap()
}

fn at(c: &Corpus, doc: usize, passage: usize, change: Change) -> Correction {
    let d = &c.documents[doc];
    Correction {
        file: d.file.clone(),
        at: d.passages[passage].span.start,
        change,
    }
}

/// Corrections of every sort, with second thoughts, on the seed documents.
fn reader_corrections(c: &Corpus) -> Vec<Correction> {
    let automatic = c
        .topics
        .iter()
        .position(|t| t.origin == Origin::Automatic)
        .expect("the seeds yield automatic topics");
    let (d, p) = c
        .documents
        .iter()
        .enumerate()
        .find_map(|(d, doc)| {
            let p = doc
                .passages
                .iter()
                .position(|p| p.topics.contains(&(automatic as u32)))?;
            Some((d, p))
        })
        .expect("some passage has an automatic topic");
    let automatic_id = c.topics[automatic].id.clone();
    let existing = c.speakers[0].id.clone();
    let last = c.documents[1].passages.len() - 1;
    vec![
        at(c, 0, 1, Change::speaker_named("Jane Q. \"JQ\" Reader")),
        at(c, 1, 0, Change::speaker_named("First Guess")),
        at(c, 1, 0, Change::speaker_named("Second, Better Guess")),
        at(
            c,
            1,
            last,
            Change::Speaker {
                id: existing,
                name: String::new(),
            },
        ),
        at(
            c,
            0,
            2,
            Change::topic_labelled("Border crossings\nat night"),
        ),
        at(
            c,
            1,
            1,
            Change::topic_labelled("Border crossings\nat night"),
        ),
        at(c, 1, 1, Change::topic_labelled("Zeta")),
        at(
            c,
            1,
            1,
            Change::AddTopic {
                id: "kfor".into(),
                label: String::new(),
            },
        ),
        at(c, 0, 3, Change::topic_labelled("Withdrawn")),
        at(
            c,
            0,
            3,
            Change::RemoveTopic {
                id: "withdrawn".into(),
            },
        ),
        at(c, d, p, Change::RemoveTopic { id: automatic_id }),
        Correction {
            file: "not-in-corpus.txt".into(),
            at: 0,
            change: Change::speaker_named("Nobody"),
        },
    ]
}

#[test]
fn adopting_the_patches_rebuilds_the_corrected_corpus() {
    let base = base_options();
    assert!(base.corrections.is_empty());
    let built = assemble(parsed(), &base).corpus;
    let corrections = reader_corrections(&built);

    let mut direct = built.clone();
    let outcomes = corrections::apply(&mut direct, &corrections);
    assert_eq!(outcomes.iter().filter(|o| !o.is_applied()).count(), 1);
    assert_ne!(direct, built);
    assert!(direct
        .speakers
        .iter()
        .any(|s| s.name == "Jane Q. \"JQ\" Reader"));
    assert!(!direct.speakers.iter().any(|s| s.id == "first-guess"));
    assert!(!direct.topics.iter().any(|t| t.id == "withdrawn"));
    let ix = |id: &str| direct.topics.iter().position(|t| t.id == id).unwrap();
    let first_automatic = direct
        .topics
        .iter()
        .position(|t| t.origin == Origin::Automatic)
        .unwrap();
    assert!(ix("border-crossings-at-night") < ix("zeta") && ix("zeta") < first_automatic);

    let topics_toml = std::fs::read_to_string(corpus_dir().join("topics.toml")).unwrap();
    let dir = TempDir::new("corrections-round-trip");
    std::fs::write(
        dir.0.join("topics.toml"),
        topics_toml + &corrections::topics_patch(&built, &corrections),
    )
    .unwrap();
    std::fs::write(
        dir.0.join("speakers.toml"),
        corrections::speakers_patch(&built, &corrections),
    )
    .unwrap();
    let adopted = folder::options(&dir.0).unwrap_or_else(|e| panic!("{e}"));
    let rebuilt = assemble(parsed(), &adopted);
    assert_eq!(rebuilt.corpus, direct);
    assert!(
        !rebuilt
            .warnings
            .iter()
            .any(|w| w.message.contains("correction")),
        "{:?}",
        rebuilt.warnings
    );

    // The same corrections given to the build directly, as the app does for imports.
    let with_corrections = Options {
        corrections,
        ..base
    };
    let built = assemble(parsed(), &with_corrections);
    assert_eq!(built.corpus, direct);
    let warned: Vec<String> = built
        .warnings
        .iter()
        .filter(|w| w.message.contains("correction"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warned,
        [
            "not-in-corpus.txt:0: warning: correction (speakers.toml or topics.toml): \
          no document named \"not-in-corpus.txt\" in the corpus"
        ]
    );
}

#[test]
fn a_stale_correction_is_a_warning_at_its_file_and_line() {
    let built = assemble(parsed(), &base_options()).corpus;
    let doc = &built.documents[0];
    let start = doc.passages[2].span.start;
    let options = Options {
        corrections: vec![Correction {
            file: doc.file.clone(),
            at: start + 1,
            change: Change::speaker_named("Jane Doe"),
        }],
        ..base_options()
    };
    let built = assemble(parsed(), &options);
    let line = podium_core::corpus::line_of(doc.text.as_bytes(), start as usize + 1);
    let w = built
        .warnings
        .iter()
        .find(|w| w.message.contains("correction"))
        .expect("a warning");
    assert_eq!((w.file.as_str(), w.line), (doc.file.as_str(), line));
    assert!(
        w.message.contains(&format!(
            "starts at byte {}; the nearest starts at byte {start}",
            start + 1
        )),
        "{w}"
    );
}

#[test]
fn options_survive_postcard_so_the_app_can_rebuild_alike() {
    let built = assemble(parsed(), &base_options()).corpus;
    let corrections = reader_corrections(&built);
    let mut options = base_options();
    options
        .speakers
        .push(podium_core::speakers::SpeakerOverride {
            id: "ned-price".into(),
            name: "Ned Price".into(),
            role: Some("Spokesperson".into()),
            kind: Some(podium_core::SpeakerKind::Official),
            aliases: vec!["MR PRICE".into()],
        });
    options.corrections = corrections;
    let bytes = postcard::to_allocvec(&options).unwrap();
    let back: Options = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, options);
}

#[test]
fn correction_mistakes_in_the_folder_name_file_and_line() {
    let dir = TempDir::new("corrections-mistakes");
    std::fs::write(
        dir.0.join("speakers.toml"),
        "[[correction]]\nfile = \"a.txt\"\nat = -5\nspeaker = \"x\"\n",
    )
    .unwrap();
    let e = folder::options(&dir.0).unwrap_err().to_string();
    assert!(
        e.ends_with("speakers.toml: line 3: `at` must be a byte offset from 0 to 4294967295"),
        "{e}"
    );
    std::fs::write(dir.0.join("speakers.toml"), "").unwrap();
    std::fs::write(
        dir.0.join("topics.toml"),
        "[[correction]]\nfile = \"a.txt\"\nat = 5\nadd = [\"Bad\"]\n",
    )
    .unwrap();
    let e = folder::options(&dir.0).unwrap_err().to_string();
    assert!(
        e.ends_with(
            "topics.toml: line 4: topic id \"Bad\" must be lowercase ASCII letters, digits and '-'"
        ),
        "{e}"
    );
}
