//! Who said each passage, and how.
//!
//! **Transcripts** are cut into turns at speaker labels; unlabelled paragraphs continue the
//! turn; text before the first label is the host's (named in the title: "press conference
//! by NATO Secretary General Jens Stoltenberg with …", or in a byline under it: "Antony J.
//! Blinken, Secretary of State"). Questions come from reporters, who
//! are identified by their label ("Jane Doe, AFP:"), inside the question ("[inaudible] from
//! Reuters") or by the moderator ("Next, Maria from Reuters."). Each answer records the
//! question turn it replies to.
//!
//! **Articles** go the way rule-based attribution does best on news: find the cue (a verb of
//! speech, "according to"), then its speaker (the name next to it, or the last person named
//! for "he"/"she"), then the content: a quotation in marks is a `quote`, the rest of the
//! sentence `reported`. A quotation with no cue right after an attributed one continues that
//! speaker; any other quoted phrase ("major military steps") is the outlet's narration.

use std::collections::HashMap;

use crate::dates::WEEKDAYS;
use crate::document::{Field, Metadata, Mode, Span};
use crate::label::{label_at, Label};
use crate::parse::{is_space, line_text, skip_space, Block};
use crate::speakers::{
    is_connector, is_particle, is_role_word, parse_mention, Evidence, Mention, People, PersonIx,
};
use crate::text::{fold, fold_in, with_fold};
use crate::topics::FastHash;

/// A passage before its speaker is known corpus-wide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub turn: u32,
    pub person: Option<PersonIx>,
    pub reply_to: Option<u32>,
    pub mode: Mode,
    pub span: Span,
}

/// Something a corpus maintainer should look at, at a byte offset of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub at: usize,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Attributed {
    pub drafts: Vec<Draft>,
    pub labels: Vec<Metadata>,
    pub findings: Vec<Finding>,
}

/// All-capital words written in the document's prose, so shouted labels keep them (NATO).
pub fn acronyms(text: &str) -> Vec<String> {
    // The runs of alphanumeric characters of 2–6 bytes that are all ASCII capitals. Such a
    // run starts with a capital, and capitals are few: jump from one to the next eight
    // bytes at a time, and look at the run around each.
    let bytes = text.as_bytes();
    let mut found: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(start) = next_capital(bytes, i) {
        // A run that started before this capital has no capital before it (the search
        // would have stopped there), so it is no acronym; it is still walked to its end.
        let mut capitals = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_alphanumeric() {
                capitals &= b.is_ascii_uppercase();
                end += 1;
            } else if b.is_ascii() {
                break;
            } else {
                let c = text[end..].chars().next().expect("on a char boundary");
                if !c.is_alphanumeric() {
                    break;
                }
                capitals = false;
                end += c.len_utf8();
            }
        }
        // "PRICE:" ends a shouted label, it is not prose: `MR. PRICE:` is Price, not PRICE;
        // nor are the words before it, as in `SENIOR STATE DEPARTMENT OFFICIAL:`.
        if capitals && end - start >= 2 && end - start <= 6 && !in_shouted_label(text, end) {
            found.push(&text[start..end]);
        }
        i = end;
    }
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(str::to_string).collect()
}

/// Whether only capitals, spaces and dots lie between `from` and a colon on the same line
/// (capitals of any script: `SAULI NIINISTÖ:`).
fn in_shouted_label(text: &str, from: usize) -> bool {
    for c in text[from..].chars().take(80) {
        match c {
            ':' => return true,
            ' ' | '.' | '-' | '\'' => {}
            c if c.is_uppercase() => {}
            _ => return false,
        }
    }
    false
}

/// The first ASCII capital at or after `from`, eight bytes at a time.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // With the high bits cleared no byte carries into the next: a byte's high bit is
        // then set in `y + 0x3f` when it is at least b'A', in `y + 0x25` when it is past
        // b'Z'. Bytes that had their high bit set (not ASCII) are masked out.
        let y = x & !HIGHS;
        let capital = (y + ONES * 0x3f) & !(y + ONES * 0x25) & !x & HIGHS;
        if capital != 0 {
            return Some(i + capital.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|n| i + n)
}

/// The speaker label each body line opens with, if any, in order (all blocks' lines one
/// after another). Two or more labels make a transcript; [`transcript`] takes them back
/// rather than looking for them again.
pub fn line_labels(text: &str, body: &[Block]) -> Vec<Option<Label>> {
    let mut labels: Vec<Option<Label>> = body
        .iter()
        .flat_map(|b| &b.lines)
        .map(|l| label_at(line_text(text, *l)))
        .collect();
    // `A.` answers only where something was asked: elsewhere it is an initial ("A. Smith").
    if !labels.iter().flatten().any(|l| l.question) {
        for l in &mut labels {
            if l.is_some_and(|l| l.answer) {
                *l = None;
            }
        }
    }
    labels
}

/// Words that end a name after "by": titles capitalise them ("Remarks by President Biden
/// Before Marine One Departure"), so whatever their case.
const ENDS_NAME: &[&str] = &[
    "with",
    "following",
    "at",
    "in",
    "on",
    "after",
    "and",
    "during",
    "before",
    "to",
    "for",
    "from",
    "ahead",
    "upon",
    "about",
    "regarding",
    "-",
    "–",
    "—",
];

/// The host named in a title: "Press conference by NATO Secretary General Jens Stoltenberg
/// with Ms Osmani of Kosovo" → NATO Secretary General Jens Stoltenberg.
pub fn host_in_title(title: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    let rest = after_first(title, &[" by ", " with ", "remarks of ", " from "])?;
    let name = name_until(rest, |w| {
        if fold_in(w, ENDS_NAME) {
            Some(0)
        } else if w.ends_with([',', ':', ';']) {
            Some(w.len() - 1)
        } else {
            None
        }
    });
    let m = parse_mention(name, keep_upper);
    m.name
        .as_deref()
        .is_some_and(looks_like_a_name)
        .then_some(m)
}

/// The others a title names beside its host: "Joint press conference with Chancellor Olaf
/// Scholz and President Emmanuel Macron" → President Emmanuel Macron, so that a later
/// `President Macron:` is he.
pub fn cohosts_in_title(title: &str, keep_upper: &dyn Fn(&str) -> bool) -> Vec<Mention> {
    let Some(rest) = after_first(title, &[" by ", " with "]) else {
        return Vec::new();
    };
    rest.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .skip(1)
        .filter_map(|part| {
            let name = name_until(part.trim(), |w| fold_in(w, ENDS_NAME).then_some(0));
            let m = parse_mention(name.trim_end(), keep_upper);
            let name = m.name.as_deref()?;
            (name.split_whitespace().nth(1).is_some() && looks_like_a_name(name)).then_some(m)
        })
        .collect()
}

/// What follows the first of these ASCII phrases to occur in `s`, in any case. Searched in
/// `s` itself: lowering the whole string would move the offsets ("İ" lowers to three bytes).
fn after_first<'a>(s: &'a str, phrases: &[&str]) -> Option<&'a str> {
    let at = phrases
        .iter()
        .filter_map(|p| {
            let found = s
                .as_bytes()
                .windows(p.len())
                .position(|w| w.eq_ignore_ascii_case(p.as_bytes()))?;
            Some(found + p.len())
        })
        .min()?;
    Some(&s[at..])
}

