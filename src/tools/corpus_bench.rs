//! `polgraph bench --corpus FILE` (issue 30): real JSON Lines, repeated under new ids up to a size
//! and streamed into `polgraph ingest` (a corpus of a million articles is never written whole),
//! then every command measured as a user runs it: a fresh process of the binary, its wall time
//! and the peak resident memory the kernel counted for it. Extraction alone and oxigraph's bulk
//! loader on the same quads run as phases of the bench (`bench --phase`), each a process of its own;
//! stock oxigraph's loader (`oxigraph load`, the CLI as published) on the same N-Quads after it.

use super::bench::{
    cpu_secs, dir_size, dump_path, measure_extraction, parameters, reference_keeping_dump,
    store_path, Extraction, Reference,
};
use crate::error::{Error, Result};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The id of the `round`-th copy of an article (round 0 keeps the file's own): `ID~ROUND`.
pub fn repeated_id(id: &str, round: usize) -> String {
    if round == 0 {
        id.to_string()
    } else {
        format!("{id}~{round}")
    }
}

/// Writes the articles of the JSON Lines `file` to `out`, again and again, each copy under new ids
/// (see [`repeated_id`]; a record without an id is `line-N`), until `n` articles: read a line at a
/// time, so that a corpus of any size streams. Lines that are not JSON objects are passed on as
/// they are (the reader reports them). The bytes written.
pub fn repeat(file: &Path, n: usize, out: &mut dyn std::io::Write) -> Result<u64> {
    use std::io::BufRead;
    let io = |source| Error::Io {
        path: file.into(),
        source,
    };
    let (mut written, mut bytes) = (0usize, 0u64);
    let mut line = Vec::new();
    for round in 0.. {
        let mut r =
            std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(file).map_err(io)?);
        let mut records = 0usize;
        let mut number = 0usize;
        while written < n {
            line.clear();
            if r.read_until(b'\n', &mut line).map_err(io)? == 0 {
                break;
            }
            number += 1;
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            records += 1;
            let record = match serde_json::from_slice::<serde_json::Value>(trimmed) {
                Ok(serde_json::Value::Object(mut o)) => {
                    let id = match o.get("id") {
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(serde_json::Value::Number(x)) => x.to_string(),
                        _ => format!("line-{number}"),
                    };
                    o.insert(
                        "id".into(),
                        serde_json::Value::String(repeated_id(&id, round)),
                    );
                    serde_json::to_vec(&o).map_err(|e| Error::Other(e.to_string()))?
                }
                _ => trimmed.to_vec(),
            };
            out.write_all(&record).map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
            bytes += record.len() as u64 + 1;
            written += 1;
        }
        if written >= n {
            break;
        }
        if records == 0 {
            return Err(Error::BadInput {
                path: file.into(),
                reason: "no JSON Lines record to repeat".into(),
            });
        }
    }
    Ok(bytes)
}

/// What the extraction phase of the corpus bench gives: extraction alone over the file's
/// articles (each once, at most `n`), and the person a user would look up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CorpusExtraction {
    pub extraction: Extraction,
    /// The CPU seconds of the extraction (all threads): MB per CPU second is the rate per core
    /// whatever else the machine ran.
    pub cpu_secs: f64,
    /// The first person named in the file (as the store holds it), for `find` and the
    /// questions with a parameter.
    pub person: String,
}

