#![cfg(feature = "toml")]
//! What the two seed documents must give (issue: "What the seeds must give"), read from
//! the real corpus folder with its real taxonomy.

mod common;

use common::{assert_no_text_lost, passage_with, speaker_id, turns};
use podium_core::{folder, Corpus, Document, Kind, Mode, SpeakerKind};

fn corpus() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    folder::load(&dir).expect("the corpus folder builds").corpus
}

fn doc<'a>(c: &'a Corpus, file: &str) -> &'a Document {
    c.documents
        .iter()
        .find(|d| d.file == file)
        .expect("seed present")
}

const TRANSCRIPT: &str = "000_f56c1ec18aaea4cf.txt";
const ARTICLE: &str = "004_86d41ac8c9f73a49.txt";

#[test]
fn the_press_conference_is_an_undated_transcript_of_five_turns() {
    let c = corpus();
    let d = doc(&c, TRANSCRIPT);
    assert_eq!(d.kind, Kind::Transcript);
    assert_eq!(d.date, None);
    assert_eq!(d.source.as_deref(), Some("NATO"));
    let t = turns(&c, d);
    let expect = [
        (0, Some("jens-stoltenberg"), Mode::Speech),
        (1, Some("reporter"), Mode::Question),
        (2, Some("jens-stoltenberg"), Mode::Speech),
        (3, Some("reporter-reuters"), Mode::Question),
        (4, Some("jens-stoltenberg"), Mode::Speech),
    ];
    let got: Vec<_> = t.iter().map(|(n, s, m)| (*n, s.as_deref(), *m)).collect();
    assert_eq!(got, expect);
}

#[test]
fn each_answer_points_at_its_question() {
    let c = corpus();
    let d = doc(&c, TRANSCRIPT);
    let answer = passage_with(d, "A membership in the Partnership for Peace");
    assert_eq!(answer.reply_to, Some(1));
    let answer = passage_with(d, "So NATO has a history");
    assert_eq!(answer.reply_to, Some(3));
    assert_eq!(passage_with(d, "Dr. Osmani, dear Vjosa").reply_to, None);
}

#[test]
fn osmani_is_addressed_but_never_speaks() {
    let c = corpus();
    assert!(c.speakers.iter().all(|s| !s.name.contains("Osmani")));
}

#[test]
fn check_also_block_is_boilerplate() {
    let c = corpus();
    let d = doc(&c, TRANSCRIPT);
    let boiler: Vec<&str> = d.boilerplate.iter().map(|b| d.slice(b.span)).collect();
    assert_eq!(boiler.first(), Some(&"Check Also"));
    assert!(boiler.iter().any(|b| b.contains("75th Anniversary")));
    assert!(d
        .passages
        .iter()
        .all(|p| !d.slice(p.span).contains("Check Also")));
}

#[test]
fn stoltenberg_is_one_official_speaker_under_all_his_names() {
    let c = corpus();
    let s: Vec<_> = c
        .speakers
        .iter()
        .filter(|s| s.name.contains("Stoltenberg"))
        .collect();
    assert_eq!(s.len(), 1);
    let s = s[0];
    assert_eq!(s.id, "jens-stoltenberg");
    assert_eq!(s.role.as_deref(), Some("NATO Secretary General"));
    assert_eq!(s.kind, SpeakerKind::Official);
    for alias in [
        "NATO Secretary General",
        "Stoltenberg",
        "NATO Secretary General Jens Stoltenberg",
    ] {
        assert!(
            s.aliases.iter().any(|a| a == alias),
            "missing alias {alias}: {:?}",
            s.aliases
        );
    }
    let reporter = c
        .speakers
        .iter()
        .find(|s| s.id == "reporter-reuters")
        .unwrap();
    assert_eq!(reporter.kind, SpeakerKind::Journalist);
    assert_eq!(reporter.name, "Reporter, Reuters");
}

#[test]
fn the_article_is_dated_and_has_exactly_one_quote() {
    let c = corpus();
    let d = doc(&c, ARTICLE);
    assert_eq!(d.kind, Kind::Article);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-10-13"));
    let quotes: Vec<_> = d
        .passages
        .iter()
        .filter(|p| p.mode == Mode::Quote)
        .collect();
    assert_eq!(quotes.len(), 1);
    assert!(d
        .slice(quotes[0].span)
        .contains("We are conducting more patrols"));
    assert_eq!(speaker_id(&c, quotes[0]), Some("jens-stoltenberg"));
}

#[test]
fn reported_speech_is_attributed_through_pronouns() {
    let c = corpus();
    let d = doc(&c, ARTICLE);
    for needle in ["According to him", "Israel–Hamas War"] {
        let p = passage_with(d, needle);
        assert_eq!(p.mode, Mode::Reported, "{needle}");
        assert_eq!(speaker_id(&c, p), Some("jens-stoltenberg"), "{needle}");
    }
}

#[test]
fn scare_quotes_are_not_attributed() {
    let c = corpus();
    let d = doc(&c, ARTICLE);
    let p = passage_with(d, "major military steps");
    assert_ne!(speaker_id(&c, p), Some("jens-stoltenberg"));
    assert_eq!(p.mode, Mode::Narration);
}

#[test]
fn the_publisher_footer_is_boilerplate_and_names_the_source() {
    let c = corpus();
    let d = doc(&c, ARTICLE);
    assert!(d.boilerplate.iter().any(|b| d
        .slice(b.span)
        .starts_with("Prishtina Insight is a digital and print magazine")));
    assert!(d
        .passages
        .iter()
        .all(|p| !d.slice(p.span).contains("digital and print magazine")));
    assert_eq!(d.source.as_deref(), Some("Prishtina Insight"));
}

#[test]
fn seeds_lose_no_text() {
    let c = corpus();
    for d in &c.documents {
        assert_no_text_lost(d);
    }
}

#[test]
fn seed_passages_carry_curated_topics() {
    let c = corpus();
    let d = doc(&c, ARTICLE);
    let p = passage_with(d, "We are conducting more patrols");
    let ids: Vec<&str> = p.topics.iter().map(|&t| c.topic(t).id.as_str()).collect();
    assert!(ids.contains(&"kfor"), "{ids:?}");
    let p = passage_with(d, "Israel–Hamas War");
    let ids: Vec<&str> = p.topics.iter().map(|&t| c.topic(t).id.as_str()).collect();
    assert!(ids.contains(&"israel-hamas-war"), "{ids:?}");
}
