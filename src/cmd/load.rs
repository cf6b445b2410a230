use anyhow::{bail, Result};
use polgraph::{pipeline::load, store::Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Loads N-Quads files extracted elsewhere into a new store with the bulk loader, then compacts
/// it as ingest does: the store answers as if the articles had been ingested.
///
/// The files hold whole article graphs and the tenures graph: the part files of
/// jobs/spark/extract.py (part-00000, ...), or the folder `polgraph extract --out DIR` writes.
/// A folder is read recursively for part-* and *.nq files; names starting with _ or . (Spark's
/// _SUCCESS, .crc checksums) are passed over. A line that does not parse is reported with its
/// file and line and skipped; the exit code is then 1.
///
/// Examples:
///   spark-submit --master local[2] jobs/spark/extract.py --input corpus.jsonl --output out/
///   polgraph load --store db out/
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::NewStoreArg,
    /// Skip the compaction after the bulk load (see `polgraph ingest --no-compact`).
    #[arg(long)]
    pub no_compact: bool,
    /// N-Quads files, or folders of them.
    #[arg(required = true, value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store, &self.paths, !self.no_compact)
    }
}

/// The N-Quads files of a folder, recursively, in name order.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            walk(&p, files)?;
        } else if name.starts_with("part-") || name.ends_with(".nq") || name.ends_with(".nquads") {
            files.push(p);
        }
    }
    Ok(())
}

pub fn run(store: &Path, paths: &[PathBuf], compact: bool) -> Result<ExitCode> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let before = files.len();
            walk(p, &mut files)?;
            if files.len() == before {
                bail!("{}: no N-Quads files (part-* or *.nq) in it", p.display());
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            bail!("{}: no such file or folder", p.display());
        }
    }
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut db = Store::open(store)?;
    let pb = super::ingest::progress_bar(Some(total), "bytes");
    let started = std::time::Instant::now();
    let mut spinner = None;
    let mut report = load::load_nquads(&mut db, &files, compact, &mut |p| match p {
        load::Progress::Loaded { read, .. } => pb.set_position(read),
        load::Progress::Compacting => {
            pb.finish_and_clear();
            spinner = Some(super::ingest::compaction_spinner(store));
        }
    })?;
    pb.finish_and_clear();
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    super::ingest::keep(db, &mut report);
    for e in &report.errors {
        eprintln!("polgraph: skipped {e}");
    }
    if report.articles > 0 && report.tenures == 0 {
        eprintln!(
            "polgraph: warning: no tenures graph in the files (the job's merged tenures, or the \
             tenures.nq of `polgraph extract --out DIR`): queries over tenures will find none"
        );
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} from {} file{}",
        super::ingest::summary("loaded", &report, store, secs, compact, report.errors.len()),
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    Ok(if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
