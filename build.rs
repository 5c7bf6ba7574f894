//! Parses `corpus/` at build time into the postcard blob the app embeds.
//!
//! A document that cannot be read fails the build with `file:line: reason`; warnings (no
//! date, unresolved labels) are shown as cargo warnings and do not stop it.

use std::path::Path;

fn main() {
    let dir = Path::new("corpus");
    println!("cargo:rerun-if-changed=corpus");
    for path in podium_core::folder::document_paths(dir).unwrap_or_default() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let built = match podium_core::folder::load(dir) {
        Ok(built) => built,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("error: corpus/{line}");
            }
            std::process::exit(1);
        }
    };
    if built.corpus.documents.is_empty() {
        eprintln!("error: corpus/: no documents (*.txt or *.md); the app would show nothing");
        std::process::exit(1);
    }
    for w in &built.warnings {
        println!("cargo:warning=corpus/{w}");
    }
    let blob = postcard::to_allocvec(&built.corpus).expect("the corpus model always serialises");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("corpus.bin"), blob).expect("OUT_DIR is writable");
}
