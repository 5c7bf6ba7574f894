//! The corpus that `build.rs` parsed and embedded, with the options it was built with.
//!
//! The build script runs podium-core natively over `corpus/` and writes the result as a
//! postcard blob to `$OUT_DIR/corpus.bin`, so the browser never parses the embedded text at
//! start-up. A blob that does not decode (a build script and app out of step) becomes an
//! error the page shows, never a panic. It is decoded on demand rather than kept: the
//! library holds the one live copy.

use podium_core::corpus::Bundle;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The blob itself, for the import worker ([`crate::workbench`]), which decodes its own copy.
pub fn blob() -> &'static [u8] {
    BLOB
}

/// The embedded corpus, or a sentence saying why it could not be read.
pub fn embedded() -> Result<Bundle, String> {
    decode(BLOB)
}

fn decode(blob: &[u8]) -> Result<Bundle, String> {
    postcard::from_bytes(blob).map_err(|err| {
        format!("The embedded corpus could not be read ({err}). Rebuild the app with `make build`.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_decodes_and_holds_documents() {
        let bundle = embedded().expect("the embedded blob decodes");
        assert!(!bundle.corpus.documents.is_empty());
    }

    #[test]
    fn a_corrupt_blob_is_an_error_not_a_panic() {
        let message = decode(&[0xff; 3]).unwrap_err();
        assert!(message.contains("could not be read"), "{message}");
    }
}
