use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Writes N synthetic articles in the forms of the dev corpus as JSON Lines (deterministic by seed).
///
/// Each article is about a commune of the gazetteer, with a dateline, appositions of stacked
/// posts, bodies and documents; the people are made up, one holder a post a party term.
///
/// Example (the corpus of the bench's largest size):
///   polgraph generate --count 100000 -o corpus.jsonl
///   polgraph ingest corpus.jsonl
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// How many articles.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub count: usize,
    /// The same seed and count give the same file; another seed, other articles.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The JSON Lines file to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(self.count, self.seed, self.output.as_deref())
    }
}

/// Writes a generated corpus as JSON Lines.
pub fn run(count: usize, seed: u64, output: Option<&Path>) -> Result<ExitCode> {
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    // One article at a time: a corpus of any size in the memory of one article.
    for a in polgraph::tools::generate::articles(seed).take(count) {
        writeln!(out, "{}", serde_json::json!({"id": a.id, "text": a.text}))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
