//! The passages a reader is looking at, to take away: Markdown to paste into notes, CSV for
//! a spreadsheet, JSON for a script. Each passage links back to itself in the app.
//!
//! Written by hand because the crate also runs in the browser, where a JSON or CSV library
//! would only add size for a few lines of escaping.
//!
//! CSV and JSON hold one record per passage with the same fields:
//! `speaker` (name), `role`, `voice`, `text` (the passage exactly as in the document),
//! `topics` (labels), `document` (file name), `title`, `date` (YYYY-MM-DD), `source`,
//! `start` and `end` (byte offsets of the passage in the document) and `link`.
//!
//! - `voice` is the id the URL uses (`verbatim`, `reported`, `narration`,
//!   [`crate::query::Voice::id`]): stable for scripts and filters, whatever the app's wording.
//! - A missing value (no speaker, no date…) is empty in CSV and `null` in JSON.
//! - CSV follows RFC 4180 (CRLF rows, a header row, quoted fields where needed) and joins
//!   topics with `"; "`. A cell that a spreadsheet would run as a formula (starting with
//!   `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, so opening an export cannot run a
//!   passage's text; JSON keeps the exact text.
//!
//! A [`PassageRef`] that does not point into the corpus is left out.

use std::fmt::Write as _;

use crate::document::{Corpus, Document, Passage};
use crate::index::PassageRef;
use crate::query::Voice;
use crate::url::{Permalink, View};

/// One exported passage: what every format says about it.
struct Record<'a> {
    /// Index of `doc` in the corpus, to group passages by document.
    doc_ix: u32,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    voice: Voice,
    text: &'a str,
    topics: Vec<&'a str>,
    doc: &'a Document,
    start: u32,
    end: u32,
    link: String,
}

fn records<'a>(corpus: &'a Corpus, passages: &[PassageRef], page: &str) -> Vec<Record<'a>> {
    passages
        .iter()
        .filter_map(|r| record(corpus, *r, page))
        .collect()
}

fn record<'a>(corpus: &'a Corpus, r: PassageRef, page: &str) -> Option<Record<'a>> {
    let doc = corpus.documents.get(r.doc as usize)?;
    let p: &Passage = doc.passages.get(r.passage as usize)?;
    let speaker = p.speaker.and_then(|s| corpus.speakers.get(s as usize));
    Some(Record {
        doc_ix: r.doc,
        speaker: speaker.map(|s| s.name.as_str()),
        role: speaker.and_then(|s| s.role.as_deref()),
        voice: Voice::of(p.mode),
        text: doc.text.get(p.span.range())?,
        topics: p
            .topics
            .iter()
            .filter_map(|&t| corpus.topics.get(t as usize))
            .map(|t| t.label.as_str())
            .collect(),
        doc,
        start: p.span.start,
        end: p.span.end,
        link: link(page, &doc.file, p.span.start),
    })
}

/// The same link the app's "copy citation" makes: the passage open, no filters.
pub fn link(page: &str, file: &str, start: u32) -> String {
    let view = View {
        open: Some(Permalink {
            file: file.to_string(),
            start,
        }),
        ..View::default()
    };
    format!("{page}#{}", view.to_fragment())
}

impl Record<'_> {
    fn date(&self) -> Option<String> {
        self.doc.date.map(|d| d.to_string())
    }
}

/// Markdown: a heading per document, in the order documents first appear in `passages`,
/// then its passages in the order given, each a blockquote of the exact text followed by
/// who said it, the voice and a link.
pub fn markdown(corpus: &Corpus, passages: &[PassageRef], page: &str) -> String {
    let records = records(corpus, passages, page);
    let mut docs: Vec<u32> = Vec::new();
    for r in &records {
        if !docs.contains(&r.doc_ix) {
            docs.push(r.doc_ix);
        }
    }
    let mut out = String::new();
    for d in docs {
        let mut group = records.iter().filter(|r| r.doc_ix == d).peekable();
        if let Some(first) = group.peek() {
            document_heading(&mut out, first.doc);
        }
        for r in group {
            markdown_passage(&mut out, r);
        }
    }
    out
}

