//! Sorting more lines than memory holds: sorted runs spilled to temporary files, then merged
//! (an external merge sort). Exports are sorted so that two exports of the same graph are
//! byte-identical and two exports of different stores can be compared with `diff`; sorting in
//! memory took 5.8 GB for 5.3 million quads, and a store of 26 million could not be exported.
//!
//! A run is at most [`Options::run_bytes`] of lines (64 MiB unless `POLGRAPH_SORT_RUN_BYTES`
//! says otherwise: the tests force it small so that a run of a few articles merges several).
//! The lines that fit in one run are never written out. A run on disk is front-coded (each
//! line as the length of the prefix it shares with the line before, the length of the rest and
//! the rest, see [`RunWriter`]): sorted N-Quads share most of their subject and graph with the
//! line before. The temporary files are anonymous
//! (`O_TMPFILE` where the file system has it, else unlinked as soon as made): they hold no
//! name, so nothing is left behind whatever way the process ends (an error, Ctrl-C, a kill),
//! and the system frees their room when the process closes them.

use crate::error::{Error, Result};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Lines sorted in memory before a run is written: 64 MiB.
pub const RUN_BYTES: usize = 64 << 20;

/// Runs merged at once (each holds a file open and a read buffer): past this many runs of one
/// size, they are merged into one larger run before the sort goes on.
const FAN_IN: usize = 64;

/// Where the runs go and how large a run is.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder of the temporary files: the output's, or the system's temporary folder.
    pub dir: PathBuf,
    /// The bytes of lines sorted in memory before they are written out as a run.
    pub run_bytes: usize,
}

/// Whether `output` is (or will be) a file on a disk: a regular file, or nothing yet. A device
/// (`/dev/null`), a named pipe or a socket is not: its folder is no place for temporary files,
/// and a failed export must not remove it (a cut export to a file is removed: it could pass for
/// a whole one; removing `/dev/null` broke every program that writes to it).
pub fn a_file(output: &Path) -> bool {
    std::fs::metadata(output).map_or(true, |m| m.is_file())
}

impl Options {
    /// Runs in `dir`, of the size `POLGRAPH_SORT_RUN_BYTES` gives (bytes; for tests and for a
    /// machine with little memory), [`RUN_BYTES`] otherwise.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Options {
        let run_bytes = std::env::var("POLGRAPH_SORT_RUN_BYTES")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(RUN_BYTES);
        Options {
            dir: dir.into(),
            run_bytes,
        }
    }

    /// Runs beside `output` (in its folder, so on the disk that must hold the output anyway),
    /// or in the system's temporary folder (`TMPDIR`) when the output is standard output or no
    /// file on a disk (`-o /dev/null`, a named pipe: their folder is no place for runs, and
    /// `/dev` is a small file system in memory).
    pub fn for_output(output: Option<&Path>) -> Options {
        let dir = output
            .filter(|p| a_file(p))
            .map(|p| match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            })
            .unwrap_or_else(std::env::temp_dir);
        Options::in_dir(dir)
    }

    /// The error of a temporary file in [`Options::dir`]: which folder, and what to do when the
    /// disk is full.
    fn failed(&self, what: &str, source: std::io::Error) -> Error {
        let full = matches!(
            source.kind(),
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
        ) || source.raw_os_error() == Some(27); // EFBIG: over the file size limit
        Error::Spill {
            dir: self.dir.clone(),
            what: what.into(),
            hint: if full {
                " (the sort needs about as much free room as the output: free some there, or \
                 choose a folder with room, TMPDIR for standard output, the output's own folder \
                 with --output)"
            } else {
                ""
            },
            source,
        }
    }
}

/// Sorts lines (each without its `\n`; a line must hold none). Equal lines come out once.
pub struct Sorter {
    opts: Options,
    /// The lines of the run in memory, one after the other.
    arena: Vec<u8>,
    /// Where each line of the run starts in `arena`, and its length.
    lines: Vec<(usize, usize)>,
    /// The runs written, each with its level (how many merges made it).
    runs: Vec<(u32, File)>,
    /// How many runs of lines were written (before merges).
    spilled: usize,
}

impl Sorter {
    pub fn new(opts: Options) -> Sorter {
        Sorter {
            opts,
            arena: Vec::new(),
            lines: Vec::new(),
            runs: Vec::new(),
            spilled: 0,
        }
    }

    /// How many runs were written out so far (0 while every line fits in memory).
    pub fn runs(&self) -> usize {
        self.spilled
    }

    pub fn push(&mut self, line: &[u8]) -> Result<()> {
        debug_assert!(!line.contains(&b'\n'), "a line with a line break");
        if !self.lines.is_empty() && self.arena.len() + line.len() > self.opts.run_bytes {
            self.spill()?;
        }
        self.lines.push((self.arena.len(), line.len()));
        self.arena.extend_from_slice(line);
        Ok(())
    }

