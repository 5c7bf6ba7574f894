//! Reading a corpus folder from disk: the documents (`*.txt`, `*.md`), `topics.toml` and
//! an optional `speakers.toml`. Native only (the build script and the CLI).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Built, DocumentError, Options};
use crate::corrections::{speaker_corrections_from_toml, topic_corrections_from_toml};
use crate::speakers::overrides_from_toml;
use crate::topics::Taxonomy;

/// Why a corpus folder could not be built.
#[derive(Debug)]
pub enum FolderError {
    Io(PathBuf, std::io::Error),
    Config(PathBuf, String),
    Documents(Vec<DocumentError>),
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FolderError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            FolderError::Config(path, e) => write!(f, "{}: {e}", path.display()),
            FolderError::Documents(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FolderError {}

/// Automatic keyphrases per document when the folder does not say otherwise.
pub const KEYPHRASES_PER_DOCUMENT: usize = 5;

/// The document files of a folder, sorted by name.
pub fn document_paths(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let io = |e| FolderError::Io(dir.to_path_buf(), e);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads `topics.toml` and `speakers.toml` (both optional) of a folder, with the readers'
/// corrections each holds: those of `speakers.toml` first, then those of `topics.toml`.
pub fn options(dir: &Path) -> Result<Options, FolderError> {
    let read = |name: &str| -> Result<Option<(PathBuf, String)>, FolderError> {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some((path, text))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(FolderError::Io(path, e)),
        }
    };
    let mut corrections = Vec::new();
    let speakers = match read("speakers.toml")? {
        Some((path, text)) => {
            let speakers =
                overrides_from_toml(&text).map_err(|e| FolderError::Config(path.clone(), e))?;
            corrections.extend(
                speaker_corrections_from_toml(&text, &speakers)
                    .map_err(|e| FolderError::Config(path, e))?,
            );
            speakers
        }
        None => Vec::new(),
    };
    let taxonomy = match read("topics.toml")? {
        Some((path, text)) => {
            let config = |e: String| FolderError::Config(path.clone(), e);
            let taxonomy = Taxonomy::from_toml(&text).map_err(|e| config(e.to_string()))?;
            corrections.extend(topic_corrections_from_toml(&text, &taxonomy).map_err(config)?);
            taxonomy
        }
        None => Taxonomy::default(),
    };
    Ok(Options {
        taxonomy,
        speakers,
        keyphrases_per_document: KEYPHRASES_PER_DOCUMENT,
        corrections,
    })
}

/// Reads files as `(file name, bytes)` pairs.
pub fn read_files(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, FolderError> {
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| FolderError::Io(p.clone(), e))?;
            let name = p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok((name, bytes))
        })
        .collect()
}

/// Builds the corpus of a folder.
pub fn load(dir: &Path) -> Result<Built, FolderError> {
    let options = options(dir)?;
    let files = read_files(&document_paths(dir)?)?;
    corpus::build(&files, &options).map_err(FolderError::Documents)
}
