use anyhow::{bail, Result};
use polgraph::export::graph::{rank, Kind, Network};
use polgraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// People, bodies or events by degree and betweenness in the network.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: super::StoreArg,
    /// person, organization or event (default: all).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// How many rows.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
}

impl Args {
    pub fn run(self) -> Result<ExitCode> {
        run(&self.store.store, self.kind.as_deref(), self.top)
    }
}

pub fn run(store: &Path, kind: Option<&str>, top: usize) -> Result<ExitCode> {
    let want = match kind {
        None => None,
        Some("person") => Some(Kind::Person),
        Some("organization") => Some(Kind::Organization),
        Some("event") => Some(Kind::Event),
        Some(k) => {
            bail!("--kind {k:?}: rank people (person), bodies (organization) or events (event)")
        }
    };
    let db = Store::open_existing(store)?;
    let net = Network::load(&db, None)?;
    let (core, nodes) = net.core();
    let between = rank::betweenness(&core);
    let mut rows: Vec<(usize, f64, &str, &str)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, &n)| want.is_none_or(|k| net.g[n].kind == k))
        .map(|(k, &n)| {
            let kind = match net.g[n].kind {
                Kind::Person => "person",
                Kind::Event => "event",
                _ => "organization",
            };
            (
                core.neighbors(petgraph::graph::NodeIndex::new(k)).count(),
                between[k],
                net.g[n].label.as_str(),
                kind,
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:>4}  {:>6}  {:>11}  {:<12}  name",
        "rank", "degree", "betweenness", "kind"
    )?;
    for (i, (deg, bc, name, kind)) in rows.iter().take(top).enumerate() {
        writeln!(
            out,
            "{:>4}  {deg:>6}  {bc:>11.1}  {kind:<12}  {name}",
            i + 1
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
