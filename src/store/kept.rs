//! Files kept beside the store, in its folder: what a scan of the whole store would answer (the
//! name index, the counts of `stats`, the listings), written once at ingest so that a reader
//! does not scan again. Each file says which state of the store it was written for (a stamp of
//! RocksDB's files, see [`stamp`]); a reader takes it only for that state, so that a file left
//! by an earlier ingest, another program's writes or an older polgraph is never read as
//! current: it is computed again instead.
//!
//! A kept file is `polgraph-NAME`, its first line `polgraph NAME vVERSION`, its second `stamp
//! STAMP`, then its body.

use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

/// What every kept file's name begins with; [`stamp`] leaves such files out.
pub const PREFIX: &str = "polgraph-";

/// The state of the store at `path` as its folder shows it: each of RocksDB's files with its
/// size and time of change, in name order. Every write changes it: a transaction appends to the
/// write-ahead log (`*.log`), a flush or a compaction writes new `*.sst` files and a new
/// `MANIFEST`; a read-only open changes nothing. RocksDB's own log of messages (`LOG*`), its
/// lock and the kept files are left out.
pub fn stamp(path: &Path) -> String {
    let mut files: Vec<String> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with("LOG") || name == "LOCK" || name.starts_with(PREFIX) {
                return None;
            }
            let m = e.metadata().ok()?;
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            Some(format!("{name}:{}:{modified}", m.len()))
        })
        .collect();
    files.sort();
    files.join(" ")
}

/// The path of the kept file `name` of the store at `store`.
pub fn path(store: &Path, name: &str) -> PathBuf {
    store.join(format!("{PREFIX}{name}"))
}

/// The body of the kept file `name`, as a reader positioned after its header, if the file was
/// written in format `version` for the store as `stamp` says it is; `None` when it is missing,
/// of another version or for another state of the store (stale).
pub fn open(
    store: &Path,
    name: &str,
    version: u32,
    stamp: &str,
) -> Option<BufReader<std::fs::File>> {
    let file = std::fs::File::open(path(store, name)).ok()?;
    let mut r = BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    if line.trim_end() != header(name, version) {
        return None;
    }
    line.clear();
    r.read_line(&mut line).ok()?;
    (line.trim_end().strip_prefix("stamp ")? == stamp).then_some(r)
}

/// As [`open`], the whole body read.
pub fn read(store: &Path, name: &str, version: u32, stamp: &str) -> Option<String> {
    let mut body = String::new();
    open(store, name, version, stamp)?
        .read_to_string(&mut body)
        .ok()?;
    Some(body)
}

fn header(name: &str, version: u32) -> String {
    format!("polgraph {name} v{version}")
}

/// Writes the kept file `name` for the store in the state `stamp`, whole or not at all (a
/// temporary file renamed), the body written by `body`.
pub fn write(
    store: &Path,
    name: &str,
    version: u32,
    stamp: &str,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let to = path(store, name);
    let tmp = store.join(format!("{PREFIX}{name}.{}.tmp", std::process::id()));
    let io = |source| Error::Io {
        path: tmp.clone(),
        source,
    };
    let written = (|| {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        writeln!(w, "{}", header(name, version))?;
        writeln!(w, "stamp {stamp}")?;
        body(&mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    std::fs::rename(&tmp, &to).map_err(|source| Error::Io {
        path: to.clone(),
        source,
    })
}

/// Writes a kept file computed by a reader for the state `stamp` it read, if the store is still
/// in that state (else it would be stale at once) and its folder can be written (a reader may
/// not own it); nothing is said when it cannot: the next reader computes it again.
pub fn write_if_current(
    store: &Path,
    name: &str,
    version: u32,
    stamp: &str,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) {
    if self::stamp(store) == stamp {
        let _ = write(store, name, version, stamp, body);
    }
}

/// Writes again, for the store as it is now, every kept file written for the state `from`: after
/// a change that leaves the store's content as it was (a compaction), by the process that made
/// it, once it has closed the store.
pub fn restamp(store: &Path, from: &str) -> Result<()> {
    let now = stamp(store);
    for e in std::fs::read_dir(store).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(kept) = name.strip_prefix(PREFIX) else {
            continue;
        };
        if kept.ends_with(".tmp") {
            continue;
        }
        // Read as it is copied: the list of articles grows with the store.
        let Ok(file) = std::fs::File::open(e.path()) else {
            continue;
        };
        let mut r = BufReader::with_capacity(1 << 16, file);
        let (mut head, mut stamped) = (String::new(), String::new());
        if r.read_line(&mut head).is_err() || r.read_line(&mut stamped).is_err() {
            continue;
        }
        let Some(version) = head
            .trim_end()
            .strip_prefix(&format!("polgraph {kept} v"))
            .and_then(|v| v.parse().ok())
        else {
            continue;
        };
        if stamped.trim_end().strip_prefix("stamp ") == Some(from) {
            write(store, kept, version, &now, |w| {
                std::io::copy(&mut r, w).map(|_| ())
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_for_the_stamp_and_version_it_was_written_for_only() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("000001.log"), b"x").unwrap();
        let s = stamp(d);
        assert!(s.starts_with("000001.log:1:"), "{s}");
        write(d, "names", 1, &s, |w| w.write_all(b"body\n")).unwrap();
        // The kept file itself, RocksDB's log and lock do not change the stamp.
        std::fs::write(d.join("LOG"), b"message").unwrap();
        std::fs::write(d.join("LOCK"), b"").unwrap();
        assert_eq!(stamp(d), s);
        assert_eq!(read(d, "names", 1, &s).as_deref(), Some("body\n"));
        assert_eq!(read(d, "names", 2, &s), None, "another version");
        assert_eq!(read(d, "other", 1, &s), None, "missing");
        // A write to the store (the log grows): stale.
        std::fs::write(d.join("000001.log"), b"xy").unwrap();
        let now = stamp(d);
        assert_ne!(now, s);
        assert_eq!(read(d, "names", 1, &now), None, "stale");
        // A reader's file for a state the store has left is not written.
        write_if_current(d, "names", 1, &s, |w| w.write_all(b"old\n"));
        assert_eq!(read(d, "names", 1, &s).as_deref(), Some("body\n"));
        write_if_current(d, "names", 1, &now, |w| w.write_all(b"new\n"));
        assert_eq!(read(d, "names", 1, &now).as_deref(), Some("new\n"));
        // Restamped for the store as it is now, from the state it was written for only.
        std::fs::write(d.join("000002.sst"), b"compacted").unwrap();
        restamp(d, &s).unwrap();
        assert_eq!(
            read(d, "names", 1, &stamp(d)),
            None,
            "not for the state left"
        );
        restamp(d, &now).unwrap();
        assert_eq!(read(d, "names", 1, &stamp(d)).as_deref(), Some("new\n"));
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
