//! Calendar dates as outlets and institutions write them: `13/10/2023`, `2023-10-13`,
//! `13 October 2023 - 18:21`, `October 13, 2023`, `Oct. 13 2023`.
//!
//! Hand-written instead of a date crate: the wasm stays small and we only need to read
//! a date, never to do arithmetic with one. A date without a year is not a date here:
//! "On October 7" says nothing about which year, and Podium never invents one.

use crate::document::Date;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A token of a date-bearing line: a run of digits or of letters, with its byte range.
#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Punct(char),
}

fn tokens(s: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() || c.is_alphabetic() {
            let digit = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if (digit && d.is_ascii_digit()) || (!digit && d.is_alphabetic()) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let t = &s[i..end];
            out.push((if digit { Tok::Num(t) } else { Tok::Word(t) }, i, end));
        } else if !c.is_whitespace() {
            out.push((Tok::Punct(c), i, i + c.len_utf8()));
        }
    }
    out
}

/// Months in French, German, Spanish and Italian, by full name only: their abbreviations
/// collide ("jui" is June and July). Those spelled as in English are left out.
const OTHER_MONTHS: [&[&str]; 12] = [
    &["janvier", "januar", "enero", "gennaio"],
    &["février", "fevrier", "februar", "febrero", "febbraio"],
    &["mars", "märz", "marzo"],
    &["avril", "abril", "aprile"],
    &["mai", "mayo", "maggio"],
    &["juin", "juni", "junio", "giugno"],
    &["juillet", "juli", "julio", "luglio"],
    &["août", "aout", "agosto"],
    &["septembre", "septiembre", "settembre"],
    &["octobre", "oktober", "octubre", "ottobre"],
    &["novembre", "noviembre"],
    &["décembre", "decembre", "dezember", "diciembre", "dicembre"],
];

