//! The corpus that `build.rs` parsed and embedded: decoded once, on first use, then shared.
//!
//! The build script runs podium-core natively over `corpus/` and writes the result as a
//! postcard blob to `$OUT_DIR/corpus.bin`, so the browser never parses text at start-up.
//! A blob that does not decode (a build script and app out of step) becomes an error the page
//! shows, never a panic.

use std::sync::OnceLock;

use podium_core::query::Catalog;
use podium_core::Corpus;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, or a sentence saying why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static str> {
    static CORPUS: OnceLock<Result<Corpus, String>> = OnceLock::new();
    CORPUS
        .get_or_init(|| decode(BLOB))
        .as_ref()
        .map_err(String::as_str)
}

/// The corpus and its search catalog, built once for the life of the page.
pub fn load() -> Result<(&'static Corpus, &'static Catalog), &'static str> {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    let corpus = corpus()?;
    Ok((corpus, CATALOG.get_or_init(|| Catalog::new(corpus))))
}

fn decode(blob: &[u8]) -> Result<Corpus, String> {
    postcard::from_bytes(blob).map_err(|err| {
        format!("The embedded corpus could not be read ({err}). Rebuild the app with `make build`.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_decodes_and_holds_documents() {
        let corpus = corpus().expect("the embedded blob decodes");
        assert!(!corpus.documents.is_empty());
    }

    #[test]
    fn a_corrupt_blob_is_an_error_not_a_panic() {
        let message = decode(&[0xff; 3]).unwrap_err();
        assert!(message.contains("could not be read"), "{message}");
    }
}
