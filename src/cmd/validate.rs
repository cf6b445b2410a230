use anyhow::{Context, Result};
use polgraph::export::validate;
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Checks the store against the SHACL shapes of ontology/shapes.ttl (exit 1 on violations).
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// Other shapes (Turtle), in the same SHACL Core subset.
    #[arg(long, value_name = "FILE")]
    pub shapes: Option<std::path::PathBuf>,
    /// List every violation, not the first 20.
    #[arg(long)]
    pub all: bool,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store, self.shapes.as_deref(), self.all)
    }
}

pub fn run(store: &Path, shapes: Option<&Path>, all: bool) -> Result<ExitCode> {
    let text = match shapes {
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?
        }
        None => validate::SHAPES.to_string(),
    };
    let shapes = validate::shapes(&text)?;
    let db = Store::open_read_only(store)?;
    // The sorted triples go to the system's temporary folder past the sort's run size.
    let (v, quads) = validate::check_store(
        &db,
        &shapes,
        polgraph::store::sort::Options::in_dir(std::env::temp_dir()),
    )?;
    let mut out = std::io::stdout().lock();
    if v.is_empty() {
        writeln!(
            out,
            "conforms: {} quads, {} shapes, no violation",
            quads,
            shapes.len()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    for ((shape, path), n) in validate::summary(&v) {
        writeln!(out, "{n:>6}  {shape} {path}")?;
    }
    for x in v.iter().take(if all { usize::MAX } else { 20 }) {
        writeln!(out, "  {} {}: {}", x.focus, x.path, x.message)?;
    }
    writeln!(
        out,
        "does not conform: {} violation{}",
        v.len(),
        if v.len() == 1 { "" } else { "s" }
    )?;
    Ok(ExitCode::from(1))
}
