//! Reading articles: `.txt` files, folders (recursively, `.txt` and `.jsonl`), JSON Lines records
//! and standard input. A bad file or record is reported with its path (and line) and skipped;
//! everything else is still read.

use crate::error::Error;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article as read, before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file stem for a `.txt` file, the record's `id` for JSON Lines.
    pub id: String,
    /// The text exactly as read (UTF-8).
    pub text: String,
    /// Where it came from, for messages.
    pub origin: String,
    /// Metadata a JSON Lines record may carry; it wins over what the text says.
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// What reading a set of inputs gave: the articles, in input order, and the failures.
#[derive(Debug, Default)]
pub struct Inputs {
    pub articles: Vec<Article>,
    pub errors: Vec<Error>,
}

/// Where articles come from: a file, or standard input.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// The sources behind the paths given (folders walked, sorted), and the folders that could not be read.
pub fn sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, &mut errors);
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    (out, errors)
}

/// Reads one source: its articles and what was wrong with it.
pub fn read(source: &Source, out: &mut Inputs) {
    match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => read_bytes(Path::new("<stdin>"), "stdin", &buf, Kind::Sniff, out),
                Err(source) => out.errors.push(Error::Io {
                    path: "<stdin>".into(),
                    source,
                }),
            }
        }
        Source::File(p) => read_file(p, out),
    }
}

/// Reads every path; `-` is standard input (plain text, or JSON Lines when it starts with `{`).
/// (Everything in memory: `load` streams instead.)
pub fn read_inputs(paths: &[PathBuf]) -> Inputs {
    let (srcs, errors) = sources(paths);
    let mut out = Inputs {
        articles: Vec::new(),
        errors,
    };
    for s in &srcs {
        read(s, &mut out);
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::Io {
                path: dir.into(),
                source,
            });
            return;
        }
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files, errors);
        } else if matches!(extension(&p).as_deref(), Some("txt" | "jsonl")) {
            files.push(p);
        }
    }
}

fn extension(p: &Path) -> Option<String> {
    p.extension().map(|e| e.to_string_lossy().to_lowercase())
}

enum Kind {
    Text,
    Jsonl,
    Sniff,
}

fn read_file(path: &Path, out: &mut Inputs) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => {
            out.errors.push(Error::Io {
                path: path.into(),
                source,
            });
            return;
        }
    };
    let kind = match extension(path).as_deref() {
        Some("jsonl") => Kind::Jsonl,
        _ => Kind::Text,
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_bytes(path, &stem, &bytes, kind, out);
}

/// Why bytes are not an article's text, if they are not.
fn reject(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Some("empty file".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)".into());
    }
    let nuls = bytes.iter().filter(|b| **b == 0).count();
    if nuls > 0 {
        // UTF-16 without a byte order mark: many NUL bytes, nearly all at even or all at odd offsets.
        let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = nuls - even;
        if nuls * 4 >= bytes.len() && even.max(odd) * 10 >= nuls * 9 {
            return Some(
                "looks like UTF-16 text without a byte order mark; convert it to UTF-8".into(),
            );
        }
        return Some("binary file (contains NUL bytes)".into());
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return Some(format!(
            "not UTF-8 (invalid byte at offset {}); convert it to UTF-8",
            e.valid_up_to()
        ));
    }
    None
}

fn read_bytes(path: &Path, stem: &str, bytes: &[u8], kind: Kind, out: &mut Inputs) {
    if let Some(reason) = reject(bytes) {
        out.errors.push(Error::BadInput {
            path: path.into(),
            reason,
        });
        return;
    }
    let text = std::str::from_utf8(bytes).expect("checked by reject");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let jsonl = match kind {
        Kind::Jsonl => true,
        Kind::Text => false,
        Kind::Sniff => text.trim_start().starts_with('{'),
    };
    if !jsonl {
        out.articles.push(Article {
            id: stem.to_string(),
            text: text.to_string(),
            origin: path.display().to_string(),
            title: None,
            date: None,
            url: None,
            source: None,
        });
        return;
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| Error::BadRecord {
            path: path.into(),
            line: i + 1,
            reason,
        };
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.errors
                    .push(bad(format!("malformed JSON Lines record: {e}")));
                continue;
            }
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                out.errors.push(bad(
                    "record has no usable \"id\" (a non-empty string or a number)".into(),
                ));
                continue;
            }
        };
        if rec.text.trim().is_empty() {
            out.errors
                .push(bad(format!("record {id:?} has an empty \"text\"")));
            continue;
        }
        out.articles.push(Article {
            id,
            text: rec.text,
            origin: format!("{}:{}", path.display(), i + 1),
            title: rec.title.filter(|t| !t.trim().is_empty()),
            date: rec.date.filter(|t| !t.trim().is_empty()),
            url: rec.url.filter(|t| !t.trim().is_empty()),
            source: rec.source.filter(|t| !t.trim().is_empty()),
        });
    }
}
