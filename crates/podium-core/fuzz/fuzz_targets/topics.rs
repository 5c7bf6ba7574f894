//! Arbitrary text against the real taxonomy (`corpus/topics.toml`): matches lie on char
//! boundaries inside the text and name a real topic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use podium_core::topics::{Taxonomy, TopicMatcher};

fn matcher() -> &'static (TopicMatcher, usize) {
    static M: OnceLock<(TopicMatcher, usize)> = OnceLock::new();
    M.get_or_init(|| {
        let toml = include_str!("../../../../corpus/topics.toml");
        let taxonomy = Taxonomy::from_toml(toml).expect("corpus/topics.toml is valid");
        (TopicMatcher::new(&taxonomy), taxonomy.topics.len())
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (matcher, n) = matcher();
    for m in matcher.matches(text) {
        assert!(m.topic < *n);
        assert!(m.start <= m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    for t in matcher.topics_in(text) {
        assert!(t < *n);
    }
});