/// The extraction phase of the corpus bench: the file's articles (at most `n`) read at once,
/// extracted in chunks as ingest does, timed (see [`extraction`]).
pub fn corpus_extraction(file: &Path, n: usize) -> Result<CorpusExtraction> {
    let mut inputs = crate::read::read_inputs(&[file.to_path_buf()]);
    inputs.articles.truncate(n);
    if inputs.articles.is_empty() {
        return Err(match inputs.errors.into_iter().next() {
            Some(e) => e,
            None => Error::BadInput {
                path: file.into(),
                reason: "no article".into(),
            },
        });
    }
    // The first person who holds a post (a name that `person-posts` answers with rows), else the
    // first person named.
    let person = inputs
        .articles
        .iter()
        .find_map(|a| {
            crate::pipeline::process(a)
                .facts
                .offices
                .first()
                .map(|o| o.person.clone())
        })
        .or_else(|| {
            inputs
                .articles
                .iter()
                .map(|a| parameters(a).0)
                .find(|p| !p.is_empty())
        })
        .unwrap_or_default();
    // Warmed up as in `measure_extraction` (lexicons, gazetteer, regexes), not counted.
    std::hint::black_box(crate::pipeline::process(&inputs.articles[0]));
    let cpu = cpu_secs();
    let extraction = measure_extraction(&inputs.articles);
    Ok(CorpusExtraction {
        extraction,
        cpu_secs: cpu_secs() - cpu,
        person,
    })
}

/// The store the corpus bench ingested, counted, and oxigraph's bulk loader on the same quads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    /// Every quad of the store (article graphs, tenures, identity).
    pub quads: usize,
    /// Its article graphs.
    pub articles: usize,
    pub reference: Reference,
    /// The quads the bulk loader's store holds after the load.
    pub reference_quads: usize,
}

/// The store phase of the corpus bench: counts the quads and articles of the store `polgraph
/// ingest` made under `dir`, dumps it as N-Quads (not timed), then runs [`reference`] on the dump,
/// which stays for stock oxigraph's loader (see [`Bench::stock_load`]).
///
/// [`reference`]: super::bench::reference
pub fn corpus_store(n: usize, dir: &Path) -> Result<Stored> {
    let (quads, articles) = {
        let store = Store::open_read_only(&store_path(dir, n))?;
        let counts = (store.len()?, store.articles()?);
        store.dump_nquads(&dump_path(dir, n))?;
        counts
    };
    let (reference, reference_quads) = reference_keeping_dump(n, dir)?;
    Ok(Stored {
        quads,
        articles,
        reference,
        reference_quads,
    })
}

/// Stock oxigraph's loader, `oxigraph load --location DIR --file DUMP` (the CLI as published,
/// without polgraph's patch of its bulk loader: `vendor/README.md`), on the N-Quads dump of the
/// store, into a new store, measured as the other commands are.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StockLoad {
    /// The program run, and what its `--version` says.
    pub program: PathBuf,
    pub version: String,
    pub run: Run,
    /// The quads its store holds after the load (counted afterwards, not timed).
    pub quads: Option<usize>,
}

/// One round of `--rounds`: ingest, and stock `oxigraph load` when it ran.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Round {
    pub ingest: Run,
    pub stock: Option<Run>,
}

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let m = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[m - 1] + values[m]) / 2.0
    } else {
        values[m]
    })
}

/// A loader's time over ingest's, in wall and in CPU seconds: ingest's speed over the loader's
/// (1 or more: ingest at or above the loader).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Ratio {
    pub wall: f64,
    pub cpu: f64,
}

impl Ratio {
    fn of(loader_secs: f64, loader_cpu: f64, ingest: &Run) -> Ratio {
        Ratio {
            wall: loader_secs / ingest.secs,
            cpu: loader_cpu / ingest.cpu_secs,
        }
    }
}

/// A program found on `PATH` (a file there, executable).
pub fn on_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// The size of a store's folder, in bytes.
pub fn store_bytes(path: &Path) -> u64 {
    dir_size(path)
}

/// A command run as a user runs it, measured from outside: its wall time and the peak resident
/// memory the kernel counted for it (`wait4`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Run {
    pub secs: f64,
    /// CPU seconds, user and system, of the process and its threads: on a shared machine, what
    /// it cost whatever else ran.
    pub cpu_secs: f64,
    pub peak_rss_kb: u64,
    /// The exit status as the shell says it (`0`, `1`, `killed by signal 9`).
    pub status: String,
    pub success: bool,
    /// Stopped by the bench because its memory went over the limit.
    pub stopped: bool,
}

