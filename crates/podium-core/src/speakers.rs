//! Who a name refers to: turning the ways a document names people ("NATO Secretary General
//! Jens Stoltenberg", "NATO Secretary General", "Stoltenberg", "MR. PRICE", "Jane Doe, AFP")
//! into one [`Person`] per human being.
//!
//! Resolution happens in two steps, as the design notes advise: first within a document
//! ([`People`]), where "the Secretary General" can only mean the one named in this document,
//! then across the corpus (in [`crate::corpus`]), by full name.

use std::borrow::Cow;

use crate::text::{fold, fold_in, with_fold};

/// A way of naming someone, split into its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mention {
    /// The words as written (title-cased when the source shouted them in capitals).
    pub surface: String,
    pub role: Option<String>,
    /// Given names and surname, without honorifics.
    pub name: Option<String>,
    /// The news outlet a reporter works for.
    pub outlet: Option<String>,
    /// A member of a parliament, labelled with their seat and party as Hansard does
    /// (`Mr Tobias Ellwood (Bournemouth East) (Con)`): they put questions, but are not
    /// reporters, and the brackets are no outlet.
    pub member: bool,
}

impl Mention {
    pub fn surname(&self) -> Option<&str> {
        self.name.as_deref().and_then(surname)
    }

    pub fn is_empty(&self) -> bool {
        self.role.is_none() && self.name.is_none() && self.outlet.is_none()
    }
}

/// Words that make up job titles. A name's leading run up to the last of these is its role.
/// Sorted, for binary search.
const ROLE_WORDS: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "affairs",
    "amb",
    "ambassador",
    "anchor",
    "assistant",
    "attorney",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "coordinator",
    "correspondent",
    "defence",
    "defense",
    "delegate",
    "deputy",
    "director",
    "editor",
    "envoy",
    "executive",
    "finance",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "high",
    "host",
    "interior",
    "interviewer",
    "journalist",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "marshal",
    "mayor",
    "minister",
    "moderator",
    "officer",
    "official",
    "premier",
    "president",
    "press",
    "prime",
    "principal",
    "queen",
    "rear",
    "rep",
    "reporter",
    "representative",
    "secretary",
    "secretary-general",
    "security",
    "sen",
    "senator",
    "senior",
    "sergeant",
    "sgt",
    "speaker",
    "special",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "supreme",
    "under",
    "vice",
    "vice-president",
];

/// Titles of courtesy, dropped from names: "Mr. Price" is Price.
const HONORIFICS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "madam",
    "mme",
    "mme.",
    "h.e.",
    "his",
    "her",
    "excellency",
];

/// Titles of the peerage and of princes. A peer's title is their name, place and all: "Lord
/// Ahmad of Wimbledon", "Baroness Smith of Basildon", "the Earl of Minto".
const PEERAGE: &[&str] = &[
    "baron",
    "baroness",
    "countess",
    "duchess",
    "duke",
    "earl",
    "lady",
    "lord",
    "marchioness",
    "marquess",
    "prince",
    "princess",
    "viscount",
    "viscountess",
];

fn is_peerage(word: &str) -> bool {
    fold_in(word, PEERAGE)
}

/// The word a name is known by alone: its last, or a peer's name before the territorial
/// "of" ("Ahmad" of "Lord Ahmad of Wimbledon"; "Minto" of "Earl of Minto").
pub fn surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let of = words.iter().position(|w| with_fold(w, |w| w == "of"));
    match of {
        Some(of) if of >= 2 && is_peerage(words[0]) => Some(words[of - 1]),
        _ => words.last().copied(),
    }
}

/// Small words that may sit inside a name or title.
const CONNECTORS: &[&str] = &["of", "the", "for", "and", "on", "to", "y", "&"];

/// The lowercase particles of surnames: "von der Leyen", "de Gaulle".
const PARTICLES: &[&str] = &[
    "de", "von", "van", "der", "den", "al", "el", "bin", "la", "le", "du", "da", "dos", "del", "di",
];

