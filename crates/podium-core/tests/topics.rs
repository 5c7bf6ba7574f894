//! The curated taxonomy (`corpus/topics.toml`) against the seed documents (`corpus/*.txt`):
//! every topic finds the passages it is about, and page furniture finds no topic.
//!
//! Paragraphs are cut at blank lines here, independently of the parser, so these tests
//! check the taxonomy and the matcher only.
#![cfg(feature = "toml")]

use std::path::{Path, PathBuf};

use podium_core::keyphrases;
use podium_core::topics::{Taxonomy, TopicMatcher};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn taxonomy() -> Taxonomy {
    let text = std::fs::read_to_string(corpus_dir().join("topics.toml")).unwrap();
    Taxonomy::from_toml(&text).unwrap_or_else(|e| panic!("corpus/topics.toml: {e}"))
}

/// (file name, paragraph) for every blank-line-separated paragraph of the seed texts.
fn seed_paragraphs() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed documents in corpus/");
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\r\n", "\n");
        for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            out.push((name.clone(), paragraph.to_owned()));
        }
    }
    out
}

fn topic_ids(taxonomy: &Taxonomy, matcher: &TopicMatcher, text: &str) -> Vec<String> {
    let ids = matcher.topics_in(text).into_iter();
    ids.map(|t| taxonomy.topics[t].id.clone()).collect()
}

fn paragraph_containing<'a>(paragraphs: &'a [(String, String)], needle: &str) -> &'a str {
    let found = paragraphs.iter().find(|(_, p)| p.contains(needle));
    &found
        .unwrap_or_else(|| panic!("no seed paragraph contains {needle:?}"))
        .1
}

#[test]
fn curated_taxonomy_parses_and_covers_the_required_topics() {
    let t = taxonomy();
    for id in [
        "western-balkans",
        "kosovo-security",
        "kfor",
        "banjska-attack",
        "may-attack-on-kfor",
        "nato-membership",
        "belgrade-pristina-dialogue",
        "serb-majority-municipalities",
        "russian-influence",
        "bosnia-and-herzegovina",
        "north-macedonia",
        "kosovo-security-forces",
        "accountability",
        "arms-from-serbia",
        "israel-hamas-war",
        "ukraine",
    ] {
        assert!(t.index_of(id).is_some(), "topics.toml lacks {id:?}");
    }
}

#[test]
fn every_curated_topic_matches_some_seed_paragraph() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let mut hits = vec![0usize; t.topics.len()];
    for (_, p) in &paragraphs {
        for topic in m.topics_in(p) {
            hits[topic] += 1;
        }
    }
    let missing: Vec<&str> = t
        .topics
        .iter()
        .zip(&hits)
        .filter(|(_, &n)| n == 0)
        .map(|(topic, _)| topic.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "topics matching no seed paragraph: {missing:?}"
    );
}

#[test]
fn publisher_footer_and_related_links_match_no_topic() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    for needle in [
        "Prishtina Insight is a digital and print magazine",
        "Check Also",
        "NATO’s 75th Anniversary",
        "Today, we celebrate 75 years",
        "Source: NATO",
        "13 October 2023",
        "Dr. Osmani, dear Vjosa",
        "Thank you so much for your warm welcome",
    ] {
        let p = paragraph_containing(&paragraphs, needle);
        assert_eq!(topic_ids(&t, &m, p), Vec::<String>::new(), "{p}");
    }
}

#[test]
fn may_attack_paragraph_is_about_the_attack_and_kfor() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let p = paragraph_containing(&paragraphs, "93 NATO soldiers injured");
    let ids = topic_ids(&t, &m, p);
    assert!(ids.contains(&"may-attack-on-kfor".into()), "{ids:?}");
    assert!(ids.contains(&"kfor".into()), "{ids:?}");
    assert!(!ids.contains(&"banjska-attack".into()), "{ids:?}");
}

#[test]
fn dialogue_and_association_paragraphs_get_their_own_topics() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let dialogue = paragraph_containing(&paragraphs, "strongly supports the EU-facilitated");
    assert_eq!(topic_ids(&t, &m, dialogue), ["belgrade-pristina-dialogue"]);
    let asm = paragraph_containing(&paragraphs, "association of Serb-majority");
    assert_eq!(topic_ids(&t, &m, asm), ["serb-majority-municipalities"]);
}

#[test]
fn israel_paragraphs_are_not_tagged_ukraine_and_vice_versa() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let p = paragraph_containing(&paragraphs, "Israel retaliated");
    assert_eq!(topic_ids(&t, &m, p), ["israel-hamas-war"]);
}

#[test]
fn matched_ranges_highlight_the_phrase_in_the_original_text() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let p = paragraph_containing(&paragraphs, "arsenal that the bullets");
    let shown: Vec<&str> = m.matches(p).iter().map(|x| &p[x.start..x.end]).collect();
    assert!(shown.contains(&"bullets"), "{shown:?}");
    assert!(shown.contains(&"made in Serbia"), "{shown:?}");
    assert!(shown.contains(&"northern Kosovo"), "{shown:?}");
}

#[test]
fn children_of_a_parent_are_found_through_ancestors() {
    let t = taxonomy();
    let kfor = t.index_of("kfor").unwrap();
    let ancestors: Vec<&str> = t.ancestors(kfor).map(|a| t.topics[a].id.as_str()).collect();
    assert_eq!(ancestors, ["kosovo-security", "western-balkans"]);
}

#[test]
fn keyphrases_on_the_seeds_avoid_curated_topics_and_page_furniture() {
    let t = taxonomy();
    let m = TopicMatcher::new(&t);
    let paragraphs = seed_paragraphs();
    let mut documents: Vec<Vec<&str>> = Vec::new();
    let mut last_file = "";
    for (file, p) in &paragraphs {
        if file != last_file {
            documents.push(Vec::new());
            last_file = file;
        }
        documents.last_mut().unwrap().push(p);
    }
    let found = keyphrases::extract(&documents, 5, &m);
    for k in &found {
        assert!(k.id.starts_with("auto-") && k.id.is_ascii(), "{k:?}");
        assert!(!m.overlaps_stems(&k.stems), "{k:?} is already curated");
    }
    let again = keyphrases::extract(&documents, 5, &m);
    assert_eq!(found, again);
}
