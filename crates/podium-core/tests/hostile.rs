//! Hostile documents (tests/hostile/, expectations in tests/hostile/expected.toml): each is
//! refused with `file:line: message`, or parses without a panic, loses no text, shows the
//! expected text in a passage and takes a sane time. Also the regression tests for crashes
//! found by fuzzing (crates/podium-core/fuzz/).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use podium_core::corpus::{self, coverage_gap, Options};
use podium_core::index::{Index, Search};
use podium_core::url::View;

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile")
}

/// One `[[document]]` of expected.toml.
#[derive(Debug, Default, Clone)]
struct Expect {
    file: String,
    generate: Option<String>,
    expect: String,
    line: Option<usize>,
    message: Option<String>,
    text: Option<String>,
    warning: Option<String>,
}

/// Reads the TOML subset expected.toml is written in: `[[document]]` headers and
/// `key = "string"` / `key = integer` lines.
fn expectations() -> Vec<Expect> {
    let text = std::fs::read_to_string(hostile_dir().join("expected.toml")).unwrap();
    let mut out: Vec<Expect> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[[document]]" {
            out.push(Expect::default());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("expected.toml:{}: not `key = value`", n + 1));
        let value = value.trim();
        let string = || {
            value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or_else(|| panic!("expected.toml:{}: not a string", n + 1))
                .to_string()
        };
        let e = out.last_mut().expect("a key before [[document]]");
        match key.trim() {
            "file" => e.file = string(),
            "generate" => e.generate = Some(string()),
            "expect" => e.expect = string(),
            "line" => e.line = Some(value.parse().unwrap()),
            "message" => e.message = Some(string()),
            "text" => e.text = Some(string()).filter(|t| !t.is_empty()),
            "warning" => e.warning = Some(string()),
            k => panic!("expected.toml:{}: unknown key {k}", n + 1),
        }
    }
    out
}

/// The documents too big or too odd to commit (see expected.toml).
fn generate(kind: &str) -> Vec<u8> {
    match kind {
        "long-line" => {
            let sentence = "KFOR troops will stay in Kosovo, Stoltenberg said, and “we are ready”. ";
            let mut s = String::with_capacity(10 * 1024 * 1024 + 100);
            while s.len() < 10 * 1024 * 1024 {
                s.push_str(sentence);
            }
            s.push('\n');
            s.into_bytes()
        }
        "many-lines" => {
            let mut s = String::from("Many lines\n\n13 October 2023\n\n");
            for i in 0..100_000 {
                s.push_str(&format!("Line {i} of many.\n"));
            }
            s.into_bytes()
        }
        "case-upper" => b"Same name, upper case\n\n13 October 2023\n\nMR. PRICE: Upper-case file name.\n\nQUESTION: Which one?\n".to_vec(),
        "case-lower" => b"Same name, lower case\n\n13 October 2023\n\nMR. PRICE: Lower-case file name.\n\nQUESTION: Which one?\n".to_vec(),
        other => panic!("unknown generator {other}"),
    }
}

fn bytes_of(e: &Expect) -> Vec<u8> {
    match &e.generate {
        Some(kind) => generate(kind),
        None => std::fs::read(hostile_dir().join(&e.file)).unwrap(),
    }
}

/// Debug test builds are slow: the 10 MB line takes about 20 s here (2 cores, debug),
/// linear in size; this bound catches a quadratic slide, not a constant factor.
const SANE: Duration = Duration::from_secs(120);

