//! `polgraph bench --corpus FILE`: the table (or JSON) of [`polgraph::tools::corpus_bench`].

use super::Phase;
use anyhow::{bail, Context, Result};
use polgraph::tools::corpus_bench::{self, Bench, CorpusFigures, Run};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(corpus: &Path, args: &super::Args) -> Result<ExitCode> {
    let (sizes, dir, phase) = (&args.sizes[..], args.dir.as_deref(), args.phase);
    let (json, limit_mb, oxigraph) = (
        args.json.as_deref(),
        args.memory_limit,
        args.oxigraph.as_deref(),
    );
    let rounds = args.rounds as usize;
    if let Some(phase) = phase {
        let (Some(dir), [n]) = (dir, sizes) else {
            bail!("--phase needs --dir and one --articles");
        };
        let json = match phase {
            Phase::CorpusExtract => {
                serde_json::to_string(&corpus_bench::corpus_extraction(corpus, *n)?)
            }
            Phase::CorpusStore => serde_json::to_string(&corpus_bench::corpus_store(*n, dir)?),
            _ => bail!("--phase {phase:?} is not one of --corpus"),
        }?;
        println!("{json}");
        return Ok(ExitCode::SUCCESS);
    }
    let dir = super::work_dir(dir)?;
    let bench = Bench {
        exe: std::env::current_exe().context("cannot find polgraph's own binary")?,
        dir: dir.clone(),
        limit_kb: limit_mb * 1024,
        oxigraph: match oxigraph {
            Some(p) => Ok(p.to_path_buf()),
            None => corpus_bench::on_path("oxigraph")
                .ok_or_else(|| "no `oxigraph` on PATH (`--oxigraph PROGRAM` names one)".into()),
        },
        rounds,
    };
    let mut all = Vec::new();
    for &n in sizes {
        let f = bench.run(corpus, n);
        if f.is_err() {
            let _ = std::fs::remove_dir_all(&dir);
        }
        let f = f?;
        eprintln!(
            "polgraph bench: {n} articles of {} measured ({:.0} s of ingest)",
            corpus.display(),
            f.ingest.secs
        );
        all.push(f);
    }
    let _ = std::fs::remove_dir_all(&dir);
    if let Some(path) = json {
        let mut text = serde_json::to_string_pretty(&all)?;
        text.push('\n');
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    table(&mut std::io::stdout().lock(), corpus, &all, limit_mb)?;
    Ok(ExitCode::SUCCESS)
}

/// A command's time and peak memory, or why it did not finish.
fn cell(run: &Run, limit_mb: u64) -> String {
    let mb = run.peak_rss_kb as f64 / 1024.0;
    if run.success {
        format!("{:.2} s ({:.2} s CPU), {mb:.0} MB", run.secs, run.cpu_secs)
    } else if run.stopped {
        format!(
            "stopped over {limit_mb} MB after {:.1} s (peak {mb:.0} MB)",
            run.secs
        )
    } else {
        format!(
            "failed ({}) after {:.2} s, {mb:.0} MB",
            run.status, run.secs
        )
    }
}

type Row = (String, Box<dyn Fn(&CorpusFigures) -> String>);

/// One column a size, one row a figure.
fn table(out: &mut impl Write, corpus: &Path, all: &[CorpusFigures], limit: u64) -> Result<()> {
    writeln!(
        out,
        "polgraph bench --corpus {}, {} threads, on {}",
        corpus.display(),
        rayon::current_num_threads(),
        super::machine()
    )?;
    writeln!(out)?;
    let mb = |kb: u64| kb as f64 / 1024.0;
    let mut rows: Vec<Row> = vec![
        (
            "JSON Lines fed, MB".into(),
            Box::new(|f| format!("{:.1}", f.input_bytes as f64 / 1e6)),
        ),
        (
            "extraction alone, MB/s per core; MB per CPU second (the file's articles, each once)"
                .into(),
            Box::new(|f| {
                format!(
                    "{:.2}; {:.2} ({} articles, {:.2} MB)",
                    f.extraction.mb_per_sec_per_core(),
                    f.extraction_mb_per_cpu_sec(),
                    f.extraction.articles,
                    f.extraction.megabytes
                )
            }),
        ),
        (
            "ingest, s (of which compaction); CPU s".into(),
            Box::new(|f| match f.compact_secs {
                Some(c) => format!("{:.1} ({c:.1}); {:.1}", f.ingest.secs, f.ingest.cpu_secs),
                None => format!("{:.1}; {:.1}", f.ingest.secs, f.ingest.cpu_secs),
            }),
        ),
        (
            "ingest, articles/s".into(),
            Box::new(|f| format!("{:.0}", f.articles_per_sec())),
        ),
        (
            "ingest, quads/s".into(),
            Box::new(|f| format!("{:.0}", f.ingest_quads_per_sec())),
        ),
        (
            "ingest peak RSS, MB".into(),
            Box::new(move |f| format!("{:.0}", mb(f.ingest.peak_rss_kb))),
        ),
        (
            "articles in the store".into(),
            Box::new(|f| f.stored.articles.to_string()),
        ),
        (
            "quads in the store".into(),
            Box::new(|f| f.stored.quads.to_string()),
        ),
        (
            "quads per article".into(),
            Box::new(|f| format!("{:.1}", f.quads_per_article())),
        ),
        (
            "store, MB".into(),
            Box::new(|f| format!("{:.0}", f.store_bytes as f64 / 1e6)),
        ),
        (
            "bulk loader on the same quads, s; CPU s (quads it loaded)".into(),
            Box::new(|f| {
                format!(
                    "{:.1}; {:.1} ({})",
                    f.stored.reference.secs, f.stored.reference.cpu_secs, f.stored.reference_quads
                )
            }),
        ),
        (
            "bulk loader, quads/s".into(),
            Box::new(|f| format!("{:.0}", f.bulk_quads_per_sec())),
        ),
        (
            "ingest's speed over the bulk loader's: in time; in CPU".into(),
            Box::new(|f| format!("{:.2}; {:.2}", f.ratio_patched.wall, f.ratio_patched.cpu)),
        ),
        (
            "bulk loader peak RSS, MB".into(),
            Box::new(move |f| format!("{:.0}", mb(f.stored.reference.peak_rss_kb))),
        ),
        (
            "stock `oxigraph load` on the same N-Quads: s (CPU s), peak RSS (quads it loaded)"
                .into(),
            Box::new(move |f| match (&f.stock, &f.stock_missing) {
                (Some(s), _) => format!(
                    "{} ({}; {})",
                    cell(&s.run, limit),
                    s.quads.map_or("not counted".into(), |q| q.to_string()),
                    s.version
                ),
                (None, Some(why)) => format!("not run: {why}"),
                (None, None) => "not run".into(),
            }),
        ),
        (
            "ingest's speed over stock `oxigraph load`'s: in time; in CPU".into(),
            Box::new(|f| match f.ratio_stock {
                Some(r) => format!("{:.2}; {:.2}", r.wall, r.cpu),
                None => "-".into(),
            }),
        ),
        (
            "rounds, alternated: ingest s (CPU s); stock `oxigraph load` s (CPU s)".into(),
            Box::new(|f| {
                if f.rounds.len() < 2 {
                    return "one (`--rounds N` for more)".into();
                }
                let runs: Vec<String> = f
                    .rounds
                    .iter()
                    .map(|r| match &r.stock {
                        Some(s) => format!(
                            "{:.2} ({:.2}); {:.2} ({:.2})",
                            r.ingest.secs, r.ingest.cpu_secs, s.secs, s.cpu_secs
                        ),
                        None => format!("{:.2} ({:.2}); -", r.ingest.secs, r.ingest.cpu_secs),
                    })
                    .collect();
                runs.join(" / ")
            }),
        ),
        (
            "ingest's speed over stock `oxigraph load`'s, median of the rounds: in time; in CPU"
                .into(),
            Box::new(|f| match f.ratio_stock_median {
                Some(r) => format!("{:.2}; {:.2} ({} rounds)", r.wall, r.cpu, f.rounds.len()),
                None => "-".into(),
            }),
        ),
        (
            "`export --format nq` to /dev/null: s, peak RSS".into(),
            Box::new(move |f| cell(&f.export, limit)),
        ),
    ];
    if let Some(first) = all.first() {
        for (i, (name, _, _)) in first.ingest_phases.iter().enumerate() {
            rows.push((
                format!("ingest phase: {name}, s (CPU s of the process meanwhile)"),
                Box::new(move |f| match f.ingest_phases.get(i) {
                    Some((_, secs, cpu)) => format!("{secs:.2} ({cpu:.2})"),
                    None => "-".into(),
                }),
            ));
        }
        for (i, l) in first.latencies.iter().enumerate() {
            rows.push((
                format!("{}: `polgraph {}`, peak RSS (rows)", l.label, l.command),
                Box::new(move |f| {
                    let l = &f.latencies[i];
                    match l.rows {
                        Some(r) => format!("{} ({r})", cell(&l.run, limit)),
                        None => cell(&l.run, limit),
                    }
                }),
            ));
        }
    }
    rows.push((
        "load average before, after".into(),
        Box::new(|f| format!("{}; {}", f.load_before, f.load_after)),
    ));
    let sizes: Vec<String> = all
        .iter()
        .map(|f| format!("{} articles", f.articles))
        .collect();
    writeln!(out, "| | {} |", sizes.join(" | "))?;
    writeln!(out, "| --- |{}", " --- |".repeat(all.len()))?;
    for (label, value) in rows {
        let cells: Vec<String> = all.iter().map(&value).collect();
        writeln!(out, "| {label} | {} |", cells.join(" | "))?;
    }
    Ok(())
}
