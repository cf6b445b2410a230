use anyhow::{bail, Result};
use polgraph::export::graph::{path, Network};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The shortest chain of posts, bodies and events between two people or bodies.
///
/// Example:
///   polgraph path "Nguyễn Văn Hải" "Tỉnh ủy Hà Tĩnh"
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// A person or body, as `polgraph query persons` or `organizations` prints it.
    #[arg(value_name = "FROM")]
    pub from: String,
    /// The other end: a person or body.
    #[arg(value_name = "TO")]
    pub to: String,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store, &self.from, &self.to)
    }
}

pub fn run(store: &Path, a: &str, b: &str) -> Result<ExitCode> {
    let db = Store::open_read_only(store)?;
    let net = Network::load(&db, None)?;
    let mut index = None;
    let from = super::nodes_named(&db, &mut index, &net, "FROM", a)?;
    let to = super::nodes_named(&db, &mut index, &net, "TO", b)?;
    for (name, found) in [(a, &from), (b, &to)] {
        if found.is_empty() {
            bail!("nothing named {name:?} in the store: give a person or a body as `polgraph query persons` or `polgraph query organizations` prints it");
        }
    }
    match path::shortest(&net, &from, &to) {
        None => {
            println!("no chain links {a} and {b} in this store");
            Ok(ExitCode::from(1))
        }
        Some(steps) => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{a}")?;
            for s in &steps {
                writeln!(
                    out,
                    "  ── {} ── {}    ({})",
                    s.link,
                    s.to,
                    s.docs.join(", ")
                )?;
            }
            writeln!(
                out,
                "({} step{})",
                steps.len(),
                if steps.len() == 1 { "" } else { "s" }
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