fn check_one(e: &Expect) {
    let bytes = bytes_of(e);
    let started = Instant::now();
    let result = corpus::parse_document(&e.file, &bytes);
    let took = started.elapsed();
    assert!(took < SANE, "{}: parsing took {took:?}", e.file);
    match e.expect.as_str() {
        "error" => {
            let err = result.expect_err(&e.file);
            let shown = err.to_string();
            assert_eq!(err.file, e.file);
            assert_eq!(Some(err.line), e.line, "{shown}");
            let message = e.message.as_deref().unwrap();
            assert!(shown.contains(message), "{shown:?} lacks {message:?}");
            assert!(
                shown.starts_with(&format!("{}:{}: ", e.file, err.line)),
                "{shown}"
            );
        }
        "ok" => {
            let parsed = result.unwrap_or_else(|err| panic!("{}: {err}", e.file));
            let doc = &parsed.document;
            common::assert_no_text_lost(doc);
            if let Some(text) = &e.text {
                assert!(
                    doc.passages
                        .iter()
                        .any(|p| doc.slice(p.span).contains(text)),
                    "{}: no passage shows {text:?}",
                    e.file
                );
            }
        }
        other => panic!("{}: unknown expect {other:?}", e.file),
    }
}

#[test]
fn every_hostile_document_gives_its_expected_outcome() {
    let all = expectations();
    assert!(
        all.len() >= 19,
        "expected.toml lists {} documents",
        all.len()
    );
    // Every committed file is listed, so none is left unchecked.
    for entry in std::fs::read_dir(hostile_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name != "expected.toml" && !name.ends_with(".mjs") {
            assert!(
                all.iter().any(|e| e.file == name && e.generate.is_none()),
                "{name} is not in expected.toml"
            );
        }
    }
    for e in all.iter().filter(|e| e.generate.is_none()) {
        check_one(e);
    }
}

#[test]
fn a_10_mb_line_parses_in_a_sane_time() {
    let e = expectations()
        .into_iter()
        .find(|e| e.generate.as_deref() == Some("long-line"))
        .unwrap();
    check_one(&e);
}

#[test]
fn a_100_000_line_document_parses_in_a_sane_time() {
    let e = expectations()
        .into_iter()
        .find(|e| e.generate.as_deref() == Some("many-lines"))
        .unwrap();
    check_one(&e);
}

/// The whole set through `build`, as `make build` sees it: every unreadable file is
/// reported with its line, and no other; without them the rest builds, with warnings that
/// name file and line.
#[test]
fn build_reports_each_unreadable_file_and_builds_the_rest() {
    let all = expectations();
    let small: Vec<&Expect> = all
        .iter()
        .filter(|e| !matches!(e.generate.as_deref(), Some("long-line" | "many-lines")))
        .collect();
    let files: Vec<(String, Vec<u8>)> = small
        .iter()
        .map(|e| (e.file.clone(), bytes_of(e)))
        .collect();
    let errors = corpus::build(&files, &Options::default()).expect_err("some are unreadable");
    let mut refused: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    refused.sort();
    let mut want: Vec<&str> = small
        .iter()
        .filter(|e| e.expect == "error")
        .map(|e| e.file.as_str())
        .collect();
    want.sort();
    assert_eq!(refused, want);
    for err in &errors {
        let e = small.iter().find(|e| e.file == err.file).unwrap();
        assert_eq!(Some(err.line), e.line, "{err}");
    }

    let ok: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(name, _)| small.iter().any(|e| &e.file == name && e.expect == "ok"))
        .collect();
    let built = corpus::build(&ok, &Options::default()).expect("the readable ones build");
    assert_eq!(built.corpus.documents.len(), ok.len());
    // "Case.txt" and "case.txt" stay two documents, each with its own text.
    let names: Vec<&str> = built
        .corpus
        .documents
        .iter()
        .map(|d| d.file.as_str())
        .collect();
    assert!(
        names.contains(&"Case.txt") && names.contains(&"case.txt"),
        "{names:?}"
    );
    for d in &built.corpus.documents {
        assert_eq!(coverage_gap(d), None, "{}", d.file);
    }
    for w in &built.warnings {
        assert!(ok.iter().any(|(n, _)| *n == w.file), "{w}");
        assert!(w.line >= 1, "{w}");
        assert!(w
            .to_string()
            .starts_with(&format!("{}:{}: warning: ", w.file, w.line)));
    }
    for e in small.iter().filter(|e| e.warning.is_some()) {
        let want = e.warning.as_deref().unwrap();
        assert!(
            built
                .warnings
                .iter()
                .any(|w| w.file == e.file && w.message.contains(want)),
            "{}: no warning containing {want:?}",
            e.file
        );
    }
    // Searching hostile text finds it and does not panic.
    let index = Index::build(&built.corpus);
    for q in [
        "<script>",
        "alert(1)",
        "שלום",
        "👨‍👩‍👧‍👦",
        "\"javascript:alert",
        "é",
    ] {
        let _ = index.search(&built.corpus, &Search::parse(q));
    }
    let hits = index.search(&built.corpus, &Search::parse("script"));
    assert!(hits.passages.is_some_and(|p| !p.is_empty()));
}

