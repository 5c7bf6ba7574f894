//! The layout of a document: lines, paragraphs, and which of them are metadata (title,
//! headline, date, source…), which are page furniture (related links, publisher footers),
//! and which are the body that [`crate::attribution`] attributes to speakers.
//!
//! Everything here works on byte offsets into the untouched original text, and every
//! non-blank line ends up in exactly one place, so no text is ever lost.

use crate::dates;
use crate::document::{Date, Field, Metadata, Span};
use crate::label::{is_field_word, label_at};
use crate::text::{find_either, fold, folds_longer_than, with_fold};

/// Whitespace for layout purposes. The BOM is here because it is invisible: a file that
/// starts with one must not get a title that starts with one.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A non-blank line, trimmed: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// A paragraph: consecutive non-blank lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    pub lines: Vec<Line>,
}

impl Block {
    pub fn span(&self) -> Span {
        Span::new(self.lines[0].start, self.lines[self.lines.len() - 1].end)
    }
}

/// Splits into paragraphs. Lines end at `\n`, `\r\n` or a lone `\r`.
pub fn blocks(text: &str) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut start = 0;
    loop {
        let end = line_end(bytes, start);
        match trim(text, start, end) {
            Some(line) => current.push(line),
            None if !current.is_empty() => out.push(Block {
                lines: std::mem::take(&mut current),
            }),
            None => {}
        }
        if end == bytes.len() {
            break;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    if !current.is_empty() {
        out.push(Block { lines: current });
    }
    out
}

/// The first `\n` or `\r` at or after `from`, or the end. Eight bytes at a time: finding
/// line ends byte by byte was a tenth of the layout's cost.
fn line_end(bytes: &[u8], from: usize) -> usize {
    find_either(bytes, from, b'\n', b'\r').unwrap_or(bytes.len())
}

fn trim(text: &str, start: usize, end: usize) -> Option<Line> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let body = s.trim_matches(is_space);
    (!body.is_empty()).then(|| Line {
        start: start + lead,
        end: start + lead + body.len(),
    })
}

/// What a line standing on its own is, when it is not someone's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineKind {
    Meta(Field),
    Furniture,
}

/// Recognises metadata and page furniture lines: dates, `Source: NATO`, bylines,
/// `(Laughter.)`, `[00:12:31]`, `Photo: …`.
pub fn classify_line(line: &str) -> Option<LineKind> {
    if dates::date_line(line).is_some() {
        return Some(LineKind::Meta(Field::Date));
    }
    if let Some((head, rest)) = line.split_once(':') {
        let kind = with_fold(head.trim(), |head| {
            if matches!(head, "source" | "sources" | "publisher" | "published by") {
                Some(LineKind::Meta(Field::Source))
            } else if matches!(
                head,
                "by" | "author" | "authors" | "reporting by" | "written by"
            ) {
                Some(LineKind::Meta(Field::Byline))
            } else if is_field_word(head) && !rest.trim().is_empty() && head != "note" {
                Some(LineKind::Furniture)
            } else {
                None
            }
        });
        if kind.is_some() {
            return kind;
        }
    }
    if is_timestamp(line) {
        return Some(LineKind::Meta(Field::Timestamp));
    }
    if is_bracketed(line) && line.split_whitespace().count() <= 10 {
        return Some(LineKind::Meta(Field::StageDirection));
    }
    if is_byline(line) || is_credit_line(line) {
        return Some(LineKind::Meta(Field::Byline));
    }
    None
}

/// A wire story's credits: `Reporting by Guy Faulconbridge; Editing by Andrew Osborn`.
fn is_credit_line(line: &str) -> bool {
    const CREDITS: &[&str] = &[
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
        "compiled by ",
    ];
    // Called for every line: compare a prefix, without folding the line.
    CREDITS.iter().any(|c| {
        line.get(..c.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(c))
    }) && line.split_whitespace().nth(24).is_none()
}

