use anyhow::{bail, Context, Result};
use polgraph::pipeline::{load, stream};
use polgraph::read;
use polgraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extracts articles to N-Quads without a store (one named graph per article): shards in a
/// folder, for another store's bulk loader, or a stream on standard output, for a pipe (a
/// partition of a distributed job: jobs/spark/extract.py).
///
/// Examples:
///   polgraph extract --out shards --shard-size 10000 corpus/
///   polgraph extract --out - - < corpus.jsonl > corpus.nq
///   polgraph extract --out - --tenure-facts - < part.jsonl > part.nq
///   grep -h '^#tenure-fact' part*.nq | polgraph extract --merge-tenures --out - - > tenures.nq
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder for part-00000.nq, part-00001.nq, ..., tenures.nq and descriptions.nq; `-` for
    /// N-Quads on standard output, one article's graph after the other, then the tenures graph,
    /// then the descriptions graph.
    #[arg(long, value_name = "DIR|-")]
    pub out: std::path::PathBuf,
    /// Articles per shard.
    #[arg(long, default_value_t = 10000, value_name = "N")]
    pub shard_size: usize,
    /// With `--out -`: instead of the tenures graph at the end, each article's part of it as
    /// keyed facts after its quads (N-Quads comments `#tenure-fact<TAB>IRI<TAB>JSON`), for a job
    /// that merges them by key across machines (`--merge-tenures` makes the graph of them).
    #[arg(long)]
    pub tenure_facts: bool,
    /// Reads tenure facts (merged by key or not) from the PATHs or - and writes the tenures graph
    /// they make (to DIR/tenures.nq, or standard output with `--out -`).
    #[arg(long, conflicts_with = "tenure_facts")]
    pub merge_tenures: bool,
    /// The number of standard input's first line, in messages and in the order of articles: for
    /// a slice of a larger file (a partition of a distributed job).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub first_line: usize,
    /// What messages call standard input (the file it is a slice of).
    #[arg(long, default_value = "<stdin>", value_name = "NAME")]
    pub stdin_name: String,
    /// The articles: .txt files, folders, .jsonl files, or - for standard input (as `ingest`
    /// reads them); with `--merge-tenures`, files of tenure facts.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        let stdout = self.out.as_os_str() == "-";
        if self.merge_tenures {
            return merge(&self.out, stdout, &self.paths);
        }
        if stdout {
            let reading = stream::Reading {
                stdin_name: self.stdin_name,
                first_line: self.first_line,
            };
            return to_stdout(&self.paths, &reading, self.tenure_facts);
        }
        if self.tenure_facts {
            bail!("--tenure-facts writes to standard output: give --out -");
        }
        run(&self.out, self.shard_size, &self.paths)
    }
}

/// Streams N-Quads to standard output.
fn to_stdout(paths: &[PathBuf], reading: &stream::Reading, facts: bool) -> Result<ExitCode> {
    let _memory = polgraph::store::memory::KeepFreed::new();
    let (sources, mut errors) = read::sources(paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let tenures = if facts {
        stream::TenuresOut::Facts
    } else {
        stream::TenuresOut::Graph
    };
    let done = stream::extract(&sources, reading, tenures, &mut out)?;
    errors.extend(done.errors);
    for e in &errors {
        eprintln!("polgraph: skipped {e}");
    }
    eprintln!(
        "extracted {} article{} ({} quads), {} {} and {} quads of the descriptions graph to standard output{}",
        done.articles,
        if done.articles == 1 { "" } else { "s" },
        done.quads,
        done.tenures,
        if facts {
            "tenure facts"
        } else {
            "quads of the tenures graph"
        },
        done.described,
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

/// Merges tenure facts into the tenures graph.
fn merge(out: &Path, stdout: bool, paths: &[PathBuf]) -> Result<ExitCode> {
    let mut facts = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            facts.extend(stream::read_facts(std::io::stdin().lock(), "<stdin>")?);
        } else {
            let f =
                std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            facts.extend(stream::read_facts(
                std::io::BufReader::new(f),
                &p.display().to_string(),
            )?);
        }
    }
    let n = facts.len();
    let (tenures, quads, to) = if stdout {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        let (t, q) = stream::write_tenures(facts, &mut w)?;
        (t, q, "standard output".to_string())
    } else {
        out_folder(out)?;
        let name = out.join("tenures.nq");
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(&name)
                .with_context(|| format!("cannot write {}", name.display()))?,
        );
        let (t, q) = stream::write_tenures(facts, &mut w)?;
        (t, q, name.display().to_string())
    };
    eprintln!("merged {n} tenure facts into {tenures} tenures ({quads} quads) to {to}");
    Ok(ExitCode::SUCCESS)
}

