//! Reading articles: `.txt` files, folders (recursively, `.txt` and `.jsonl`), JSON Lines records
//! and standard input. A bad file or record is reported with its path (and line) and skipped;
//! everything else is still read.

pub mod meta;

use crate::error::Error;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
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
    /// The record's date, parsed (`None` when it has none or it does not read as a date).
    pub date: Option<chrono::NaiveDate>,
    pub url: Option<String>,
    pub source: Option<String>,
}

#[cfg(test)]
impl Article {
    /// An article of a test: its id and text, no metadata.
    pub fn of_text(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            origin: "test".into(),
            title: None,
            date: None,
            url: None,
            source: None,
        }
    }
}

/// A date as a JSON Lines record gives it: `2017-02-21` (a time after it is ignored) or `21/02/2017`.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .ok()
        .or_else(|| meta::dateline(s))
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
    /// Bytes of the sources read to give these (a progress bar's position in them).
    pub bytes: u64,
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
        } else {
            match kind_of(p) {
                Ok(Entry::Dir) => {
                    let mut files = Vec::new();
                    let mut seen = std::collections::HashSet::new();
                    walk(p, &mut files, &mut errors, &mut seen);
                    files.sort();
                    out.extend(files.into_iter().map(Source::File));
                }
                Ok(Entry::File) => out.push(Source::File(p.clone())),
                Err(e) => errors.push(e),
            }
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
                Ok(n) => {
                    out.bytes += n as u64;
                    read_bytes(Path::new("<stdin>"), "stdin", &buf, Kind::Sniff, out)
                }
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
        errors,
        ..Inputs::default()
    };
    for s in &srcs {
        read(s, &mut out);
    }
    out
}

/// Walks a folder for `.txt` and `.jsonl` files. A folder reached again through a link (a
/// symlink loop, or two links to one folder) is reported once and not followed.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real.clone()) {
            errors.push(Error::BadInput {
                path: dir.into(),
                reason: format!(
                    "a link back to {}, already read: not followed",
                    real.display()
                ),
            });
            return;
        }
    }
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
    let mut paths = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(source) => errors.push(Error::Io {
                path: dir.into(),
                source,
            }),
        }
    }
    // In name order, so that which path of a folder counts as the first is deterministic.
    paths.sort();
    for p in paths {
        let wanted = matches!(extension(&p).as_deref(), Some("txt" | "jsonl"));
        match kind_of(&p) {
            Ok(Entry::Dir) => walk(&p, files, errors, seen),
            Ok(Entry::File) if wanted => files.push(p),
            Ok(Entry::File) => {}
            // Whatever cannot be looked at (a path longer than the system allows, a link to
            // nowhere) is said, whatever its name: it may be a folder of articles.
            Err(e @ Error::Io { .. }) => errors.push(e),
            // A FIFO or a device is only said when its name says it is meant to be read.
            Err(e) if wanted => errors.push(e),
            Err(_) => {}
        }
    }
}

/// What a path is, followed through links.
enum Entry {
    Dir,
    File,
}

/// Whether `path` is a folder or a regular file; anything else (a FIFO, which would block a read
/// forever, a device such as `/dev/zero`, which never ends, a socket) is an error that names it,
/// as is a path that cannot be looked at (longer than the system allows, a dangling link).
fn kind_of(path: &Path) -> Result<Entry, Error> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let t = meta.file_type();
    if t.is_dir() {
        return Ok(Entry::Dir);
    }
    if t.is_file() {
        return Ok(Entry::File);
    }
    use std::os::unix::fs::FileTypeExt;
    let what = if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file or a folder"
    };
    Err(Error::BadInput {
        path: path.into(),
        reason: format!("{what}, not a regular file: not read (only regular files are)"),
    })
}