fn markdown_passage(out: &mut String, r: &Record) {
    for line in lines(r.text) {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
    let who = match (r.speaker, r.role) {
        (Some(name), Some(role)) => format!("**{}** ({})", escape_md(name), escape_md(role)),
        (Some(name), None) => format!("**{}**", escape_md(name)),
        (None, _) => "Unattributed".to_string(),
    };
    let _ = write!(
        out,
        "\n— {who} · {} · [link]({})\n\n",
        r.voice.label(),
        md_url(&r.link)
    );
}

fn document_heading(out: &mut String, doc: &Document) {
    let mut about = vec![doc.date.map_or("undated".to_string(), |d| d.to_string())];
    about.extend(doc.source.clone());
    about.push(doc.file.clone());
    let _ = write!(
        out,
        "## {} ({})\n\n",
        escape_md(&doc.title),
        escape_md(&about.join(", "))
    );
}

/// Lines of a passage, whatever its line ends (`\n`, `\r\n`, lone `\r`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// Text safe in a heading or an emphasis: every Markdown-significant character is
/// backslash-escaped, and line breaks become spaces so a heading stays one line.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            // With `[` and `]` escaped no link can form, so `(`, `)` and `!` are safe; a
            // heading's text cannot start a list, so `-`, `+` and `.` are too.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A link destination with no character that ends it early.
fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '\\' | '`' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const FIELDS: [&str; 12] = [
    "speaker", "role", "voice", "text", "topics", "document", "title", "date", "source", "start",
    "end", "link",
];

/// CSV (RFC 4180) with a header row; see the module notes on formula cells.
pub fn csv(corpus: &Corpus, passages: &[PassageRef], page: &str) -> String {
    let mut out = String::new();
    csv_row(&mut out, FIELDS.iter().map(|f| f.to_string()));
    for r in records(corpus, passages, page) {
        let cells = [
            r.speaker.unwrap_or_default().to_string(),
            r.role.unwrap_or_default().to_string(),
            r.voice.id().to_string(),
            r.text.to_string(),
            r.topics.join("; "),
            r.doc.file.clone(),
            r.doc.title.clone(),
            r.date().unwrap_or_default(),
            r.doc.source.clone().unwrap_or_default(),
            r.start.to_string(),
            r.end.to_string(),
            r.link.clone(),
        ];
        csv_row(&mut out, cells.into_iter());
    }
    out
}

fn csv_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_cell(out, &cell);
    }
    out.push_str("\r\n");
}

