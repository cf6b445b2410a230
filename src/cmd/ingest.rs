use anyhow::Result;
use polgraph::{ingest, pipeline, store::Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(store: &Path, paths: &[PathBuf]) -> Result<ExitCode> {
    let inputs = ingest::read_inputs(paths);
    let mut failed = inputs.errors.len();
    for e in &inputs.errors {
        eprintln!("polgraph: skipped {e}");
    }
    let db = Store::open(store)?;
    let mut seen = std::collections::HashMap::new();
    let mut quads = 0;
    for a in &inputs.articles {
        if let Some(prev) = seen.insert(a.id.clone(), a.origin.clone()) {
            eprintln!(
                "polgraph: warning: {} has the id {:?} of {prev}; it replaces it",
                a.origin, a.id
            );
        }
        let p = pipeline::process(a);
        quads += p.graph.len();
        if let Err(e) = db.replace(&p.graph) {
            eprintln!("polgraph: {}: {e}", a.origin);
            failed += 1;
        }
    }
    eprintln!(
        "ingested {} article{} ({quads} quads) into {}{}",
        seen.len(),
        if seen.len() == 1 { "" } else { "s" },
        store.display(),
        if failed > 0 {
            format!(
                "; {failed} input{} failed",
                if failed == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        }
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
