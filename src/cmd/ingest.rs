use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polgraph::{pipeline::load, read, store::Store};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A progress bar with rate and ETA on a terminal; nothing otherwise. `what` is what it counts;
/// `bytes` is the unit of a bar whose position is bytes read (of `len`, the inputs' size).
/// The spinner shown while a store is compacted (ingest and load).
pub fn compaction_spinner(store: &std::path::Path) -> ProgressBar {
    let spinner = progress_bar(None, "");
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.set_message(format!("compacting {} ...", store.display()));
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}

pub fn progress_bar(len: Option<u64>, what: &str) -> ProgressBar {
    let pb = match len {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    if !std::io::stderr().is_terminal() {
        pb.set_draw_target(ProgressDrawTarget::hidden());
    }
    let template = match len {
        Some(_) if what == "bytes" => {
            "{bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}".to_string()
        }
        Some(_) => format!("{{bar:30}} {{pos}}/{{len}} {what} ({{per_sec}}, ETA {{eta}}) {{msg}}"),
        None => format!("{{spinner}} {{pos}} {what} ({{per_sec}}) {{msg}}"),
    };
    pb.set_style(
        ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb
}

/// Reads articles, extracts their facts and stores one named graph per article.
///
/// PATH is a .txt file (its stem is the article id), a folder (read recursively for .txt
/// and .jsonl), a JSON Lines file of records {"id", "text", "title"?, "date"?, "url"?,
/// "source"?}, or - for standard input. Re-ingesting an article replaces its graph. A bad
/// file or record is reported and skipped; the exit code is then 1.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::NewStoreArg,
    /// Into an empty store, skip the compaction after the bulk load: the load is faster (at
    /// 100,000 articles, about 2 minutes less), look-ups stay slow (0.4 s instead of 10 ms
    /// for one question) until the store is compacted (`polgraph compact`).
    #[arg(long)]
    pub no_compact: bool,
    /// Say where the time went, a line a phase on standard error (`polgraph: phase NAME: S s,
    /// C s CPU`): the load loop (reading, extraction, feeding the bulk loader), its commit, the
    /// compaction, the identity links, the kept files. CPU is the whole process's meanwhile.
    #[arg(long)]
    pub verbose: bool,
    /// The articles: .txt files, folders (read recursively), .jsonl files, or - for
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(
            &self.store.store,
            &self.paths,
            !self.no_compact,
            self.verbose,
        )
    }
}

pub fn run(store: &Path, paths: &[PathBuf], compact: bool, verbose: bool) -> Result<ExitCode> {
    let (sources, mut errors) = read::sources(paths);
    let mut db = Store::open(store)?;
    if db.compaction_interrupted() {
        eprintln!(
            "polgraph: warning: {}",
            polgraph::store::COMPACTION_INTERRUPTED
        );
    }
    // One article a file, except JSON Lines: count files only when that gives articles, else
    // bytes read of the files' size; standard input has no size (a spinner).
    let texts = sources
        .iter()
        .all(|s| matches!(s, read::Source::File(p) if p.extension().is_some_and(|e| e == "txt")));
    let size: Option<u64> = sources
        .iter()
        .map(|s| match s {
            read::Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            read::Source::Stdin => None,
        })
        .sum();
    let pb = match (texts, size) {
        (true, _) => progress_bar(Some(sources.len() as u64), "articles"),
        (false, Some(total)) => progress_bar(Some(total), "bytes"),
        (false, None) => progress_bar(None, "articles"),
    };
    let mut compacting: Option<ProgressBar> = None;
    let started = std::time::Instant::now();
    let mut report = load::load(&mut db, &sources, compact, &mut |p| match p {
        load::Progress::Loaded { articles, read } => {
            if texts || size.is_none() {
                pb.set_position(articles as u64);
                pb.set_message(format!("{:.1} MB", read as f64 / 1e6));
            } else {
                pb.set_position(read);
                pb.set_message(format!("{articles} articles"));
            }
        }
        load::Progress::Compacting => {
            pb.finish_and_clear();
            compacting = Some(compaction_spinner(store));
        }
    })?;
    pb.finish_and_clear();
    if let Some(s) = compacting.take() {
        s.finish_and_clear();
    }
    let mut phases = std::mem::take(&mut report.phases);
    phases.time("store closed, kept files saved", || keep(db, &mut report));
    if verbose {
        for line in phases.lines() {
            eprintln!("{line}");
        }
    }
    errors.extend(std::mem::take(&mut report.errors));
    for e in &errors {
        eprintln!("polgraph: skipped {e}");
    }
    for (id, before, after) in &report.replaced {
        eprintln!("polgraph: warning: {after} has the id {id:?} of {before}; it replaces it");
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{}",
        summary("ingested", &report, store, secs, compact, errors.len())
    );
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Closes the store a load wrote and keeps beside it what the load computed (the name index,
/// the listings, the counts: see [`polgraph::pipeline::summary`]), for the store as it is once
/// closed. A file that cannot be written is said, not fatal: readers compute it again.
pub fn keep(db: Store, report: &mut load::Loaded) {
    let path = db.path().to_path_buf();
    drop(db);
    if let Some(kept) = report.kept.take() {
        if let Err(e) = kept.save(&path) {
            eprintln!("polgraph: warning: the name index and counts are not kept beside the store ({e}); each command computes them again");
        }
    }
}

/// The last line of a load: what went into which store, how and how long (`ingest`, `load`).
pub fn summary(
    verb: &str,
    report: &load::Loaded,
    store: &Path,
    secs: f64,
    compact: bool,
    failed: usize,
) -> String {
    format!(
        "{verb} {} article{} ({} quads, and {} in the tenures graph, {} in the descriptions graph) into {} in {secs:.1} s{}{}{}",
        report.articles,
        if report.articles == 1 { "" } else { "s" },
        report.quads,
        report.tenures,
        report.described,
        store.display(),
        match (report.bulk, compact) {
            (true, true) => format!(
                ", bulk-loaded into an empty store and compacted in {:.1} s",
                report.compact_secs
            ),
            (true, false) => ", bulk-loaded into an empty store, not compacted".into(),
            _ => String::new(),
        },
        if let Some([index, listings, counts]) = report.kept_parts {
            format!(
                ", the name index and listings kept in {:.1} s (the index {index:.1} s, the \
                 listings {listings:.1} s, the counts {counts:.1} s)",
                report.kept_secs
            )
        } else if report.kept_secs > 0.0 {
            format!(
                ", the name index and listings kept in {:.1} s",
                report.kept_secs
            )
        } else {
            String::new()
        },
        if failed == 0 {
            String::new()
        } else {
            format!(
                "; {failed} input{} failed",
                if failed == 1 { "" } else { "s" }
            )
        }
    )
}
