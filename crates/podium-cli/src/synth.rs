//! `synth`: a realistic synthetic corpus for scale tests, deterministic for a seed.
//!
//! Documents are recombined from the real passages of a source corpus (the seeds), so the
//! words, topics and sentence shapes are real; the speakers, outlets, dates and the label
//! conventions vary, so the parser meets every form it must handle. Half the documents are
//! transcripts (with questions from reporters of named outlets), half articles (narration,
//! quotes with cues, reported speech).

use std::fmt::Write;
use std::path::Path;

use podium_core::{Corpus, Mode};

/// SplitMix64: tiny, good enough to shuffle test data, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Marek", "Sofia", "Jonas", "Elena", "Tomas", "Ingrid", "Pavel", "Lucia", "Henrik",
    "Mira", "Dario", "Katrin", "Oskar", "Leila", "Viktor", "Nora", "Emil", "Ilse", "Radu",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "Novak",
    "Moretti",
    "Berger",
    "Kovacs",
    "Petrov",
    "Haugen",
    "Duarte",
    "Schneider",
    "Varga",
    "Okafor",
    "Nielsen",
    "Marin",
    "Weiss",
    "Horvat",
    "Jansen",
    "Costa",
    "Ahmeti",
    "Kral",
    "Sorensen",
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "Secretary General",
    "Deputy Secretary General",
    "EU High Representative",
    "Ambassador",
    "Spokesperson",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AFP",
    "Associated Press",
    "BBC",
    "Deutsche Welle",
    "Euronews",
    "Radio Free Europe",
    "Balkan Insight",
    "Kathimerini",
    "Politico",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Person {
    first: &'static str,
    last: &'static str,
    role: &'static str,
}

/// Writes `docs` documents into `out` and returns how many bytes were written.
pub fn write(source: &Corpus, docs: usize, seed: u64, out: &Path) -> Result<u64, String> {
    let speech: Vec<&str> = passages(source, &[Mode::Speech, Mode::Quote]);
    let questions: Vec<&str> = passages(source, &[Mode::Question]);
    let narration: Vec<&str> = passages(source, &[Mode::Narration, Mode::Reported]);
    if speech.is_empty() || narration.is_empty() {
        return Err("the source corpus needs speech and narration passages to recombine".into());
    }
    let questions = if questions.is_empty() {
        speech.clone()
    } else {
        questions
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut rng = Rng(seed);
    let people: Vec<Person> = (0..40)
        .map(|_| Person {
            first: rng.pick(FIRST),
            last: rng.pick(LAST),
            role: rng.pick(ROLES),
        })
        .collect();
    let mut bytes = 0u64;
    for n in 0..docs {
        let host = &people[rng.below(people.len())];
        let text = if n % 2 == 0 {
            transcript(&mut rng, host, &people, &speech, &questions)
        } else {
            article(&mut rng, host, &people, &speech, &narration)
        };
        let path = out.join(format!("synth_{n:05}.txt"));
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

fn passages<'a>(c: &'a Corpus, modes: &[Mode]) -> Vec<&'a str> {
    c.documents
        .iter()
        .flat_map(|d| {
            d.passages
                .iter()
                .filter(|p| modes.contains(&p.mode))
                .map(move |p| d.slice(p.span))
        })
        .filter(|t| t.split_whitespace().count() >= 4)
        .collect()
}

fn date(rng: &mut Rng) -> String {
    let (day, month, year) = (1 + rng.below(28), rng.below(12), 2019 + rng.below(6));
    match rng.below(4) {
        0 => format!("{day} {} {year}", MONTHS[month]),
        1 => format!("{day:02}/{:02}/{year}", month + 1),
        2 => format!("{} {day}, {year}", MONTHS[month]),
        _ => format!("{year}-{:02}-{day:02}", month + 1),
    }
}

/// A label for `p` in one of the conventions real transcripts use.
fn label(rng: &mut Rng, p: &Person) -> String {
    match rng.below(4) {
        0 => format!("{} {} {}:", p.role, p.first, p.last),
        1 => format!("{} {}:", p.first, p.last),
        2 => format!("{} {}:", p.role.to_uppercase(), p.last.to_uppercase()),
        _ => format!("{} {}, {}:", p.first, p.last, p.role),
    }
}

fn question_label(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => "Question:".into(),
        1 => "QUESTION:".into(),
        2 => "Q:".into(),
        3 => format!("Q ({}):", rng.pick(OUTLETS)),
        _ => "Q  ".into(),
    }
}

fn transcript(
    rng: &mut Rng,
    host: &Person,
    people: &[Person],
    speech: &[&str],
    questions: &[&str],
) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Press conference by {} {} {}\n",
        host.role, host.first, host.last
    );
    let _ = writeln!(t, "{}\n", date(rng));
    // Opening statement before any label: the host's.
    for _ in 0..1 + rng.below(4) {
        let _ = writeln!(t, "{}\n", rng.pick(speech));
    }
    let guest = &people[rng.below(people.len())];
    for _ in 0..1 + rng.below(5) {
        let q = rng.pick(questions);
        let asked = question_label(rng);
        if rng.below(3) == 0 {
            let _ = writeln!(
                t,
                "{asked} Thank you. {} from {}. {q}\n",
                rng.pick(FIRST),
                rng.pick(OUTLETS)
            );
        } else {
            let _ = writeln!(t, "{asked} {q}\n");
        }
        let answerer = if rng.below(4) == 0 { guest } else { host };
        let _ = writeln!(t, "{} {}\n", label(rng, answerer), rng.pick(speech));
        if rng.below(3) == 0 {
            let _ = writeln!(t, "{}\n", rng.pick(speech));
        }
        if rng.below(6) == 0 {
            t.push_str("(Cross-talk.)\n\n");
        }
    }
    let _ = writeln!(t, "Source: {}", rng.pick(OUTLETS));
    t
}

fn article(
    rng: &mut Rng,
    host: &Person,
    people: &[Person],
    speech: &[&str],
    narration: &[&str],
) -> String {
    let mut t = String::new();
    let outlet = rng.pick(OUTLETS);
    let _ = writeln!(
        t,
        "{} {} meets counterparts amid regional tensions\n",
        host.role, host.last
    );
    let _ = writeln!(t, "By {} {}\n", rng.pick(FIRST), rng.pick(LAST));
    let _ = writeln!(t, "{}\n", date(rng));
    for _ in 0..2 + rng.below(6) {
        let quote = rng
            .pick(speech)
            .trim_matches(['“', '”', '"'])
            .replace(['“', '”', '"'], "'");
        match rng.below(5) {
            0 => {
                let _ = writeln!(
                    t,
                    "“{quote}”, said {} {} {}.\n",
                    host.role, host.first, host.last
                );
            }
            1 => {
                let other = &people[rng.below(people.len())];
                let _ = writeln!(
                    t,
                    "{} {} told reporters that {}\n",
                    other.first,
                    other.last,
                    lowercase_first(rng.pick(narration))
                );
            }
            2 => {
                let _ = writeln!(
                    t,
                    "According to {}, {}\n",
                    host.last,
                    lowercase_first(rng.pick(narration))
                );
            }
            _ => {
                let _ = writeln!(t, "{}\n", rng.pick(narration));
            }
        }
    }
    let _ = writeln!(
        t,
        "{outlet} is an independent news publication. Copyright © 2024 {outlet}."
    );
    t
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("NATO") && !s.starts_with("KFOR") => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}