/// A month by full name (English or, see above, another language) or its English
/// three-letter abbreviation ("Sept" too).
fn month_of(word: &str) -> Option<u8> {
    // Called for every word of every candidate line: compare without allocating.
    let is = |a: &str| word.eq_ignore_ascii_case(a);
    let ix = MONTHS
        .iter()
        .position(|m| {
            is(m)
                || (word.len() == 3 && m.get(..3).is_some_and(is))
                || (is("sept") && *m == "september")
        })
        .or_else(|| {
            // The letters of these names keep their byte length in either case ("Ä", "ä"),
            // so names of another length are ruled out before any comparison.
            let is_lower = |m: &&str| {
                m.len() == word.len() && word.chars().flat_map(char::to_lowercase).eq(m.chars())
            };
            OTHER_MONTHS.iter().position(|ms| ms.iter().any(is_lower))
        })?;
    Some(ix as u8 + 1)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn make(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let (year, month) = (year as u16, month as u8);
    // Compare before narrowing: a day of 256 must not wrap round to 0 (or 257 to 1).
    (day <= u32::from(days_in_month(year, month))).then_some(Date {
        year,
        month,
        day: day as u8,
    })
}

fn num(t: &str) -> Option<u32> {
    if t.len() > 4 {
        return None;
    }
    t.parse().ok()
}

/// Finds the first full date (with a year) in `s`; returns it with its byte range.
pub fn find_date(s: &str) -> Option<(Date, usize, usize)> {
    let toks = tokens(s);
    for i in 0..toks.len() {
        if let Some(found) = date_at(&toks, i) {
            return Some(found);
        }
    }
    None
}

fn date_at(toks: &[(Tok<'_>, usize, usize)], i: usize) -> Option<(Date, usize, usize)> {
    let get = |k: usize| toks.get(i + k).map(|t| t.0);
    let end_of = |k: usize| toks[i + k].2;
    let start = toks[i].1;
    match get(0)? {
        Tok::Num(a) => {
            // Numeric: 13/10/2023, 13.10.2023, 2023-10-13.
            if let (
                Some(Tok::Punct(p)),
                Some(Tok::Num(b)),
                Some(Tok::Punct(q)),
                Some(Tok::Num(c)),
            ) = (get(1), get(2), get(3), get(4))
            {
                if p == q && matches!(p, '/' | '.' | '-') {
                    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
                    let date = if a >= 1000 {
                        make(a, b, c)
                    } else if c >= 1000 {
                        // Day first, as everywhere but the US; month first when the day
                        // slot cannot be a month.
                        make(c, b, a).or_else(|| make(c, a, b))
                    } else {
                        None
                    };
                    return date.map(|d| (d, start, end_of(4)));
                }
            }
            // 13 October 2023, 13th of October 2023, 14. Juli 2023, 14 de julio de 2023.
            let day = num(a)?;
            let mut k = 1;
            if let Some(Tok::Punct('.')) = get(k) {
                k += 1;
            }
            if let Some(Tok::Word(w)) = get(k) {
                if matches!(
                    w.to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th" | "er"
                ) {
                    k += 1;
                }
            }
            if let Some(Tok::Word(w)) = get(k) {
                if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("de") {
                    k += 1;
                }
            }
            let Some(Tok::Word(m)) = get(k) else {
                return None;
            };
            let month = month_of(m)?;
            k += 1;
            if let Some(Tok::Punct('.' | ',')) = get(k) {
                k += 1;
            }
            if let Some(Tok::Word(w)) = get(k) {
                if w.eq_ignore_ascii_case("de") {
                    k += 1;
                }
            }
            let Some(Tok::Num(y)) = get(k) else {
                return None;
            };
            make(num(y)?, month as u32, day).map(|d| (d, start, end_of(k)))
        }
        Tok::Word(m) => {
            // October 13, 2023 / Oct. 13 2023.
            let month = month_of(m)?;
            let mut k = 1;
            if let Some(Tok::Punct('.')) = get(k) {
                k += 1;
            }
            let Some(Tok::Num(d)) = get(k) else {
                return None;
            };
            k += 1;
            if let Some(Tok::Word(w)) = get(k) {
                if matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
                    k += 1;
                }
            }
            if let Some(Tok::Punct(',')) = get(k) {
                k += 1;
            }
            let Some(Tok::Num(y)) = get(k) else {
                return None;
            };
            make(num(y)?, month as u32, num(d)?).map(|x| (x, start, end_of(k)))
        }
        Tok::Punct(_) => None,
    }
}

/// Reads exactly one date and nothing else, e.g. `2023-10-13` from a URL or a date input.
pub fn parse_iso(s: &str) -> Option<Date> {
    find_date(s)
        .filter(|(_, a, b)| *a == 0 && *b == s.len())
        .map(|(d, _, _)| d)
}

/// A date that opens or closes a title, e.g. `Press conference by X, 13 October 2023` or
/// `13/10/2023 – Daily briefing`. A transcript's title dates the event; a date inside one
/// ("Two years after 7 October 2023, …") may be any day, and is not read.
pub fn date_ending(title: &str) -> Option<Date> {
    let (date, start, end) = find_date(title)?;
    let apart = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    let alone = apart(&title[..start]) || apart(&title[end..]);
    // The first date of a title might not be its last: `… 7 October 2023, 13/10/2024`.
    (alone && find_date(&title[end..]).is_none()).then_some(date)
}

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A word that may stand around a date on a line of its own without making it prose.
fn is_decoration(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    DATE_LINE_WORDS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str())
}

/// Words that may stand around a date on a line of its own without making it prose, with
/// the [`WEEKDAYS`].
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "le",
    "de",
    "den",
    "el",
    "updated",
    "posted",
    "date",
    "on",
    "at",
    "last",
    "modified",
    "am",
    "pm",
    "utc",
    "gmt",
    "cet",
    "cest",
    "est",
    "edt",
    "bst",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "eet",
    "eest",
    "msk",
    "h",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// What comes before a date less a place that opens the line: `Brussels, 14 December
/// 2023`, `New York, NY, Oct. 13, 2023`.
fn without_place(before: &str) -> &str {
    let Some((place, after)) = before.split_once(", ") else {
        return before;
    };
    let words = place.split_whitespace().count();
    let capitalised = place
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    // A weekday is decoration of its own ("Friday, 13 October 2023").
    let weekday = is_decoration(place);
    if (1..=3).contains(&words) && capitalised && !weekday {
        after
    } else {
        before
    }
}

/// Is this line a date on its own (a metadata line), perhaps with a time and a weekday?
pub fn date_line(line: &str) -> Option<Date> {
    // "Published: Wednesday, 13 September 2023 at 18:21 CEST" is about as long as they get.
    const LONGEST: usize = 100;
    if line.len() > LONGEST || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (date, start, end) = find_date(line)?;
    // "Published 4 March 2024 by Helsinki Times": who published it does not make the line
    // prose.
    let after = &line[end..];
    let after = after.split_once(" by ").map_or(after, |(before, _)| before);
    let rest = format!("{} {}", without_place(&line[..start]), after);
    let only_decoration = tokens(&rest).iter().all(|(t, _, _)| match t {
        Tok::Num(n) => n.len() <= 2,
        Tok::Punct(_) => true,
        Tok::Word(w) => is_decoration(w),
    });
    only_decoration.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find_date(s).map(|(d, _, _)| d.to_string())
    }

    #[test]
    fn reads_every_common_form() {
        for s in [
            "13/10/2023",
            "13.10.2023",
            "2023-10-13",
            "13 October 2023 - 18:21",
            "October 13, 2023",
            "Oct. 13, 2023",
            "Oct 13 2023",
            "13th of October 2023",
            "Friday, 13 Oct 2023",
        ] {
            assert_eq!(iso(s).as_deref(), Some("2023-10-13"), "{s}");
        }
    }

    #[test]
    fn month_first_only_when_day_first_is_impossible() {
        assert_eq!(iso("10/13/2023").as_deref(), Some("2023-10-13"));
        assert_eq!(iso("05/04/2023").as_deref(), Some("2023-04-05"));
    }

    #[test]
    fn a_date_without_a_year_is_not_a_date() {
        assert_eq!(iso("On the morning of October 7, Hamas"), None);
        assert_eq!(iso("in May and in September"), None);
        assert_eq!(iso("in 2018 and 2021"), None);
    }

    #[test]
    fn a_title_is_dated_by_a_date_at_either_end() {
        let at = |s: &str| date_ending(s).map(|d| d.to_string());
        assert_eq!(
            at("Press conference by NATO Secretary General Jens Stoltenberg, 13 October 2023")
                .as_deref(),
            Some("2023-10-13")
        );
        assert_eq!(
            at("13/10/2023 – Daily briefing").as_deref(),
            Some("2023-10-13")
        );
        assert_eq!(
            at("Briefing (October 13, 2023)").as_deref(),
            Some("2023-10-13")
        );
        assert_eq!(at("Two years after 7 October 2023, the talks resume"), None);
        assert_eq!(at("Briefing, 7 October 2023, on 13/10/2024"), None);
        assert_eq!(at("Daily briefing"), None);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(iso("31/02/2023"), None);
        assert_eq!(iso("29 February 2023"), None);
        assert_eq!(iso("29 February 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(iso("99999999/1/1"), None);
        // Days past 255 once wrapped round when narrowed to a byte (found by fuzzing).
        assert_eq!(iso("10-256-2023"), None);
        assert_eq!(iso("10-257-2023"), None);
        assert_eq!(iso("257 October 2023"), None);
    }

    #[test]
    fn reads_months_in_french_german_spanish_and_italian() {
        for s in [
            "14 juillet 2023",
            "14. Juli 2023",
            "14 de julio de 2023",
            "14 luglio 2023",
            "Paris, le 14 juillet 2023",
        ] {
            assert_eq!(iso(s).as_deref(), Some("2023-07-14"), "{s}");
        }
        assert_eq!(iso("1er août 2023").as_deref(), Some("2023-08-01"));
        assert_eq!(iso("3 décembre 2023").as_deref(), Some("2023-12-03"));
        assert_eq!(
            date_line("Paris, le 14 juillet 2023")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-07-14")
        );
        // "Mai" is May in French and German; "mars" March.
        assert_eq!(iso("Mars 2023"), None);
    }

    #[test]
    fn a_date_line_may_open_with_a_place() {
        let at = |s: &str| date_line(s).map(|d| d.to_string());
        assert_eq!(
            at("Brussels, 14 December 2023").as_deref(),
            Some("2023-12-14")
        );
        assert_eq!(
            at("New York, Friday, 13 October 2023").as_deref(),
            Some("2023-10-13")
        );
        assert_eq!(at("Friday, 13 October 2023").as_deref(), Some("2023-10-13"));
        assert_eq!(at("We met in Brussels, 14 December 2023"), None);
        assert_eq!(at("Brussels Talks Resumed Today, 14 December 2023"), None);
    }

    #[test]
    fn date_line_accepts_times_and_weekdays_but_not_prose() {
        assert!(date_line("13/10/2023 - 18:21").is_some());
        assert!(date_line("Published: Friday, October 13, 2023 at 6:21 pm").is_some());
        assert!(date_line("NATO met on 13 October 2023 in Brussels").is_none());
        assert!(date_line("*Published 4 March 2024 by Helsinki Times*").is_some());
        assert!(date_line("Talks resume on 4 March 2024 by agreement").is_none());
    }
}