    /// The run in memory, sorted (equal lines once).
    fn sort_run(&mut self) {
        let arena = &self.arena;
        let at = |&(start, len): &(usize, usize)| &arena[start..start + len];
        self.lines.sort_unstable_by(|a, b| at(a).cmp(at(b)));
        self.lines.dedup_by(|a, b| at(a) == at(b));
    }

    /// Writes the run in memory to a temporary file, and merges the runs of one size once
    /// there are [`FAN_IN`] of them.
    fn spill(&mut self) -> Result<()> {
        self.sort_run();
        let file = tempfile::tempfile_in(&self.opts.dir)
            .map_err(|e| self.opts.failed("cannot make a temporary file", e))?;
        let mut w = RunWriter::new(file);
        let written = (|| {
            for &(start, len) in &self.lines {
                w.write(&self.arena[start..start + len])?;
            }
            w.finish()
        })();
        let file = written.map_err(|e| self.opts.failed("cannot write a temporary file", e))?;
        self.runs.push((0, file));
        self.spilled += 1;
        self.arena.clear();
        self.lines.clear();
        // Keeps the files open at once, and the passes over the data, few: `FAN_IN` runs of one
        // level become one of the next.
        loop {
            let n = self.runs.len();
            if n < FAN_IN {
                break;
            }
            let level = self.runs[n - 1].0;
            if self.runs[n - FAN_IN..].iter().any(|(l, _)| *l != level) {
                break;
            }
            let group: Vec<File> = self.runs.drain(n - FAN_IN..).map(|(_, f)| f).collect();
            let merged = self.merge_to_file(group)?;
            self.runs.push((level + 1, merged));
        }
        Ok(())
    }

    fn merge_to_file(&self, group: Vec<File>) -> Result<File> {
        let mut merge = Merge::new(&self.opts, group)?;
        let file = tempfile::tempfile_in(&self.opts.dir)
            .map_err(|e| self.opts.failed("cannot make a temporary file", e))?;
        let mut w = RunWriter::new(file);
        while let Some(line) = merge.next_line()? {
            w.write(line)
                .map_err(|e| self.opts.failed("cannot write a temporary file", e))?;
        }
        w.finish()
            .map_err(|e| self.opts.failed("cannot write a temporary file", e))
    }

    /// Every line pushed, sorted, once each.
    pub fn finish(mut self) -> Result<Sorted> {
        if self.runs.is_empty() {
            self.sort_run();
            return Ok(Sorted {
                source: Source::Memory {
                    arena: self.arena,
                    lines: self.lines.into_iter(),
                },
                line: Vec::new(),
            });
        }
        if !self.lines.is_empty() {
            self.spill()?;
        }
        let files = std::mem::take(&mut self.runs)
            .into_iter()
            .map(|(_, f)| f)
            .collect();
        Ok(Sorted {
            source: Source::Merge(Merge::new(&self.opts, files)?),
            line: Vec::new(),
        })
    }
}

/// The sorted lines, read one at a time.
pub struct Sorted {
    source: Source,
    /// The last line read (from memory: copied here).
    line: Vec<u8>,
}

enum Source {
    Memory {
        arena: Vec<u8>,
        lines: std::vec::IntoIter<(usize, usize)>,
    },
    Merge(Merge),
}

impl Sorted {
    /// The next line, without its `\n`.
    pub fn next_line(&mut self) -> Result<Option<&[u8]>> {
        match &mut self.source {
            Source::Memory { arena, lines } => Ok(lines.next().map(|(start, len)| {
                self.line.clear();
                self.line.extend_from_slice(&arena[start..start + len]);
                &self.line[..]
            })),
            Source::Merge(m) => m.next_line(),
        }
    }

    /// The lines as a text, each ended by `suffix` (` .\n` makes the N-Quads of sorted quads):
    /// what a parser reads. An error of the sort is kept, and [`SortedText::error`] gives it.
    pub fn text(self, suffix: &'static [u8]) -> SortedText {
        SortedText {
            sorted: self,
            suffix,
            pending: Vec::new(),
            at: 0,
            error: None,
        }
    }
}

/// [`Sorted`] as a [`Read`].
pub struct SortedText {
    sorted: Sorted,
    suffix: &'static [u8],
    pending: Vec<u8>,
    at: usize,
    error: Option<Error>,
}

impl SortedText {
    /// The error that stopped the reading, as the sort gave it (naming its folder).
    pub fn error(&mut self) -> Option<Error> {
        self.error.take()
    }
}

