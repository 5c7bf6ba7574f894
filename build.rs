//! Parses `corpus/` at build time into the postcard blob the app embeds: the corpus and the
//! options (taxonomy, speakers, corrections) it was built with.
//!
//! `PODIUM_CORPUS=DIR` embeds another folder instead (a test set, a synthetic corpus).
//!
//! A document that cannot be read fails the build with `file:line: reason`; warnings (no
//! date, unresolved labels) are shown as cargo warnings and do not stop it.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=PODIUM_CORPUS");
    let dir = std::env::var("PODIUM_CORPUS").unwrap_or_else(|_| "corpus".to_string());
    let dir = Path::new(&dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in podium_core::folder::document_paths(dir).unwrap_or_default() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let options = podium_core::folder::options(dir);
    let built = match options.and_then(|options| {
        let files = podium_core::folder::read_files(&podium_core::folder::document_paths(dir)?)?;
        let built = podium_core::corpus::build(&files, &options)
            .map_err(podium_core::folder::FolderError::Documents)?;
        Ok((built, options))
    }) {
        Ok(built) => built,
        Err(podium_core::folder::FolderError::Documents(errors)) => {
            for e in errors {
                eprintln!("error: {}/{e}", dir.display());
            }
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let (built, options) = built;
    if built.corpus.documents.is_empty() {
        eprintln!(
            "error: {}/: no documents (*.txt or *.md); the app would show nothing",
            dir.display()
        );
        std::process::exit(1);
    }
    for w in &built.warnings {
        println!("cargo:warning={}/{w}", dir.display());
    }
    // The options travel with the corpus: the browser assembles the reader's own documents
    // with the embedded ones exactly as this build would have.
    let bundle = podium_core::corpus::Bundle {
        corpus: built.corpus,
        options,
    };
    let blob = postcard::to_allocvec(&bundle).expect("the corpus model always serialises");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("corpus.bin"), blob).expect("OUT_DIR is writable");
}