/// Opens `path` for reading if it is a regular file (see [`kind_of`]).
fn open_regular(path: &Path) -> Result<std::fs::File, Error> {
    let io = |source| Error::Io {
        path: path.into(),
        source,
    };
    match kind_of(path)? {
        Entry::File => {}
        Entry::Dir => {
            return Err(Error::BadInput {
                path: path.into(),
                reason: "a folder, not a file".into(),
            })
        }
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // What was looked at may have been replaced since: the open file is checked again.
    if !file.metadata().map_err(io)?.is_file() {
        return Err(Error::BadInput {
            path: path.into(),
            reason: "not a regular file when opened: not read".into(),
        });
    }
    Ok(file)
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
    let read = open_regular(path).and_then(|mut f| {
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|source| Error::Io {
                path: path.into(),
                source,
            })
    });
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    out.bytes += bytes.len() as u64;
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

/// Why bytes are not an article's text, if they are not (`utf8`: whether to check that they
/// are UTF-8 too).
fn reject(bytes: &[u8], utf8: bool) -> Option<String> {
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
    match std::str::from_utf8(bytes) {
        Err(e) if utf8 => Some(format!(
            "not UTF-8 (invalid byte at offset {}); convert it to UTF-8",
            e.valid_up_to()
        )),
        _ => None,
    }
}

/// The most of an article's text that is read: extraction takes some 57 bytes of memory a byte
/// of text (a 50 MB article would need 3 GB), and no article of the press comes near it.
pub const MAX_ARTICLE_BYTES: usize = 8 << 20;

/// An article's text up to [`MAX_ARTICLE_BYTES`], cut after its last line break before them (or
/// at a character's boundary); `said` is told why when it is cut.
fn cut(text: &str, said: impl FnOnce(String)) -> &str {
    if text.len() <= MAX_ARTICLE_BYTES {
        return text;
    }
    let mut end = MAX_ARTICLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end]
        .rfind('\n')
        .filter(|&n| n > end / 2)
        .unwrap_or(end);
    said(format!(
        "the text after its first {:.1} MB (of {:.1} MB): an article is read up to {} MB",
        end as f64 / 1048576.0,
        text.len() as f64 / 1048576.0,
        MAX_ARTICLE_BYTES >> 20
    ));
    &text[..end]
}

fn read_bytes(path: &Path, stem: &str, bytes: &[u8], kind: Kind, out: &mut Inputs) {
    if let Some(reason) = reject(bytes, true) {
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
        if stem.chars().any(crate::normalize::is_control) {
            out.errors.push(Error::BadInput {
                path: path.into(),
                reason: "the file name has a control character: an id is printed and put in IRIs"
                    .into(),
            });
            return;
        }
        // Its metadata, if a sidecar `STEM.json` beside it gives any.
        let meta = match sidecar(path) {
            Ok(m) => m.unwrap_or_default(),
            Err(e) => {
                out.errors.push(e);
                return;
            }
        };
        let text = cut(text, |reason| {
            out.errors.push(Error::BadInput {
                path: path.into(),
                reason,
            })
        });
        out.articles.push(Article {
            id: stem.to_string(),
            text: text.to_string(),
            origin: path.display().to_string(),
            title: clean(meta.title.map(|t| crate::normalize::strip_markup(&t))),
            date: clean(meta.date).as_deref().and_then(parse_date),
            url: clean(meta.url),
            source: clean(meta.source),
        });
        return;
    }
    for (i, line) in text.lines().enumerate() {
        record(path, i + 1, line, out);
    }
}

/// The line of a JSON Lines article, from its origin (`PATH:LINE`); `None` for a text file.
pub fn line_of(origin: &str) -> Option<usize> {
    origin.rsplit_once(':')?.1.parse().ok()
}

/// Metadata is stored and printed: without control characters.
fn clean(t: Option<String>) -> Option<String> {
    t.map(|t| crate::normalize::strip_controls(&t))
        .filter(|t| !t.is_empty())
}

/// The metadata of a `.txt` article in a sidecar file beside it, `STEM.json`:
/// `{"title": ..., "date": "2017-02-21", "url": ..., "source": ...}`, each optional.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// The sidecar of the `.txt` file `path`, if there is one; a sidecar that does not read, or
/// whose date is no date, is an error of the article.
fn sidecar(path: &Path) -> Result<Option<Sidecar>, Error> {
    let side = path.with_extension("json");
    if path.extension().is_none_or(|e| e != "txt") || !side.is_file() {
        return Ok(None);
    }
    let bad = |reason: String| Error::BadInput {
        path: side.clone(),
        reason,
    };
    let text = std::fs::read_to_string(&side).map_err(|e| bad(e.to_string()))?;
    let meta: Sidecar = serde_json::from_str(&text).map_err(|e| {
        bad(format!(
            "{e} (a sidecar holds {{\"title\", \"date\", \"url\", \"source\"}}, each optional)"
        ))
    })?;
    if let Some(d) = meta.date.as_deref().filter(|d| parse_date(d).is_none()) {
        return Err(bad(format!(
            "\"date\": {d:?} is no date (2017-02-21 or 21/02/2017)"
        )));
    }
    Ok(Some(meta))
}