fn is_bracketed(line: &str) -> bool {
    let pairs = [('(', ')'), ('[', ']')];
    pairs.iter().any(|&(o, c)| {
        line.starts_with(o) && line.ends_with(c) && line[1..line.len() - 1].find(c).is_none()
    })
}

/// `[00:12:31]`, `12:31`, and a clock time as transcripts print it at the start and end:
/// `1:32 P.M. EDT`, `END 2:15 p.m.`, `10:05 CET`.
fn is_timestamp(line: &str) -> bool {
    let inner = line.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
    if is_clock(inner) {
        return true;
    }
    let mut words = inner.split_whitespace();
    let mut first = words.next();
    if first == Some("END") {
        first = words.next();
    }
    if !first.is_some_and(is_clock) {
        return false;
    }
    let mut rest = 0;
    words.all(|w| {
        rest += 1;
        let meridiem = matches!(
            w,
            "AM" | "PM" | "am" | "pm" | "A.M." | "P.M." | "a.m." | "p.m."
        );
        let zone = (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
        rest <= 2 && (meridiem || zone)
    }) && rest > 0
}

/// At most three parts of two digits: "12:31:05".
pub(crate) fn is_clock(s: &str) -> bool {
    // Rules out prose before splitting it.
    if s.len() > 8 {
        return false;
    }
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "By Jane Smith", "By Jane Smith and John Doe, Reuters".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "and" | "in" | "of")
        })
}

/// A few short lines, each metadata or a headline, and none of them a speaker label.
fn is_header_block(text: &str, block: &Block) -> bool {
    (2..=4).contains(&block.lines.len())
        && block.lines.iter().all(|&line| {
            let s = line_text(text, line);
            s.split_whitespace().take(13).count() <= 12 && is_header_line(s)
        })
}

/// A line of a header: metadata or a headline, and no speaker label.
fn is_header_line(s: &str) -> bool {
    label_at(s).is_none() && (is_headline(s) || matches!(classify_line(s), Some(LineKind::Meta(_))))
}

/// A headline or subtitle: short, capitalised, with no sentence-final punctuation.
fn is_headline(line: &str) -> bool {
    // Words beyond the 25th do not change the verdict.
    let words = line.split_whitespace().take(25).count();
    let last = line.chars().next_back().unwrap_or(' ');
    (1..=24).contains(&words)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && (!matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '…' | '"' | '”' | '’' | '-' | '—'
        ) || is_place(line))
}

/// A Markdown heading inside the text, which no one says: `## Questions and answers`,
/// `**Questions and Answers**` on a line of its own. A bold label (`**MR. PRICE:**`) is none.
fn is_section_heading(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let inner = if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        &line[hashes..]
    } else {
        ["**", "__"]
            .iter()
            .find_map(|m| line.strip_prefix(m)?.strip_suffix(m))
            .filter(|inner| !inner.contains(['*', '_']))
            .unwrap_or("")
    };
    let inner = inner.trim();
    !inner.is_empty()
        && inner.split_whitespace().count() <= 12
        && !inner.ends_with(':')
        && label_at(inner).is_none()
}

/// A place whose region is an initialism, so it ends in a stop that ends no sentence:
/// `Washington, D.C.`, `Portland, ME.`.
fn is_place(line: &str) -> bool {
    let Some((place, region)) = line.rsplit_once(", ") else {
        return false;
    };
    let initialism = region.len() >= 3
        && region.ends_with('.')
        && region.split_terminator('.').all(|part| {
            (1..=2).contains(&part.len()) && part.chars().all(|c| c.is_ascii_uppercase())
        });
    initialism && place.split_whitespace().count() <= 3
}

/// Headings that open a block of related links; everything after them is furniture.
const RELATED_HEADINGS: &[&str] = &[
    "check also",
    "related",
    "related articles",
    "related news",
    "related stories",
    "related content",
    "read also",
    "read more",
    "see also",
    "more from",
    "more on this",
    "more stories",
    "you may also like",
    "you might also like",
    "recommended",
    "most read",
    "most popular",
    "further reading",
    "latest news",
    "also read",
];