pub fn is_connector(word: &str) -> bool {
    fold_in(word, CONNECTORS) || is_particle(word)
}

pub fn is_particle(word: &str) -> bool {
    fold_in(word, PARTICLES)
}

/// Labels that mean "somebody from the press asked".
const QUESTIONER_WORDS: &[&str] = &[
    "q",
    "question",
    "questioner",
    "questions",
    "reporter",
    "journalist",
    "audience",
    "participant",
];

pub fn is_role_word(word: &str) -> bool {
    with_fold(word, |w| {
        ROLE_WORDS.binary_search(&w.trim_end_matches('.')).is_ok()
    })
}

pub fn is_honorific(word: &str) -> bool {
    fold_in(word, HONORIFICS)
}

pub fn is_questioner_word(word: &str) -> bool {
    with_fold(word, |w| {
        QUESTIONER_WORDS.contains(&w.trim_end_matches(['.', ':']))
    })
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// "STOLTENBERG" → "Stoltenberg"; "MCDONALD-SMITH" → "Mcdonald-Smith".
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

/// Splits a label or a name phrase into role, name and outlet.
///
/// `keep_upper` says which all-capital words are acronyms in this document (NATO, KFOR),
/// so that a shouted label like `NATO SECRETARY GENERAL` keeps them as written.
pub fn parse_mention(text: &str, keep_upper: &dyn Fn(&str) -> bool) -> Mention {
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '—'));
    let shouted =
        text.chars().any(|c| c.is_alphabetic()) && !text.chars().any(|c| c.is_lowercase());
    let joined = |words: &mut dyn Iterator<Item = &str>| {
        let mut out = String::new();
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&normalise(w, shouted, keep_upper));
        }
        out
    };

    // "Jane Doe (AFP)" / "Q (Reuters)": a bracketed part is an outlet or a role; in
    // "The Minister for Armed Forces (James Heappey)" it is the name.
    let (head, brackets) = bracketed(text);
    // "Jane Doe, AFP" / "Jens Stoltenberg, NATO Secretary General".
    let (head, tail) = match head.split_once(',') {
        Some((h, t)) => (h, Some(t.trim())),
        None => (&*head, None),
    };

    let words: Vec<Cow<'_, str>> = head
        .split_whitespace()
        .filter(|w| !is_honorific(w))
        .map(|w| normalise(w, shouted, keep_upper))
        .collect();
    let words: Vec<&str> = words
        .iter()
        .map(|w| &**w)
        .skip_while(|w| with_fold(w, |w| w == "the"))
        .collect();

    let mut mention = Mention {
        // What a reader would search for: the label as written, shouting removed.
        surface: joined(&mut text.split_whitespace()),
        ..Mention::default()
    };
    let mut extras: Vec<&str> = tail.into_iter().chain(brackets).collect();
    let has_role_word = |extra: &str| {
        extra
            .split_whitespace()
            .any(|w| is_role_word(&normalise(w, shouted, keep_upper)))
    };
    let questioner = words.iter().all(|w| is_questioner_word(w));
    // A bare questioner label carries no name; any bracket names the outlet.
    let (role, name) = if questioner {
        (None, None)
    } else {
        split_role(&words)
    };
    // Hansard's "The Secretary of State for Defence (Mr Ben Wallace)": a role alone,
    // with the name in brackets.
    let role_alone = role.is_some()
        && name
            .as_deref()
            .is_none_or(|n| n.split(' ').next().is_some_and(is_connector));
    let norm = |w: &str| normalise(w, shouted, keep_upper).into_owned();
    // Hansard's "(Bournemouth East) (Con)", or the party alone: the seat and the party.
    let mut seat_and_party = None;
    if let Some(party) = extras.last().copied().filter(|b| PARTIES.contains(b)) {
        extras.pop();
        // The Lords' "The Minister of State, Ministry of Defence (Baroness Goldie) (Con)":
        // after an office, the bracket names who holds it, not a seat.
        let seat = extras
            .pop_if(|b| !(has_role_word(b) || (role_alone && names_a_person(b, &norm))))
            .map(|b| joined(&mut b.split_whitespace()));
        // A minister speaks for an office and answers; a member without one asks.
        mention.member = role.is_none();
        seat_and_party = Some(match seat {
            Some(seat) => format!("Member for {seat} ({party})"),
            None => format!("Member ({party})"),
        });
    }
    if !questioner {
        match extras.iter().position(|b| names_a_person(b, &norm)) {
            Some(i) if role_alone => {
                let person = extras.remove(i);
                let person: Vec<&str> = person
                    .split_whitespace()
                    .skip_while(|w| is_honorific(w))
                    .collect();
                let mut office = words.join(" ");
                // "The Minister of State, Ministry of Defence (…)": the words after the
                // office's comma are the office's too.
                if tail.is_some() && i > 0 {
                    office.push_str(", ");
                    office.push_str(&joined(&mut extras.remove(0).split_whitespace()));
                }
                mention.role = Some(office);
                mention.name = Some(joined(&mut person.into_iter()));
            }
            _ => (mention.role, mention.name) = (role, name),
        }
    }
    if mention.role.is_none() {
        mention.role = seat_and_party;
    }
    for extra in extras {
        let extra_text = joined(&mut extra.split_whitespace());
        if extra_text.is_empty() || extra_text.contains("inaudible") {
            continue;
        }
        if has_role_word(extra) && mention.role.is_none() {
            mention.role = Some(extra_text);
        } else if let Some(outlet) = &mut mention.outlet {
            // A second bracket that is no role adds to the first: one outlet, as written.
            outlet.push_str(", ");
            outlet.push_str(&extra_text);
        } else {
            mention.outlet = Some(extra_text);
        }
    }
    mention
}