/// The folder `--out` names, made if missing: a file that is there already (`/dev/null`) is
/// said to be no folder, with the way to write a stream.
fn out_folder(out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        bail!(
            "--out {} is not a folder: --out takes the folder for the shards, or - for one \
             stream on standard output (`--out - > /dev/null` to throw it away)",
            out.display()
        );
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))
}

/// Writes N-Quads shards of `shard_size` articles each (one named graph per article), no store.
pub fn run(out: &Path, shard_size: usize, paths: &[PathBuf]) -> Result<ExitCode> {
    if shard_size == 0 {
        bail!("--shard-size must be at least 1");
    }
    out_folder(out)?;
    let _memory = polgraph::store::memory::KeepFreed::new();
    let (sources, mut errors) = read::sources(paths);
    let pb = super::ingest::progress_bar(None, "articles");
    let (mut shard, mut in_shard, mut articles, mut quads) = (0usize, 0usize, 0usize, 0usize);
    let mut writer: Option<std::io::BufWriter<std::fs::File>> = None;
    let mut pending: Vec<read::Article> = Vec::new();
    let mut tenures = polgraph::rdf::tenure::Tenures::default();
    let mut described = polgraph::rdf::described::Described::default();
    let mut flush = |pending: &mut Vec<read::Article>,
                     writer: &mut Option<std::io::BufWriter<std::fs::File>>|
     -> Result<Vec<polgraph::error::Error>> {
        let mut failed = Vec::new();
        for g in load::extract(pending) {
            let g = match g {
                Ok(g) => g,
                Err(e) => {
                    failed.push(e);
                    continue;
                }
            };
            if writer.is_none() || in_shard == shard_size {
                if let Some(mut w) = writer.take() {
                    w.flush()?;
                }
                let name = out.join(format!("part-{shard:05}.nq"));
                *writer = Some(std::io::BufWriter::new(
                    std::fs::File::create(&name)
                        .with_context(|| format!("cannot write {}", name.display()))?,
                ));
                shard += 1;
                in_shard = 0;
            }
            let w = writer.as_mut().expect("opened above");
            g.write_nquads(&mut *w).with_context(|| {
                format!(
                    "cannot write {}",
                    out.join(format!("part-{:05}.nq", shard - 1)).display()
                )
            })?;
            tenures.add(&g);
            described.add(&g);
            in_shard += 1;
            articles += 1;
            quads += g.len();
        }
        pending.clear();
        pb.set_position(articles as u64);
        Ok(failed)
    };
    for mut inputs in sources.iter().flat_map(|s| read::stream(s, load::CHUNK)) {
        errors.append(&mut inputs.errors);
        pending.extend(inputs.articles);
        if pending.len() >= load::CHUNK {
            errors.extend(flush(&mut pending, &mut writer)?);
        }
    }
    errors.extend(flush(&mut pending, &mut writer)?);
    if let Some(mut w) = writer {
        w.flush()?;
    }
    // The tenures of every article extracted, in a file of their own.
    let name = out.join("tenures.nq");
    let tq: Vec<_> = tenures.quads().collect();
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&name).with_context(|| format!("cannot write {}", name.display()))?,
    );
    Store::write(&tq, oxigraph::io::RdfFormat::NQuads, &mut w)?;
    w.flush()?;
    // The units they name, described once (see `polgraph::rdf::described`).
    let name = out.join("descriptions.nq");
    let dq: Vec<_> = described.quads().collect();
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&name).with_context(|| format!("cannot write {}", name.display()))?,
    );
    Store::write(&dq, oxigraph::io::RdfFormat::NQuads, &mut w)?;
    w.flush()?;
    pb.finish_and_clear();
    for e in &errors {
        eprintln!("polgraph: skipped {e}");
    }
    eprintln!(
        "wrote {articles} articles ({quads} quads) in {shard} shard{}, {} tenures ({} quads, tenures.nq) and {} units described ({} quads, descriptions.nq) to {}",
        if shard == 1 { "" } else { "s" },
        tenures.len(),
        tq.len(),
        described.len(),
        dq.len(),
        out.display()
    );
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