fn is_related_heading(line: &str) -> bool {
    let line = line.trim_end_matches([':', '.', '…']);
    // Most lines are paragraphs: rule them out without folding them.
    let longest = RELATED_HEADINGS.iter().map(|h| h.len()).max().unwrap_or(0);
    !folds_longer_than(line, longest) && with_fold(line, |f| RELATED_HEADINGS.contains(&f.trim()))
}

/// Phrases of publisher footers; only looked for at the end of a document.
const FOOTER_CUES: &[&str] = &[
    "copyright",
    "©",
    "all rights reserved",
    "subscribe to",
    "sign up for",
    "newsletter",
    "follow us",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie",
    "magazine published by",
    "newspaper published by",
    "is published by",
    "to find out more about",
    "for more information",
];

fn is_footer(block_text: &str) -> bool {
    let folded = fold(block_text);
    FOOTER_CUES.iter().any(|cue| folded.contains(cue))
}

/// "Prishtina Insight is a digital and print magazine published by …" names the publisher.
fn publisher_in_footer(block_text: &str) -> Option<String> {
    let (name, rest) = block_text.split_once(" is a")?;
    let rest = fold(rest);
    let outlet = [
        "magazine",
        "newspaper",
        "news",
        "publication",
        "outlet",
        "agency",
        "portal",
        "website",
        "broadcaster",
    ];
    let name = name.trim();
    (name.split_whitespace().count() <= 5
        && name.chars().next().is_some_and(char::is_uppercase)
        && outlet.iter().any(|w| rest.contains(w)))
    .then(|| name.to_string())
}

/// A document's layout: what is metadata or furniture, and the body paragraphs left to attribute.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub title: String,
    pub metadata: Vec<Metadata>,
    pub furniture: Vec<Span>,
    pub body: Vec<Block>,
    pub date: Option<Date>,
    pub source: Option<String>,
}