/// `phrase` up to the first word that ends a name: `cut(word)` says how many of that word's
/// bytes still belong to the name (none of "with", all but the comma of "Stoltenberg,"), or
/// `None` to read on.
fn name_until(phrase: &str, cut: impl Fn(&str) -> Option<usize>) -> &str {
    let mut offset = 0;
    for word in phrase.split(' ') {
        if let Some(keep) = cut(word) {
            return &phrase[..offset + keep];
        }
        offset += word.len() + 1;
    }
    phrase
}

/// Every word of a name is capitalised, but for particles (de, van, bin): "Meeting with
/// Government members" names no one.
fn looks_like_a_name(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || is_connector(w))
}

/// The host named in an editor's note that opens a transcript: "The following is a
/// near-verbatim transcript of today's noon briefing by Stéphane Dujarric, Spokesman for
/// the Secretary-General." The name runs to the end of the sentence, and a role may follow
/// it after a comma, so that a label of the role alone (`Spokesman:`) is the same person.
pub fn host_in_note(note: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    // A note is short, and says what the document is.
    if note.split_whitespace().nth(60).is_some() {
        return None;
    }
    // "briefing by", "press conference by", "remarks by": the event's speaker, not
    // whoever moderated it or provided the transcript ("provided by Federal News Service").
    let by = note.match_indices(" by ").map(|(i, _)| i).find(|&i| {
        let before = note[..i].rsplit(' ').next().unwrap_or("");
        fold_in(
            before,
            &[
                "address",
                "briefing",
                "conference",
                "remarks",
                "speech",
                "statement",
            ],
        )
    })? + " by ".len();
    let rest = &note[by..];
    // The sentence ends at a stop after a word, not after an initial or a title ("J.",
    // "Mr.").
    let end = rest
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| {
            let word = rest[..i].rsplit(' ').next().unwrap_or("");
            !(word.len() <= 3 && word.starts_with(char::is_uppercase))
        })
        .unwrap_or(rest.len());
    let rest = rest[..end].trim_end().trim_end_matches(['.', '?', '!']);
    let name = name_until(rest, |w| {
        // In prose the words that end a name are lower case; "for" joins a role to whom
        // it serves.
        if w.starts_with(char::is_lowercase) && fold_in(w, ENDS_NAME) && w != "for" {
            Some(0)
        } else if w.ends_with([':', ';']) {
            Some(w.len() - 1)
        } else {
            None
        }
    });
    let m = parse_mention(name.trim_end(), keep_upper);
    m.name
        .as_deref()
        .is_some_and(|n| n.split_whitespace().nth(1).is_some())
        .then_some(m)
}

/// The host named in a transcript's header when its title names none: a line of a person's
/// full name and role ("Antony J. Blinken, Secretary of State"), which becomes the byline.
/// Resolved before the labels, a label that names only the surname (`SECRETARY BLINKEN:`)
/// is then the same person.
pub fn host_in_byline(
    text: &str,
    header: &mut [Metadata],
    keep_upper: &dyn Fn(&str) -> bool,
) -> Option<Mention> {
    header
        .iter_mut()
        .filter(|m| m.field == Field::Headline)
        .find_map(|line| {
            let s = &text[line.span.range()];
            // The name is all that comes before the comma, and the rest is a role: "James S.
            // Brady Press Briefing Room" or "NATO Headquarters, Brussels" are places.
            let (who, _) = s.split_once(", ")?;
            let m = parse_mention(s, keep_upper);
            let name = m.name.as_deref()?;
            let byline = name.split_whitespace().count() >= 2
                && fold(name) == fold(who.trim())
                && m.role.is_some()
                && m.outlet.is_none();
            byline.then(|| {
                line.field = Field::Byline;
                m
            })
        })
}

// ---------------------------------------------------------------------------------------
// Transcripts

/// What the title and header say about a transcript's speakers.
pub struct Setting {
    /// The one who speaks unlabelled, and answers `A:`.
    pub host: Option<Mention>,
    /// The title calls it an interview: whoever else is labelled asks.
    pub interview: bool,
}

pub fn transcript(
    text: &str,
    body: &[Block],
    labels: &[Option<Label>],
    Setting { host, interview }: Setting,
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
) -> Attributed {
    let mut out = Attributed::default();
    let host = host.map(|m| {
        let ix = people.resolve(&m);
        people.persons[ix].note(Evidence::Official);
        ix
    });
    let mut turn: Option<u32> = None;
    let mut speaker = host;
    // Before the first label, text nobody is known to speak (a byline, a dateline) is the
    // transcript's own: narration, not someone's speech.
    let mut mode = if host.is_some() {
        Mode::Speech
    } else {
        Mode::Narration
    };
    let mut reply_to: Option<u32> = None;
    let mut last_question: Option<u32> = None;
    let mut introduced: Option<Mention> = None;
    // "General Christopher Cavoli is Supreme Allied Commander Europe": the people a
    // moderator introduces, known by surname for their labels (`GEN. CAVOLI:`).
    let mut moderating = false;
    let mut mentions = Mentions::default();

    let mut labels = labels.iter();
    for block in body {
        let mut piece_start = block.lines[0].start;
        for (i, &line) in block.lines.iter().enumerate() {
            let Some(label) = labels.next().copied().flatten() else {
                continue;
            };
            if i > 0 {
                let end = block.lines[i - 1].end;
                push_speech(
                    &mut out,
                    &mut turn,
                    speaker,
                    mode,
                    reply_to,
                    piece_start,
                    end,
                );
                // A label alone on its line leaves no piece: `piece_start` is past `end`.
                if mode != Mode::Question && piece_start < end {
                    let words = (piece_start, end);
                    if let Some(m) =
                        read_answer(text, words, moderating, people, keep_upper, &mut mentions)
                    {
                        introduced = Some(m);
                    }
                }
            }
            let name = &text[line.start + label.start..line.start + label.name_end];
            out.labels.push(Metadata {
                field: Field::Label,
                span: Span::new(line.start, line.start + label.end),
            });
            let mention = numbered_speaker(name).unwrap_or_else(|| parse_mention(name, keep_upper));
            let words_after = skip_space(text, line.start + label.end, block.span().end as usize);
            let role_has = |words: &[&str]| {
                mention.role.as_deref().is_some_and(|r| {
                    let r = fold(r);
                    words.iter().any(|w| r.contains(w))
                })
            };
            // An interview's one questioner is a speaker of their own, named by the label:
            // `INTERVIEWER:`, or in an interview of a named host anyone the title does not
            // name (`Helsinki Times:`).
            let moderator = is_moderator(&mention);
            let known = people.find(&mention);
            let interviewer = role_has(&["interviewer"])
                || (interview
                    && host.is_some()
                    && !label.answer
                    && !moderator
                    && known.is_none_or(|ix| people.persons[ix].evidence == Evidence::Asked));
            // A member of a parliament asks, also when labelled by name alone the next time
            // ("Mr Ellwood:"); a minister who is a member too answers.
            let member = match known.map(|ix| &people.persons[ix]) {
                Some(known) => known.member || (mention.member && !known.holds_office()),
                None => mention.member,
            };
            let asks = label.question
                || (mention.outlet.is_some() && mention.role.is_none())
                || member
                || interviewer
                || role_has(&["reporter", "journalist", "correspondent"]);
            turn = Some(turn.map_or(0, |t| t + 1));
            let this_turn = turn.expect("just set");
            if asks {
                let first = &text[words_after..block.span().end as usize];
                let who = if !mention.is_empty()
                    && (mention.name.is_some() || mention.outlet.is_some() || interviewer)
                {
                    Some(mention)
                } else {
                    questioner_in_question(first, keep_upper).or(introduced.take())
                };
                let ix = match who {
                    Some(m) if m.name.is_some() || interviewer => people.resolve(&m),
                    Some(m) => people.reporter(m.outlet),
                    None => people.reporter(None),
                };
                people.persons[ix].note(Evidence::Asked);
                speaker = Some(ix);
                mode = Mode::Question;
                reply_to = None;
                last_question = Some(this_turn);
            } else if label.answer {
                // The one asked answers: the host, when the title or header names one.
                let ix = host.unwrap_or_else(|| {
                    out.findings.push(Finding {
                        at: line.start,
                        message: format!(
                            "label `{name}` answers, and the title names no host; name the \
                             interviewee in the title (`Interview with …`)"
                        ),
                    });
                    people.resolve(&Mention {
                        surface: name.to_string(),
                        role: Some("Interviewee".into()),
                        ..Mention::default()
                    })
                });
                people.persons[ix].note(Evidence::Official);
                speaker = Some(ix);
                mode = Mode::Speech;
                reply_to = last_question;
            } else {
                let ix = people.resolve(&mention);
                let person = &mut people.persons[ix];
                person.note(Evidence::Official);
                if person.name.is_none() && !moderator {
                    out.findings.push(Finding {
                        at: line.start,
                        message: format!(
                            "label `{name}` names no person; map it to a name in speakers.toml"
                        ),
                    });
                }
                speaker = Some(ix);
                mode = Mode::Speech;
                reply_to = if moderator { None } else { last_question };
            }
            introduced = None;
            moderating = moderator;
            piece_start = words_after;
        }
        let end = block.span().end as usize;
        if piece_start < end {
            if turn.is_none() && speaker.is_none() {
                out.findings.push(Finding {
                    at: piece_start,
                    message: "text before the first speaker label, and the title names no host"
                        .into(),
                });
            }
            push_speech(
                &mut out,
                &mut turn,
                speaker,
                mode,
                reply_to,
                piece_start,
                end,
            );
            if mode != Mode::Question {
                let words = (piece_start, end);
                if let Some(m) =
                    read_answer(text, words, moderating, people, keep_upper, &mut mentions)
                {
                    introduced = Some(m);
                }
            }
        }
    }
    out
}

