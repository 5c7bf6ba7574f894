//! The CLI as a corpus maintainer runs it: the `inspect --json` contract, the readable
//! listing, and `check`'s warnings and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::TempDir;

use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium-cli"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn seeds() -> Vec<String> {
    let dir = corpus_dir();
    ["000_f56c1ec18aaea4cf.txt", "004_86d41ac8c9f73a49.txt"]
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect()
}

#[test]
fn inspect_json_follows_the_contract() {
    let files = seeds();
    let mut args = vec!["inspect", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");

    let speakers: Vec<&str> = v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let topics: Vec<&str> = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for s in v["speakers"].as_array().unwrap() {
        assert!(s["name"].is_string() && (s["role"].is_string() || s["role"].is_null()));
        assert!(
            ["official", "journalist", "outlet", "unknown"].contains(&s["kind"].as_str().unwrap())
        );
        assert!(s["aliases"].is_array());
    }
    for t in v["topics"].as_array().unwrap() {
        assert!(t["label"].is_string());
        assert!(["curated", "automatic"].contains(&t["origin"].as_str().unwrap()));
    }

    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    for d in docs {
        let text = std::fs::read_to_string(corpus_dir().join(d["file"].as_str().unwrap())).unwrap();
        assert!(d["title"].is_string());
        assert!(d["date"].is_null() || d["date"].as_str().unwrap().len() == 10);
        assert!(["transcript", "article"].contains(&d["kind"].as_str().unwrap()));
        for p in d["passages"].as_array().unwrap() {
            let (start, end) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[start..end],
                p["text"].as_str().unwrap(),
                "offsets are bytes into the file"
            );
            assert!(p["turn"].is_u64());
            assert!(p["reply_to"].is_null() || p["reply_to"].is_u64());
            assert!(["speech", "question", "quote", "reported", "narration"]
                .contains(&p["mode"].as_str().unwrap()));
            assert!(p["speaker"].is_null() || speakers.contains(&p["speaker"].as_str().unwrap()));
            for t in p["topics"].as_array().unwrap() {
                assert!(topics.contains(&t.as_str().unwrap()));
            }
        }
        for key in ["boilerplate", "metadata"] {
            for b in d[key].as_array().unwrap() {
                let (start, end) = (
                    b["start"].as_u64().unwrap() as usize,
                    b["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[start..end], b["text"].as_str().unwrap());
            }
        }
    }
    let article = docs.iter().find(|d| d["kind"] == "article").unwrap();
    assert_eq!(article["date"], "2023-10-13");
}

#[test]
fn inspect_lists_turns_speakers_and_modes_readably() {
    let files = seeds();
    let mut args = vec!["inspect"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("000_f56c1ec18aaea4cf.txt  [transcript, undated, NATO]"),
        "{text}"
    );
    assert!(text
        .lines()
        .any(|l| l.contains("Reporter, Reuters") && l.contains("question")));
    assert!(text.lines().any(|l| l.contains("Jens Stoltenberg")
        && l.contains("quote")
        && l.contains("We are conducting")));
}

#[test]
fn check_passes_the_corpus_with_warnings_on_file_and_line() {
    let out = run(&["check", corpus_dir().to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("000_f56c1ec18aaea4cf.txt:1: warning: no date found"),
        "{err}"
    );
    assert!(err.contains("2 documents"), "{err}");
}

#[test]
fn check_takes_files_and_reads_them_with_their_folder_s_topics() {
    let files = seeds();
    let out = run(&["check", &files[0]]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("000_f56c1ec18aaea4cf.txt:1: warning: no date found"),
        "{err}"
    );
    assert!(err.contains(": 1 documents,"), "{err}");
    // The curated topics of corpus/topics.toml, not automatic keyphrases alone.
    let both = run(&["check", &files[0], &files[1]]);
    let err = String::from_utf8(both.stderr).unwrap();
    assert!(both.status.success(), "{err}");
    assert!(err.contains("2 files: 2 documents,"), "{err}");
    let whole = String::from_utf8(run(&["check", corpus_dir().to_str().unwrap()]).stderr).unwrap();
    let topics = |s: &str| s.split(" speakers, ").nth(1).map(|t| t.to_string());
    assert_eq!(topics(&err), topics(&whole), "{err}\n{whole}");
}

#[test]
fn check_names_a_missing_file() {
    let out = run(&["check", "no-such-file.txt"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no-such-file.txt"), "{err}");
}

#[test]
fn check_fails_on_an_unreadable_document_naming_file_and_line() {
    let dir = TempDir::new("bad");
    std::fs::write(
        dir.0.join("good.txt"),
        "Title\n\nMR. A: Hello.\n\nQ: Why?\n",
    )
    .unwrap();
    std::fs::write(dir.0.join("bad.txt"), b"Title\n\nCaf\xe9\n").unwrap();
    let out = run(&["check", dir.0.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.txt:3: invalid UTF-8 at byte 10"), "{err}");
}

#[test]
fn check_warns_about_unbalanced_quotes_and_speakerless_documents() {
    let dir = TempDir::new("warn");
    std::fs::write(
        dir.0.join("a.txt"),
        "Title\n\n13 October 2023\n\nThe minister said “we will act.\n",
    )
    .unwrap();
    std::fs::write(
        dir.0.join("b.txt"),
        "Title\n\n13 October 2023\n\nRain fell on the city all day.\n",
    )
    .unwrap();
    let out = run(&["check", dir.0.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("a.txt:5: warning: unbalanced quotation marks"),
        "{err}"
    );
    assert!(err.contains("b.txt:1: warning: no speaker found"), "{err}");
}

#[test]
fn check_warns_about_corrections_that_no_longer_apply_at_file_and_line() {
    let dir = TempDir::new("corrections");
    // "Hello." starts at byte 31, on line 5.
    std::fs::write(
        dir.0.join("a.txt"),
        "Title\n\n13 October 2023\n\nMR. A: Hello.\n\nQ: Why?\n",
    )
    .unwrap();
    std::fs::write(
        dir.0.join("speakers.toml"),
        "[[correction]]\nfile = \"a.txt\"\nat = 31\nspeaker = \"jane-doe\"\n\n\
         [[correction]]\nfile = \"a.txt\"\nat = 33\nspeaker = \"jane-doe\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.0.join("topics.toml"),
        "[[correction]]\nfile = \"renamed.txt\"\nat = 31\nadd = [\"hello\"]\n",
    )
    .unwrap();
    let out = run(&["check", dir.0.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "a.txt:5: warning: correction (speakers.toml or topics.toml): \
             no passage of \"a.txt\" starts at byte 33; the nearest starts at byte 31"
        ),
        "{err}"
    );
    assert!(
        err.contains("renamed.txt:0: warning: correction (speakers.toml or topics.toml): no document named \"renamed.txt\""),
        "{err}"
    );
    assert_eq!(err.matches("warning: correction").count(), 2, "{err}");
}

#[test]
fn a_bad_correction_is_an_error_naming_its_file_and_line() {
    let dir = TempDir::new("badcorr");
    std::fs::write(dir.0.join("a.txt"), "Title\n\nMR. A: Hello.\n\nQ: Why?\n").unwrap();
    std::fs::write(
        dir.0.join("speakers.toml"),
        "[[correction]]\nfile = \"a.txt\"\nat = 1\nspeaker = \"Jane Doe\"\n",
    )
    .unwrap();
    let out = run(&["check", dir.0.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("speakers.toml: line 4: speaker id \"Jane Doe\""),
        "{err}"
    );
}

#[test]
fn a_bad_taxonomy_is_an_error_naming_its_file() {
    let dir = TempDir::new("tax");
    std::fs::write(dir.0.join("a.txt"), "Title\n\nMR. A: Hello.\n\nQ: Why?\n").unwrap();
    std::fs::write(
        dir.0.join("topics.toml"),
        "[[topic]]\nid = \"x\"\nlabel = \"X\"\nphrases = [\"x\"]\nparent = \"nope\"\n",
    )
    .unwrap();
    let out = run(&["check", dir.0.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("topics.toml"), "{err}");
}

#[test]
fn unknown_commands_print_usage() {
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("usage:"));
}

#[test]
fn synth_writes_a_deterministic_corpus_that_parses_in_every_convention() {
    let a = TempDir::new("synth-a");
    let b = TempDir::new("synth-b");
    for dir in [&a, &b] {
        let out = run(&[
            "synth",
            "--docs",
            "40",
            "--seed",
            "7",
            "--out",
            dir.0.to_str().unwrap(),
            "--from",
            corpus_dir().to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let read = |d: &TempDir| -> Vec<(String, String)> {
        let mut files: Vec<_> = std::fs::read_dir(&d.0)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let (first, second) = (read(&a), read(&b));
    assert_eq!(first, second, "same seed, same corpus");
    assert_eq!(
        first.iter().filter(|(n, _)| n.ends_with(".txt")).count(),
        40
    );
    assert!(first.iter().any(|(n, _)| n == "topics.toml"));

    let out = run(&[
        "inspect",
        "--json",
        a.0.join("synth_00000.txt").to_str().unwrap(),
        a.0.join("synth_00001.txt").to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["transcript", "article"]);
    let check = run(&["check", a.0.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