/// Lays a document out. `fallback_title` (the file name) is used when the first line is
/// not a title but already someone's words.
pub fn layout(text: &str, fallback_title: &str) -> Layout {
    let mut out = Layout::default();
    let mut blocks = blocks(text);
    let mut rest = 0;

    // Title: the first line, unless it is already speech or a paragraph of prose.
    if let Some(first) = blocks.first_mut() {
        let line = first.lines[0];
        let s = &text[line.start..line.end];
        // A line that opens like a label but reads as a headline, alone in its paragraph or
        // over lines of header (a subtitle, a date), is a title: "Interview: Finnish President
        // on NATO membership", "Ukraine: Support" over "House of Commons". Speech ends its
        // sentence.
        let titled_label = is_headline(s)
            && first.lines[1..]
                .iter()
                .all(|&l| is_header_line(line_text(text, l)));
        if (label_at(s).is_none() || titled_label)
            && s.split_whitespace().count() <= 30
            && classify_line(s).is_none()
        {
            // A Markdown heading's `#` marks are markup, not title; the line keeps them.
            let heading = s.trim_start_matches('#');
            out.title = if heading.len() < s.len() && heading.starts_with(' ') {
                heading.trim().to_string()
            } else {
                s.to_string()
            };
            out.metadata.push(meta(Field::Title, line));
            first.lines.remove(0);
            if first.lines.is_empty() {
                rest = 1;
            }
        }
    }
    if out.title.is_empty() {
        out.title = fallback_title.to_string();
    }

    // Header: headlines, notes, dates, bylines, up to the first paragraph of prose.
    let mut header = true;
    let mut tail_start = blocks.len();
    for (i, block) in blocks.iter().enumerate().skip(rest) {
        if block.lines.len() == 1 && is_related_heading(line_text(text, block.lines[0])) && i > 0 {
            tail_start = i;
            break;
        }
        if !header {
            continue;
        }
        let single = block.lines.len() == 1;
        let s = line_text(text, block.lines[0]);
        let kind = classify_line(s).map(|k| match k {
            LineKind::Meta(Field::StageDirection) => LineKind::Meta(Field::Note),
            k => k,
        });
        match kind {
            Some(k) if single => {
                take_line(text, &mut out, k, block.lines[0]);
                rest = i + 1;
            }
            None if single && is_headline(s) => {
                out.metadata.push(meta(Field::Headline, block.lines[0]));
                rest = i + 1;
            }
            // A byline, a place and a date on lines of their own, with no blank line
            // between them ("Antony J. Blinken, Secretary of State" / "Brussels, Belgium").
            _ if is_header_block(text, block) => {
                for &line in &block.lines {
                    let s = line_text(text, line);
                    match classify_line(s) {
                        Some(k) => take_line(text, &mut out, k, line),
                        None => out.metadata.push(meta(Field::Headline, line)),
                    }
                }
                rest = i + 1;
            }
            _ => header = false,
        }
    }

    // Related-links block: furniture to the end.
    for block in &blocks[tail_start..] {
        out.furniture.push(block.span());
    }
    let mut body_end = tail_start.max(rest);

    // Footer: walk back over publisher blurbs, dates and source lines.
    while body_end > rest {
        let block = &blocks[body_end - 1];
        let span = block.span();
        let s = &text[span.range()];
        if is_footer(s) {
            if out.source.is_none() {
                out.source = publisher_in_footer(s);
            }
            out.furniture.push(span);
        } else if block.lines.len() == 1 && classify_line(s).is_some() {
            take_line(
                text,
                &mut out,
                classify_line(s).expect("checked"),
                block.lines[0],
            );
        } else {
            break;
        }
        body_end -= 1;
    }

    // Body: paragraphs, less lines that stand alone as metadata.
    for block in &blocks[rest..body_end] {
        let mut kept = Block { lines: Vec::new() };
        for &line in &block.lines {
            let s = line_text(text, line);
            let section = || is_section_heading(s).then_some(LineKind::Meta(Field::Headline));
            match classify_line(s).or_else(section) {
                Some(kind)
                    if block.lines.len() == 1 || !matches!(kind, LineKind::Meta(Field::Byline)) =>
                {
                    if !kept.lines.is_empty() {
                        out.body.push(std::mem::take(&mut kept));
                    }
                    take_line(text, &mut out, kind, line);
                }
                _ => kept.lines.push(line),
            }
        }
        if !kept.lines.is_empty() {
            out.body.push(kept);
        }
    }
    if let Some(first) = out.body.first_mut() {
        if let Some(dateline) = dateline(text, first.lines[0]) {
            let (span, date, source) = dateline;
            out.metadata.push(Metadata {
                field: Field::Dateline,
                span,
            });
            out.date = out.date.or(date);
            out.source = out.source.take().or(source);
            first.lines[0].start = skip_space(text, span.end as usize, first.lines[0].end);
            if first.lines[0].start == first.lines[0].end {
                first.lines.remove(0);
                if first.lines.is_empty() {
                    out.body.remove(0);
                }
            }
        }
    }
    out.metadata.sort_by_key(|m| m.span);
    out.furniture.sort();
    out
}

fn meta(field: Field, line: Line) -> Metadata {
    Metadata {
        field,
        span: Span::new(line.start, line.end),
    }
}

pub fn line_text(text: &str, line: Line) -> &str {
    &text[line.start..line.end]
}

pub fn skip_space(text: &str, from: usize, to: usize) -> usize {
    let s = &text[from..to];
    from + (s.len() - s.trim_start_matches(is_space).len())
}

fn take_line(text: &str, out: &mut Layout, kind: LineKind, line: Line) {
    let s = line_text(text, line);
    match kind {
        LineKind::Furniture => out.furniture.push(Span::new(line.start, line.end)),
        LineKind::Meta(field) => {
            match field {
                Field::Date if out.date.is_none() => out.date = dates::date_line(s),
                Field::Source if out.source.is_none() => {
                    out.source = s.split_once(':').map(|(_, v)| v.trim().to_string())
                }
                _ => {}
            }
            out.metadata.push(meta(field, line));
        }
    }
}