/// One JSON Lines record (line `line` of `path`, counted from 1): an article, an error, or
/// nothing for a blank line.
fn record(path: &Path, line: usize, text: &str, out: &mut Inputs) {
    if text.trim().is_empty() {
        return;
    }
    let bad = |reason: String| Error::BadRecord {
        path: path.into(),
        line,
        reason,
    };
    let rec: Record = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            out.errors
                .push(bad(format!("malformed JSON Lines record: {e}")));
            return;
        }
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            out.errors.push(bad(
                "record has no usable \"id\" (a non-empty string or a number)".into(),
            ));
            return;
        }
    };
    if id.chars().any(crate::normalize::is_control) {
        out.errors.push(bad(format!(
            "record id {id:?} has a control character: an id is printed and put in IRIs"
        )));
        return;
    }
    if rec.text.trim().is_empty() {
        out.errors
            .push(bad(format!("record {id:?} has an empty \"text\"")));
        return;
    }
    let text = cut(&rec.text, |reason| out.errors.push(bad(reason))).to_string();
    out.articles.push(Article {
        id,
        text,
        origin: format!("{}:{line}", path.display()),
        title: clean(rec.title.map(|t| crate::normalize::strip_markup(&t))),
        date: clean(rec.date).as_deref().and_then(parse_date),
        url: clean(rec.url),
        source: clean(rec.source),
    });
}

/// The articles of a source, at most `chunk` at a time. A JSON Lines file, or standard input
/// that starts with `{`, is read a line at a time, so that memory does not grow with its size
/// (a `.txt` file is one article, read whole). Errors are those of [`read`], but the checks of a
/// whole file look at its first megabyte (UTF-16, binary) or its first record (not UTF-8: the
/// file is skipped); a later line that is not UTF-8 is reported and skipped alone.
pub fn stream(source: &Source, chunk: usize) -> Stream {
    let mut stream = Stream {
        path: match source {
            Source::Stdin => "<stdin>".into(),
            Source::File(p) => p.clone(),
        },
        reader: None,
        whole: None,
        chunk: chunk.max(1),
        line: 0,
        records: 0,
        buf: Vec::new(),
        bom: 0,
    };
    let reader: Result<Box<dyn BufRead>, Error> = match source {
        Source::Stdin => Ok(Box::new(BufReader::with_capacity(
            1 << 20,
            std::io::stdin(),
        ))),
        Source::File(p) if extension(p).as_deref() == Some("jsonl") => open_regular(p)
            .map(|f| Box::new(BufReader::with_capacity(1 << 20, f)) as Box<dyn BufRead>),
        Source::File(p) => {
            let mut whole = Inputs::default();
            read_file(p, &mut whole);
            stream.whole = Some(whole);
            return stream;
        }
    };
    match reader {
        Ok(r) => stream.start(r, source == &Source::Stdin),
        Err(e) => stream.fail(e),
    }
    stream
}

/// See [`stream`].
pub struct Stream {
    path: PathBuf,
    /// The JSON Lines still to read.
    reader: Option<Box<dyn BufRead>>,
    /// What was read at once (a text file, or a source rejected at its start).
    whole: Option<Inputs>,
    chunk: usize,
    line: usize,
    /// Non-blank lines read, to report an empty source.
    records: usize,
    buf: Vec<u8>,
    /// The byte order mark skipped, counted with the first bytes read.
    bom: usize,
}

