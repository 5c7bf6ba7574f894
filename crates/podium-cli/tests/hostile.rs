//! `podium-cli check` on the hostile set (tests/hostile/, see expected.toml there): the
//! readable documents give warnings with `file:line` and exit 0; each unreadable one makes
//! it exit 1 with `file:line: reason`, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::TempDir;

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile")
}

fn check(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podium-cli"))
        .arg("check")
        .arg(dir)
        .output()
        .expect("the binary runs")
}

/// (file, expect, line) of each committed document in expected.toml.
fn committed() -> Vec<(String, String, Option<usize>)> {
    let text = std::fs::read_to_string(hostile_dir().join("expected.toml")).unwrap();
    let mut out: Vec<(String, String, Option<usize>, bool)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if line == "[[document]]" {
            out.push(Default::default());
        }
        let Some((k, v)) = line.split_once(" = ") else {
            continue;
        };
        let v = v.trim_matches('"').to_string();
        let e = out.last_mut().unwrap();
        match k {
            "file" => e.0 = v,
            "expect" => e.1 = v,
            "line" => e.2 = v.parse().ok(),
            "generate" => e.3 = true,
            _ => {}
        }
    }
    out.into_iter()
        .filter(|e| !e.3)
        .map(|(f, x, l, _)| (f, x, l))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn readable_hostile_documents_check_with_located_warnings() {
    let dir = TempDir::new("hostile-ok");
    let docs = committed();
    for (file, expect, _) in &docs {
        if expect == "ok" {
            std::fs::copy(hostile_dir().join(file), dir.0.join(file)).unwrap();
        }
    }
    std::fs::copy(
        hostile_dir().join("../../corpus/topics.toml"),
        dir.0.join("topics.toml"),
    )
    .unwrap();
    let out = check(&dir.0);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("quotes.txt:5: warning: unbalanced quotation marks"),
        "{err}"
    );
    assert!(
        err.contains("long-label.txt:1: warning: no speaker found"),
        "{err}"
    );
    let ok = docs.iter().filter(|d| d.1 == "ok").count();
    assert!(err.contains(&format!(": {ok} documents,")), "{err}");
}

#[test]
fn each_unreadable_hostile_document_fails_check_with_file_and_line() {
    for (file, expect, line) in committed() {
        if expect != "error" {
            continue;
        }
        let dir = TempDir::new(&format!("hostile-{}", file.replace('.', "-")));
        std::fs::copy(hostile_dir().join("bom.txt"), dir.0.join("bom.txt")).unwrap();
        std::fs::copy(hostile_dir().join(&file), dir.0.join(&file)).unwrap();
        let out = check(&dir.0);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        let want = format!("{file}:{}: ", line.unwrap());
        assert!(err.contains(&want), "{file}: {err:?} lacks {want:?}");
        assert!(!err.contains("bom.txt:"), "{err}");
    }
}
