use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polgraph::{pipeline::load, read, store::Store};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A progress bar with rate and ETA on a terminal; nothing otherwise.
pub fn progress_bar(len: Option<u64>, what: &str) -> ProgressBar {
    let pb = match len {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    if !std::io::stderr().is_terminal() {
        pb.set_draw_target(ProgressDrawTarget::hidden());
    }
    let template = match len {
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
    pub store: super::StoreArg,
    /// Into an empty store, skip the compaction after the bulk load: the load is faster (at
    /// 100,000 articles, about 2 minutes less), look-ups stay slow (0.4 s instead of 10 ms
    /// for one question) until the store is compacted (`polgraph compact`).
    #[arg(long)]
    pub no_compact: bool,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store, &self.paths, !self.no_compact)
    }
}

pub fn run(store: &Path, paths: &[PathBuf], compact: bool) -> Result<ExitCode> {
    let (sources, mut errors) = read::sources(paths);
    let mut db = Store::open(store)?;
    // One article a file, except JSON Lines: count files only when that gives articles.
    let texts = sources
        .iter()
        .all(|s| matches!(s, read::Source::File(p) if p.extension().is_some_and(|e| e == "txt")));
    let pb = progress_bar(texts.then_some(sources.len() as u64), "articles");
    let started = std::time::Instant::now();
    let report = load::load(&mut db, &sources, compact, &mut |n, bytes| {
        pb.set_position(n as u64);
        pb.set_message(format!("{:.1} MB", bytes as f64 / 1e6));
    })?;
    pb.finish_and_clear();
    errors.extend(report.errors);
    for e in &errors {
        eprintln!("polgraph: skipped {e}");
    }
    for (id, before, after) in &report.replaced {
        eprintln!("polgraph: warning: {after} has the id {id:?} of {before}; it replaces it");
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "ingested {} article{} ({} quads{}) into {} in {secs:.1} s{}",
        report.articles,
        if report.articles == 1 { "" } else { "s" },
        report.quads,
        match (report.bulk, compact) {
            (true, true) => format!(
                ", bulk-loaded into an empty store and compacted in {:.1} s",
                report.compact_secs
            ),
            (true, false) => ", bulk-loaded into an empty store, not compacted".into(),
            _ => String::new(),
        },
        store.display(),
        if errors.is_empty() {
            String::new()
        } else {
            format!(
                "; {} input{} failed",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            )
        }
    );
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