fn csv_cell(out: &mut String, cell: &str) {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = cell.contains(['"', ',', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// JSON: an array of objects, one per passage; see the module notes for the fields.
pub fn json(corpus: &Corpus, passages: &[PassageRef], page: &str) -> String {
    let mut out = String::from("[");
    for (i, r) in records(corpus, passages, page).into_iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        let topics: Vec<String> = r.topics.iter().map(|t| json_string(t)).collect();
        let fields = [
            ("speaker", r.speaker.map_or("null".into(), json_string)),
            ("role", r.role.map_or("null".into(), json_string)),
            ("voice", json_string(r.voice.id())),
            ("text", json_string(r.text)),
            ("topics", format!("[{}]", topics.join(", "))),
            ("document", json_string(&r.doc.file)),
            ("title", json_string(&r.doc.title)),
            ("date", r.date().map_or("null".into(), |d| json_string(&d))),
            (
                "source",
                r.doc.source.as_deref().map_or("null".into(), json_string),
            ),
            ("start", r.start.to_string()),
            ("end", r.end.to_string()),
            ("link", json_string(&r.link)),
        ];
        for (k, (key, value)) in fields.iter().enumerate() {
            let sep = if k == 0 { "" } else { ", " };
            let _ = write!(out, "{sep}\"{key}\": {value}");
        }
        out.push('}');
    }
    out.push_str(if out.len() > 1 { "\n]\n" } else { "]\n" });
    out
}

/// A JSON string: quote, backslash and every control character escaped.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            // Valid JSON, but they end a line in JavaScript source before ES2019.
            '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Date, Kind, Mode, Origin, Span, Speaker, SpeakerKind, Topic};

    const PAGE: &str = "https://example.org/podium/";
    const HOSTILE: &str = "=cmd|' /C calc'!A0, \"quoted\", back\\slash\r\nline two\u{1}\u{7f} Zürich — 北京 \u{2028}end";

    fn doc(file: &str, title: &str, text: &str, spans: &[(usize, usize, Mode)]) -> Document {
        Document {
            file: file.into(),
            title: title.into(),
            date: None,
            kind: Kind::Article,
            source: None,
            text: text.into(),
            passages: spans
                .iter()
                .map(|&(start, end, mode)| Passage {
                    turn: 0,
                    speaker: None,
                    reply_to: None,
                    mode,
                    span: Span::new(start, end),
                    topics: vec![],
                })
                .collect(),
            boilerplate: vec![],
            metadata: vec![],
        }
    }

    fn corpus() -> Corpus {
        let hostile = format!("Intro.\n{HOSTILE}");
        let mut a = doc(
            "a, \"b\".txt",
            "Talks # on *KFOR* [draft]\nsecond line",
            &hostile,
            &[(0, 6, Mode::Narration), (7, hostile.len(), Mode::Quote)],
        );
        a.date = Some(Date {
            year: 2023,
            month: 10,
            day: 3,
        });
        a.source = Some("Reuters, \"Wire\"".into());
        a.passages[1].speaker = Some(0);
        a.passages[1].topics = vec![0, 1];
        let b = doc(
            "b.txt",
            "-1+1",
            "@SUM(A1) said nothing",
            &[(0, 21, Mode::Reported)],
        );
        Corpus {
            documents: vec![a, b],
            speakers: vec![Speaker {
                id: "jane-doe".into(),
                name: "Jane \"JD\" Doe".into(),
                role: Some("Minister, Defence".into()),
                kind: SpeakerKind::Official,
                aliases: vec![],
            }],
            topics: vec![
                Topic {
                    id: "kfor".into(),
                    label: "KFOR; troops".into(),
                    origin: Origin::Curated,
                    parent: None,
                },
                Topic {
                    id: "x".into(),
                    label: "+ formula?".into(),
                    origin: Origin::Automatic,
                    parent: None,
                },
            ],
        }
    }

    fn refs() -> Vec<PassageRef> {
        let r = |doc, passage| PassageRef { doc, passage };
        // b between two of a: a's passages still share one heading; bad refs are left out.
        vec![r(0, 1), r(1, 0), r(0, 0), r(0, 9), r(7, 0)]
    }

    #[test]
    fn json_parses_back_to_exactly_the_passages() {
        let c = corpus();
        let out = json(&c, &refs(), PAGE);
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let list = v.as_array().unwrap();
        assert_eq!(list.len(), 3);
        let first = &list[0];
        assert_eq!(first["text"], HOSTILE);
        assert_eq!(first["speaker"], "Jane \"JD\" Doe");
        assert_eq!(first["role"], "Minister, Defence");
        assert_eq!(first["voice"], "verbatim");
        assert_eq!(
            first["topics"],
            serde_json::json!(["KFOR; troops", "+ formula?"])
        );
        assert_eq!(first["document"], "a, \"b\".txt");
        assert_eq!(first["date"], "2023-10-03");
        assert_eq!(first["source"], "Reuters, \"Wire\"");
        assert_eq!(first["start"], 7);
        assert_eq!(first["end"], c.documents[0].text.len());
        assert_eq!(first["link"], format!("{PAGE}#open=a%2C%20%22b%22.txt@7"));
        let second = &list[1];
        assert!(second["speaker"].is_null() && second["role"].is_null());
        assert!(second["date"].is_null() && second["source"].is_null());
        assert_eq!(second["voice"], "reported");
        assert_eq!(second["topics"], serde_json::json!([]));
        assert_eq!(list[2]["voice"], "narration");
        assert_eq!(list[2]["text"], "Intro.");
        assert!(!out.contains('\u{1}') && !out.contains('\u{2028}'));
        assert_eq!(json(&c, &[], PAGE), "[]\n");
    }

    #[test]
    fn csv_parses_back_with_formulas_defused() {
        let c = corpus();
        let out = csv(&c, &refs(), PAGE);
        assert!(out.ends_with("\r\n"));
        let mut reader = ::csv::ReaderBuilder::new().from_reader(out.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, FIELDS);
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows.len(), 3);
        let first = &rows[0];
        assert_eq!(first[0], "Jane \"JD\" Doe");
        assert_eq!(first[1], "Minister, Defence");
        assert_eq!(first[2], "verbatim");
        assert_eq!(first[3], format!("'{HOSTILE}"));
        assert_eq!(first[4], "KFOR; troops; + formula?");
        assert_eq!(first[5], "a, \"b\".txt");
        assert_eq!(first[6], "Talks # on *KFOR* [draft]\nsecond line");
        assert_eq!(first[7], "2023-10-03");
        assert_eq!(first[8], "Reuters, \"Wire\"");
        assert_eq!(
            (first[9].as_str(), first[10].parse::<usize>().unwrap()),
            ("7", c.documents[0].text.len())
        );
        assert!(first[11].starts_with(PAGE));
        let second = &rows[1];
        assert_eq!(second[3], "'@SUM(A1) said nothing");
        assert_eq!(second[6], "'-1+1");
        assert_eq!((second[0].as_str(), second[7].as_str()), ("", ""));
        assert_eq!(rows[2][3], "Intro.");
        assert_eq!(csv(&c, &[], PAGE), FIELDS.join(",") + "\r\n");
    }

    #[test]
    fn markdown_quotes_each_passage_under_its_document() {
        let c = corpus();
        let out = markdown(&c, &refs(), PAGE);
        let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## Talks \\# on \\*KFOR\\* \\[draft\\] second line (2023-10-03, Reuters, \"Wire\", a, \"b\".txt)",
                "## -1+1 (undated, b.txt)",
            ]
        );
        let quoted: String = out
            .lines()
            .filter_map(|l| l.strip_prefix("> ").or(l.strip_prefix('>')))
            .collect::<Vec<_>>()
            .join("\n");
        for line in [
            "=cmd|' /C calc'!A0, \"quoted\", back\\slash",
            "line two\u{1}\u{7f} Zürich — 北京 \u{2028}end",
            "@SUM(A1) said nothing",
            "Intro.",
        ] {
            assert!(quoted.contains(line), "{line:?} in {quoted:?}");
        }
        assert!(out.contains("— **Jane \"JD\" Doe** (Minister, Defence) · Verbatim · [link](https://example.org/podium/#open=a%2C%20%22b%22.txt@7)"), "{out}");
        assert!(out.contains("— Unattributed · Reported · [link]("), "{out}");
        let order: Vec<usize> = ["> =cmd", "> Intro.", "> @SUM"]
            .iter()
            .map(|l| out.find(l).unwrap())
            .collect();
        assert!(order[0] < order[1] && order[1] < order[2], "{out}");
        assert_eq!(markdown(&c, &[], PAGE), "");
    }

    #[test]
    fn links_match_the_apps_citation_links() {
        let link = link("file:///tmp/index.html", "000_x.txt", 1234);
        assert_eq!(link, "file:///tmp/index.html#open=000_x.txt@1234");
        let view = View::from_fragment(link.split_once('#').unwrap().1);
        assert_eq!(view.open.unwrap().start, 1234);
        assert_eq!(md_url("a b(c)"), "a%20b%28c%29");
    }

    #[test]
    fn escapes_are_complete() {
        assert_eq!(
            json_string("\u{0}\u{1f}\u{7f}\"\\\t"),
            "\"\\u0000\\u001f\\u007f\\\"\\\\\\t\""
        );
        assert_eq!(
            escape_md("a\\b`c_d|e~f&g<h>i\nj"),
            "a\\\\b\\`c\\_d\\|e\\~f\\&g\\<h\\>i j"
        );
        let mut cell = String::new();
        csv_cell(&mut cell, "\tx,\"y\"");
        assert_eq!(cell, "\"'\tx,\"\"y\"\"\"");
    }
}
