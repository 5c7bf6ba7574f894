//! Arbitrary bytes as a document: `parse_document` gives a document or an error, never a
//! panic; a document loses no text; `build` (default options) agrees.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium_core::corpus::{self, coverage_gap, Options};

fuzz_target!(|data: &[u8]| {
    match corpus::parse_document("fuzz.txt", data) {
        Ok(parsed) => {
            assert_eq!(coverage_gap(&parsed.document), None, "text lost");
            let files = vec![("fuzz.txt".to_string(), data.to_vec())];
            let built = corpus::build(&files, &Options::default()).expect("parsed once, builds");
            for d in &built.corpus.documents {
                assert_eq!(coverage_gap(d), None, "text lost in build");
            }
        }
        Err(e) => {
            assert_eq!(e.file, "fuzz.txt");
            assert!(e.line >= 1);
            assert!(
                corpus::build(&[("fuzz.txt".into(), data.to_vec())], &Options::default()).is_err()
            );
        }
    }
});
