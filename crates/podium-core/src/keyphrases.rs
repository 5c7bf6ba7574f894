//! Automatic topics: keyphrases extracted from the corpus itself, so that a corpus without
//! a curated taxonomy (or a document the taxonomy never anticipated) still gets topics.
//!
//! The method is plain TF-IDF over word n-grams, chosen because it is small, deterministic
//! and explainable in one paragraph:
//!
//! - **Candidates** are runs of 1–3 consecutive content words inside a passage: no
//!   stopword ([`crate::text::STOPWORDS`]) or press-conference filler ("thank",
//!   "question", "secretary"…), no number, and no punctuation or line break between the
//!   words (a hyphen does not break: "Serb-majority"). Candidates are compared by their
//!   stem sequence, so "Kosovo Police" and "Kosovo police's" are one candidate.
//! - **Score** per document: `tf × ln(1 + N / df)`, × 1.5 for a two-word and × 2 for a
//!   three-word phrase (they name things more precisely than single words), × 1.5 when
//!   the phrase is mostly written capitalised away from the start of a sentence (a name:
//!   "EULEX", "Serbian List"), and × 0.5 for a single lowercase word, which is rarely a
//!   topic on its own ("decision", "conflict"). A phrase must occur at least twice in the document
//!   ([`Options::min_count`]) so that one-off words do not become topics.
//! - **Selection**: the best [`Options::per_document`] phrases of each document, skipping
//!   a phrase the curated [`TopicMatcher`] already covers (one of its phrases occurs in the
//!   candidate or contains it, e.g. "police" inside "Kosovo Police"), a phrase naming an
//!   excluded name (speakers), and a near-duplicate of a better phrase (same stems, or one
//!   contained in the other). The union over documents is deduplicated the same way.
//!
//! The result is a list of [`Keyphrase`]s whose label is the most frequent surface form.
//! [`to_taxonomy`] turns them into a [`Taxonomy`], so passages are tagged with them by the
//! same [`TopicMatcher`] as curated topics: one matcher, one notion of "contains".

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::text::{fold, fold_into, is_stopword, stem, stem_in_place, words};
use crate::topics::{FastHash, Taxonomy, TopicDef, TopicMatcher};

/// An automatic topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyphrase {
    /// `"auto-"` + an ASCII slug of the label, unique within one extraction.
    pub id: String,
    /// The most frequent surface form, e.g. "Kosovo Police".
    pub label: String,
    /// The stem sequence that identifies the phrase (see [`crate::text::stem`]).
    pub stems: Vec<String>,
}

/// Tuning for [`extract_with`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Keyphrases kept per document (before merging documents).
    pub per_document: usize,
    /// Minimum occurrences of a phrase in a document for it to count there.
    pub min_count: usize,
    /// Names that must not become topics (speakers and their aliases): a candidate
    /// overlapping one of them is skipped.
    pub exclude: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            per_document: 5,
            min_count: 2,
            exclude: Vec::new(),
        }
    }
}

/// Words that are frequent in press conferences and articles but never a topic on their
/// own. Compared by stem, so inflections are covered.
#[rustfmt::skip] // a word table
const NOT_TOPICS: &[&str] = &[
    "absolutely", "afternoon", "again", "ahead", "answer", "ask", "believe", "certain",
    "clear", "colleague", "come", "continue", "course", "day", "dear", "different",
    "discuss", "dr", "ensure", "everybody", "everyone", "expect", "fact", "first",
    "general", "get", "go", "good", "gentleman", "gentlemen", "great", "happen", "help",
    "important", "including", "issue", "know", "lady", "ladies", "last", "lot", "madam",
    "mention", "minister", "month", "mr", "mrs", "ms", "need", "new", "next", "number",
    "part", "people", "point", "president", "prime", "provide", "question", "regarding",
    "remain", "said", "say", "second", "secretary", "see", "sir", "spokesman",
    "spokesperson", "spokeswoman", "sure", "take", "tell", "thank", "thanks", "thing",
    "think", "time", "today", "told", "tomorrow", "want", "way", "week", "year",
    "yesterday", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
];

