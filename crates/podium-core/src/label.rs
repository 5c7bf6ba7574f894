//! Speaker labels at the start of a transcript line: `MR. PRICE:`, `Jane Smith:`,
//! `NATO Secretary General Jens Stoltenberg:`, `QUESTION:`, `Q.`, a bare `Q` followed by
//! spaces, `Jane Doe, AFP:`, `Q (Reuters):`. No-break spaces may follow.
//!
//! A label is recognised by its shape, never by a list of names: a short run of capitalised
//! words (connectors such as "of" allowed, an optional comma or bracketed outlet) ending in a
//! colon. Words that head metadata lines (`Source:`, `Photo:`) are not speakers.

use crate::parse::is_clock;
use crate::speakers::{is_connector, is_honorific, is_questioner_word};
use crate::text::fold_in;

/// A label found at the start of a line; offsets are relative to the line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Label {
    /// Start of the label's name: after a timestamp that opens the line (`[00:01:05]`).
    pub start: usize,
    /// End of the label's name (before the colon or marker).
    pub name_end: usize,
    /// End of the label including its colon or marker.
    pub end: usize,
    /// `Q`, `QUESTION`, `Reporter`…: a question from the floor.
    pub question: bool,
    /// `A:` / `A.`: the answer of whoever is asked, the host of an interview.
    pub answer: bool,
}

/// The longest label we accept; a 500-character "label" is prose with a colon in it.
const MAX_LABEL_BYTES: usize = 90;
const MAX_LABEL_WORDS: usize = 9;

/// Words that head metadata or page furniture, not speech.
const FIELD_WORDS: &[&str] = &[
    "source",
    "sources",
    "date",
    "published",
    "updated",
    "posted",
    "by",
    "photo",
    "photos",
    "image",
    "images",
    "credit",
    "credits",
    "caption",
    "tags",
    "tag",
    "keywords",
    "note",
    "editor's note",
    "editor’s note",
    "related",
    "read more",
    "read also",
    "see also",
    "watch",
    "video",
    "listen",
    "audio",
    "location",
    "place",
    "time",
    "venue",
    "transcript",
    "subject",
    "topic",
    "topics",
    "category",
    "categories",
    "update",
    "correction",
    "disclaimer",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "web",
    "website",
    "url",
    "link",
    "file",
    "filed under",
    "copyright",
    "headline",
    "title",
    "summary",
    "contact",
    "share",
    "follow",
];

pub fn is_field_word(s: &str) -> bool {
    fold_in(s.trim(), FIELD_WORDS)
}

fn is_label_space(c: char) -> bool {
    c.is_whitespace()
}

/// Recognises a speaker label at the start of `line` (already trimmed on the left).
pub fn label_at(line: &str) -> Option<Label> {
    let start = timestamp_prefix(line);
    let rest = &line[start..];
    let (start, label) = match emphasised(rest)
        .or_else(|| shorthand_question(rest))
        .or_else(|| colon_label(rest))
    {
        Some(label) => (start, label),
        None => numbered_question(line)?,
    };
    Some(Label {
        start: start + label.start,
        name_end: start + label.name_end,
        end: start + label.end,
        ..label
    })
}

/// A label in Markdown emphasis, as transcripts written in Markdown set them: `**Stubb:**`,
/// `**Stubb**:`, `__Q:__`, `*Q.*`. The marks belong to the label; the name is inside them.
fn emphasised(line: &str) -> Option<Label> {
    let mark = ["**", "__", "*", "_"]
        .into_iter()
        .find(|m| line.starts_with(m))?;
    let inner = &line[mark.len()..];
    let close = inner.find(mark)?;
    let (segment, after) = (&inner[..close], &inner[close + mark.len()..]);
    let (label, end) = if let Some(after) = after.strip_prefix(':') {
        // `**Stubb**:`: the colon after the marks.
        let label = colon_label(&format!("{segment}:"))?;
        (label, line.len() - after.len())
    } else {
        let label = shorthand_question(segment).or_else(|| colon_label(segment))?;
        // The whole of the emphasis is the label: `**Note: this is bold**` is none.
        (label.end == segment.len()).then_some(())?;
        (label, line.len() - after.len())
    };
    if line[end..]
        .chars()
        .next()
        .is_some_and(|c| !is_label_space(c))
    {
        return None;
    }
    Some(Label {
        start: mark.len(),
        name_end: mark.len() + label.name_end,
        end,
        ..label
    })
}