impl Stream {
    /// Calls the source `name` in messages and origins and counts its lines from `first`: standard
    /// input that is a slice of a larger file (a partition of a distributed job, see
    /// `polgraph extract --first-line`), its lines numbered as in the file.
    pub fn numbered(mut self, name: &str, first: usize) -> Stream {
        self.path = name.into();
        self.line = first.saturating_sub(1);
        self
    }

    /// Looks at the start of the source: the file-wide checks of [`reject`] on its first bytes
    /// (UTF-16, binary), a UTF-8 byte order mark skipped; standard input that does not start
    /// with `{` is one plain-text article.
    fn start(&mut self, mut r: Box<dyn BufRead>, stdin: bool) {
        let head = match r.fill_buf() {
            Ok(h) => h,
            Err(source) => {
                self.fail(Error::Io {
                    path: self.path.clone(),
                    source,
                });
                return;
            }
        };
        // UTF-8 is checked line by line (see `next`).
        if let Some(reason) = reject(head, false).filter(|_| !head.is_empty()) {
            self.fail(Error::BadInput {
                path: self.path.clone(),
                reason,
            });
            return;
        }
        let bom = head.starts_with("\u{feff}".as_bytes());
        let jsonl = !stdin
            || head
                .iter()
                .skip(if bom { 3 } else { 0 })
                .find(|b| !b.is_ascii_whitespace())
                .is_none_or(|&b| b == b'{');
        if bom {
            r.consume(3);
            self.bom = 3;
        }
        if jsonl {
            self.reader = Some(r);
        } else {
            let mut bytes = Vec::new();
            let mut whole = Inputs::default();
            match r.read_to_end(&mut bytes) {
                Ok(n) => {
                    whole.bytes = (n + self.bom) as u64;
                    read_bytes(&self.path, "stdin", &bytes, Kind::Text, &mut whole)
                }
                Err(source) => whole.errors.push(Error::Io {
                    path: self.path.clone(),
                    source,
                }),
            }
            self.whole = Some(whole);
        }
    }

    fn fail(&mut self, e: Error) {
        self.whole = Some(Inputs {
            errors: vec![e],
            ..Inputs::default()
        });
    }
}

impl Iterator for Stream {
    type Item = Inputs;