impl Read for SortedText {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            self.pending.clear();
            self.at = 0;
            // Several lines at a time: fewer calls for the parser's buffer.
            while self.pending.len() < 64 << 10 {
                match self.sorted.next_line() {
                    Ok(Some(line)) => {
                        self.pending.extend_from_slice(line);
                        self.pending.extend_from_slice(self.suffix);
                    }
                    Ok(None) => break,
                    Err(e) => {
                        let message = e.to_string();
                        self.error = Some(e);
                        return Err(std::io::Error::other(message));
                    }
                }
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Writes a run front-coded: each line as two LEB128 numbers, the bytes it shares with the line
/// before at its start and the bytes after those, then those bytes (no line break: a line may
/// hold any byte but `\n`).
struct RunWriter {
    w: BufWriter<File>,
    last: Vec<u8>,
}

fn write_number(w: &mut impl Write, mut n: usize) -> std::io::Result<()> {
    let mut buf = [0u8; 10];
    let mut i = 0;
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            buf[i] = byte;
            i += 1;
            break;
        }
        buf[i] = byte | 0x80;
        i += 1;
    }
    w.write_all(&buf[..i])
}

impl RunWriter {
    fn new(file: File) -> RunWriter {
        RunWriter {
            w: BufWriter::with_capacity(1 << 20, file),
            last: Vec::new(),
        }
    }

    fn write(&mut self, line: &[u8]) -> std::io::Result<()> {
        let shared = self
            .last
            .iter()
            .zip(line)
            .take_while(|(a, b)| a == b)
            .count();
        write_number(&mut self.w, shared)?;
        write_number(&mut self.w, line.len() - shared)?;
        self.w.write_all(&line[shared..])?;
        self.last.truncate(shared);
        self.last.extend_from_slice(&line[shared..]);
        Ok(())
    }

    fn finish(self) -> std::io::Result<File> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

/// Reads a run [`RunWriter`] wrote, a line at a time.
struct RunReader {
    r: BufReader<File>,
    line: Vec<u8>,
}

impl RunReader {
    /// A number, `None` at the end of the run.
    fn number(&mut self) -> std::io::Result<Option<usize>> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let mut byte = [0u8];
            if self.r.read(&mut byte)? == 0 {
                if shift == 0 {
                    return Ok(None);
                }
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            n |= ((byte[0] & 0x7f) as usize) << shift;
            if byte[0] & 0x80 == 0 {
                return Ok(Some(n));
            }
            shift += 7;
            if shift >= usize::BITS {
                return Err(std::io::Error::other("a run's number too large"));
            }
        }
    }

    fn next(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let Some(shared) = self.number()? else {
            return Ok(None);
        };
        let rest = self.number()?.ok_or(std::io::ErrorKind::UnexpectedEof)?;
        if shared > self.line.len() {
            return Err(std::io::Error::other(
                "a run's line shares more than the last",
            ));
        }
        self.line.truncate(shared);
        let at = self.line.len();
        self.line.resize(at + rest, 0);
        self.r.read_exact(&mut self.line[at..])?;
        Ok(Some(self.line.clone()))
    }
}

/// A k-way merge of sorted runs; equal lines once.
struct Merge {
    opts: Options,
    readers: Vec<RunReader>,
    /// The next line of each run not yet exhausted, least first.
    heap: BinaryHeap<Reverse<(Vec<u8>, usize)>>,
    line: Vec<u8>,
    started: bool,
}

impl Merge {
    fn new(opts: &Options, files: Vec<File>) -> Result<Merge> {
        let mut m = Merge {
            opts: opts.clone(),
            readers: Vec::with_capacity(files.len()),
            heap: BinaryHeap::with_capacity(files.len()),
            line: Vec::new(),
            started: false,
        };
        for mut f in files {
            f.rewind()
                .map_err(|e| opts.failed("cannot read a temporary file", e))?;
            m.readers.push(RunReader {
                r: BufReader::with_capacity(64 << 10, f),
                line: Vec::new(),
            });
        }
        for i in 0..m.readers.len() {
            if let Some(line) = m.read(i)? {
                m.heap.push(Reverse((line, i)));
            }
        }
        Ok(m)
    }

    /// The next line of run `i`.
    fn read(&mut self, i: usize) -> Result<Option<Vec<u8>>> {
        self.readers[i]
            .next()
            .map_err(|e| self.opts.failed("cannot read a temporary file", e))
    }

