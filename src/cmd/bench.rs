use anyhow::{bail, Context, Result};
use polgraph::tools::bench::{Figures, Ingested, Reference, Updated};
use std::io::Write;
use std::path::Path;
use std::process::{ExitCode, Stdio};

mod corpus;

/// A phase of one size, run by `polgraph bench` in a process of its own.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Phase {
    Ingest,
    Update,
    Reference,
    /// `--corpus`: extraction alone over the file's articles.
    CorpusExtract,
    /// `--corpus`: the store counted, dumped and loaded again by the bulk loader (the dump is
    /// left for stock `oxigraph load`).
    CorpusStore,
}

/// Measures extraction, ingest, the bulk loader and every shipped query on generated corpora.
///
/// Each size runs in three processes, one after the other, each with its own peak memory:
/// extraction, ingest into an empty store and the questions; 1,000 new articles into that
/// store (the update path); oxigraph's bulk loader on an N-Quads dump of the same quads.
/// At 100,000 articles it takes some 50 minutes and 25 GB of disk under --dir.
///
/// With --corpus FILE, real JSON Lines instead: the file's articles repeated under new ids
/// (`ID~2` for the second copy) until --articles, streamed into `polgraph ingest` (never written
/// whole), then `find`, a query with a folded --param, the server's start, `stats`, `query
/// people`, `query tenures` and `export`, each as a user runs it (a fresh process: its time and
/// peak memory), and the bulk loader on the same quads, as polgraph builds it and as stock
/// `oxigraph load` (issue 30).
///
/// Examples (the README's table; docs/performance.md's corpus bench):
///   polgraph bench --articles 1000 --articles 10000 --articles 100000
///   polgraph bench --corpus press.jsonl --articles 100000 --dir /big/disk
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Corpus sizes. Repeatable.
    #[arg(long = "articles", default_value = "1000", value_name = "N")]
    pub sizes: Vec<usize>,
    /// The seed of the generated corpora (see `polgraph generate`).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where the temporary stores go (default: the system's temporary folder).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
    /// Measure extraction alone (text to quads, no store): a quick figure, and a run to
    /// profile (`RAYON_NUM_THREADS=1 perf record polgraph bench --extract-only`).
    #[arg(long)]
    pub extract_only: bool,
    /// Sizes in MB of one long article whose extraction is timed alone (the time per MB
    /// stays flat when extraction is linear in an article's size). Repeatable; 0 for none.
    #[arg(long = "long-article", value_name = "MB", default_values_t = [1.0, 4.0])]
    pub long: Vec<f64>,
    /// One phase of one size, its figures printed as JSON: how `bench` runs each phase in
    /// a process of its own.
    #[arg(long, value_enum, hide = true, requires = "dir")]
    pub phase: Option<Phase>,
    /// Real articles: a JSON Lines file, repeated under new ids up to each --articles.
    #[arg(long, value_name = "FILE", conflicts_with = "extract_only")]
    pub corpus: Option<std::path::PathBuf>,
    /// With --corpus: the figures also as JSON, into FILE (every value the table shows, and
    /// more: CPU seconds, exit statuses, the commands run).
    #[arg(long, requires = "corpus", value_name = "FILE")]
    pub json: Option<std::path::PathBuf>,
    /// With --corpus: a command whose resident memory goes over MB is stopped (and said to be):
    /// the machine may be shared.
    #[arg(long, value_name = "MB", default_value_t = 8192)]
    pub memory_limit: u64,
    /// With --corpus: stock oxigraph's CLI, whose `oxigraph load` is timed on the same quads
    /// beside polgraph's own build of the bulk loader (default: `oxigraph` on PATH; without
    /// one, the bench says so and goes on).
    #[arg(long, requires = "corpus", value_name = "PROGRAM")]
    pub oxigraph: Option<std::path::PathBuf>,
    /// With --corpus: ingest and stock `oxigraph load` timed N times each, alternated (stock
    /// first in every other round), the repeated corpus read from a file written beforehand, and
    /// the median of the rounds' ratios given beside the first round's: on a shared or virtual
    /// machine one run of each says little.
    #[arg(long, requires = "corpus", value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub rounds: u32,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        if let Some(corpus) = &self.corpus {
            return corpus::run(corpus, &self);
        }
        run(
            &self.sizes,
            self.seed,
            self.dir.as_deref(),
            self.extract_only,
            self.phase,
            &self.long,
        )
    }
}

