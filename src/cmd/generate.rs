use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

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