/// How Hansard writes the parties of Westminster, Holyrood and the Senedd after a member's
/// name. Only abbreviations: "(Independent)" could be a newspaper.
const PARTIES: &[&str] = &[
    "Con",
    "Lab",
    "LD",
    "Lab/Co-op",
    "SNP",
    "DUP",
    "SDLP",
    "UUP",
    "PC",
    "SF",
    "Alba",
    "Green",
    "Ind",
    "Reform",
    "TUV",
    "APNI",
    "CB",
    "Non-Afl",
];

/// `text` without its bracketed parts, and what each bracket holds. Unbalanced brackets are
/// left in the text.
fn bracketed(text: &str) -> (Cow<'_, str>, Vec<&str>) {
    let mut head = String::new();
    let mut inside = Vec::new();
    let (mut depth, mut open, mut from) = (0usize, 0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    head.push_str(&text[from..i]);
                    open = i + 1;
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push(text[open..i].trim());
                    head.push(' ');
                    from = i + 1;
                }
            }
            ')' | ']' => return (Cow::Borrowed(text), Vec::new()),
            _ => {}
        }
    }
    if depth > 0 || inside.is_empty() {
        return (Cow::Borrowed(text), Vec::new());
    }
    head.push_str(&text[from..]);
    (Cow::Owned(head), inside)
}

/// Does a bracket hold a person's name: "Mr Ben Wallace", "James Heappey", not "AFP",
/// "Reuters", "Bournemouth East" alone after a name?
fn names_a_person(bracket: &str, normalise: &dyn Fn(&str) -> String) -> bool {
    let words: Vec<String> = bracket.split_whitespace().map(normalise).collect();
    let courtesy = words.iter().take_while(|w| is_honorific(w)).count();
    let name = &words[courtesy..];
    let capitalised = |w: &String| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let wanted = if courtesy > 0 { 1 } else { 2 };
    (wanted..=4).contains(&name.len())
        && name.iter().all(capitalised)
        && !name
            .iter()
            .any(|w| is_role_word(w) || is_questioner_word(w))
}