/// Most words a candidate may have.
const MAX_WORDS: usize = 3;

/// Extract up to `per_document` keyphrases from each document (a document is the list of
/// its attributed passage texts) and merge them; see the module docs. Deterministic.
pub fn extract(
    documents: &[Vec<&str>],
    per_document: usize,
    curated: &TopicMatcher,
) -> Vec<Keyphrase> {
    let options = Options {
        per_document,
        ..Options::default()
    };
    extract_with(documents, curated, &options)
}

/// [`extract`] with all [`Options`].
pub fn extract_with(
    documents: &[Vec<&str>],
    curated: &TopicMatcher,
    options: &Options,
) -> Vec<Keyphrase> {
    let mut vocabulary = Vocabulary::default();
    for w in NOT_TOPICS {
        vocabulary.id(&stem(w));
    }
    // The filler stems are the first ids.
    let fillers = vocabulary.stems.len() as u32;
    let excluded = TopicMatcher::new(&Taxonomy {
        topics: vec![TopicDef {
            id: "excluded".into(),
            label: "excluded".into(),
            parent: None,
            phrases: options.exclude.clone(),
        }],
    });

    let mut scratch = Scratch::default();
    let counts: Vec<Counts<'_>> = documents
        .iter()
        .map(|passages| count_candidates(passages, &mut vocabulary, fillers, &mut scratch))
        .collect();
    let mut df: HashMap<Gram, usize, FastHash> = HashMap::default();
    for doc in &counts {
        for gram in doc.keys() {
            *df.entry(*gram).or_default() += 1;
        }
    }

    // Candidates frequent enough in a document, and not already curated or excluded;
    // each gram is checked once, however many documents it occurs in.
    let min_count = options.min_count.max(1);
    let mut eligible: HashMap<Gram, bool, FastHash> = HashMap::default();
    let candidates: Vec<Vec<(Gram, &Count<'_>)>> = counts
        .iter()
        .map(|doc| {
            doc.iter()
                .filter(|(gram, c)| {
                    c.total >= min_count
                        && *eligible.entry(**gram).or_insert_with(|| {
                            let stems: Vec<&str> = vocabulary.stems(gram).collect();
                            !curated.overlaps_stems(&stems) && !excluded.overlaps_stems(&stems)
                        })
                })
                .map(|(gram, c)| (*gram, c))
                .collect()
        })
        .collect();

    // Labels: the most frequent surface form over all documents, for candidates only.
    let mut surfaces: HashMap<Gram, HashMap<&str, usize>, FastHash> = eligible
        .iter()
        .filter(|(_, &ok)| ok)
        .map(|(gram, _)| (*gram, HashMap::new()))
        .collect();
    for doc in &counts {
        for (gram, count) in doc {
            if let Some(forms) = surfaces.get_mut(gram) {
                for (surface, n) in count.surfaces() {
                    *forms.entry(surface).or_default() += n;
                }
            }
        }
    }
    let labels: HashMap<Gram, &str, FastHash> = surfaces
        .iter()
        .map(|(&gram, forms)| (gram, most_frequent(forms)))
        .collect();

    let mut picked: HashMap<Gram, f64, FastHash> = HashMap::default();
    for doc in &candidates {
        let mut scored: Vec<Scored<'_>> = doc
            .iter()
            .map(|&(gram, c)| Scored {
                gram,
                label: labels[&gram],
                score: score(c, gram_len(&gram), df[&gram], documents.len()),
            })
            .collect();
        sort_best_first(&mut scored, &vocabulary);
        for s in without_near_duplicates(scored, options.per_document) {
            let best = picked.entry(s.gram).or_insert(s.score);
            *best = best.max(s.score);
        }
    }

    let mut merged: Vec<Scored<'_>> = picked
        .into_iter()
        .map(|(gram, score)| Scored {
            gram,
            label: labels[&gram],
            score,
        })
        .collect();
    sort_best_first(&mut merged, &vocabulary);
    let kept = without_near_duplicates(merged, usize::MAX);
    let mut ids = HashSet::new();
    kept.into_iter()
        .map(|s| Keyphrase {
            id: unique_id(s.label, &mut ids),
            label: s.label.to_owned(),
            stems: vocabulary.stems(&s.gram).map(str::to_owned).collect(),
        })
        .collect()
}

/// A taxonomy with one root topic per keyphrase (its label as the only phrase), so a
/// [`TopicMatcher`] can tag passages with automatic topics.
pub fn to_taxonomy(keyphrases: &[Keyphrase]) -> Taxonomy {
    Taxonomy {
        topics: keyphrases
            .iter()
            .map(|k| TopicDef {
                id: k.id.clone(),
                label: k.label.clone(),
                parent: None,
                phrases: vec![k.label.clone()],
            })
            .collect(),
    }
}

/// A candidate: the [`Vocabulary`] ids of its stems, unused places [`NO_WORD`].
type Gram = [u32; MAX_WORDS];

const NO_WORD: u32 = u32::MAX;

fn gram_len(gram: &Gram) -> usize {
    gram.iter().position(|&w| w == NO_WORD).unwrap_or(MAX_WORDS)
}

/// The stems seen, each with a dense id, so candidates are compared and hashed as a few
/// integers rather than as vectors of strings.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32, FastHash>,
    stems: Vec<String>,
}