/// The length of a timestamp and the spaces after it that open a line of a recorded
/// transcript: `[00:01:05] Speaker 1:`, `(01:05) Host:`, `00:01:05 Speaker 2:`; 0 if none.
fn timestamp_prefix(line: &str) -> usize {
    let (inner, after) = match line.as_bytes().first() {
        Some(b'[') => line[1..].split_once(']').unwrap_or(("", "")),
        Some(b'(') => line[1..].split_once(')').unwrap_or(("", "")),
        Some(b'0'..=b'9') => {
            let end = line.find(' ').unwrap_or(0);
            (&line[..end], &line[end..])
        }
        _ => return 0,
    };
    let rest = after.trim_start_matches(is_label_space);
    if is_clock(inner) && rest.len() < after.len() && !rest.is_empty() {
        line.len() - rest.len()
    } else {
        0
    }
}

/// A parliament's numbered question: `1. Mr Tobias Ellwood (Bournemouth East) (Con):`. Only a
/// person's label, with a courtesy title or a bracket, so that a numbered list of headings
/// (`2. Next steps:`) stays prose. Returns where the label starts.
fn numbered_question(line: &str) -> Option<(usize, Label)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    if !(1..=3).contains(&digits) {
        return None;
    }
    let start = line.len() - rest.len();
    let label = colon_label(rest)?;
    let name = &rest[..label.name_end];
    let a_person = name.contains('(') || name.split_whitespace().next().is_some_and(is_honorific);
    a_person.then_some((start, label))
}

/// `Q.`, `Q:`, `A.`, `A:`, and a bare `Q` set off by a tab, no-break space or two spaces, or by
/// one space before a capital.
fn shorthand_question(line: &str) -> Option<Label> {
    let first = line.chars().next()?;
    let rest = line.get(1..)?;
    let after = |n: usize| rest[n..].chars().next();
    let marked =
        matches!(rest.chars().next(), Some(':' | '.')) && after(1).is_none_or(is_label_space);
    // The letter alone, or with its mark.
    let shorthand = |end: usize, question: bool| Label {
        name_end: 1,
        end,
        question,
        answer: !question,
        ..Label::default()
    };
    if first == 'A' {
        // Only with its mark: a bare "A" opens sentences.
        return marked.then(|| shorthand(2, false));
    }
    if first != 'Q' {
        return None;
    }
    match rest.chars().next() {
        _ if marked => Some(shorthand(2, true)),
        Some(c) if c != ' ' && is_label_space(c) => Some(shorthand(1, true)),
        Some(' ') if after(1).is_some_and(is_label_space) => Some(shorthand(1, true)),
        // White House transcripts copied as plain text keep one space: "Q Thanks, Karine."
        // A capital or an opening bracket must follow, so "Q fever is rare" stays prose; or
        // the dash or ellipsis of a question taken up again ("Q — what about the aid?").
        Some(' ')
            if after(1).is_some_and(|c| {
                c.is_uppercase() || matches!(c, '[' | '(' | '"' | '“' | '—' | '–' | '…')
            }) =>
        {
            Some(shorthand(1, true))
        }
        _ => None,
    }
}