/// A word of a mention as stored: as written, or title-cased when `shouted` (acronyms of
/// the document kept, connectors lowercased).
fn normalise<'w>(w: &'w str, shouted: bool, keep_upper: &dyn Fn(&str) -> bool) -> Cow<'w, str> {
    if !shouted {
        Cow::Borrowed(w)
    } else if !keep_upper(w) && !is_connector(w) {
        Cow::Owned(title_case(w))
    } else if keep_upper(w) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(fold(w))
    }
}

/// `[NATO, Secretary, General, Jens, Stoltenberg]` → role "NATO Secretary General",
/// name "Jens Stoltenberg". An "of X" after the role belongs to it ("President of Kosovo").
fn split_role(words: &[&str]) -> (Option<String>, Option<String>) {
    let last_role = words.iter().rposition(|w| is_role_word(w));
    let mut cut = match last_role {
        Some(i) => i + 1,
        None => 0,
    };
    let is_of = |w: &&str| with_fold(w, |w| w == "of");
    if cut > 0 && words.get(cut).is_some_and(is_of) && cut + 1 < words.len() {
        cut += 2;
    }
    // Acronyms before a name are an organisation, not a first name ("NATO Stoltenberg").
    if cut == 0 {
        cut = words.iter().take_while(|w| is_acronym(w)).count();
        if cut == words.len() {
            cut = 0;
        }
    }
    let join = |ws: &[&str]| (!ws.is_empty()).then(|| ws.join(" "));
    let mut name_words = &words[cut..];
    // "Osmani of Kosovo": the affiliation is not part of the name; a peer's is.
    let mut affiliation = None;
    if let Some(of) = name_words.iter().position(is_of) {
        if of > 0 && !is_peerage(name_words[0]) {
            affiliation = join(&name_words[of..]);
            name_words = &name_words[..of];
        }
    }
    let role = match (join(&words[..cut]), affiliation) {
        (Some(r), Some(a)) => Some(format!("{r} {a}")),
        (r, a) => r.or(a),
    };
    (role, join(name_words))
}

/// What kind of speaker a person has shown themselves to be in a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    #[default]
    None,
    Quoted,
    Official,
    Asked,
}

/// A person as known within one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    pub role: Option<String>,
    pub outlet: Option<String>,
    /// An unnamed questioner: a reporter, perhaps of a known outlet.
    pub reporter: bool,
    /// See [`Mention::member`].
    pub member: bool,
    pub evidence: Evidence,
    /// Every surface form seen, in order of first appearance.
    pub surfaces: Vec<String>,
    last_seen: usize,
}

impl Person {
    pub fn surname(&self) -> Option<&str> {
        self.name.as_deref().and_then(surname)
    }

    /// A role that is an office, not a member's seat: a minister's, a spokesperson's.
    pub fn holds_office(&self) -> bool {
        self.role.is_some() && !self.member
    }

    pub fn note(&mut self, evidence: Evidence) {
        self.evidence = self.evidence.max(evidence);
    }
}

/// The people of one document, resolved as they are mentioned.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    clock: usize,
}

/// Index of a person in [`People::persons`].
pub type PersonIx = usize;

fn words_folded(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| fold(w.trim_matches('.')))
        .collect()
}

/// Does `needle` ([`words_folded`]) appear as consecutive words in `hay` ("secretary
/// general" in "nato secretary general")?
fn contains_words(hay: &str, needle: &[String]) -> bool {
    if needle.is_empty() {
        return false;
    }
    let h: Vec<&str> = hay.split_whitespace().collect();
    h.windows(needle.len()).any(|w| {
        w.iter()
            .zip(needle)
            .all(|(a, b)| with_fold(a.trim_matches('.'), |a| a == b))
    })
}

/// Is `s` exactly one word?
fn one_word(s: &str) -> bool {
    let mut words = s.split_whitespace();
    words.next().is_some() && words.next().is_none()
}