impl Vocabulary {
    fn id(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.ids.insert(stem.to_owned(), id);
        self.stems.push(stem.to_owned());
        id
    }

    fn stems<'v>(&'v self, gram: &Gram) -> impl Iterator<Item = &'v str> + 'v {
        let gram = *gram;
        (0..gram_len(&gram)).map(move |k| self.stems[gram[k] as usize].as_str())
    }
}

/// Occurrences of one candidate in one document.
#[derive(Debug)]
struct Count<'a> {
    total: usize,
    /// Occurrences written capitalised, not at the start of a sentence.
    capitalised: usize,
    /// The first surface form seen and its occurrences; then the others (rarely any).
    first: (Cow<'a, str>, usize),
    others: Vec<(Cow<'a, str>, usize)>,
}

impl<'a> Count<'a> {
    fn add_surface(&mut self, surface: Cow<'a, str>) {
        if self.first.0 == surface {
            self.first.1 += 1;
        } else if let Some(other) = self.others.iter_mut().find(|o| o.0 == surface) {
            other.1 += 1;
        } else {
            self.others.push((surface, 1));
        }
    }

    fn surfaces(&self) -> impl Iterator<Item = (&str, usize)> {
        std::iter::once(&self.first)
            .chain(&self.others)
            .map(|(s, n)| (s.as_ref(), *n))
    }
}

type Counts<'a> = HashMap<Gram, Count<'a>, FastHash>;

struct Scored<'a> {
    gram: Gram,
    label: &'a str,
    score: f64,
}

/// A word of a passage, as keyphrase extraction sees it.
#[derive(Clone, Copy)]
struct Token {
    /// The stem's id; [`NO_WORD`] for a word that is not `content`.
    id: u32,
    start: usize,
    end: usize,
    /// May be part of a candidate (not a stopword, filler or number).
    content: bool,
    capitalised: bool,
    /// First word of the passage or of a sentence.
    sentence_start: bool,
    /// Nothing but spaces or one hyphen between this word and the previous one.
    joined: bool,
}

/// Buffers reused from word to word and passage to passage.
#[derive(Default)]
struct Scratch<'a> {
    tokens: Vec<Token>,
    /// Word as written → its stem's id, or [`NO_WORD`] if it is no content word: a
    /// corpus repeats its words, so each distinct one is folded and stemmed once.
    known: HashMap<&'a str, u32, FastHash>,
    folded: String,
    stemmed: String,
}