/// `Speaker 1`, `Caller 2`: a speaker a recording's transcriber could only number, known by
/// that label alone (not as someone surnamed "1").
fn numbered_speaker(name: &str) -> Option<Mention> {
    let (_, last) = name.rsplit_once(' ')?;
    last.bytes().all(|b| b.is_ascii_digit()).then(|| Mention {
        surface: name.to_string(),
        role: Some(name.to_string()),
        ..Mention::default()
    })
}

fn push_speech(
    out: &mut Attributed,
    turn: &mut Option<u32>,
    speaker: Option<PersonIx>,
    mode: Mode,
    reply_to: Option<u32>,
    start: usize,
    end: usize,
) {
    if start >= end {
        return;
    }
    let t = *turn.get_or_insert(0);
    out.drafts.push(Draft {
        turn: t,
        person: speaker,
        reply_to,
        mode,
        span: Span::new(start, end),
    });
}

fn is_moderator(m: &Mention) -> bool {
    with_fold(m.role.as_deref().unwrap_or(""), |r| {
        ["moderator", "host", "operator", "anchor"]
            .iter()
            .any(|w| r.contains(w))
    })
}

/// What words that are no question tell of the speakers to come: the questioner they call
/// on, returned, and, in a moderator's words, the people introduced, registered.
fn read_answer<'t>(
    text: &'t str,
    (start, end): (usize, usize),
    moderating: bool,
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) -> Option<Mention> {
    if moderating {
        let tokens = toks(&text[start..end], start);
        note_mentions(text, &tokens, people, keep_upper, mentions);
    }
    introduces_questioner(&text[start..end], keep_upper)
}

/// "[inaudible] from Reuters. Questions for both…", "Jane Doe, AFP. My question…",
/// "I'm Maria from Reuters."
fn questioner_in_question(text: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    let mut first = first_sentence(text);
    // "Thank you. Pavel from Interfax. On the ammunition…": the courtesy comes first. None
    // is longer than "thank you very much", 19 letters of up to four bytes each, so a
    // longer sentence is not folded to see.
    let courtesy = first.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
        <= 4 * "thank you very much".len()
        && with_fold(first, |f| {
            let f = f.trim_end_matches(|c: char| !c.is_alphanumeric());
            [
                "thank you",
                "thanks",
                "thank you very much",
                "thanks very much",
                "hi",
                "hello",
                "good morning",
                "good afternoon",
                "good evening",
                "yes",
            ]
            .contains(&f)
        });
    if courtesy {
        let rest = text[first.len()..].trim_start_matches(['.', '?', '!']);
        first = first_sentence(rest.trim_start());
    }
    if first.split_whitespace().nth(14).is_some() {
        return None;
    }
    from_outlet(first, keep_upper)
}

/// "Next, Maria from Reuters." at the end of a moderator's turn.
fn introduces_questioner(text: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    // The last stretch after a '.', '?' or '!' that is not blank (`rsplit`, by bytes).
    let text = text.trim_end();
    let mut end = text.len();
    let last = loop {
        let cut = text.as_bytes()[..end]
            .iter()
            .rposition(|b| matches!(b, b'.' | b'?' | b'!'));
        let piece = &text[cut.map_or(0, |c| c + 1)..end];
        if !piece.trim().is_empty() {
            break piece;
        }
        end = cut?;
    };
    // "Next, let's go to the line of Humeyra Pamuk from Reuters." is as long as they get.
    if last.split_whitespace().nth(14).is_some() {
        return None;
    }
    from_outlet(last, keep_upper)
}

/// Capitalised words before an outlet that are a greeting or a cue, not a name ("Thanks,
/// AFP", "Next question from Reuters").
const NOT_A_NAME: &[&str] = &[
    "next",
    "yes",
    "hi",
    "hello",
    "question",
    "questions",
    "thank",
    "thanks",
    "okay",
    "ok",
];

/// "<Name> from <Outlet>" / "<Name>, <Outlet>" in a short stretch of text.
fn from_outlet(s: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    let Some((before, after)) = [" from ", " with ", " of "]
        .iter()
        .find_map(|k| s.find(k).map(|i| (&s[..i], &s[i + k.len()..])))
    else {
        return name_comma_outlet(s, keep_upper);
    };
    let outlet = capitalised_run(after.trim_start_matches("the ").trim_start_matches("The "));
    // "…get ahead of the President": a title, not a newsroom.
    if outlet.is_empty() || names_an_office(&outlet) {
        return None;
    }
    let name_part = before.rsplit(',').next().unwrap_or(before).trim();
    let name_part = name_part
        .trim_start_matches("I'm ")
        .trim_start_matches("I’m ")
        .trim_start_matches("I am ")
        .trim_start_matches("This is ")
        .trim_start_matches("My name is ");
    let mut name_words: Vec<&str> = name_part.split_whitespace().collect();
    // "Our first question goes to Shaun Tandon of AFP": the name is the capitalised words
    // just before the outlet.
    let capitalised = name_words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if (1..=3).contains(&capitalised) && capitalised < name_words.len() {
        name_words.drain(..name_words.len() - capitalised);
    }
    let name_part = name_words.join(" ");
    let name_part = name_part.as_str();
    let named = !name_words.is_empty()
        && name_words.len() <= 3
        && name_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name_words.iter().any(|w| fold_in(w, NOT_A_NAME));
    // Unnamed, the words before the outlet name an asker ("Next question from Reuters",
    // "the gentleman from AFP", "[inaudible] from Reuters"); other words are a sentence
    // that happens to end "… of the Alliance" or "I will start with Ukraine".
    if !named && !name_words.last().is_none_or(|w| names_an_asker(w)) {
        return None;
    }
    let mut m = parse_mention(if named { name_part } else { "" }, keep_upper);
    if !named {
        m = Mention::default();
    }
    m.outlet = Some(outlet);
    m.role = None;
    Some(m)
}