/// `BRUSSELS, Oct 13 2023 (Reuters) - ` at the head of an article's first paragraph.
fn dateline(text: &str, line: Line) -> Option<(Span, Option<Date>, Option<String>)> {
    let s = line_text(text, line);
    let dash = s
        .char_indices()
        .take_while(|&(i, _)| i < 80)
        .find(|&(i, c)| {
            matches!(c, '-' | '–' | '—')
                && s[..i].ends_with(' ')
                && s[i + c.len_utf8()..].starts_with(' ')
        })?;
    let head = &s[..dash.0];
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end].trim();
    let shouted = place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    if !shouted || place.split_whitespace().count() > 4 {
        return None;
    }
    let date = dates::find_date(head).map(|(d, _, _)| d);
    let source = head.find('(').and_then(|o| {
        head[o + 1..]
            .find(')')
            .map(|c| head[o + 1..o + 1 + c].trim().to_string())
    });
    let end = line.start + dash.0 + dash.1.len_utf8();
    Some((Span::new(line.start, end), date, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_finds_the_first_line_break_at_any_offset() {
        let mut bytes = vec![b'a'; 40];
        for at in 0..40 {
            for brk in [b'\n', b'\r'] {
                bytes[at] = brk;
                for from in 0..=40 {
                    let naive = bytes[from..]
                        .iter()
                        .position(|&b| b == b'\n' || b == b'\r')
                        .map_or(40, |n| from + n);
                    assert_eq!(line_end(&bytes, from), naive, "break at {at}, from {from}");
                }
                bytes[at] = b'a';
            }
        }
        // Bytes one off a line break, and high bytes, are no line break.
        let bytes = [0x0b, 0x0c, 0x0e, 0x09, 0x8a, 0x8d, 0xff, 0x00, 0x0b, b'\n'];
        assert_eq!(line_end(&bytes, 0), 9);
        // The NUL search of validation uses the same scan.
        assert_eq!(find_either(b"abcdefghij\0k\0", 0, 0, 0), Some(10));
        assert_eq!(find_either(b"abcdefghijkl", 0, 0, 0), None);
    }

    #[test]
    fn blocks_split_on_blank_lines_of_any_line_ending() {
        let text = "a\r\nb\r\n\r\nc\rd\r\re\n \u{a0}\nf";
        let spans: Vec<&str> = blocks(text)
            .iter()
            .map(|b| &text[b.span().range()])
            .collect();
        assert_eq!(spans, ["a\r\nb", "c\rd", "e", "f"]);
    }

    #[test]
    fn a_place_ending_in_an_initialism_is_a_header_line() {
        let text = "Press Briefing\n\nJames S. Brady Press Briefing Room\nWashington, D.C.\n\n\
                    MS. JEAN-PIERRE: Good afternoon.\n";
        let l = layout(text, "x");
        let header: Vec<&str> = l
            .metadata
            .iter()
            .filter(|m| m.field == Field::Headline)
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(
            header,
            ["James S. Brady Press Briefing Room", "Washington, D.C."]
        );
        assert!(is_place("Portland, ME."));
        // A sentence that ends in an initialism is still a sentence.
        assert!(!is_headline("Talks resume with the U.S."));
        assert!(!is_place("We flew in from Washington, D.C."));
        assert!(!is_place("Tomorrow, we talk."));
    }

    #[test]
    fn header_takes_title_headline_note_and_date() {
        let text = "Press conference by X\n\nNATO: Belgrade and Prishtina to Refrain\n\n(As delivered)\n\n13 October 2023\n\nDr. Osmani, dear Vjosa,\n\nThank you.";
        let l = layout(text, "f.txt");
        assert_eq!(l.title, "Press conference by X");
        let fields: Vec<Field> = l.metadata.iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::Headline, Field::Note, Field::Date]
        );
        assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-10-13"));
        assert_eq!(l.body.len(), 2);
    }

    #[test]
    fn related_block_and_footer_are_furniture() {
        let text = "Title\n\nSome words here.\n\nSource: NATO\n\nCheck Also\n\nOther story\n\nTeaser text…";
        let l = layout(text, "f.txt");
        assert_eq!(l.source.as_deref(), Some("NATO"));
        assert_eq!(l.furniture.len(), 3);
        assert_eq!(l.body.len(), 1);

        let text = "Title\n\nWords.\n\n13/10/2023 - 18:21\n\nThe Daily Planet is a newspaper published by Planet Media. Copyright © 2016.";
        let l = layout(text, "f.txt");
        assert_eq!(l.furniture.len(), 1);
        assert_eq!(l.source.as_deref(), Some("The Daily Planet"));
        assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-10-13"));
    }

    #[test]
    fn stage_directions_and_timestamps_are_not_words() {
        let text = "Title\n\nMR. A: Hello.\n(Laughter.)\n[00:12:31]\nMR. A: Again.";
        let l = layout(text, "f.txt");
        let fields: Vec<Field> = l.metadata.iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::StageDirection, Field::Timestamp]
        );
        assert_eq!(l.body.len(), 2);
    }

    #[test]
    fn clock_times_a_transcript_starts_and_ends_with_are_timestamps() {
        for line in [
            "1:32 P.M. EDT",
            "END 2:15 p.m. EDT",
            "10:05 CET",
            "11:00 AM",
            "[00:12:31]",
        ] {
            assert_eq!(
                classify_line(line),
                Some(LineKind::Meta(Field::Timestamp)),
                "{line}"
            );
        }
        for line in [
            "12:30 we met",
            "END",
            "At 1:32 P.M. EDT.",
            "2:15 Peter Smith",
        ] {
            assert_ne!(
                classify_line(line),
                Some(LineKind::Meta(Field::Timestamp)),
                "{line}"
            );
        }
    }

    #[test]
    fn dateline_is_metadata_and_gives_source() {
        let text = "Title\n\nBRUSSELS, Oct 13, 2023 (Reuters) - NATO said on Friday it would act.";
        let l = layout(text, "f.txt");
        assert_eq!(l.source.as_deref(), Some("Reuters"));
        assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-10-13"));
        let body = &l.body[0];
        assert_eq!(
            line_text(text, body.lines[0]),
            "NATO said on Friday it would act."
        );
    }

    #[test]
    fn a_markdown_heading_in_the_text_is_no_ones_words() {
        for line in [
            "## Questions and answers",
            "**Questions and Answers**",
            "__Q&A__",
        ] {
            assert!(is_section_heading(line), "{line}");
        }
        for line in [
            "**MR. PRICE:**",
            "**Q:** Is it?",
            "#hashtag",
            "**Bold** and not",
            "We said **no**.",
            "",
        ] {
            assert!(!is_section_heading(line), "{line}");
        }
        let text = "Briefing\n\nSPOKESMAN: Good afternoon.\n\n**Questions and Answers**\n\n\
                    Q: Is there a deal?\n\nSPOKESMAN: No.\n";
        let l = layout(text, "b.txt");
        let heading = text.find("**Q").unwrap();
        assert!(l
            .metadata
            .iter()
            .any(|m| m.field == Field::Headline && m.span.start as usize == heading));
        assert!(l.body.iter().all(|b| b.span().start as usize != heading));
    }

    #[test]
    fn a_markdown_heading_is_a_title_without_its_marks() {
        let l = layout(
            "# Finland joins NATO\n\n4 April 2023\n\nFinland joined.\n",
            "a.md",
        );
        assert_eq!(l.title, "Finland joins NATO");
        let l = layout("#NATO summit\n\nText.\n", "a.md");
        assert_eq!(l.title, "#NATO summit");
    }

    #[test]
    fn a_first_line_that_is_speech_is_no_title() {
        let l = layout("MR. PRICE: Good afternoon.", "briefing.txt");
        assert_eq!(l.title, "briefing.txt");
        assert_eq!(l.body.len(), 1);
    }
}