fn count_candidates<'a>(
    passages: &[&'a str],
    vocabulary: &mut Vocabulary,
    fillers: u32,
    scratch: &mut Scratch<'a>,
) -> Counts<'a> {
    let mut counts = Counts::default();
    for &text in passages {
        tokenize(text, vocabulary, fillers, scratch);
        let tokens = &scratch.tokens;
        for run in tokens.split(|t| !t.content).flat_map(split_at_breaks) {
            for n in 1..=MAX_WORDS.min(run.len()) {
                for gram in run.windows(n) {
                    let mut key = [NO_WORD; MAX_WORDS];
                    for (k, t) in gram.iter().enumerate() {
                        key[k] = t.id;
                    }
                    let first = &gram[0];
                    let capitalised = !first.sentence_start && gram.iter().all(|t| t.capitalised);
                    let surface = surface(text, gram);
                    match counts.entry(key) {
                        Entry::Occupied(mut o) => {
                            let count = o.get_mut();
                            count.total += 1;
                            count.capitalised += usize::from(capitalised);
                            count.add_surface(surface);
                        }
                        Entry::Vacant(v) => {
                            v.insert(Count {
                                total: 1,
                                capitalised: usize::from(capitalised),
                                first: (surface, 1),
                                others: Vec::new(),
                            });
                        }
                    }
                }
            }
        }
    }
    counts
}

/// The words of a candidate as written, with any run of spaces between two of them
/// collapsed to one space; borrowed from the text when it already is.
fn surface<'a>(text: &'a str, gram: &[Token]) -> Cow<'a, str> {
    let s = &text[gram[0].start..gram[gram.len() - 1].end];
    // Words hold no whitespace, and the gaps of a run are blanks or one hyphen.
    let plain = gram.windows(2).all(|p| {
        matches!(
            &text[p[0].end..p[1].start],
            " " | "-" | "\u{2010}" | "\u{2011}"
        )
    });
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(collapse_spaces(s))
    }
}

/// Split a run of content words where punctuation or a line break separates two of them.
fn split_at_breaks(run: &[Token]) -> impl Iterator<Item = &[Token]> {
    let mut rest = run;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = (1..rest.len())
            .find(|&i| !rest[i].joined)
            .unwrap_or(rest.len());
        let (head, tail) = rest.split_at(cut);
        rest = tail;
        Some(head)
    })
}

fn tokenize<'a>(
    text: &'a str,
    vocabulary: &mut Vocabulary,
    fillers: u32,
    scratch: &mut Scratch<'a>,
) {
    let Scratch {
        tokens,
        known,
        folded,
        stemmed,
    } = scratch;
    tokens.clear();
    let mut prev_end = None;
    for w in words(text) {
        let surface = w.text(text);
        let id = *known
            .entry(surface)
            .or_insert_with(|| content_id(surface, vocabulary, fillers, folded, stemmed));
        let gap = prev_end.map(|p| &text[p..w.start]);
        tokens.push(Token {
            id,
            content: id != NO_WORD,
            capitalised: surface.chars().next().is_some_and(char::is_uppercase),
            sentence_start: gap.is_none_or(ends_sentence),
            joined: gap.is_some_and(joins_words),
            start: w.start,
            end: w.end,
        });
        prev_end = Some(w.end);
    }
}

/// The stem id of a content word: two characters or more, a letter, no stopword, and a
/// stem that is no filler. [`NO_WORD`] for any other word.
fn content_id(
    surface: &str,
    vocabulary: &mut Vocabulary,
    fillers: u32,
    folded: &mut String,
    stemmed: &mut String,
) -> u32 {
    fold_into(surface, folded);
    if folded.chars().nth(1).is_none()
        || !folded.chars().any(char::is_alphabetic)
        || is_stopword(folded)
    {
        return NO_WORD;
    }
    stemmed.clear();
    stemmed.push_str(folded);
    stem_in_place(stemmed);
    let id = vocabulary.id(stemmed);
    if id < fillers {
        NO_WORD
    } else {
        id
    }
}

/// Does the text between two words end a sentence (or a line)?
fn ends_sentence(gap: &str) -> bool {
    gap.contains(['.', '!', '?', ':', '\n'])
}

/// Does the text between two words keep them in one phrase? Spaces, or a single hyphen
/// ("Serb-majority"); a dash, comma, quote or line break separates.
fn joins_words(gap: &str) -> bool {
    let blank = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    gap.chars().all(blank) || matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most frequent form; ties go to the smallest string (capitalised before lowercase).
fn most_frequent<'a>(forms: &HashMap<&'a str, usize>) -> &'a str {
    forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map_or("", |(form, _)| form)
}