/// "Let's go to Lita Baldor, AP.", "Jane Doe, Agence France-Presse": a full name, a comma
/// and a few capitalised words that end the stretch. Without the word "from" only a name
/// of two or three words that holds no title will do: "Thanks, General" is no one of
/// General, and "Prime Minister Kurti, Kosovo" no reporter.
fn name_comma_outlet(s: &str, keep_upper: &dyn Fn(&str) -> bool) -> Option<Mention> {
    let s = s.trim().trim_end_matches(['.', '?', '!']);
    let (before, outlet) = s.rsplit_once(", ")?;
    let outlet_words = outlet.split_whitespace().count();
    if !(1..=4).contains(&outlet_words)
        || capitalised_run(outlet) != outlet
        || names_an_office(outlet)
    {
        return None;
    }
    // "Hi, Sara Kline, Politico Europe": the name is what the last comma before the outlet
    // sets off.
    let before = before.rsplit(", ").next().unwrap_or(before);
    let words: Vec<&str> = before.split_whitespace().collect();
    let capitalised = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let name = &words[words.len() - capitalised.min(3)..];
    let plain = |w: &&str| {
        !is_role_word(w)
            && !fold_in(w, NOT_A_NAME)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    if name.len() < 2 || !name.iter().all(plain) {
        return None;
    }
    let mut m = parse_mention(&name.join(" "), keep_upper);
    m.outlet = Some(outlet.to_string());
    m.role = None;
    m.name.is_some().then_some(m)
}

/// Do the words after "from" or a comma name a title ("of the President", "Prime Minister
/// Kurti, Kosovo"), not a newsroom? "Press" alone is the Associated Press's, or Press TV's.
fn names_an_office(outlet: &str) -> bool {
    outlet
        .split_whitespace()
        .any(|w| is_role_word(w) && !w.eq_ignore_ascii_case("press"))
}

/// A word that stands for the person asking when their name is not given.
fn names_an_asker(word: &str) -> bool {
    word.starts_with(['[', '('])
        || fold_in(
            word.trim_end_matches(|c: char| !c.is_alphanumeric()),
            &[
                "colleague",
                "correspondent",
                "friend",
                "gentleman",
                "journalist",
                "lady",
                "man",
                "next",
                "question",
                "questioner",
                "questions",
                "reporter",
                "someone",
                "somebody",
                "woman",
                "yes",
            ],
        )
}

fn first_sentence(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && s[i + 1..].starts_with(is_space))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The leading run of capitalised words (connectors allowed inside), e.g. "Associated Press".
fn capitalised_run(s: &str) -> String {
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        let clean = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let cap = clean.chars().next().is_some_and(char::is_uppercase);
        let connector = !words.is_empty() && is_connector(clean);
        if !(cap || connector) {
            break;
        }
        words.push(clean);
        if clean.len() != w.len() || words.len() >= 5 {
            break;
        }
    }
    while words.last().is_some_and(|w| is_connector(w)) {
        words.pop();
    }
    words.join(" ")
}

// ---------------------------------------------------------------------------------------
// Articles

/// Verbs that introduce speech; "according to" is handled apart. Sorted, for binary search.
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "affirmed",
    "announced",
    "answered",
    "argued",
    "argues",
    "asked",
    "asks",
    "claimed",
    "claims",
    "confirmed",
    "declared",
    "denied",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "posted",
    "recalled",
    "reiterated",
    "remarked",
    "replied",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "stressed",
    "stresses",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "underlined",
    "underscored",
    "urged",
    "urges",
    "warned",
    "warns",
    "wrote",
];

/// False for most words that are not in [`SPEECH_VERBS`], before folding them: an ASCII
/// word folds to a word of its length and its last letter, and every speech verb is 3 to 12
/// letters ending in d, e, s or y (a test keeps them so). Other words are not ruled out.
fn may_be_speech_verb(word: &str) -> bool {
    if !word.is_ascii() {
        return true;
    }
    (3..=12).contains(&word.len())
        && word
            .as_bytes()
            .last()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'd' | b'e' | b's' | b'y'))
}

/// Verbs that only count as speech when a that-clause or a quotation follows: "Israel
/// declared a state of war" is not reported speech, "Israel declared that…" is.
const WEAK_VERBS: &[&str] = &[
    "announced",
    "declared",
    "acknowledged",
    "admitted",
    "confirmed",
    "denied",
    "posted",
    "suggested",
];

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Words that may stand between a speaker and the verb: "Stoltenberg also said".
const BETWEEN: &[&str] = &[
    "also",
    "then",
    "later",
    "again",
    "has",
    "had",
    "have",
    "was",
    "is",
    "further",
    "once",
    "previously",
    "recently",
    "repeatedly",
    "earlier",
    "today",
    "yesterday",
    "has also",
    "would",
    "will",
    "had",
    "subsequently",
    "reportedly",
    "publicly",
    "openly",
    "firmly",
];

/// Verbs that follow a subject: a name before one opens a clause, it does not name the
/// speaker of the verb before it.
const AUXILIARIES: &[&str] = &[
    "will", "would", "had", "has", "have", "is", "was", "were", "are", "could", "can", "must",
    "should", "may", "might", "did", "does",
];

/// Capitalised words that do not make a person ("Serbian List", "Gaza Strip").
const NOT_PERSON: &[&str] = &[
    "union",
    "party",
    "list",
    "force",
    "forces",
    "war",
    "ministry",
    "council",
    "organization",
    "organisation",
    "alliance",
    "strip",
    "sea",
    "republic",
    "kingdom",
    "states",
    "nations",
    "balkans",
    "police",
    "army",
    "government",
    "church",
    "monastery",
    "north",
    "south",
    "east",
    "west",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "new",
    "treaty",
    "commission",
    "parliament",
    "assembly",
    "court",
    "office",
    "department",
    "agency",
    "bank",
    "university",
    "institute",
    "college",
    "school",
    "foundation",
    "fund",
    "group",
    "operation",
    "mission",
    "insight",
    "news",
    "times",
    "post",
    "press",
    "on",
    "in",
    "after",
    "before",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "one",
    "nothing",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "another",
    "some",
    "many",
    "defense",
    "defence",
    "ministers",
    "orthodox",
    "serbian",
    "serb",
    "albanian",
    "kosovo",
];

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
}