fn colon_label(line: &str) -> Option<Label> {
    let window = &line[..floor_char_boundary(line, MAX_LABEL_BYTES + 1)];
    let colon = window.find(':')?;
    let after = line[colon + 1..].chars().next();
    if after.is_some_and(|c| !is_label_space(c)) {
        return None; // 18:21, https://
    }
    let name = line[..colon].trim_end();
    if name.is_empty() || is_field_word(name) || !is_label_name(name) {
        return None;
    }
    let question = name
        .split(|c: char| c.is_whitespace() || c == '(' || c == '[' || c == ',')
        .find(|w| !w.is_empty())
        .is_some_and(is_questioner_word);
    Some(Label {
        name_end: name.len(),
        end: colon + 1,
        question,
        ..Label::default()
    })
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Does this look like a name or title, rather than the start of a sentence?
fn is_label_name(name: &str) -> bool {
    // The bracketed part may hold anything short: an outlet, "[inaudible]".
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    if depth != 0 {
        return false;
    }
    if outside.matches(',').count() > 1 {
        return false;
    }
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return false;
    }
    let starts_capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    let wordlike = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '&'))
    };
    // "Speaker 1", "Caller 2": speakers a recording's transcriber could only number.
    let numbered = |i: usize, w: &str| {
        i > 0 && i == words.len() - 1 && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())
    };
    starts_capital(words[0])
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| (wordlike(w) && (starts_capital(w) || is_connector(w))) || numbered(i, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<&str> {
        label_at(line).map(|l| &line[l.start..l.name_end])
    }

    #[test]
    fn recognises_the_conventions_of_real_transcripts() {
        for (line, want) in [
            ("MR. PRICE: Good afternoon.", "MR. PRICE"),
            ("MR PRICE: Good afternoon.", "MR PRICE"),
            ("SECRETARY BLINKEN: Thank you.", "SECRETARY BLINKEN"),
            ("THE PRESIDENT: Well,", "THE PRESIDENT"),
            ("MODERATOR: Next question.", "MODERATOR"),
            ("Jane Smith: I think", "Jane Smith"),
            (
                "NATO Secretary General Jens Stoltenberg: A membership",
                "NATO Secretary General Jens Stoltenberg",
            ),
            (
                "Minister of Foreign Affairs: We",
                "Minister of Foreign Affairs",
            ),
            ("Jane Doe, AFP: Thank you", "Jane Doe, AFP"),
            ("QUESTION (Reuters): Thank you", "QUESTION (Reuters)"),
            ("Question:\u{a0}Mr. Secretary", "Question"),
            ("MS. O’BRIEN: Yes", "MS. O’BRIEN"),
        ] {
            assert_eq!(name(line), Some(want), "{line}");
        }
    }

    #[test]
    fn a_label_in_markdown_emphasis_is_a_label_marks_and_all() {
        for (line, want, end) in [
            ("**Stubb:** Finland is safer.", "Stubb", 10),
            ("**Stubb**: Finland is safer.", "Stubb", 10),
            ("__MR. PRICE:__ Yes.", "MR. PRICE", 14),
            ("*Jane Doe, AFP:* Is it?", "Jane Doe, AFP", 16),
            ("**Q:** Is it?", "Q", 6),
        ] {
            let l = label_at(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!((&line[l.start..l.name_end], l.end), (want, end), "{line:?}");
        }
        assert!(label_at("**Q:** Is it?").unwrap().question);
        for line in [
            "**Note: this is bold** and so on.",
            "**Important:**not spaced",
            "*Published 4 March 2024*",
            "**Bold** words: and a colon",
            "_underscored_",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }

    #[test]
    fn recognises_shorthand_questions() {
        for line in [
            "Q: Is it",
            "Q. Is it",
            "Q  Is it",
            "Q\tIs it",
            "Q\u{a0}Is it",
            "Q Thanks, Karine.",
            "Q [Inaudible] on Ukraine?",
            "Q — what about the aid package?",
            "Q … and on Gaza?",
            "Q:",
        ] {
            let l = label_at(line).unwrap_or_else(|| panic!("{line:?}"));
            assert!(l.question, "{line:?}");
        }
        assert!(label_at("QUESTION: Is it").unwrap().question);
        assert!(!label_at("MR. PRICE: Yes").unwrap().question);
    }

    #[test]
    fn prose_with_a_colon_is_not_a_label() {
        for line in [
            "The message was clear: Belgrade must act.",
            "Stoltenberg added: “We will act.”",
            "At 18:21 the meeting ended.",
            "See https://example.org",
            "Quebec is large.",
            "Q1 results: up",
            "Q fever is rare.",
            "Source: NATO",
            "Photo: Reuters",
            "By the end: nothing",
            "1999: the war",
            "",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }

    #[test]
    fn recorded_transcripts_number_their_speakers_after_a_timestamp() {
        for (line, want) in [
            ("[00:00:05] Speaker 1: Welcome.", "Speaker 1"),
            ("(01:05) Host: Hello.", "Host"),
            ("00:01:05 Caller 2: Hi.", "Caller 2"),
            ("Speaker 12: Yes.", "Speaker 12"),
        ] {
            assert_eq!(name(line), Some(want), "{line}");
        }
        let l = label_at("[00:00:05] Speaker 1: Welcome.").unwrap();
        assert_eq!((l.start, l.end), (11, 21));
        for line in [
            "[00:00:05] we begin: now",
            "1 2: three",
            "Speaker 1 2: x",
            "12:30 lunch",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }

    #[test]
    fn an_answer_is_a_with_its_mark() {
        for line in ["A: We are.", "A. We are."] {
            assert!(
                label_at(line).is_some_and(|l| l.answer && !l.question),
                "{line}"
            );
        }
        assert_eq!(name("A small step."), None);
    }

    #[test]
    fn overlong_labels_are_prose() {
        let long = format!("{}: text", "Very Long Name ".repeat(40).trim_end());
        assert_eq!(name(&long), None);
        let many = "A B C D E F G H I J: text";
        assert_eq!(name(many), None);
    }
}