fn score(count: &Count, words: usize, df: usize, documents: usize) -> f64 {
    let idf = (1.0 + documents as f64 / df.max(1) as f64).ln();
    let length = 1.0 + 0.5 * (words.saturating_sub(1)) as f64;
    let name = if count.capitalised * 2 >= count.total {
        1.5
    } else if words == 1 {
        0.5 // a lone common word ("conflict", "decision") is rarely a topic by itself
    } else {
        1.0
    };
    count.total as f64 * idf * length * name
}

/// Best score first; ties by label, then stems, so the order never depends on hashing.
fn sort_best_first(scored: &mut [Scored<'_>], vocabulary: &Vocabulary) {
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.label.cmp(b.label))
            .then_with(|| vocabulary.stems(&a.gram).cmp(vocabulary.stems(&b.gram)))
    });
}

/// Keep up to `limit` phrases in order, skipping any that contains or is contained in a
/// phrase already kept.
fn without_near_duplicates(scored: Vec<Scored<'_>>, limit: usize) -> Vec<Scored<'_>> {
    let mut kept: Vec<Scored<'_>> = Vec::new();
    for s in scored {
        if kept.len() >= limit {
            break;
        }
        let stems = &s.gram[..gram_len(&s.gram)];
        let overlaps = kept.iter().any(|k| {
            let kept_stems = &k.gram[..gram_len(&k.gram)];
            contains_run(kept_stems, stems) || contains_run(stems, kept_stems)
        });
        if !overlaps {
            kept.push(s);
        }
    }
    kept
}

fn contains_run(hay: &[u32], needle: &[u32]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// `"auto-"` + the label's ASCII slug, with `-2`, `-3`… if already taken.
fn unique_id(label: &str, taken: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in fold(label).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = format!("auto-{}", if slug.is_empty() { "topic" } else { slug });
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_taxonomy() -> TopicMatcher {
        TopicMatcher::new(&Taxonomy::default())
    }

    fn labels(keyphrases: &[Keyphrase]) -> Vec<&str> {
        keyphrases.iter().map(|k| k.label.as_str()).collect()
    }

    #[test]
    fn extracts_repeated_capitalised_phrase_with_its_most_frequent_form() {
        let docs = vec![vec![
            "The Kosovo Police arrested two men.",
            "Officers of the Kosovo Police said the Kosovo police's work continues.",
            "Weather was fine.",
        ]];
        let k = extract(&docs, 5, &no_taxonomy());
        assert_eq!(k[0].label, "Kosovo Police");
        assert_eq!(k[0].id, "auto-kosovo-police");
        assert_eq!(k[0].stems, ["kosovo", "polic"]);
    }

    #[test]
    fn labels_collapse_the_spaces_between_words() {
        let docs = vec![vec![
            "The Kosovo\u{a0}Police arrived.",
            "Then the Kosovo  Police left, and Kosovo\tPolice came back.",
        ]];
        let k = extract(&docs, 5, &no_taxonomy());
        assert_eq!(k[0].label, "Kosovo Police");
    }

    #[test]
    fn one_off_words_are_not_topics() {
        let docs = vec![vec!["Sanctions were discussed.", "Elections were held."]];
        assert!(extract(&docs, 5, &no_taxonomy()).is_empty());
    }

    #[test]
    fn candidates_do_not_cross_punctuation_or_stopwords() {
        let docs = vec![vec!["Ukraine, Gaza. Ukraine, Gaza.", "Ukraine and Gaza"]];
        let k = extract(&docs, 5, &no_taxonomy());
        assert_eq!(labels(&k), ["Gaza", "Ukraine"]);
    }

    #[test]
    fn hyphen_keeps_words_in_one_phrase() {
        let docs = vec![vec![
            "Serb-majority areas voted.",
            "Serb-majority areas again.",
        ]];
        let k = extract(&docs, 1, &no_taxonomy());
        assert_eq!(labels(&k), ["Serb-majority areas"]);
    }

    #[test]
    fn phrases_covered_by_the_curated_taxonomy_are_skipped() {
        let curated = TopicMatcher::new(&Taxonomy {
            topics: vec![TopicDef {
                id: "police".into(),
                label: "Police".into(),
                parent: None,
                phrases: vec!["Kosovo Police".into()],
            }],
        });
        let docs = vec![vec![
            "Kosovo Police and EULEX.",
            "Kosovo Police and EULEX again.",
        ]];
        let k = extract(&docs, 5, &curated);
        assert_eq!(labels(&k), ["EULEX"]);
    }

    #[test]
    fn contained_near_duplicates_are_dropped() {
        let docs = vec![vec![
            "The Kosovo Security Force met.",
            "The Kosovo Security Force left.",
        ]];
        let k = extract(&docs, 5, &no_taxonomy());
        assert_eq!(labels(&k), ["Kosovo Security Force"]);
    }

    #[test]
    fn excluded_names_are_not_topics() {
        let docs = vec![vec![
            "Jens Stoltenberg spoke of EULEX.",
            "Jens Stoltenberg and EULEX.",
        ]];
        let options = Options {
            exclude: vec!["Jens Stoltenberg".into()],
            ..Options::default()
        };
        let k = extract_with(&docs, &no_taxonomy(), &options);
        assert_eq!(labels(&k), ["EULEX"]);
    }

    #[test]
    fn filler_words_and_numbers_are_not_topics() {
        let docs = vec![vec![
            "Thank you, Secretary General, 1000 thanks.",
            "Thank you 1000",
            "Go ahead, Peter. Good afternoon, everybody.",
            "Go ahead, Mary. Good afternoon, everyone.",
            "Ladies and gentlemen, dear colleagues.",
            "Ladies and gentlemen, colleagues.",
        ]];
        assert!(extract(&docs, 5, &no_taxonomy()).is_empty());
    }

    #[test]
    fn rarer_phrase_across_documents_scores_higher() {
        let docs = vec![
            vec!["Border patrols and Gaza.", "Border patrols and Gaza."],
            vec!["Gaza again.", "Gaza once more."],
        ];
        let k = extract(&docs, 1, &no_taxonomy());
        assert_eq!(labels(&k)[0], "Border patrols");
    }

    #[test]
    fn output_is_deterministic_and_ids_unique() {
        let docs = vec![
            vec!["Gaza Strip. Gaza Strip. Kyiv talks. Kyiv talks."],
            vec!["EULEX mission. EULEX mission. Gaza Strip, Gaza Strip."],
        ];
        let first = extract(&docs, 3, &no_taxonomy());
        for _ in 0..5 {
            assert_eq!(extract(&docs, 3, &no_taxonomy()), first);
        }
        let ids: HashSet<&str> = first.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids.len(), first.len());
    }

    #[test]
    fn keyphrase_taxonomy_tags_passages_with_the_shared_matcher() {
        let docs = vec![vec!["Kosovo Police arrived.", "Kosovo police left."]];
        let k = extract(&docs, 5, &no_taxonomy());
        let taxonomy = to_taxonomy(&k);
        assert!(taxonomy.validate().is_ok());
        let matcher = TopicMatcher::new(&taxonomy);
        assert_eq!(matcher.topics_in("the KOSOVO POLICE's statement"), [0]);
    }

    #[test]
    fn ids_are_ascii_slugs_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(
            unique_id("Prishtinë’s Mayor", &mut taken),
            "auto-prishtine-s-mayor"
        );
        assert_eq!(
            unique_id("Prishtine's mayor", &mut taken),
            "auto-prishtine-s-mayor-2"
        );
        assert_eq!(unique_id("Москва", &mut taken), "auto-topic");
    }

    #[test]
    fn empty_input_gives_no_keyphrases() {
        assert!(extract(&[], 5, &no_taxonomy()).is_empty());
        assert!(extract(&[vec![]], 5, &no_taxonomy()).is_empty());
        assert!(extract(&[vec![""]], 0, &no_taxonomy()).is_empty());
    }
}
