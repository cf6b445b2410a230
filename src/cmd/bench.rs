use anyhow::Result;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(sizes: &[usize], seed: u64, dir: Option<&Path>, extract_only: bool) -> Result<ExitCode> {
    if extract_only {
        let mut out = std::io::stdout().lock();
        for &n in sizes {
            let f = polgraph::bench::extraction_only(n, seed);
            writeln!(
                out,
                "{} articles ({:.1} MB), {} threads: extraction {:.2} s, {:.0} articles/s/core, {:.2} MB/s/core",
                f.articles,
                f.megabytes,
                f.threads,
                f.extract_secs,
                f.articles_per_sec_per_core(),
                f.mb_per_sec_per_core()
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let tmp;
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => {
            tmp = std::env::temp_dir().join(format!("polgraph-bench-{}", std::process::id()));
            tmp.clone()
        }
    };
    std::fs::create_dir_all(&dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "polgraph bench, seed {seed}, {} threads, on {}",
        rayon::current_num_threads(),
        machine()
    )?;
    writeln!(out)?;
    writeln!(out, "| articles | MB | extract art/s/core | extract MB/s/core | ingest s (of which compaction) | ingest quads/s | bulk loader quads/s | ratio | ratio, load alone | quads | store MB | ingest peak RSS MB | run peak RSS MB | update: articles in s (peak RSS MB) |")?;
    writeln!(
        out,
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )?;
    let mut latencies = Vec::new();
    for &n in sizes {
        let f = polgraph::bench::run(n, seed, &dir)?;
        writeln!(
            out,
            "| {} | {:.1} | {:.0} | {:.2} | {:.1} ({:.1}) | {:.0} | {:.0} | {:.2} | {:.2} | {} | {:.0} | {:.0} | {:.0} | {} in {:.1} ({:.0}) |",
            f.articles,
            f.megabytes,
            f.articles_per_sec_per_core(),
            f.mb_per_sec_per_core(),
            f.ingest_secs,
            f.compact_secs,
            f.ingest_quads_per_sec(),
            f.bulk_quads_per_sec(),
            f.ingest_quads_per_sec() / f.bulk_quads_per_sec(),
            f.bulk_secs / (f.ingest_secs - f.compact_secs),
            f.quads,
            f.store_bytes as f64 / 1e6,
            f.ingest_peak_rss_kb as f64 / 1024.0,
            f.peak_rss_kb as f64 / 1024.0,
            f.update_articles,
            f.update_secs,
            f.update_peak_rss_kb as f64 / 1024.0,
        )?;
        latencies.push((n, f.queries));
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
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

fn machine() -> String {
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
