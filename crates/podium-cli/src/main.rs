//! `podium-cli`: inspect and check a Podium corpus from the command line.
//!
//! ```text
//! podium-cli inspect [--json] FILE...   how each file parses: turns, speakers, modes, topics
//! podium-cli check DIR | FILE...        lint a corpus folder, or some files; exit 1 on errors
//! podium-cli synth --docs N --out DIR [--seed S] [--from DIR]
//!                                       write a synthetic corpus recombined from real passages
//! ```
//!
//! `inspect` uses the topics and speakers of the corpus folder the files sit in (their
//! `topics.toml` / `speakers.toml`), so what it prints is what the app will show.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use podium_core::corpus::{self, Built, Options};
use podium_core::folder;

mod json;
mod listing;
mod synth;

const USAGE: &str = "usage:
  podium-cli inspect [--json] FILE...   show how files parse (turns, speakers, modes, topics)
  podium-cli check DIR | FILE...        lint a corpus folder, or files with the topics and
                                        speakers of their folder (exit 1 on errors)
  podium-cli synth --docs N --out DIR [--seed S] [--from DIR]
                                        write N synthetic documents recombined from the
                                        passages of DIR (default: corpus), for scale tests";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("inspect") => inspect(&args[1..]),
        Some("check") if args.len() >= 2 => check(&args[1..]),
        Some("synth") => synth(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

/// The options of the folder the first file lies in; none when it has no taxonomy.
fn options_near(files: &[PathBuf]) -> Result<Options, folder::FolderError> {
    let dir = files
        .first()
        .and_then(|f| f.parent())
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    folder::options(dir)
}

fn inspect(args: &[String]) -> ExitCode {
    let as_json = args.iter().any(|a| a == "--json");
    let files: Vec<PathBuf> = args
        .iter()
        .filter(|a| *a != "--json")
        .map(PathBuf::from)
        .collect();
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let built = match build_files(&files) {
        Ok(b) => b,
        Err(e) => return fail_to_build(e),
    };
    if as_json {
        println!("{}", json::corpus(&built.corpus));
    } else {
        print!("{}", listing::corpus(&built.corpus));
        print_warnings(&built);
    }
    ExitCode::SUCCESS
}

fn print_warnings(built: &Built) {
    for w in &built.warnings {
        eprintln!("{w}");
    }
}

/// A folder is checked whole; files are checked as `inspect` reads them, with their folder's
/// `topics.toml` and `speakers.toml`.
fn check(args: &[String]) -> ExitCode {
    let (what, built) = match args {
        [dir] if Path::new(dir).is_dir() => (dir.clone(), folder::load(Path::new(dir))),
        files => {
            let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
            let what = match files.as_slice() {
                [one] => one.display().to_string(),
                many => format!("{} files", many.len()),
            };
            (what, build_files(&files))
        }
    };
    match built {
        Ok(built) => {
            print_warnings(&built);
            let c = &built.corpus;
            eprintln!(
                "{what}: {} documents, {} passages, {} speakers, {} topics; {} warnings",
                c.documents.len(),
                c.passage_count(),
                c.speakers.len(),
                c.topics.len(),
                built.warnings.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail_to_build(e),
    }
}

/// One `error:` line for each document that could not be read, or for the folder.
fn fail_to_build(e: folder::FolderError) -> ExitCode {
    match e {
        folder::FolderError::Documents(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            ExitCode::FAILURE
        }
        e => fail(e),
    }
}

fn build_files(files: &[PathBuf]) -> Result<Built, folder::FolderError> {
    let options = options_near(files)?;
    let sources = folder::read_files(files)?;
    corpus::build(&sources, &options).map_err(folder::FolderError::Documents)
}

fn synth(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let (Some(docs), Some(out)) = (
        value("--docs").and_then(|n| n.parse::<usize>().ok()),
        value("--out"),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let seed = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    let from = Path::new(value("--from").map_or("corpus", String::as_str));
    let source = match folder::load(from) {
        Ok(b) => b.corpus,
        Err(e) => return fail(e),
    };
    let out = Path::new(out);
    match synth::write(&source, docs, seed, out) {
        Ok(bytes) => {
            if let Ok(topics) = std::fs::read(from.join("topics.toml")) {
                if let Err(e) = std::fs::write(out.join("topics.toml"), topics) {
                    return fail(e);
                }
            }
            eprintln!(
                "{}: {docs} documents, {bytes} bytes (seed {seed})",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}