impl People {
    /// Looks a mention up among the people already known; `None` if it names someone new.
    pub fn find(&self, m: &Mention) -> Option<PersonIx> {
        let recent = |pred: &dyn Fn(&Person) -> bool| {
            self.persons
                .iter()
                .enumerate()
                .filter(|(_, p)| pred(p))
                .max_by_key(|(_, p)| p.last_seen)
                .map(|(i, _)| i)
        };
        if let Some(name) = &m.name {
            let full = fold(name);
            let mut words = name.split_whitespace();
            if let (Some(_), Some(_)) = (words.next(), words.next()) {
                let last = fold(surname(name).expect("two words").trim_matches('.'));
                // "Josep Borrell" is "Josep Borrell Fontelles", and the other way round: two
                // words or more of one name open the other.
                let opens = |long: &str, short: &str| {
                    long.strip_prefix(short).is_some_and(|r| r.starts_with(' '))
                };
                // "von der Leyen" is "Ursula von der Leyen": a surname with its particles
                // closes the full name.
                let closes = |long: &str, short: &str| {
                    short.split(' ').next().is_some_and(is_particle)
                        && long.strip_suffix(short).is_some_and(|r| r.ends_with(' '))
                };
                return recent(&|p| {
                    p.name.as_deref().is_some_and(|n| {
                        with_fold(n, |n_folded| {
                            n_folded == full
                                || (n_folded == last && one_word(n))
                                || (!one_word(n)
                                    && (opens(n_folded, &full)
                                        || opens(&full, n_folded)
                                        || closes(n_folded, &full)
                                        || closes(&full, n_folded)))
                        })
                    })
                });
            }
            return recent(&|p| p.surname().is_some_and(|s| with_fold(s, |s| s == full)));
        }
        if let Some(role) = &m.role {
            let role = words_folded(role);
            return recent(&|p| p.role.as_deref().is_some_and(|r| contains_words(r, &role)));
        }
        if m.outlet.is_some() {
            return recent(&|p| p.reporter && p.outlet == m.outlet);
        }
        None
    }

    /// Resolves a mention to a person, creating one when it names someone new, and merges
    /// what the mention adds (a fuller name, a longer role).
    pub fn resolve(&mut self, m: &Mention) -> PersonIx {
        self.clock += 1;
        let ix = match self.find(m) {
            Some(ix) => ix,
            None => {
                self.persons.push(Person {
                    reporter: m.name.is_none() && m.role.is_none(),
                    ..Person::default()
                });
                self.persons.len() - 1
            }
        };
        let p = &mut self.persons[ix];
        p.last_seen = self.clock;
        // A minister later labelled by party alone ("Baroness Goldie (Con)") keeps the
        // office, and still answers.
        let seat_of_office_holder = m.member && p.holds_office();
        if let Some(name) = &m.name {
            if p.name.as_ref().is_none_or(|n| n.len() < name.len()) {
                p.name = Some(name.clone());
            }
        }
        if let Some(role) = m.role.as_ref().filter(|_| !seat_of_office_holder) {
            if p.role.as_ref().is_none_or(|r| r.len() < role.len()) {
                p.role = Some(role.clone());
            }
        }
        if m.outlet.is_some() && p.outlet.is_none() {
            p.outlet = m.outlet.clone();
        }
        p.member |= m.member && !seat_of_office_holder;
        if !m.surface.is_empty() && !p.surfaces.contains(&m.surface) {
            p.surfaces.push(m.surface.clone());
        }
        ix
    }

