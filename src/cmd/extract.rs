use anyhow::{bail, Context, Result};
use polgraph::pipeline::load;
use polgraph::read;
use polgraph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extracts articles to N-Quads shards without a store (one named graph per article), so that
/// a corpus can be extracted on many machines and bulk-loaded by a distributed store.
///
/// Example:
///   polgraph extract --out shards --shard-size 10000 corpus/
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder for part-00000.nq, part-00001.nq, ...
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,
    /// Articles per shard.
    #[arg(long, default_value_t = 10000, value_name = "N")]
    pub shard_size: usize,
    /// The articles: .txt files, folders, .jsonl files, or - for standard input (as `ingest`
    /// reads them).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.out, self.shard_size, &self.paths)
    }
}

/// Writes N-Quads shards of `shard_size` articles each (one named graph per article), no store.
pub fn run(out: &Path, shard_size: usize, paths: &[PathBuf]) -> Result<ExitCode> {
    if shard_size == 0 {
        bail!("--shard-size must be at least 1");
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let _memory = polgraph::store::memory::KeepFreed::new();
    let (sources, mut errors) = read::sources(paths);
    let pb = super::ingest::progress_bar(None, "articles");
    let (mut shard, mut in_shard, mut articles, mut quads) = (0usize, 0usize, 0usize, 0usize);
    let mut writer: Option<std::io::BufWriter<std::fs::File>> = None;
    let mut pending: Vec<read::Article> = Vec::new();
    let mut tenures = polgraph::rdf::tenure::Tenures::default();
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
            Store::write(&g.quads(), oxigraph::io::RdfFormat::NQuads, &mut *w)?;
            tenures.add(&g);
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
    pb.finish_and_clear();
    for e in &errors {
        eprintln!("polgraph: skipped {e}");
    }
    eprintln!(
        "wrote {articles} articles ({quads} quads) in {shard} shard{} and {} tenures ({} quads, tenures.nq) to {}",
        if shard == 1 { "" } else { "s" },
        tenures.len(),
        tq.len(),
        out.display()
    );
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
