//! Properties over generated documents: every non-whitespace character lies in exactly one
//! span (spans sorted, non-overlapping, in bounds, on char boundaries), parsing is
//! deterministic and never panics, and speaker ids do not move when unrelated documents
//! join the corpus.

mod common;

use podium_core::corpus::{self, coverage_gap, Options};
use proptest::prelude::*;

/// Pieces real documents are made of, in many conventions, to be shuffled together.
fn piece() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        Just("MR. PRICE:".to_string()),
        Just("MR PRICE:".to_string()),
        Just("SECRETARY BLINKEN:".to_string()),
        Just("THE PRESIDENT:".to_string()),
        Just("MODERATOR:".to_string()),
        Just("Question:".to_string()),
        Just("QUESTION:".to_string()),
        Just("Q:".to_string()),
        Just("Q.".to_string()),
        Just("Q  ".to_string()),
        Just("Q\u{a0}".to_string()),
        Just("Jane Smith:".to_string()),
        Just("Jane Doe, AFP:".to_string()),
        Just("NATO Secretary General Jens Stoltenberg:".to_string()),
        Just("QUESTION (Reuters):".to_string()),
    ];
    let words = prop::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,10}",
            Just("Stoltenberg".to_string()),
            Just("said".to_string()),
            Just("he".to_string()),
            Just("according to".to_string()),
            Just("“We will act,”".to_string()),
            Just("\"quoted words here now\"".to_string()),
            Just("«oui»".to_string()),
            Just("‘x’".to_string()),
            Just("Kosovo’s".to_string()),
            Just("Zürich".to_string()),
            Just("—".to_string()),
            Just("(Laughter.)".to_string()),
            Just("13/10/2023".to_string()),
            Just("Mr.".to_string()),
            Just("KFOR".to_string()),
            Just("عربي".to_string()),
            Just("e\u{301}".to_string()),
            Just("🙂".to_string()),
            Just(":".to_string()),
            Just(".".to_string()),
            Just("?".to_string()),
        ],
        1..14,
    )
    .prop_map(|w| w.join(" "));
    let sentence = (
        words,
        prop_oneof![Just("."), Just("?"), Just(""), Just("!”")],
    )
        .prop_map(|(w, end)| format!("{w}{end}"));
    prop_oneof![
        (label, sentence.clone()).prop_map(|(l, s)| format!("{l} {s}")),
        sentence.clone(),
        Just("(Cross-talk.)".to_string()),
        Just("[00:12:31]".to_string()),
        Just("13 October 2023 - 18:21".to_string()),
        Just("Source: NATO".to_string()),
        Just("By Jane Smith".to_string()),
        Just("Check Also".to_string()),
        Just("Copyright © 2016 BIRN Kosovo. All rights reserved.".to_string()),
        Just("BRUSSELS, Oct 13 (Reuters) - NATO said.".to_string()),
        Just("\u{feff}".to_string()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("\n"),
        Just("\n\n"),
        Just("\r\n"),
        Just("\r\n\r\n"),
        Just("\r"),
        Just("\n \u{a0}\t\n"),
        Just(" "),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 1..30).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

fn parse(name: &str, text: &str) -> Option<podium_core::Document> {
    corpus::parse_document(name, text.as_bytes())
        .ok()
        .map(|p| p.document)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_character_of_a_generated_document_is_in_exactly_one_span(text in document()) {
        if let Some(doc) = parse("gen.txt", &text) {
            prop_assert_eq!(coverage_gap(&doc), None, "text: {:?}", text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_loses_nothing(text in "\\PC{0,400}") {
        if let Some(doc) = parse("any.txt", &text) {
            prop_assert_eq!(coverage_gap(&doc), None, "text: {:?}", text);
        }
    }

    #[test]
    fn arbitrary_bytes_give_a_document_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = corpus::parse_document("bytes.txt", &bytes);
    }

    #[test]
    fn parsing_is_deterministic(text in document()) {
        prop_assert_eq!(parse("a.txt", &text), parse("a.txt", &text));
    }

    #[test]
    fn speaker_ids_are_stable_when_unrelated_documents_are_added(text in document()) {
        let base = vec![("a.txt".to_string(), text.clone().into_bytes())];
        let unrelated = "Another briefing\n\nHelga Nordmann: Fisheries policy is on track.\n\n\
            QUESTION: What about quotas?\n\nHelga Nordmann: They stay.\n";
        let mut more = base.clone();
        more.push(("b.txt".to_string(), unrelated.as_bytes().to_vec()));
        let (Ok(one), Ok(two)) = (corpus::build(&base, &Options::default()), corpus::build(&more, &Options::default())) else {
            return Ok(());
        };
        let ids = |c: &podium_core::Corpus| -> Vec<Option<String>> {
            c.documents.iter().find(|d| d.file == "a.txt").unwrap().passages.iter()
                .map(|p| p.speaker.map(|s| c.speaker(s).id.clone())).collect()
        };
        prop_assert_eq!(ids(&one.corpus), ids(&two.corpus));
    }
}