fn toks(s: &str, base: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII byte by byte; only other characters are decoded.
        let b = bytes[i];
        let (inside, len) = if b.is_ascii() {
            let inside =
                b.is_ascii_alphanumeric() || (matches!(b, b'\'' | b'-' | b'.') && start.is_some());
            (inside, 1)
        } else {
            let c = s[i..].chars().next().expect("on a char boundary");
            let inside = c.is_alphanumeric() || (c == '’' && start.is_some());
            (inside, c.len_utf8())
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Tok {
                    start: base + st,
                    end: base + i,
                });
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(Tok {
            start: base + st,
            end: base + s.len(),
        });
    }
    // A token-final period, hyphen or apostrophe is punctuation, not part of the word.
    for t in &mut out {
        while let Some(c) = s[t.start - base..t.end - base]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '.' | '-' | '\'' | '’'))
        {
            t.end -= c.len_utf8();
        }
    }
    out.retain(|t| t.end > t.start);
    out
}

/// Quotation spans in a sentence (byte ranges including the marks).
fn quotations(s: &str, base: usize) -> Vec<(usize, usize)> {
    scan_quotations(s, base).0
}

/// Where a quotation opens that `s` does not close: a quotation that goes on in the next
/// paragraph, as news style runs one over paragraphs (no closing mark, the next paragraph
/// opening with one).
fn unclosed_quotation(s: &str, base: usize) -> Option<usize> {
    scan_quotations(s, base).1
}

fn opens_with_quotation(s: &str) -> bool {
    s.trim_start().starts_with(['“', '"', '«', '„'])
}

fn scan_quotations(s: &str, base: usize) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match open {
            None => {
                let opens = matches!(c, '“' | '«' | '„' | '"')
                    || (c == '‘' && (is_space(prev) || prev == '('));
                if opens {
                    open = Some((i, c));
                }
            }
            Some((o, oc)) => {
                let closes = match oc {
                    '“' => c == '”',
                    '„' => c == '“' || c == '”',
                    '«' => c == '»',
                    '"' => c == '"',
                    '‘' => c == '’' && !s[i + c.len_utf8()..].starts_with(char::is_alphabetic),
                    _ => false,
                };
                if closes {
                    out.push((base + o, base + i + c.len_utf8()));
                    open = None;
                }
            }
        }
        prev = c;
    }
    (out, open.map(|(o, _)| base + o))
}

/// Is a quoted stretch someone's words, rather than a name or a scare-quoted phrase?
fn is_speechlike(q: &str) -> bool {
    let inner = q.trim_matches(|c: char| !c.is_alphanumeric());
    let words: Vec<&str> = inner.split_whitespace().collect();
    let titled = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    words.len() >= 4 && !titled
}

/// Splits a paragraph into sentences, never inside a quotation; ranges are absolute.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth_curly = 0i32;
    let mut straight_open = false;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '«' | '„' => depth_curly += 1,
            '”' | '»' => depth_curly = (depth_curly - 1).max(0),
            '"' => straight_open = !straight_open,
            _ => {}
        }
        let terminal = matches!(c, '.' | '!' | '?' | '…');
        if !terminal || depth_curly > 0 || straight_open {
            continue;
        }
        // Look ahead (the loop itself still goes on from the next char).
        let after = i + c.len_utf8();
        let mut ahead = s[after..]
            .char_indices()
            .map(|(k, c)| (after + k, c))
            .peekable();
        // Closing marks that belong to this sentence.
        while ahead
            .next_if(|&(_, c)| matches!(c, '”' | '»' | '"' | '’' | ')' | ']'))
            .is_some()
        {}
        let boundary = ahead.peek().map_or(s.len(), |&(b, _)| b);
        let next_is_space = ahead.peek().is_some_and(|&(_, c)| is_space(c));
        if !next_is_space {
            continue;
        }
        while ahead.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(next_at, next)) = ahead.peek() else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '“' | '"' | '«' | '‘'))
        {
            continue;
        }
        if c == '.' && is_abbreviation(&s[from..i]) {
            continue;
        }
        out.push((start + from, start + boundary));
        from = next_at;
    }
    if from < s.len() {
        let tail = s[from..].trim_end_matches(is_space);
        if !tail.is_empty() {
            out.push((start + from, start + from + tail.len()));
        }
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| is_space(c) || c == '(')
        .next()
        .unwrap_or("");
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || with_fold(word, |w| {
            matches!(
                w,
                "mr" | "mrs"
                    | "ms"
                    | "dr"
                    | "st"
                    | "prof"
                    | "gen"
                    | "lt"
                    | "col"
                    | "sgt"
                    | "jr"
                    | "sr"
                    | "no"
                    | "vs"
                    | "etc"
                    | "u.s"
                    | "u.k"
                    | "e.g"
                    | "i.e"
                    | "jan"
                    | "feb"
                    | "aug"
                    | "sept"
                    | "oct"
                    | "nov"
                    | "dec"
                    | "gov"
                    | "sen"
                    | "rep"
                    | "amb"
                    | "capt"
                    | "adm"
            )
        })
}

/// [`parse_mention`] of the name phrases of one document, by their text: a sentence is
/// looked at again for each cue tried, and names recur through a document.
#[derive(Default)]
struct Mentions<'t>(HashMap<&'t str, Mention, FastHash>);

impl<'t> Mentions<'t> {
    fn parse(&mut self, run: &'t str, keep_upper: &dyn Fn(&str) -> bool) -> &Mention {
        self.0
            .entry(run)
            .or_insert_with(|| parse_mention(run, keep_upper))
    }
}

/// Registers the people a sentence names, so "he" later finds them. `tokens` are the
/// sentence's up to where to look: `toks` of that stretch, as a cue starts a token.
fn note_mentions<'t>(
    text: &'t str,
    tokens: &[Tok],
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) {
    let mut i = 0;
    while i < tokens.len() {
        let w = &text[tokens[i].start..tokens[i].end];
        if !starts_upper(w) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tokens.len() && adjacent(text, tokens[j], tokens[j + 1]) && {
            let n = &text[tokens[j + 1].start..tokens[j + 1].end];
            starts_upper(n) || (is_connector(n) && n != "and")
        } {
            j += 1;
        }
        let run = &text[tokens[i].start..tokens[j].end];
        consider_person(run, people, keep_upper, mentions);
        i = j + 1;
    }
}

fn consider_person<'t>(
    run: &'t str,
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) -> Option<PersonIx> {
    let m = mentions.parse(run, keep_upper);
    let name = m.name.as_deref()?;
    let known = people.find(m);
    if let Some(ix) = known {
        people.resolve(m);
        return Some(ix);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let personlike = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            starts_upper(w) && !fold_in(w, NOT_PERSON) && !w.chars().all(|c| !c.is_lowercase())
        });
    (personlike && (m.role.is_some() || words.len() >= 2)).then(|| people.resolve(m))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Are two tokens separated only by spaces (no comma, no quote)?
fn adjacent(text: &str, a: Tok, b: Tok) -> bool {
    text[a.end..b.start].chars().all(is_space)
}