/// Where the bench's stores go: `dir`, else a folder of its own in the system's temporary one;
/// made if it is not there.
fn work_dir(dir: Option<&Path>) -> Result<std::path::PathBuf> {
    let dir = dir.map_or_else(
        || std::env::temp_dir().join(format!("polgraph-bench-{}", std::process::id())),
        Path::to_path_buf,
    );
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

pub fn run(
    sizes: &[usize],
    seed: u64,
    dir: Option<&Path>,
    extract_only: bool,
    phase: Option<Phase>,
    long: &[f64],
) -> Result<ExitCode> {
    if extract_only {
        let mut out = std::io::stdout().lock();
        for &n in sizes {
            let f = polgraph::tools::bench::extraction_only(n, seed);
            writeln!(
                out,
                "{} articles ({:.1} MB), {} threads: extraction {:.2} s, {:.0} articles/s/core, {:.2} MB/s/core",
                f.articles,
                f.megabytes,
                f.threads,
                f.secs,
                f.articles_per_sec_per_core(),
                f.mb_per_sec_per_core()
            )?;
        }
        long_articles(&mut out, long, seed)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(phase) = phase {
        let (Some(dir), [n]) = (dir, sizes) else {
            bail!("--phase needs --dir and one --articles");
        };
        let json = match phase {
            Phase::Ingest => serde_json::to_string(&polgraph::tools::bench::ingest(*n, seed, dir)?),
            Phase::Update => serde_json::to_string(&polgraph::tools::bench::update(*n, seed, dir)?),
            Phase::Reference => serde_json::to_string(&polgraph::tools::bench::reference(*n, dir)?),
            Phase::CorpusExtract | Phase::CorpusStore => bail!("--phase {phase:?} needs --corpus"),
        }?;
        println!("{json}");
        return Ok(ExitCode::SUCCESS);
    }
    let dir = work_dir(dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "polgraph bench, seed {seed}, {} threads, on {}",
        rayon::current_num_threads(),
        machine()
    )?;
    writeln!(out)?;
    writeln!(out, "| articles | MB | extract art/s/core | extract MB/s/core | ingest s (of which compaction) | ingest quads/s | bulk loader quads/s | ratio | ratio, load alone | quads | store MB | ingest peak RSS MB | ingest and questions peak RSS MB | update: articles in s (peak RSS MB) | bulk loader peak RSS MB |")?;
    writeln!(
        out,
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )?;
    let mut latencies = Vec::new();
    for &n in sizes {
        let f = size(n, seed, &dir);
        let _ = std::fs::remove_dir_all(polgraph::tools::bench::store_path(&dir, n));
        let f = f?;
        let (i, x) = (&f.ingested, &f.ingested.extraction);
        writeln!(
            out,
            "| {} | {:.1} | {:.0} | {:.2} | {:.1} ({:.1}) | {:.0} | {:.0} | {:.2} | {:.2} | {} | {:.0} | {:.0} | {:.0} | {} in {:.1} ({:.0}) | {:.0} |",
            x.articles,
            x.megabytes,
            x.articles_per_sec_per_core(),
            x.mb_per_sec_per_core(),
            i.secs,
            i.compact_secs,
            f.ingest_quads_per_sec(),
            f.bulk_quads_per_sec(),
            f.ingest_quads_per_sec() / f.bulk_quads_per_sec(),
            f.load_alone_ratio(),
            i.quads,
            i.store_bytes as f64 / 1e6,
            i.peak_rss_kb as f64 / 1024.0,
            i.phase_peak_rss_kb as f64 / 1024.0,
            f.updated.articles,
            f.updated.secs,
            f.updated.peak_rss_kb as f64 / 1024.0,
            f.reference.peak_rss_kb as f64 / 1024.0,
        )?;
        out.flush()?;
        latencies.push((n, f.ingested.queries));
    }
    writeln!(out)?;
    writeln!(
        out,
        "query latency, ms (rows); the selective questions first (then the median of four more runs), again with other parameters, then the listings:"
    )?;
    for (n, qs) in latencies {
        let cells: Vec<String> = qs
            .iter()
            .map(|t| match t.again_ms {
                Some(again) => format!(
                    "{} {:.1}, again {:.1} ({})",
                    t.label, t.first_ms, again, t.rows
                ),
                None => format!("{} {:.1} ({})", t.label, t.first_ms, t.rows),
            })
            .collect();
        writeln!(out, "  {n} articles: {}", cells.join(", "))?;
    }
    long_articles(&mut out, long, seed)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

/// The three phases of size `n`, each in a process of its own (this binary, `bench --phase`).
fn size(n: usize, seed: u64, dir: &Path) -> Result<Figures> {
    let ingested: Ingested = phase(Phase::Ingest, n, seed, dir)?;
    let updated: Updated = phase(Phase::Update, n, seed, dir)?;
    let reference: Reference = phase(Phase::Reference, n, seed, dir)?;
    Ok(Figures {
        ingested,
        updated,
        reference,
    })
}

fn phase<T: serde::de::DeserializeOwned>(
    phase: Phase,
    n: usize,
    seed: u64,
    dir: &Path,
) -> Result<T> {
    let value = clap::ValueEnum::to_possible_value(&phase).expect("no phase is skipped");
    let name = value.get_name();
    let exe = std::env::current_exe().context("cannot find polgraph's own binary")?;
    let output = std::process::Command::new(&exe)
        .args(["bench", "--phase", name, "--articles", &n.to_string()])
        .args(["--seed", &seed.to_string(), "--dir"])
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    if !output.status.success() {
        bail!(
            "the {name} phase of {n} articles failed ({})",
            output.status
        );
    }
    serde_json::from_slice(&output.stdout)
        .with_context(|| format!("the {name} phase of {n} articles printed no figures"))
}

pub(crate) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "an unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1048576.0))
        .unwrap_or_default();
    format!("{cpu}, {mem}")
}

/// The table of [`polgraph::tools::bench::long_article`], one row a size (none for 0).
fn long_articles(out: &mut impl Write, sizes: &[f64], seed: u64) -> Result<()> {
    let sizes: Vec<f64> = sizes.iter().copied().filter(|&mb| mb > 0.0).collect();
    if sizes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "| one article, MB | extract s | s per MB |")?;
    writeln!(out, "| --- | --- | --- |")?;
    for mb in sizes {
        let l = polgraph::tools::bench::long_article(mb, seed);
        writeln!(
            out,
            "| {:.1} | {:.2} | {:.2} |",
            l.megabytes,
            l.secs,
            l.secs_per_mb()
        )?;
    }
    Ok(())
}