/// A child being measured (see [`Measured::spawn`]).
pub struct Measured {
    pub child: std::process::Child,
    started: Instant,
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    stopped: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Measured {
    /// Starts `cmd`, with a watch that kills it (SIGKILL) when its resident memory goes over
    /// `limit_kb`: the machine is shared, and an export that holds the whole graph in memory
    /// would take it all (26 M quads went over 24 GB).
    pub fn spawn(cmd: &mut std::process::Command, limit_kb: u64) -> Result<Measured> {
        use std::sync::atomic::Ordering;
        let started = Instant::now();
        let child = cmd
            .spawn()
            .map_err(|e| Error::Other(format!("cannot run {:?}: {e}", cmd.get_program())))?;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let pid = child.id();
        let (d, s) = (done.clone(), stopped.clone());
        std::thread::spawn(move || {
            while !d.load(Ordering::SeqCst) {
                if rss_kb(pid).is_some_and(|kb| kb > limit_kb) && !d.load(Ordering::SeqCst) {
                    s.store(true, Ordering::SeqCst);
                    // SAFETY: kill(2) on the pid of a child not yet waited for.
                    unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        Ok(Measured {
            child,
            started,
            done,
            stopped,
        })
    }

    /// The time since it started.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Waits for the child: its time since it started and its peak memory.
    pub fn finish(self) -> Result<Run> {
        use std::sync::atomic::Ordering;
        let pid = self.child.id() as libc::pid_t;
        let mut status: libc::c_int = 0;
        // SAFETY: a zeroed rusage is a valid value of the plain C struct that wait4 fills.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let got = loop {
            // SAFETY: wait4 on our own child, with pointers to live locals.
            let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
            {
                continue;
            }
            break r;
        };
        let secs = self.started.elapsed().as_secs_f64();
        self.done.store(true, Ordering::SeqCst);
        if got != pid {
            return Err(Error::Other(format!(
                "cannot wait for process {pid}: {}",
                std::io::Error::last_os_error()
            )));
        }
        let (success, status) = if libc::WIFEXITED(status) {
            let code = libc::WEXITSTATUS(status);
            (code == 0, code.to_string())
        } else if libc::WIFSIGNALED(status) {
            (
                false,
                format!("killed by signal {}", libc::WTERMSIG(status)),
            )
        } else {
            (false, format!("status {status}"))
        };
        let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Ok(Run {
            secs,
            cpu_secs: tv(usage.ru_utime) + tv(usage.ru_stime),
            peak_rss_kb: usage.ru_maxrss as u64,
            status,
            success,
            stopped: self.stopped.load(Ordering::SeqCst),
        })
    }
}

/// A line on standard error as each step of a long run ends.
fn progress(n: usize, what: &str, run: &Run) {
    eprintln!(
        "polgraph bench: {n}: {what}: {:.2} s, {:.2} s CPU, peak RSS {} MB{}",
        run.secs,
        run.cpu_secs,
        run.peak_rss_kb / 1024,
        if run.success {
            String::new()
        } else {
            format!(
                ", {}{}",
                run.status,
                if run.stopped {
                    " (over the memory limit)"
                } else {
                    ""
                }
            )
        }
    );
}

/// A process's resident memory now (Linux), in KiB.
fn rss_kb(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// One command timed as a user runs it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Latency {
    pub label: String,
    /// The arguments after `polgraph` (the store's path left out).
    pub command: String,
    pub run: Run,
    /// Rows of its output, without a header (a query's rows, the names found, `stats`' lines, the
    /// server's hits).
    pub rows: Option<usize>,
}

/// The figures of one size of the corpus bench.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CorpusFigures {
    pub corpus: PathBuf,
    /// Articles fed to `polgraph ingest`.
    pub articles: usize,
    /// Bytes of JSON Lines fed to it.
    pub input_bytes: u64,
    /// Extraction alone over the file's articles, each once (at most `articles`).
    pub extraction: Extraction,
    /// Its CPU seconds.
    pub extraction_cpu_secs: f64,
    /// `polgraph ingest --store STORE -`, the corpus streamed to its standard input.
    pub ingest: Run,
    /// Of which the compaction after the bulk load, as ingest's last line says it.
    pub compact_secs: Option<f64>,
    pub store_bytes: u64,
    /// The store counted and loaded again by oxigraph's bulk loader as polgraph builds it.
    pub stored: Stored,
    /// Stock `oxigraph load` on the same quads, when it was on `PATH` (or given).
    pub stock: Option<StockLoad>,
    /// Why stock `oxigraph load` did not run, when it did not.
    pub stock_missing: Option<String>,
    /// The loaders' time over ingest's: polgraph's bulk loader (oxigraph's, patched), and stock
    /// `oxigraph load`.
    pub ratio_patched: Ratio,
    pub ratio_stock: Option<Ratio>,
    /// Every round of `--rounds`, the first one's the ingest above; one round without it.
    #[serde(default)]
    pub rounds: Vec<Round>,
    /// The median of the rounds' ratios of stock `oxigraph load` (wall and CPU apart), with two
    /// rounds or more where stock ran in every one.
    #[serde(default)]
    pub ratio_stock_median: Option<Ratio>,
    /// The phases of the ingest as `ingest --verbose` says them: name, seconds, CPU seconds.
    pub ingest_phases: Vec<(String, f64, f64)>,
    /// `polgraph export --format nq` to /dev/null.
    pub export: Run,
    pub latencies: Vec<Latency>,
    /// /proc/loadavg before and after, for a shared machine.
    pub load_before: String,
    pub load_after: String,
}

impl CorpusFigures {
    pub fn articles_per_sec(&self) -> f64 {
        self.articles as f64 / self.ingest.secs
    }
    /// The store's quads over the articles fed (all of them ingested: see `stored.articles`).
    pub fn quads_per_article(&self) -> f64 {
        self.stored.quads as f64 / self.articles.max(1) as f64
    }
    pub fn ingest_quads_per_sec(&self) -> f64 {
        self.stored.quads as f64 / self.ingest.secs
    }
    pub fn bulk_quads_per_sec(&self) -> f64 {
        self.stored.quads as f64 / self.stored.reference.secs
    }
    /// Extraction's MB per CPU second: the rate of one core, busy or shared.
    pub fn extraction_mb_per_cpu_sec(&self) -> f64 {
        self.extraction.megabytes / self.extraction_cpu_secs
    }
}

/// How the corpus bench runs: the binary it measures, where its stores go, the memory limit of
/// each command.
pub struct Bench {
    pub exe: PathBuf,
    pub dir: PathBuf,
    pub limit_kb: u64,
    /// Stock oxigraph's CLI, or why there is none.
    pub oxigraph: std::result::Result<PathBuf, String>,
    /// How many times ingest and stock `oxigraph load` are timed, alternated (1: once each, the
    /// corpus streamed to ingest; more: from a file written beforehand).
    pub rounds: usize,
}

impl Bench {
    fn polgraph(&self) -> Command {
        let mut c = Command::new(&self.exe);
        c.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    }

    /// A phase of the bench in a process of its own (`bench --phase NAME ...`), its figures read
    /// from the JSON it prints.
    fn phase<T: serde::de::DeserializeOwned>(&self, name: &str, args: &[&str]) -> Result<T> {
        let output = Command::new(&self.exe)
            .args(["bench", "--phase", name, "--dir"])
            .arg(&self.dir)
            .args(args)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| Error::Other(format!("cannot run {}: {e}", self.exe.display())))?;
        if !output.status.success() {
            return Err(Error::Other(format!(
                "the {name} phase failed ({})",
                output.status
            )));
        }
        serde_json::from_slice(&output.stdout)
            .map_err(|e| Error::Other(format!("the {name} phase printed no figures: {e}")))
    }

    /// Measures `n` articles of `corpus`; the store is removed afterwards, whatever happened.
    pub fn run(&self, corpus: &Path, n: usize) -> Result<CorpusFigures> {
        let store = store_path(&self.dir, n);
        let _ = std::fs::remove_dir_all(&store);
        let figures = self.measure(corpus, n, &store);
        let _ = std::fs::remove_dir_all(&store);
        let _ = std::fs::remove_file(dump_path(&self.dir, n));
        let _ = std::fs::remove_dir_all(self.dir.join(format!("bulk-{n}")));
        let _ = std::fs::remove_dir_all(self.dir.join(format!("stock-{n}")));
        figures
    }

    fn measure(&self, corpus: &Path, n: usize, store: &Path) -> Result<CorpusFigures> {
        let load_before = loadavg();
        let ns = n.to_string();
        let corpus_arg = corpus.to_string_lossy().into_owned();
        let x: CorpusExtraction = self.phase(
            "corpus-extract",
            &["--corpus", &corpus_arg, "--articles", &ns],
        )?;
        eprintln!(
            "polgraph bench: {n}: extraction alone {:.2} MB/s per core, {:.2} MB per CPU second",
            x.extraction.mb_per_sec_per_core(),
            x.extraction.megabytes / x.cpu_secs
        );
        // With rounds, every ingest reads the repeated corpus from one file, written untimed.
        let file = (self.rounds > 1).then(|| self.dir.join(format!("corpus-{n}.jsonl")));
        if let Some(file) = &file {
            let mut out =
                std::io::BufWriter::new(std::fs::File::create(file).map_err(|source| {
                    Error::Io {
                        path: file.clone(),
                        source,
                    }
                })?);
            repeat(corpus, n, &mut out)?;
            std::io::Write::flush(&mut out).map_err(|source| Error::Io {
                path: file.clone(),
                source,
            })?;
        }
        let (run, said, input_bytes) = self.ingest(corpus, n, store, file.as_deref())?;
        progress(n, "ingest", &run);
        let compact_secs = said
            .rsplit_once("compacted in ")
            .and_then(|(_, r)| r.split_whitespace().next()?.parse().ok());
        let ingest_phases = said.lines().filter_map(parse_phase).collect();
        let store_bytes = dir_size(store);
        // The questions right after the ingest, as a user asks them.
        let folded = crate::query::search::fold(&x.person);
        let mut latencies = Vec::new();
        let asked: [(&str, Vec<String>); 5] = [
            ("find", vec!["find".into(), folded.clone()]),
            (
                "query with a folded --param",
                vec![
                    "query".into(),
                    "person-posts".into(),
                    "--param".into(),
                    format!("person={folded}"),
                ],
            ),
            ("stats", vec!["stats".into()]),
            ("query people", vec!["query".into(), "people".into()]),
            ("query tenures", vec!["query".into(), "tenures".into()]),
        ];
        for (i, (label, args)) in asked.into_iter().enumerate() {
            let before = latencies.len();
            latencies.push(self.asked(label, &args, store, n)?);
            if i == 1 {
                latencies.push(self.serve_start(store, &folded)?);
            }
            for l in &latencies[before..] {
                progress(n, &l.label, &l.run);
            }
        }
        let export = {
            let mut cmd = self.polgraph();
            cmd.args(["export", "--format", "nq", "--store"]).arg(store);
            Measured::spawn(&mut cmd, self.limit_kb)?.finish()?
        };
        progress(n, "export", &export);
        let stored: Stored = self.phase(
            "corpus-store",
            &["--corpus", &corpus_arg, "--articles", &ns],
        )?;
        eprintln!(
            "polgraph bench: {n}: {} quads in {} articles; the bulk loader {:.1} s ({} quads), peak RSS {} MB",
            stored.quads,
            stored.articles,
            stored.reference.secs,
            stored.reference_quads,
            stored.reference.peak_rss_kb / 1024
        );
        let (stock, stock_missing) = match &self.oxigraph {
            Ok(program) => match self.stock_load(program, n) {
                Ok(s) => {
                    progress(n, "stock `oxigraph load`", &s.run);
                    (Some(s), None)
                }
                // A program that cannot be started: said, and the other figures kept.
                Err(e) => {
                    eprintln!("polgraph bench: {n}: stock `oxigraph load` not run: {e}");
                    (None, Some(e.to_string()))
                }
            },
            Err(why) => {
                eprintln!("polgraph bench: {n}: stock `oxigraph load` not run: {why}");
                (None, Some(why.clone()))
            }
        };
        let mut rounds = Vec::new();
        if let (Some(file), Ok(program)) = (&file, &self.oxigraph) {
            rounds.push(Round {
                ingest: run.clone(),
                stock: stock.as_ref().map(|s| s.run.clone()),
            });
            let again = self.dir.join(format!("again-{n}"));
            for r in 1..self.rounds {
                let time_stock = || {
                    self.stock_load(program, n).map(|s| {
                        progress(
                            n,
                            &format!("round {}: stock `oxigraph load`", r + 1),
                            &s.run,
                        );
                        s.run
                    })
                };
                let time_ingest = || {
                    let _ = std::fs::remove_dir_all(&again);
                    let ran = self
                        .ingest(corpus, n, &again, Some(file))
                        .map(|(run, _, _)| {
                            progress(n, &format!("round {}: ingest", r + 1), &run);
                            run
                        });
                    let _ = std::fs::remove_dir_all(&again);
                    ran
                };
                // Stock first in every other round: neither always runs after the other.
                let (ingest, stock) = if r % 2 == 1 {
                    let stock = time_stock().ok();
                    (time_ingest()?, stock)
                } else {
                    let ingest = time_ingest()?;
                    (ingest, time_stock().ok())
                };
                rounds.push(Round { ingest, stock });
            }
        }
        if let Some(file) = &file {
            let _ = std::fs::remove_file(file);
        }
        let ratios: Option<Vec<Ratio>> = rounds
            .iter()
            .map(|r| {
                let s = r.stock.as_ref().filter(|s| s.success)?;
                r.ingest
                    .success
                    .then(|| Ratio::of(s.secs, s.cpu_secs, &r.ingest))
            })
            .collect();
        let ratio_stock_median = ratios.filter(|r| r.len() > 1).and_then(|r| {
            Some(Ratio {
                wall: median(r.iter().map(|x| x.wall).collect())?,
                cpu: median(r.iter().map(|x| x.cpu).collect())?,
            })
        });
        let ratio_patched = Ratio::of(stored.reference.secs, stored.reference.cpu_secs, &run);
        let ratio_stock = stock
            .as_ref()
            .filter(|s| s.run.success)
            .map(|s| Ratio::of(s.run.secs, s.run.cpu_secs, &run));
        Ok(CorpusFigures {
            corpus: corpus.to_path_buf(),
            articles: n,
            input_bytes,
            extraction: x.extraction,
            extraction_cpu_secs: x.cpu_secs,
            ingest: run,
            compact_secs,
            store_bytes,
            stored,
            stock,
            stock_missing,
            ratio_patched,
            ratio_stock,
            rounds,
            ratio_stock_median,
            ingest_phases,
            export,
            latencies,
            load_before,
            load_after: loadavg(),
        })
    }

    /// `polgraph ingest --verbose` of `n` articles of `corpus` into `store`: from `file` (the
    /// corpus repeated, written beforehand) or streamed to its standard input as it is repeated.
    /// Its run, what it said, and the bytes of JSON Lines it read.
    fn ingest(
        &self,
        corpus: &Path,
        n: usize,
        store: &Path,
        file: Option<&Path>,
    ) -> Result<(Run, String, u64)> {
        let log = self.dir.join(format!("ingest-{n}.log"));
        let mut cmd = self.polgraph();
        cmd.args(["ingest", "--verbose", "--store"])
            .arg(store)
            .arg(file.unwrap_or(Path::new("-")))
            .stdin(if file.is_some() {
                Stdio::null()
            } else {
                Stdio::piped()
            })
            .stderr(std::fs::File::create(&log).map_err(|source| Error::Io {
                path: log.clone(),
                source,
            })?);
        let mut ingest = Measured::spawn(&mut cmd, self.limit_kb)?;
        let fed = match file {
            Some(f) => std::fs::metadata(f)
                .map(|m| m.len())
                .map_err(|source| Error::Io {
                    path: f.to_path_buf(),
                    source,
                }),
            None => {
                let stdin = ingest.child.stdin.take().expect("stdin is piped");
                repeat(
                    corpus,
                    n,
                    &mut std::io::BufWriter::with_capacity(1 << 20, stdin),
                )
            }
        };
        let run = ingest.finish()?;
        let said = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        if !run.success {
            return Err(Error::Other(format!(
                "polgraph ingest of {n} articles of {} failed ({}{}): {}",
                corpus.display(),
                run.status,
                if run.stopped {
                    ", over the memory limit"
                } else {
                    ""
                },
                said.trim()
            )));
        }
        Ok((run, said, fed?))
    }

    /// Stock `oxigraph load` on the dump the store phase left, into a new store (removed after
    /// its quads are counted), measured as a user runs it.
    fn stock_load(&self, program: &Path, n: usize) -> Result<StockLoad> {
        let version = Command::new(program)
            .arg("--version")
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let location = self.dir.join(format!("stock-{n}"));
        let _ = std::fs::remove_dir_all(&location);
        let mut cmd = Command::new(program);
        cmd.args(["load", "--location"])
            .arg(&location)
            .arg("--file")
            .arg(dump_path(&self.dir, n))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let run = Measured::spawn(&mut cmd, self.limit_kb)?.finish()?;
        let quads = run
            .success
            .then(|| Store::open_read_only(&location).and_then(|s| s.len()).ok())
            .flatten();
        let _ = std::fs::remove_dir_all(&location);
        Ok(StockLoad {
            program: program.to_path_buf(),
            version,
            run,
            quads,
        })
    }

    /// `polgraph ARGS --store STORE`, its output counted in lines (a header line less for a query).
    fn asked(&self, label: &str, args: &[String], store: &Path, n: usize) -> Result<Latency> {
        let out = self.dir.join(format!("out-{n}"));
        let file = std::fs::File::create(&out).map_err(|source| Error::Io {
            path: out.clone(),
            source,
        })?;
        let mut cmd = self.polgraph();
        cmd.args(args).arg("--store").arg(store).stdout(file);
        let run = Measured::spawn(&mut cmd, self.limit_kb)?.finish()?;
        let lines = count_lines(&out);
        let _ = std::fs::remove_file(&out);
        let header = usize::from(args[0] == "query" || args[0] == "find");
        Ok(Latency {
            label: label.into(),
            command: args
                .iter()
                .map(|a| {
                    if a.contains(' ') {
                        format!("{a:?}")
                    } else {
                        a.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
            rows: (run.success)
                .then_some(lines)
                .flatten()
                .map(|l| l.saturating_sub(header)),
            run,
        })
    }

    /// `polgraph serve` on a port the system picks: the time from its start until it answers a
    /// search for `typed` (the name index read), then it is stopped.
    fn serve_start(&self, store: &Path, typed: &str) -> Result<Latency> {
        use std::io::{BufRead, Read, Write};
        let mut cmd = self.polgraph();
        cmd.args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(store)
            .stdout(Stdio::piped());
        let mut serve = Measured::spawn(&mut cmd, self.limit_kb)?;
        let stdout = serve.child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let addr = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .map(|a| a.trim_end_matches('/').to_string());
        let path = format!(
            "/api/search?q={}",
            percent_encoding::utf8_percent_encode(typed, percent_encoding::NON_ALPHANUMERIC)
        );
        let answer = addr.as_deref().and_then(|addr| {
            let deadline = Instant::now() + std::time::Duration::from_secs(3600);
            while Instant::now() < deadline {
                let Ok(mut s) = std::net::TcpStream::connect(addr) else {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    continue;
                };
                let request =
                    format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
                let mut reply = Vec::new();
                if s.write_all(request.as_bytes()).is_ok() && s.read_to_end(&mut reply).is_ok() {
                    return Some((serve.elapsed(), reply));
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            None
        });
        let _ = serve.child.kill();
        let mut run = serve.finish()?;
        let reply = answer.as_ref().map(|(_, r)| String::from_utf8_lossy(r));
        let ok = reply
            .as_deref()
            .is_some_and(|r| r.starts_with("HTTP/1.1 200"));
        let hits = reply.as_deref().and_then(|r| {
            let body = &r[r.find("\r\n\r\n")? + 4..];
            serde_json::from_str::<serde_json::Value>(body).ok()?["hits"]
                .as_array()
                .map(Vec::len)
        });
        if let Some((secs, _)) = &answer {
            run.secs = *secs;
        }
        run.success = ok;
        if !ok {
            run.status = match (&addr, reply) {
                (None, _) => format!("no address on its first line ({:?})", line.trim()),
                (_, None) => "no answer".into(),
                (_, Some(r)) => r.lines().next().unwrap_or("").to_string(),
            };
        }
        Ok(Latency {
            label: "serve: start to a search answered".into(),
            command: format!("serve, then GET {path}"),
            run,
            rows: hits,
        })
    }
}

/// A line of `ingest --verbose` that times a phase: `polgraph: phase NAME: S s, C s CPU`.
pub fn parse_phase(line: &str) -> Option<(String, f64, f64)> {
    let (name, rest) = line.strip_prefix("polgraph: phase ")?.rsplit_once(": ")?;
    let (secs, cpu) = rest.split_once(" s, ")?;
    let cpu = cpu.strip_suffix(" s CPU")?;
    Some((name.to_string(), secs.parse().ok()?, cpu.parse().ok()?))
}

fn count_lines(path: &Path) -> Option<usize> {
    use std::io::BufRead;
    let f = std::fs::File::open(path).ok()?;
    Some(std::io::BufReader::new(f).split(b'\n').count())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_copies_the_records_under_new_ids_until_n() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.jsonl");
        std::fs::write(
            &file,
            "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": 7, \"text\": \"y\"}\n{\"text\": \"z\"}\n",
        )
        .unwrap();
        let mut out = Vec::new();
        let bytes = repeat(&file, 7, &mut out).unwrap();
        assert_eq!(bytes, out.len() as u64);
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect();
        // The blank line is skipped but counted in the line numbers of records without an id.
        assert_eq!(ids, ["a", "7", "line-4", "a~1", "7~1", "line-4~1", "a~2"]);
    }

    #[test]
    fn the_median_of_an_odd_count_is_its_middle_and_of_an_even_count_the_mean_of_two() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![0.9]), Some(0.9));
        assert_eq!(median(vec![1.08, 0.92, 0.97, 1.02, 0.94]), Some(0.97));
        assert_eq!(median(vec![1.0, 0.5, 2.0, 0.8]), Some(0.9));
    }

    #[test]
    fn repeat_refuses_a_file_without_records() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("empty.jsonl");
        std::fs::write(&file, "\n\n").unwrap();
        let e = repeat(&file, 3, &mut Vec::new()).unwrap_err().to_string();
        assert!(
            e.contains("empty.jsonl") && e.contains("no JSON Lines record"),
            "{e}"
        );
    }
}