    fn next_line(&mut self) -> Result<Option<&[u8]>> {
        loop {
            let Some(Reverse((line, i))) = self.heap.pop() else {
                return Ok(None);
            };
            if let Some(next) = self.read(i)? {
                self.heap.push(Reverse((next, i)));
            }
            if self.started && line == self.line {
                continue;
            }
            self.started = true;
            self.line = line;
            return Ok(Some(&self.line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_go_beside_a_file_and_to_the_temporary_folder_for_a_device() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("all.nq");
        assert_eq!(Options::for_output(Some(&out)).dir, d.path());
        // `-o /dev/null` wrote its runs into /dev, a file system in memory, until it was full.
        assert_eq!(
            Options::for_output(Some(Path::new("/dev/null"))).dir,
            std::env::temp_dir()
        );
        assert_eq!(Options::for_output(None).dir, std::env::temp_dir());
        assert!(a_file(&out), "not there yet: a file once written");
        std::fs::write(&out, "x").unwrap();
        assert!(a_file(&out));
        assert!(!a_file(Path::new("/dev/null")));
    }

    fn all(mut s: Sorted) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(l) = s.next_line().unwrap() {
            out.push(String::from_utf8(l.to_vec()).unwrap());
        }
        out
    }

    /// Deterministic lines with duplicates, of varied lengths (one the prefix of another).
    fn lines(n: usize) -> Vec<String> {
        let mut x: u64 = 42;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k = (x >> 33) % (n as u64 / 2 + 1);
                format!("<s{k}> <p> \"v{}\"", "x".repeat((k % 7) as usize))
            })
            .collect()
    }

    #[test]
    fn many_runs_merge_to_the_order_of_a_sort_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let input = lines(20_000);
        let mut want = input.clone();
        want.sort();
        want.dedup();
        // 1 KiB runs: hundreds of runs, merged in two levels.
        let mut sorter = Sorter::new(Options {
            dir: dir.path().into(),
            run_bytes: 1024,
        });
        for l in &input {
            sorter.push(l.as_bytes()).unwrap();
        }
        assert!(sorter.runs() > FAN_IN, "{} runs", sorter.runs());
        assert_eq!(all(sorter.finish().unwrap()), want);
        // The runs have no names: nothing is left in the folder, even while they are open.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // In memory (one run), the same.
        let mut sorter = Sorter::new(Options {
            dir: dir.path().into(),
            run_bytes: 1 << 30,
        });
        for l in &input {
            sorter.push(l.as_bytes()).unwrap();
        }
        assert_eq!(sorter.runs(), 0);
        assert_eq!(all(sorter.finish().unwrap()), want);
    }

    #[test]
    fn a_run_is_front_coded_and_reads_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let lines: Vec<Vec<u8>> = [
            &b""[..],
            b"<https://w3id.org/polgraph/id/person/vn/a> <p> \"x\" <g> .",
            b"<https://w3id.org/polgraph/id/person/vn/a> <p> \"y\" <g> .",
            b"<https://w3id.org/polgraph/id/person/vn/ab> <q> \"\xff\x00\" <g> .",
            b"z",
        ]
        .iter()
        .map(|l| l.to_vec())
        .chain(std::iter::once(vec![b'w'; 300]))
        .collect();
        let mut w = RunWriter::new(tempfile::tempfile_in(dir.path()).unwrap());
        for l in &lines {
            w.write(l).unwrap();
        }
        let mut file = w.finish().unwrap();
        let size = file.metadata().unwrap().len() as usize;
        let raw: usize = lines.iter().map(|l| l.len() + 1).sum();
        // 477 bytes as lines; the third line shares 47 bytes with the second, the fourth 42 with
        // the third, each said in one byte; the last line's length takes two.
        assert_eq!((size, raw), (395, 477));
        file.rewind().unwrap();
        let mut r = RunReader {
            r: BufReader::new(file),
            line: Vec::new(),
        };
        let mut back = Vec::new();
        while let Some(l) = r.next().unwrap() {
            back.push(l);
        }
        assert_eq!(back, lines);
    }

    #[test]
    fn the_text_ends_each_line_with_the_suffix() {
        let dir = tempfile::tempdir().unwrap();
        let mut sorter = Sorter::new(Options {
            dir: dir.path().into(),
            run_bytes: 4,
        });
        for l in ["b", "a", "c", "a"] {
            sorter.push(l.as_bytes()).unwrap();
        }
        let mut text = String::new();
        sorter
            .finish()
            .unwrap()
            .text(b" .\n")
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "a .\nb .\nc .\n");
    }

    #[test]
    fn a_folder_that_cannot_hold_the_runs_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone");
        let mut sorter = Sorter::new(Options {
            dir: missing.clone(),
            run_bytes: 2,
        });
        sorter.push(b"ab").unwrap();
        let e = sorter.push(b"cd").unwrap_err().to_string();
        assert!(e.contains(&missing.display().to_string()), "{e}");
        assert!(e.contains("cannot make a temporary file"), "{e}");
    }

    #[test]
    fn a_full_disk_says_so_and_what_to_do() {
        let opts = Options::in_dir("/some/folder");
        let e = opts
            .failed(
                "cannot write a temporary file",
                std::io::Error::from(std::io::ErrorKind::StorageFull),
            )
            .to_string();
        assert!(
            e.starts_with("/some/folder: cannot write a temporary file"),
            "{e}"
        );
        assert!(e.contains("free room"), "{e}");
    }
}
