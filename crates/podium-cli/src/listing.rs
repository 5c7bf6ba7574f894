//! The readable `inspect` listing: one line per passage with turn, speaker, mode, the first
//! words and the topics, under a heading per document.

use std::fmt::Write;

use podium_core::{Corpus, Document};

const FIRST_WORDS: usize = 9;

pub fn corpus(c: &Corpus) -> String {
    let mut out = String::new();
    for d in &c.documents {
        document(c, d, &mut out);
    }
    out
}

fn document(c: &Corpus, d: &Document, out: &mut String) {
    let date = d.date.map_or("undated".to_string(), |x| x.to_string());
    let source = d.source.as_deref().unwrap_or("no source");
    let _ = writeln!(out, "{}  [{}, {date}, {source}]", d.file, d.kind.as_str());
    let _ = writeln!(out, "  {}", d.title);
    for p in &d.passages {
        let speaker = p
            .speaker
            .map_or("—".to_string(), |s| c.speaker(s).name.clone());
        let reply = p.reply_to.map_or(String::new(), |t| format!(" ↩{t}"));
        let words: Vec<&str> = d
            .slice(p.span)
            .split_whitespace()
            .take(FIRST_WORDS)
            .collect();
        let topics: Vec<&str> = p.topics.iter().map(|&t| c.topic(t).id.as_str()).collect();
        let _ = writeln!(
            out,
            "  {:>3}{reply:<4} {:<28} {:<9} {}…{}",
            p.turn,
            truncate(&speaker, 28),
            p.mode.as_str(),
            words.join(" "),
            if topics.is_empty() {
                String::new()
            } else {
                format!("  [{}]", topics.join(", "))
            }
        );
    }
    for b in &d.boilerplate {
        let words: Vec<&str> = d
            .slice(b.span)
            .split_whitespace()
            .take(FIRST_WORDS)
            .collect();
        let _ = writeln!(out, "      boilerplate: {}…", words.join(" "));
    }
    out.push('\n');
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}