    /// An unnamed reporter; one per outlet, or one for unknown outlets.
    pub fn reporter(&mut self, outlet: Option<String>) -> PersonIx {
        let m = Mention {
            outlet,
            ..Mention::default()
        };
        if m.outlet.is_none() {
            self.clock += 1;
            if let Some(ix) = self
                .persons
                .iter()
                .position(|p| p.reporter && p.outlet.is_none())
            {
                self.persons[ix].last_seen = self.clock;
                return ix;
            }
            self.persons.push(Person {
                reporter: true,
                last_seen: self.clock,
                ..Person::default()
            });
            return self.persons.len() - 1;
        }
        self.resolve(&m)
    }

    /// The person most recently mentioned, for "he said" and "according to her".
    pub fn last_named(&self) -> Option<PersonIx> {
        self.persons
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name.is_some())
            .max_by_key(|(_, p)| p.last_seen)
            .map(|(i, _)| i)
    }

    /// Marks a person as just mentioned, for pronoun resolution.
    pub fn touch(&mut self, ix: PersonIx) {
        self.clock += 1;
        self.persons[ix].last_seen = self.clock;
    }
}

/// Lowercase ASCII slug for ids: "Jens Stoltenberg" → "jens-stoltenberg".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A maintainer's word on a speaker, from `corpus/speakers.toml`: it wins over inference.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpeakerOverride {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: Option<crate::document::SpeakerKind>,
    pub aliases: Vec<String>,
}

impl SpeakerOverride {
    /// Does a folded surface form name this speaker?
    pub fn matches(&self, folded: &str) -> bool {
        fold(&self.name) == folded || self.aliases.iter().any(|a| fold(a) == folded)
    }
}