/// The speaker a cue (the verb at token `v`) points to.
fn speaker_of_cue<'t>(
    text: &'t str,
    tokens: &[Tok],
    v: usize,
    sentence_start: usize,
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) -> Option<PersonIx> {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    // Inversion: "…”, said Stoltenberg." / "said NATO Secretary General Jens Stoltenberg".
    // After "told" comes who was told: "…, a senior official told Reuters".
    let addressed = with_fold(word(v), |w| matches!(w, "told" | "tells"));
    if !addressed
        && v + 1 < tokens.len()
        && starts_upper(word(v + 1))
        && adjacent(text, tokens[v], tokens[v + 1])
    {
        let mut j = v + 1;
        while j + 1 < tokens.len()
            && adjacent(text, tokens[j], tokens[j + 1])
            && in_name(text, tokens, j + 1)
        {
            j += 1;
        }
        // "…has said Ukraine will be invited": the name opens what was said.
        let opens_clause = tokens.get(j + 1).is_some_and(|&t| {
            adjacent(text, tokens[j], t) && fold_in(&text[t.start..t.end], AUXILIARIES)
        });
        let run = &text[tokens[v + 1].start..tokens[j].end];
        if !opens_clause {
            if let Some(ix) = person_for(run, people, keep_upper, mentions) {
                return Some(ix);
            }
        }
    }
    // Subject before the verb, perhaps with "also" or an apposition in between.
    let mut k = v;
    loop {
        if k > 0 && fold_in(word(k - 1), BETWEEN) && adjacent(text, tokens[k - 1], tokens[k]) {
            k -= 1;
        } else if k > 1
            // "Zelenskyy on Monday urged": the day is no one.
            && word(k - 2) == "on"
            && fold_in(word(k - 1), WEEKDAYS)
            && adjacent(text, tokens[k - 2], tokens[k - 1])
            && adjacent(text, tokens[k - 1], tokens[k])
        {
            k -= 2;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let mut end = k - 1;
    // "Stoltenberg, the alliance's chief, said": skip back over the apposition.
    let gap = &text[tokens[end].end..tokens[k].start];
    let mut apposition = None;
    if gap.contains(',') {
        let before = &text[sentence_start..tokens[end].end];
        if let Some(comma) = before.rfind(',') {
            let abs = sentence_start + comma;
            let last = end;
            end = tokens.iter().rposition(|t| t.end <= abs)?;
            apposition = Some((end + 1, last));
        } else {
            return None;
        }
    }
    let subject = word(end);
    if fold_in(subject, PRONOUNS) {
        return people.last_named();
    }
    let mut start = end;
    while start > 0
        && adjacent(text, tokens[start - 1], tokens[start])
        && in_name(text, tokens, start - 1)
    {
        start -= 1;
    }
    // "the chancellor said": a role in lowercase, alone, is someone already named with it.
    let lowercase = !starts_upper(word(start)) && !starts_upper(subject);
    if lowercase && !(start..=end).all(|t| is_role_word(word(t))) {
        return None;
    }
    let run = &text[tokens[start].start..tokens[end].end];
    if let Some((first, last)) = apposition {
        if let Some(ix) = named_in_apposition(
            text,
            tokens,
            (first, last),
            (sentence_start, run),
            people,
            keep_upper,
            mentions,
        ) {
            return Some(ix);
        }
    }
    if lowercase {
        let m = mentions.parse(run, keep_upper);
        return people.find(m);
    }
    person_for(run, people, keep_upper, mentions)
}

/// Can token `k` be part of a name with its title next to a cue: a capital, a role word, an
/// "of" or a surname's particle between capitals?
fn in_name(text: &str, tokens: &[Tok], k: usize) -> bool {
    let w = &text[tokens[k].start..tokens[k].end];
    starts_upper(w)
        || is_role_word(w)
        || of_between(text, tokens, k)
        || particle_in_name(text, tokens, k)
}

/// Is token `k` an "of" inside a name or title: "Secretary of State Antony Blinken", "Lord
/// Ahmad of Wimbledon", "the Ministry of Defence" (which then is no one)?
fn of_between(text: &str, tokens: &[Tok], k: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let titled = |k: usize| starts_upper(word(k)) || is_role_word(word(k));
    k > 0
        && k + 1 < tokens.len()
        && word(k) == "of"
        && titled(k - 1)
        && starts_upper(word(k + 1))
        && adjacent(text, tokens[k - 1], tokens[k])
        && adjacent(text, tokens[k], tokens[k + 1])
}

/// Is token `k` a particle between the capitals of one name: the "von" and "der" of "Ursula
/// von der Leyen"?
fn particle_in_name(text: &str, tokens: &[Tok], k: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let capital_through_particles = |step: &dyn Fn(usize) -> Option<usize>| {
        let mut i = k;
        while let Some(next) = step(i) {
            let (a, b) = (i.min(next), i.max(next));
            if !adjacent(text, tokens[a], tokens[b]) {
                return false;
            }
            if starts_upper(word(next)) {
                return true;
            }
            if !is_particle(word(next)) {
                return false;
            }
            i = next;
        }
        false
    };
    is_particle(word(k))
        && capital_through_particles(&|i| i.checked_sub(1))
        && capital_through_particles(&|i| (i + 1 < tokens.len()).then_some(i + 1))
}

/// "Its president, Aleksandar Vucic, told…": a subject that is only a role, and a name
/// alone between the commas, are one person: the name, with that role.
fn named_in_apposition<'t>(
    text: &'t str,
    tokens: &[Tok],
    (first, last): (usize, usize),
    (sentence_start, subject): (usize, &'t str),
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) -> Option<PersonIx> {
    let role = {
        let m = mentions.parse(subject, keep_upper);
        match (&m.name, &m.role) {
            (None, Some(role)) => role.clone(),
            // "The head of the International Atomic Energy Agency, Rafael Grossi, said": the
            // subject is an institution, and the words before the comma name the office.
            (Some(name), _) if name.split_whitespace().any(|w| fold_in(w, NOT_PERSON)) => {
                office_of_institution(&text[sentence_start..tokens[first].start])?
            }
            _ => return None,
        }
    };
    let only_names = first <= last
        && (first..last).all(|t| adjacent(text, tokens[t], tokens[t + 1]))
        && (first..=last).all(|t| starts_upper(&text[tokens[t].start..tokens[t].end]));
    if !only_names {
        return None;
    }
    let m = mentions.parse(&text[tokens[first].start..tokens[last].end], keep_upper);
    if m.name.is_none() || m.role.is_some() || m.outlet.is_some() {
        return None;
    }
    // "Its president": the possessive points back at what the sentence before named.
    let role = ["Its ", "His ", "Her ", "Their "]
        .iter()
        .find_map(|p| role.strip_prefix(p))
        .unwrap_or(&role);
    // As roles read in labels and titles: "President".
    let mut chars = role.chars();
    let role: String = chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
    let m = Mention {
        role: Some(role),
        ..m.clone()
    };
    Some(people.resolve(&m))
}

/// "The head of the International Atomic Energy Agency": an office, when a role word opens it
/// and it is short.
fn office_of_institution(phrase: &str) -> Option<String> {
    let phrase = phrase.trim_end_matches(|c: char| c == ',' || is_space(c));
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let words = match words.first() {
        Some(w) if ["the", "its"].iter().any(|a| w.eq_ignore_ascii_case(a)) => &words[1..],
        _ => &words[..],
    };
    (words.len() <= 10 && words.first().is_some_and(|w| is_role_word(w))).then(|| words.join(" "))
}

/// A person for a name phrase next to a cue: known ones are found, new ones created.
fn person_for<'t>(
    run: &'t str,
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
) -> Option<PersonIx> {
    let m = mentions.parse(run, keep_upper);
    if m.name.is_none() && m.role.is_none() {
        return None;
    }
    // "Russia's defence ministry claimed": a common noun is nobody's name.
    if m.name
        .as_deref()
        .is_some_and(|n| !n.chars().any(char::is_uppercase))
    {
        return None;
    }
    // "The Ministry of Defence said": an institution, its "of Defence" no role.
    let has_role = m
        .role
        .as_deref()
        .is_some_and(|r| r.split_whitespace().any(is_role_word));
    if let Some(name) = m.name.as_deref() {
        let first = name.split_whitespace().next().unwrap_or(name);
        // "The State Department said": a role word before an institution's noun is no title.
        if fold_in(first, NOT_PERSON) && (!has_role || first.len() == name.len()) {
            return None;
        }
    }
    Some(people.resolve(m))
}

/// Attributes an article's paragraphs sentence by sentence.
pub fn article(
    text: &str,
    body: &[Block],
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
) -> Attributed {
    let mut out = Attributed::default();
    let mut last_quote: Option<(PersonIx, usize)> = None; // speaker, paragraph
    let mut mentions = Mentions::default();
    // The speaker of a quotation left open at the end of the paragraph before.
    let mut carried: Option<PersonIx> = None;
    for (para, block) in body.iter().enumerate() {
        let span = block.span();
        let paragraph = &text[span.range()];
        let mut pieces: Vec<(Mode, Option<PersonIx>, usize, usize)> = Vec::new();
        let open = unclosed_quotation(paragraph, span.start as usize);
        let runs_on = open.is_some()
            && body
                .get(para + 1)
                .is_some_and(|next| opens_with_quotation(&text[next.span().range()]));
        if unbalanced(paragraph) && !runs_on {
            out.findings.push(Finding {
                at: span.start as usize,
                message: "unbalanced quotation marks in this paragraph".into(),
            });
        }
        // "…“My second priority is…”": a paragraph that takes up the quotation left open.
        let mut taken_up = carried
            .take()
            .filter(|_| opens_with_quotation(paragraph))
            .map(|p| {
                (
                    p,
                    quotations(paragraph, span.start as usize)
                        .first()
                        .map(|q| q.1),
                )
            });
        let mut speaker_of_open = None;
        for (s, e) in sentences(text, span.start as usize, span.end as usize) {
            let (mut mode, mut who) = attribute_sentence(
                text,
                (s, e),
                people,
                keep_upper,
                &mut mentions,
                last_quote,
                para,
            );
            // A cue naming someone else says the quotation was not taken up after all.
            if taken_up.is_some_and(|(p, _)| who.is_some_and(|w| w != p)) {
                taken_up = None;
            }
            if let Some((p, closes)) = taken_up {
                (mode, who) = (Mode::Quote, Some(p));
                match closes {
                    Some(c) if c <= e => taken_up = None,
                    // Left open again: it runs on into a third paragraph.
                    None => speaker_of_open = Some(p),
                    Some(_) => {}
                }
            } else if let Some(at) = open.filter(|&at| runs_on && at < e) {
                // The sentence that opens a quotation the paragraph leaves open, and the
                // ones after it, are the quotation.
                if at >= s {
                    speaker_of_open = who;
                }
                if let Some(p) = speaker_of_open {
                    (mode, who) = (Mode::Quote, Some(p));
                }
            }
            if mode == Mode::Quote {
                if let Some(p) = who {
                    last_quote = Some((p, para));
                }
            }
            match pieces.last_mut() {
                Some(last) if last.0 == mode && last.1 == who => last.3 = e,
                _ => pieces.push((mode, who, s, e)),
            }
        }
        if runs_on {
            carried = speaker_of_open;
        }
        for (mode, who, s, e) in pieces {
            out.drafts.push(Draft {
                turn: para as u32,
                person: who,
                reply_to: None,
                mode,
                span: Span::new(s, e),
            });
        }
    }
    out
}

fn attribute_sentence<'t>(
    text: &'t str,
    (s, e): (usize, usize),
    people: &mut People,
    keep_upper: &dyn Fn(&str) -> bool,
    mentions: &mut Mentions<'t>,
    last_quote: Option<(PersonIx, usize)>,
    para: usize,
) -> (Mode, Option<PersonIx>) {
    let sentence = &text[s..e];
    let quotes = quotations(sentence, s);
    let inside = |pos: usize| quotes.iter().any(|&(a, b)| pos >= a && pos < b);
    let tokens = toks(sentence, s);
    let speechlike = quotes.iter().any(|&(a, b)| is_speechlike(&text[a..b]));
    // `"We will respond," Grushko told…`: a quotation that opens the sentence and breaks off
    // at a comma, a question or an exclamation mark is the cue's words however short.
    let cued_quote = || {
        speechlike
            || quotes.first().is_some_and(|&(a, b)| {
                text[s..a].trim().is_empty()
                    && text[a..b]
                        .trim_end_matches(|c: char| {
                            !c.is_alphanumeric() && !matches!(c, ',' | '?' | '!')
                        })
                        .ends_with([',', '?', '!'])
            })
    };
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    // An ASCII word folds to a word of its own length: most words are ruled out by that.
    let word_is = |k: usize, folded: &str| {
        let w = word(k);
        (w.len() == folded.len() || !w.is_ascii()) && with_fold(w, |w| w == folded)
    };

    // "According to him, …" / "according to NATO Secretary General Jens Stoltenberg".
    for k in 0..tokens.len().saturating_sub(2) {
        if inside(tokens[k].start) || !word_is(k, "according") || !word_is(k + 1, "to") {
            continue;
        }
        note_mentions(text, &tokens[..k], people, keep_upper, mentions);
        let who = if fold_in(word(k + 2), PRONOUNS) {
            people.last_named()
        } else {
            let mut j = k + 2;
            while j + 1 < tokens.len() && adjacent(text, tokens[j], tokens[j + 1]) && {
                let n = &text[tokens[j + 1].start..tokens[j + 1].end];
                starts_upper(n) || is_role_word(n) || of_between(text, &tokens, j + 1)
            } {
                j += 1;
            }
            person_for(
                &text[tokens[k + 2].start..tokens[j].end],
                people,
                keep_upper,
                mentions,
            )
        };
        if let Some(p) = who {
            people.touch(p);
            return (
                if speechlike {
                    Mode::Quote
                } else {
                    Mode::Reported
                },
                Some(p),
            );
        }
    }

    for v in 0..tokens.len() {
        let verb = may_be_speech_verb(word(v))
            && with_fold(word(v), |w| SPEECH_VERBS.binary_search(&w).is_ok());
        if inside(tokens[v].start) || !verb {
            continue;
        }
        if fold_in(word(v), WEAK_VERBS) {
            // "…posted on social media that…", "confirmed in a statement that…": the
            // that-clause after a phrase of where or when, not "acknowledged his part in
            // that attack".
            let after_phrase = v + 1 < tokens.len()
                && ["on", "in", "at", "to", "via"]
                    .iter()
                    .any(|p| word_is(v + 1, p))
                && (v + 2..tokens.len().min(v + 6)).any(|k| word_is(k, "that"));
            let that = (v + 1 < tokens.len() && word_is(v + 1, "that")) || after_phrase;
            if !that && !speechlike {
                continue;
            }
        }
        note_mentions(text, &tokens[..v], people, keep_upper, mentions);
        if let Some(p) = speaker_of_cue(text, &tokens, v, s, people, keep_upper, mentions) {
            people.touch(p);
            people.persons[p].note(Evidence::Quoted);
            return (
                if cued_quote() {
                    Mode::Quote
                } else {
                    Mode::Reported
                },
                Some(p),
            );
        }
    }

    note_mentions(text, &tokens, people, keep_upper, mentions);
    // A quotation with no cue right after an attributed one continues that speaker; in the
    // same paragraph a short one too, when it is the whole sentence: `"We have to be
    // stronger," Macron said. "Europe is mortal."`
    let whole_quote = || {
        matches!(quotes.as_slice(), [(a, b)] if text[s..*a].trim().is_empty()
            && text[*b..e].trim().is_empty()
            && text[*a..*b].split_whitespace().count() >= 2)
    };
    if let Some((p, at)) = last_quote {
        if (speechlike && para <= at + 1) || (para == at && whole_quote()) {
            return (Mode::Quote, Some(p));
        }
    }
    (Mode::Narration, None)
}

