//! Parses `corpus/` at build time into the postcard blob the app embeds.
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
    let built = match podium_core::folder::load(dir) {
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
    let blob = postcard::to_allocvec(&built.corpus).expect("the corpus model always serialises");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("corpus.bin"), blob).expect("OUT_DIR is writable");
}
