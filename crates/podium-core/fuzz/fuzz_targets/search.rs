//! Arbitrary search text: `Search::parse` and `Index::search` over a small fixed corpus
//! never panic, hits are sorted passage numbers in range, and highlights are char ranges.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use podium_core::corpus::{self, Options};
use podium_core::index::{highlights, Index, Search};
use podium_core::Corpus;

const DOCS: [(&str, &str); 2] = [
    (
        "a.txt",
        "Press conference by NATO Secretary General Jens Stoltenberg\n\n13 October 2023\n\n\
         Jens Stoltenberg: KFOR troops will stay in Kosovo. We are “ready to act”.\n\n\
         QUESTION (Reuters): What about Zürich talks and the Serb-majority north?\n\n\
         Jens Stoltenberg: Dialogue is the only way. Café, naïve, İstanbul, straße.\n",
    ),
    (
        "b.txt",
        "Troops deployed\n\nBRUSSELS, Oct 13 (Reuters) - NATO will send more troops, \
         Stoltenberg said. \"We will not hesitate,\" he added. عربي e\u{301} 🙂\n",
    ),
];

fn fixture() -> &'static (Corpus, Index) {
    static F: OnceLock<(Corpus, Index)> = OnceLock::new();
    F.get_or_init(|| {
        let files: Vec<(String, Vec<u8>)> = DOCS
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect();
        let corpus = corpus::build(&files, &Options::default())
            .expect("fixture parses")
            .corpus;
        let index = Index::build(&corpus);
        (corpus, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let search = Search::parse(text);
    let (corpus, index) = fixture();
    let hits = index.search(corpus, &search);
    if let Some(p) = &hits.passages {
        assert!(p.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
        assert!(p.iter().all(|&n| (n as usize) < index.passages.len()));
        for &n in p {
            let r = index.passages[n as usize];
            let doc = &corpus.documents[r.doc as usize];
            let passage_text = doc.slice(doc.passages[r.passage as usize].span);
            for (a, b) in highlights(passage_text, &hits) {
                assert!(a <= b && b <= passage_text.len());
                assert!(passage_text.is_char_boundary(a) && passage_text.is_char_boundary(b));
            }
        }
    }
});