    fn next(&mut self) -> Option<Inputs> {
        if let Some(whole) = self.whole.take() {
            return Some(whole);
        }
        let r = self.reader.as_mut()?;
        let mut out = Inputs {
            bytes: std::mem::take(&mut self.bom) as u64,
            ..Inputs::default()
        };
        while out.articles.len() < self.chunk {
            self.buf.clear();
            match r.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.reader = None;
                    if self.records == 0 {
                        out.errors.push(Error::BadInput {
                            path: self.path.clone(),
                            reason: "empty file".into(),
                        });
                    }
                    break;
                }
                Ok(_) => {}
                Err(source) => {
                    self.reader = None;
                    out.errors.push(Error::Io {
                        path: self.path.clone(),
                        source,
                    });
                    break;
                }
            }
            self.line += 1;
            out.bytes += self.buf.len() as u64;
            match std::str::from_utf8(&self.buf) {
                Ok(text) => {
                    if !text.trim().is_empty() {
                        self.records += 1;
                    }
                    record(&self.path, self.line, text, &mut out);
                }
                Err(e) if self.records == 0 => {
                    // The first record is not UTF-8: the file is in another encoding.
                    self.reader = None;
                    out.errors.push(Error::BadInput {
                        path: self.path.clone(),
                        reason: format!(
                            "not UTF-8 (invalid byte at line {}, column {}); convert it to UTF-8",
                            self.line,
                            e.valid_up_to() + 1
                        ),
                    });
                    break;
                }
                Err(e) => {
                    self.records += 1;
                    out.errors.push(Error::BadRecord {
                        path: self.path.clone(),
                        line: self.line,
                        reason: format!(
                            "not UTF-8 (invalid byte at column {}); convert it to UTF-8",
                            e.valid_up_to() + 1
                        ),
                    });
                }
            }
        }
        if out.articles.is_empty() && out.errors.is_empty() && out.bytes == 0 {
            None
        } else {
            Some(out)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_article_longer_than_the_limit_is_cut_after_a_line_and_said() {
        let line = "Ông Nguyễn Văn Hải, Bí thư Tỉnh ủy Hà Tĩnh, phát biểu.\n";
        let text = line.repeat(super::MAX_ARTICLE_BYTES / line.len() + 10);
        let mut why = None;
        let kept = super::cut(&text, |r| why = Some(r));
        assert!(
            kept.len() <= super::MAX_ARTICLE_BYTES && kept.ends_with('.'),
            "{}",
            kept.len()
        );
        assert!(why.unwrap().contains("read up to 8 MB"));
        // Under the limit: whole, and nothing said.
        let mut said = false;
        assert_eq!(super::cut(line, |_| said = true), line);
        assert!(!said);
    }

    use super::*;

    fn ids(inputs: &Inputs) -> Vec<&str> {
        inputs.articles.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn json_lines_stream_in_chunks_as_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        for (i, line) in [
            r#"{"id": "a1", "text": "Tỉnh ủy Hà Tĩnh", "title": "T"}"#,
            "",
            r#"{"id": "a2", "text": "#,
            r#"{"id": 3, "text": "Huyện ủy"}"#,
            r#"{"id": "a4", "text": "Thị ủy"}"#,
        ]
        .iter()
        .enumerate()
        {
            bytes.extend_from_slice(line.as_bytes());
            bytes.extend_from_slice(if i % 2 == 0 { b"\n" } else { b"\r\n" });
        }
        // A later line that is not UTF-8 (Latin-1 "à"): reported alone, the rest still read.
        bytes.extend_from_slice(b"{\"id\": \"a5\", \"text\": \"T\xe0\"}\n");
        bytes.extend_from_slice(r#"{"id": "a6", "text": "Đảng ủy"}"#.as_bytes());
        std::fs::write(&path, &bytes).unwrap();

        let chunks: Vec<Inputs> = stream(&Source::File(path.clone()), 2).collect();
        assert_eq!(
            chunks.iter().map(ids).collect::<Vec<_>>(),
            [vec!["a1", "3"], vec!["a4", "a6"]]
        );
        let errors: Vec<String> = chunks
            .iter()
            .flat_map(|c| c.errors.iter().map(|e| e.to_string()))
            .collect();
        let p = path.display();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with(&format!("{p}:3: malformed JSON Lines record")),
            "{errors:?}"
        );
        assert_eq!(
            errors[1],
            format!("{p}:6: not UTF-8 (invalid byte at column 24); convert it to UTF-8")
        );
        assert_eq!(chunks[0].articles[0].origin, format!("{p}:1"));
        assert_eq!(chunks[0].articles[0].title.as_deref(), Some("T"));

        // Read whole, the same articles (without the line that is not UTF-8, for which the
        // file-wide check rejects the whole file there).
        let cut = bytes
            .windows(11)
            .position(|w| w == b"{\"id\": \"a5\"")
            .unwrap();
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let mut whole = Inputs::default();
        read(&Source::File(path.clone()), &mut whole);
        let streamed: Vec<Article> = stream(&Source::File(path.clone()), 3)
            .flat_map(|c| c.articles)
            .collect();
        assert_eq!(streamed, whole.articles);
        assert_eq!(ids(&whole), ["a1", "3", "a4"]);
    }

    #[test]
    fn a_json_lines_file_rejected_at_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], &str); 4] = [
            ("empty.jsonl", b"\n  \n", "empty file"),
            (
                "latin1.jsonl",
                b"\n{\"id\": \"a\", \"text\": \"T\xe0\"}\n{\"id\": \"b\", \"text\": \"B\"}\n",
                "not UTF-8 (invalid byte at line 2, column 23)",
            ),
            ("nothing.jsonl", b"", "empty file"),
            ("utf16.jsonl", &[0xFF, 0xFE, b'{', 0], "UTF-16 text"),
        ];
        for (name, bytes, reason) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let chunks: Vec<Inputs> = stream(&Source::File(path.clone()), 8).collect();
            assert_eq!(chunks.len(), 1, "{name}");
            assert!(chunks[0].articles.is_empty(), "{name}");
            let e = chunks[0].errors[0].to_string();
            assert!(
                e.starts_with(&format!("{}: {reason}", path.display())),
                "{e}"
            );
        }
    }
}
