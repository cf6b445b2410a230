//! Bytes to send (a graph pushed, a page's download): in memory while small, in an anonymous
//! temporary file past [`SPOOL_BYTES`], so that a large graph (the tenures graph of a large
//! store, a person named in a million articles) is sent with bounded memory, and sent again from
//! the start when a request is retried.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::PathBuf;

/// Bytes kept in memory before they move to a file: 16 MiB.
pub const SPOOL_BYTES: usize = 16 << 20;

/// A writer that keeps its bytes in memory up to a bound and in a temporary file past it.
pub struct Spool {
    dir: PathBuf,
    limit: usize,
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    len: u64,
}

/// What a [`Spool`] holds, once written.
#[derive(Debug)]
pub enum Spooled {
    Memory(Vec<u8>),
    /// An anonymous file (gone when closed), with its length, read from its start.
    File(File, u64),
}

impl Spooled {
    pub fn len(&self) -> u64 {
        match self {
            Spooled::Memory(b) => b.len() as u64,
            Spooled::File(_, n) => *n,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A reader from the start (again, for a retry).
    pub fn reader(&mut self) -> std::io::Result<Box<dyn std::io::Read + '_>> {
        Ok(match self {
            Spooled::Memory(b) => Box::new(&b[..]),
            Spooled::File(f, _) => {
                f.rewind()?;
                Box::new(std::io::BufReader::with_capacity(64 << 10, &*f))
            }
        })
    }
}

impl Spool {
    /// A spool whose file, if it needs one, goes in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Spool {
        Spool::with_limit(dir, SPOOL_BYTES)
    }

    pub fn with_limit(dir: impl Into<PathBuf>, limit: usize) -> Spool {
        Spool {
            dir: dir.into(),
            limit,
            memory: Vec::new(),
            file: None,
            len: 0,
        }
    }

    /// The bytes written, with an error that names the folder of the file.
    pub fn finish(self) -> Result<Spooled> {
        let dir = self.dir;
        let failed = |source| Error::Spill {
            dir: dir.clone(),
            what: "cannot write a temporary file".into(),
            hint: "",
            source,
        };
        match self.file {
            None => Ok(Spooled::Memory(self.memory)),
            Some(w) => {
                let mut f = w.into_inner().map_err(|e| failed(e.into_error()))?;
                f.rewind().map_err(failed)?;
                Ok(Spooled::File(f, self.len))
            }
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.file.is_none() && self.memory.len() + buf.len() > self.limit {
            let file = tempfile::tempfile_in(&self.dir).map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("{}: cannot make a temporary file: {e}", self.dir.display()),
                )
            })?;
            let mut w = BufWriter::with_capacity(1 << 20, file);
            w.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(w);
        }
        match &mut self.file {
            Some(w) => w.write_all(buf)?,
            None => self.memory.extend_from_slice(buf),
        }
        self.len += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn past_its_bound_a_spool_moves_to_a_file_and_reads_again_from_the_start() {
        let dir = tempfile::tempdir().unwrap();
        let mut small = Spool::with_limit(dir.path(), 10);
        small.write_all(b"0123456789").unwrap();
        assert!(matches!(small.finish().unwrap(), Spooled::Memory(b) if b == b"0123456789"));
        let mut large = Spool::with_limit(dir.path(), 10);
        large.write_all(b"01234").unwrap();
        large.write_all(b"56789abcdef").unwrap();
        let mut spooled = large.finish().unwrap();
        assert!(matches!(spooled, Spooled::File(_, 16)));
        for _ in 0..2 {
            let mut s = String::new();
            spooled.reader().unwrap().read_to_string(&mut s).unwrap();
            assert_eq!(s, "0123456789abcdef");
        }
        // The file has no name in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