/// Reads `speakers.toml`: `[[speaker]]` tables with `id`, `name`, optional `role`, `kind`
/// (official, journalist, outlet, unknown) and `aliases`. Its `[[correction]]` tables are
/// read by [`crate::corrections::speaker_corrections_from_toml`].
#[cfg(feature = "toml")]
pub fn overrides_from_toml(text: &str) -> Result<Vec<SpeakerOverride>, String> {
    use crate::document::SpeakerKind;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start].lines().count().max(1));
        format!("line {line}: {}", e.message())
    })?;
    let Some(list) = table.get("speaker") else {
        return Ok(Vec::new());
    };
    let list = list
        .as_array()
        .ok_or("`speaker` must be an array of tables: [[speaker]]")?;
    let mut out = Vec::new();
    for (n, item) in list.iter().enumerate() {
        let at = |msg: &str| format!("speaker #{}: {msg}", n + 1);
        let t = item.as_table().ok_or_else(|| at("not a table"))?;
        let string = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let name = string("name").ok_or_else(|| at("missing `name`"))?;
        let id = string("id").unwrap_or_else(|| slug(&name));
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(at("`id` must be lowercase ascii letters, digits and '-'"));
        }
        let kind = match string("kind").as_deref() {
            None => None,
            Some("official") => Some(SpeakerKind::Official),
            Some("journalist") => Some(SpeakerKind::Journalist),
            Some("outlet") => Some(SpeakerKind::Outlet),
            Some("unknown") => Some(SpeakerKind::Unknown),
            Some(other) => return Err(at(&format!("unknown kind `{other}`"))),
        };
        let aliases = match t.get("aliases") {
            None => Vec::new(),
            Some(v) => v
                .as_array()
                .ok_or_else(|| at("`aliases` must be a list of strings"))?
                .iter()
                .map(|a| {
                    a.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| at("`aliases` must be a list of strings"))
                })
                .collect::<Result<_, _>>()?,
        };
        out.push(SpeakerOverride {
            id,
            name,
            role: string("role"),
            kind,
            aliases,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Mention {
        parse_mention(s, &|w| matches!(w, "NATO" | "KFOR" | "EU"))
    }

    #[test]
    fn role_words_are_sorted_for_binary_search() {
        assert!(ROLE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_role_from_name() {
        let x = m("NATO Secretary General Jens Stoltenberg");
        assert_eq!(x.role.as_deref(), Some("NATO Secretary General"));
        assert_eq!(x.name.as_deref(), Some("Jens Stoltenberg"));
        assert_eq!(x.surname(), Some("Stoltenberg"));
    }

    #[test]
    fn shouted_labels_are_title_cased_but_keep_acronyms() {
        let x = m("NATO SECRETARY GENERAL");
        assert_eq!(x.role.as_deref(), Some("NATO Secretary General"));
        assert_eq!(x.name, None);
        let x = m("SECRETARY BLINKEN");
        assert_eq!(x.role.as_deref(), Some("Secretary"));
        assert_eq!(x.name.as_deref(), Some("Blinken"));
        assert_eq!(m("MR. PRICE").name.as_deref(), Some("Price"));
        assert_eq!(m("MR PRICE").name.as_deref(), Some("Price"));
        let x = m("THE PRESIDENT");
        assert_eq!((x.role.as_deref(), x.name), (Some("President"), None));
    }

    #[test]
    fn comma_or_bracket_names_an_outlet_or_a_role() {
        let x = m("Jane Doe, AFP");
        assert_eq!(x.name.as_deref(), Some("Jane Doe"));
        assert_eq!(x.outlet.as_deref(), Some("AFP"));
        let x = m("Jens Stoltenberg, NATO Secretary General");
        assert_eq!(x.role.as_deref(), Some("NATO Secretary General"));
        let x = m("QUESTION (Reuters)");
        assert_eq!((x.name, x.outlet.as_deref()), (None, Some("Reuters")));
        let x = m("Jane Doe (Agence France Presse)");
        assert_eq!(x.name.as_deref(), Some("Jane Doe"));
        assert_eq!(x.outlet.as_deref(), Some("Agence France Presse"));
        assert!(!x.member);
    }

    #[test]
    fn a_seat_and_a_party_in_brackets_make_a_member_not_a_reporter() {
        let x = m("John Healey (Wentworth and Dearne) (Lab)");
        assert_eq!(x.name.as_deref(), Some("John Healey"));
        assert_eq!(
            x.role.as_deref(),
            Some("Member for Wentworth and Dearne (Lab)")
        );
        assert_eq!((x.outlet, x.member), (None, true));
        let x = m("Mr Tobias Ellwood (Bournemouth East) (Con)");
        assert_eq!(x.name.as_deref(), Some("Tobias Ellwood"));
        assert_eq!(x.role.as_deref(), Some("Member for Bournemouth East (Con)"));
        // The party alone.
        let x = m("Jane Smith (Lab)");
        assert_eq!((x.role.as_deref(), x.member), (Some("Member (Lab)"), true));
        // A bracket that is no party stays an outlet.
        let x = m("Jane Doe (The Independent)");
        assert_eq!(
            (x.outlet.as_deref(), x.member),
            (Some("The Independent"), false)
        );
    }

    #[test]
    fn a_peers_title_is_the_name_place_and_all() {
        let x = m("Baroness Smith of Basildon (Lab)");
        assert_eq!(x.name.as_deref(), Some("Baroness Smith of Basildon"));
        assert_eq!((x.role.as_deref(), x.member), (Some("Member (Lab)"), true));
        assert_eq!(x.surname(), Some("Smith"));
        let x = m("The Earl of Minto (Con)");
        assert_eq!(x.name.as_deref(), Some("Earl of Minto"));
        assert_eq!(x.surname(), Some("Minto"));
        let x = m("Lord Ahmad of Wimbledon");
        assert_eq!(
            (x.name.as_deref(), x.role),
            (Some("Lord Ahmad of Wimbledon"), None)
        );
        // Anyone else's "of" is an affiliation, and a role's stays the role's.
        let x = m("Osmani of Kosovo");
        assert_eq!(x.name.as_deref(), Some("Osmani"));
        let x = m("Lord Mayor of London Sadiq Khan");
        assert_eq!(x.role.as_deref(), Some("Lord Mayor of London"));
        assert_eq!(x.name.as_deref(), Some("Sadiq Khan"));
    }

    #[test]
    fn a_minister_of_the_lords_holds_an_office_and_is_no_member_asking() {
        let x = m("The Minister of State, Ministry of Defence (Baroness Goldie) (Con)");
        assert_eq!(x.name.as_deref(), Some("Baroness Goldie"));
        assert_eq!(
            x.role.as_deref(),
            Some("Minister of State, Ministry of Defence")
        );
        assert_eq!((x.outlet.as_deref(), x.member), (None, false));
        // The same minister by party alone keeps the office.
        let mut people = People::default();
        let minister = people.resolve(&x);
        assert_eq!(people.resolve(&m("Baroness Goldie (Con)")), minister);
        let p = &people.persons[minister];
        assert!(p.holds_office() && !p.member);
        assert_eq!(
            p.role.as_deref(),
            Some("Minister of State, Ministry of Defence")
        );
    }

    #[test]
    fn a_name_in_brackets_after_an_office_is_the_name() {
        let x = m("The Minister for Armed Forces (James Heappey)");
        assert_eq!(x.role.as_deref(), Some("Minister for Armed Forces"));
        assert_eq!(x.name.as_deref(), Some("James Heappey"));
        let x = m("THE DEPUTY SPEAKER (DAME ROSIE WINTERTON)");
        assert_eq!(x.role.as_deref(), Some("Deputy Speaker"));
        assert_eq!(x.name.as_deref(), Some("Rosie Winterton"));
        // An office with a name of its own keeps it; the bracket is then an outlet or a role.
        let x = m("Secretary Blinken (State Department)");
        assert_eq!(x.name.as_deref(), Some("Blinken"));
        // A bracket that is no name stays what it was.
        let x = m("Spokesperson (EU)");
        assert_eq!((x.role.as_deref(), x.name), (Some("Spokesperson"), None));
    }

    #[test]
    fn affiliation_after_a_name_is_not_part_of_it() {
        let x = m("Ms Osmani of Kosovo");
        assert_eq!(x.name.as_deref(), Some("Osmani"));
        let x = m("President of Kosovo Vjosa Osmani");
        assert_eq!(x.role.as_deref(), Some("President of Kosovo"));
        assert_eq!(x.name.as_deref(), Some("Vjosa Osmani"));
    }

    #[test]
    fn surname_role_and_full_name_resolve_to_one_person() {
        let mut people = People::default();
        let a = people.resolve(&m("NATO Secretary General Jens Stoltenberg"));
        let b = people.resolve(&m("NATO Secretary General"));
        let c = people.resolve(&m("Secretary General"));
        let d = people.resolve(&m("Stoltenberg"));
        let e = people.resolve(&m("Jens Stoltenberg"));
        assert!([b, c, d, e].iter().all(|&x| x == a));
        assert_eq!(people.persons.len(), 1);
        assert_eq!(
            people.persons[0].role.as_deref(),
            Some("NATO Secretary General")
        );
    }

    #[test]
    fn a_surname_first_then_full_name_merges() {
        let mut people = People::default();
        let a = people.resolve(&m("MR. PRICE"));
        let b = people.resolve(&m("Ned Price"));
        assert_eq!(a, b);
        assert_eq!(people.persons[a].name.as_deref(), Some("Ned Price"));
    }

    #[test]
    fn reporters_are_one_per_outlet() {
        let mut people = People::default();
        let a = people.reporter(Some("Reuters".into()));
        let b = people.reporter(None);
        let c = people.reporter(Some("Reuters".into()));
        let d = people.reporter(None);
        assert_eq!((a, b), (c, d));
        assert_ne!(a, b);
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Jens Stoltenberg"), "jens-stoltenberg");
        assert_eq!(slug("Reporter, Reuters"), "reporter-reuters");
        assert_eq!(slug("Vjosa Osmani-Sadriu"), "vjosa-osmani-sadriu");
        assert_eq!(slug("Zürich’s"), "zurichs");
    }
}
