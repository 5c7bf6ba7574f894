//! The view as a URL fragment, so a reload or a shared link restores exactly what the
//! reader saw, on any static host and from `file://`:
//!
//! ```text
//! #q=troops&speaker=jens-stoltenberg,!reporter&topic=kfor&voice=verbatim
//!  &doc=a.txt&asked=kfor&from=2023-01-01&to=2023-12-31&open=a.txt@1234
//! ```
//!
//! Lists are comma-separated; `!` marks an excluded value; `open` is a passage permalink,
//! the file and the byte offset where the passage starts, which stays valid as long as the
//! file does. Unknown keys, broken percent-encodings and impossible dates are ignored:
//! a malformed link gives the default view, never an error.

use crate::dates;
use crate::query::{Filter, Query};

/// A passage permalink: the file and the byte offset where the passage starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Permalink {
    pub file: String,
    pub start: u32,
}

/// Everything the URL holds: the query and the passage open in its document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub query: Query,
    pub open: Option<Permalink>,
}

/// Most bytes of values (search text, ids, file name) a view may hold; a fragment with more
/// is not a link a person made, and gives the default view.
pub const MAX_TEXT: usize = 16 * 1024;

/// Longest fragment read at all, so the work is bounded before decoding. Any view within
/// [`MAX_TEXT`] writes a fragment within this: a byte encodes to at most three, and each
/// list item (at least one byte) adds at most two separators (`!` and `,`); 128 bytes cover
/// the keys and dates. So every link the app writes reads back.
pub const MAX_FRAGMENT: usize = 5 * MAX_TEXT + 128;

fn encode(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn encode_filter(key: &str, f: &Filter, parts: &mut Vec<String>) {
    if f.is_empty() {
        return;
    }
    let mut s = format!("{key}=");
    let values = f
        .include
        .iter()
        .map(|v| (false, v))
        .chain(f.exclude.iter().map(|v| (true, v)));
    for (i, (not, v)) in values.enumerate() {
        if i > 0 {
            s.push(',');
        }
        if not {
            s.push('!');
        }
        encode(v, &mut s);
    }
    parts.push(s);
}

fn decode_filter(raw: &str) -> Filter {
    let mut f = Filter::default();
    for item in raw.split(',') {
        let (not, item) = match item.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, item),
        };
        let Some(v) = decode(item).filter(|v| !v.is_empty()) else {
            continue;
        };
        let list = if not { &mut f.exclude } else { &mut f.include };
        if !list.contains(&v) {
            list.push(v);
        }
    }
    f
}

impl View {
    /// The fragment for this view, without the leading `#`.
    pub fn to_fragment(&self) -> String {
        let q = &self.query;
        let mut parts = Vec::new();
        if !q.text.is_empty() {
            let mut s = "q=".to_string();
            encode(&q.text, &mut s);
            parts.push(s);
        }
        encode_filter("speaker", &q.speaker, &mut parts);
        encode_filter("topic", &q.topic, &mut parts);
        encode_filter("voice", &q.voice, &mut parts);
        encode_filter("doc", &q.document, &mut parts);
        encode_filter("asked", &q.asked, &mut parts);
        if let Some(d) = q.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = q.to {
            parts.push(format!("to={d}"));
        }
        if let Some(p) = &self.open {
            let mut s = "open=".to_string();
            encode(&p.file, &mut s);
            s.push_str(&format!("@{}", p.start));
            parts.push(s);
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without the leading `#`); whatever cannot be read is left out.
    pub fn from_fragment(fragment: &str) -> View {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut view = View::default();
        if fragment.len() > MAX_FRAGMENT {
            return view;
        }
        let mut held = 0usize;
        for pair in fragment.split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let q = &mut view.query;
            match key {
                "q" => q.text = decode(value).unwrap_or_default(),
                "speaker" => q.speaker = decode_filter(value),
                "topic" => q.topic = decode_filter(value),
                "voice" => q.voice = decode_filter(value),
                "doc" => q.document = decode_filter(value),
                "asked" => q.asked = decode_filter(value),
                "from" => q.from = dates::parse_iso(value),
                "to" => q.to = dates::parse_iso(value),
                "open" => {
                    view.open = value.rsplit_once('@').and_then(|(file, start)| {
                        Some(Permalink {
                            file: decode(file).filter(|f| !f.is_empty())?,
                            start: start.parse().ok()?,
                        })
                    })
                }
                _ => {}
            }
        }
        let q = &view.query;
        held += q.text.len() + view.open.as_ref().map_or(0, |p| p.file.len());
        for f in [&q.speaker, &q.topic, &q.voice, &q.document, &q.asked] {
            held += f
                .include
                .iter()
                .chain(&f.exclude)
                .map(String::len)
                .sum::<usize>();
        }
        if held > MAX_TEXT {
            return View::default();
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Date;

    fn sample() -> View {
        let mut q = Query {
            text: "troops “Zürich talks” & co".into(),
            ..Query::default()
        };
        q.speaker.include = vec!["jens-stoltenberg".into()];
        q.speaker.exclude = vec!["reporter".into()];
        q.topic.include = vec!["kfor".into(), "ukraine".into()];
        q.voice.include = vec!["verbatim".into()];
        q.document.include = vec!["a file, with commas & spaces.txt".into()];
        q.asked.exclude = vec!["kfor".into()];
        q.from = Some(Date {
            year: 2023,
            month: 1,
            day: 1,
        });
        q.to = Some(Date {
            year: 2023,
            month: 12,
            day: 31,
        });
        View {
            query: q,
            open: Some(Permalink {
                file: "000_f56c1ec18aaea4cf.txt".into(),
                start: 1234,
            }),
        }
    }

    #[test]
    fn a_view_survives_the_round_trip() {
        let v = sample();
        assert_eq!(View::from_fragment(&v.to_fragment()), v);
        assert_eq!(View::from_fragment(&format!("#{}", v.to_fragment())), v);
    }

    #[test]
    fn the_default_view_is_the_empty_fragment() {
        assert_eq!(View::default().to_fragment(), "");
        assert_eq!(View::from_fragment(""), View::default());
        assert_eq!(View::from_fragment("#"), View::default());
    }

    #[test]
    fn malformed_parameters_are_ignored() {
        for f in [
            "#q=%ZZ",
            "#q=%",
            "#q=%C3",
            "#from=2023-13-45",
            "#from=10-256-2023",
            "#from=yesterday",
            "#open=@12",
            "#open=a.txt@-1",
            "#open=a.txt",
            "#unknown=1&&&=&",
            "#speaker=,,!,%",
        ] {
            let v = View::from_fragment(f);
            assert_eq!(v.query.from, None, "{f}");
            assert_eq!(v.open, None, "{f}");
            assert!(v.query.speaker.is_empty(), "{f}");
        }
        let huge = format!("#q={}", "a".repeat(MAX_FRAGMENT));
        assert_eq!(View::from_fragment(&huge), View::default());
        let too_much_text = format!("#q={}", "a".repeat(MAX_TEXT + 1));
        assert_eq!(View::from_fragment(&too_much_text), View::default());
    }

    #[test]
    fn plus_is_a_space_and_unknown_keys_keep_the_rest() {
        let v = View::from_fragment("#x=1&q=more+troops&y");
        assert_eq!(v.query.text, "more troops");
    }
}