/// Malicious fragments give the default view or a safely ignored one, never a panic.
#[test]
fn malicious_fragments_are_ignored() {
    let garbage: String = (0..100_000u32)
        .map(|i| char::from(b"%&=#@!,+<>\"'\\/;:?x9"[(i * 7 % 19) as usize]))
        .collect();
    let huge = format!("#q={}", "a".repeat(1_000_000));
    for f in [
        "#q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "#q=<script>alert(1)</script>",
        "#open=../../etc@1",
        "#open=..%2F..%2Fetc%2Fpasswd@99999999999999999999",
        "#open=a.txt@18446744073709551616",
        "#q=%E0%A4%A&q=%&q=%%%",
        "#speaker=%00&topic=%FF&voice=%C0%AF",
        "#from=9999-99-99&to=-1",
        "#unknown=1&__proto__=x&constructor=y",
        huge.as_str(),
        garbage.as_str(),
    ] {
        let v = View::from_fragment(f);
        assert_eq!(View::from_fragment(&v.to_fragment()), v, "{f:.80}");
    }
    assert_eq!(View::from_fragment(&huge), View::default());
    assert_eq!(View::from_fragment(&garbage), View::default());
    assert_eq!(
        View::from_fragment("#open=../../etc@1").open.unwrap().start,
        1
    );
}

// --- Regressions: crashes found by fuzzing and by the hostile set -----------------------

/// Labels alone on their lines, one after another in one block: the piece between two
/// labels is empty and its start lies past its end; slicing it panicked
/// (attribution.rs, `introduces_questioner(&text[piece_start..end])`).
#[test]
fn regression_labels_only_on_consecutive_lines() {
    for text in [
        "MR. PRICE:\nQUESTION:\nMR. PRICE:\n",
        "MR. PRICE:\nQUESTION:\n",
        "Q:\nMR. PRICE:\nQ:\n",
        "Title\n\nMR. PRICE:\r\nQUESTION:\r\nMR. PRICE: Fine.\r\n",
    ] {
        let parsed =
            corpus::parse_document("labels.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(coverage_gap(&parsed.document), None, "{text:?}");
    }
}

/// Found by the `url_fragment` fuzz target: a fragment under the old 8 KB limit whose view's
/// own fragment was over it (encoding turns `+` into `%20`, a raw `é` into `%C3%A9`), so a
/// reload of the link the app writes showed the default view. The limit now bounds the
/// decoded values, and the fragment at five times that.
#[test]
fn regression_a_view_read_from_a_fragment_survives_its_own_fragment() {
    let fragment = format!("q={}", "+".repeat(3000));
    let view = View::from_fragment(&fragment);
    assert_eq!(view.query.text.len(), 3000);
    assert_eq!(View::from_fragment(&view.to_fragment()), view);
    // The worst case: as many one-byte excluded items as the limit allows, all encoded.
    let items = vec!["!%C3%A9"; podium_core::url::MAX_TEXT / 2].join(",");
    let view = View::from_fragment(&format!("speaker={items}"));
    assert_eq!(view.query.speaker.exclude.len(), 1, "duplicates collapse");
    let many: Vec<String> = (0..podium_core::url::MAX_TEXT / 4)
        .map(|i| format!("!{i:x}"))
        .collect();
    let view = View::from_fragment(&format!(
        "topic={}&q={}",
        many.join(","),
        "%2B".repeat(2000)
    ));
    assert!(!view.query.topic.exclude.is_empty());
    assert_eq!(View::from_fragment(&view.to_fragment()), view);
}