fn unbalanced(s: &str) -> bool {
    // One pass over the bytes: “ is E2 80 9C, ” E2 80 9D, « C2 AB, » C2 BB.
    let (mut curly, mut guillemets, mut straight) = (0isize, 0isize, 0usize);
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', _, _) => straight += 1,
            (0xE2, Some(0x80), Some(0x9C)) => curly += 1,
            (0xE2, Some(0x80), Some(0x9D)) => curly -= 1,
            (0xC2, Some(0xAB), _) => guillemets += 1,
            (0xC2, Some(0xBB), _) => guillemets -= 1,
            _ => {}
        }
    }
    curly != 0 || guillemets != 0 || straight % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `toks` as first written, char by char: the reference for the byte-wise one.
    fn toks_by_char(s: &str, base: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            let inside = c.is_alphanumeric()
                || ((c == '\'' || c == '’' || c == '-' || c == '.') && start.is_some());
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    out.push((base + st, base + i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(st) = start {
            out.push((base + st, base + s.len()));
        }
        let mut out: Vec<Tok> = out
            .into_iter()
            .map(|(start, end)| Tok { start, end })
            .collect();
        for t in &mut out {
            while let Some(c) = s[t.start - base..t.end - base]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '.' | '-' | '\'' | '’'))
            {
                t.end -= c.len_utf8();
            }
        }
        out.retain(|t| t.end > t.start);
        out
    }

    #[test]
    fn a_title_s_host_is_found_past_letters_that_lower_to_more_bytes() {
        let m = host_in_title("İİİ Press conference by Jens Stoltenberg", &|_| false).unwrap();
        assert_eq!(m.name.as_deref(), Some("Jens Stoltenberg"));
        assert!(cohosts_in_title(
            "İİİİ Talks with Olaf Scholz and Emmanuel Macron",
            &|_| false
        )
        .iter()
        .any(|m| m.name.as_deref() == Some("Emmanuel Macron")));
    }

    #[test]
    fn every_speech_verb_passes_the_quick_check() {
        for v in SPEECH_VERBS {
            assert!(may_be_speech_verb(v), "{v}");
            assert!(may_be_speech_verb(&v.to_uppercase()), "{v}");
        }
        assert!(!may_be_speech_verb("that"));
        assert!(!may_be_speech_verb("Stoltenberg"));
        assert!(may_be_speech_verb("sáid"));
    }

    #[test]
    fn speech_verbs_are_sorted_for_binary_search() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    /// `sentences` as first written, over a collected char vector: the reference.
    fn sentences_collecting_chars(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let s = &text[start..end];
        let mut out = Vec::new();
        let mut from = 0;
        let mut depth_curly = 0i32;
        let mut straight_open = false;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            match c {
                '“' | '«' | '„' => depth_curly += 1,
                '”' | '»' => depth_curly = (depth_curly - 1).max(0),
                '"' => straight_open = !straight_open,
                _ => {}
            }
            let terminal = matches!(c, '.' | '!' | '?' | '…');
            if !terminal || depth_curly > 0 || straight_open {
                continue;
            }
            // Closing marks that belong to this sentence.
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '»' | '"' | '’' | ')' | ']') {
                j += 1;
            }
            let boundary = chars.get(j).map(|&(b, _)| b).unwrap_or(s.len());
            let next_is_space = chars.get(j).is_some_and(|&(_, c)| is_space(c));
            if !next_is_space {
                continue;
            }
            let mut n = j;
            while n < chars.len() && is_space(chars[n].1) {
                n += 1;
            }
            let Some(&(_, next)) = chars.get(n) else {
                continue;
            };
            if !(next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '“' | '"' | '«' | '‘'))
            {
                continue;
            }
            if c == '.' && is_abbreviation(&s[from..i]) {
                continue;
            }
            out.push((start + from, start + boundary));
            from = chars[n].0;
        }
        if from < s.len() {
            let tail = s[from..].trim_end_matches(is_space);
            if !tail.is_empty() {
                out.push((start + from, start + from + tail.len()));
            }
        }
        out
    }

    #[test]
    fn next_capital_finds_every_capital_and_nothing_else() {
        let all: Vec<u8> = (0..=255u8).collect();
        for from in 0..all.len() {
            let expected = all[from..]
                .iter()
                .position(u8::is_ascii_uppercase)
                .map(|n| from + n);
            assert_eq!(next_capital(&all, from), expected, "from {from}");
        }
        // Each byte alone amid lowercase letters, at every offset of a chunk.
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut bytes = vec![b'q'; 16];
                bytes[at] = b;
                let expected = b.is_ascii_uppercase().then_some(at);
                assert_eq!(next_capital(&bytes, 0), expected, "byte {b:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        /// The byte-wise scanners agree with their char-by-char definitions.
        #[test]
        fn scanners_match_their_char_by_char_definitions(
            s in "[A-Za-z0-9 .,!?…’‘'“”„«»\"()\\[\\]ÉéКОß\u{301}\u{a0}\n-]{0,80}",
            base in 0usize..5,
        ) {
            let mut expected: Vec<String> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 2 && w.len() <= 6 && w.chars().all(|c| c.is_ascii_uppercase()))
                .map(str::to_string)
                .collect();
            expected.sort();
            expected.dedup();
            proptest::prop_assert_eq!(acronyms(&s), expected);

            let count = |c: char| s.chars().filter(|&x| x == c).count();
            let unbalanced_by_char =
                count('“') != count('”') || count('«') != count('»') || count('"') % 2 == 1;
            proptest::prop_assert_eq!(unbalanced(&s), unbalanced_by_char);

            proptest::prop_assert_eq!(
                sentences(&s, 0, s.len()),
                sentences_collecting_chars(&s, 0, s.len())
            );

            let pairs = |t: Vec<Tok>| t.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(pairs(toks(&s, base)), pairs(toks_by_char(&s, base)));
        }
    }

    #[test]
    fn sentences_never_split_inside_a_quotation() {
        let t = "“We act. We will,” said Xavi. He left. Mr. Y stayed.";
        let got: Vec<&str> = sentences(t, 0, t.len())
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(
            got,
            ["“We act. We will,” said Xavi.", "He left.", "Mr. Y stayed."]
        );
    }

    #[test]
    fn scare_quotes_and_quoted_names_are_not_speech() {
        assert!(!is_speechlike("“major military steps”"));
        assert!(!is_speechlike("“Operation Storm And Thunder”"));
        assert!(is_speechlike("“We are conducting more patrols”"));
    }

    #[test]
    fn quotations_pair_their_marks() {
        let s = "He said “yes, it’s done” and ‘no’ then «oui mais non».";
        let q: Vec<&str> = quotations(s, 0).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(q, ["“yes, it’s done”", "‘no’", "«oui mais non»"]);
    }
}
