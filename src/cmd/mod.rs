//! One file per subcommand.

pub mod bench;
pub mod compact;
pub mod completions;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod find;
pub mod generate;
pub mod graph;
pub mod ingest;
pub mod load;
pub mod man;
pub mod path;
pub mod push;
pub mod query;
pub mod rank;
pub mod serve;
pub mod stats;
pub mod validate;

use std::path::PathBuf;

/// The store a subcommand reads: one that `polgraph ingest` made.
#[derive(clap::Args, Clone)]
pub struct StoreArg {
    /// The on-disk store, made by `polgraph ingest` (a missing one is an error, exit code 2).
    #[arg(
        long,
        env = "POLGRAPH_STORE",
        default_value = "polgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

/// The store `polgraph ingest` writes: the only subcommand that makes one.
#[derive(clap::Args, Clone)]
pub struct NewStoreArg {
    /// The on-disk store (created when missing).
    #[arg(
        long,
        env = "POLGRAPH_STORE",
        default_value = "polgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

/// The nodes of `net` a typed name names: those labelled so (any case, any tone placement), else
/// those of the name the store's name index reads it as (said on standard error); an error when
/// it matches several names alike. `index` is built on first need.
pub fn nodes_named(
    db: &polgraph::store::Store,
    index: &mut Option<polgraph::query::search::Index>,
    net: &polgraph::export::graph::Network,
    what: &str,
    typed: &str,
) -> anyhow::Result<Vec<petgraph::stable_graph::NodeIndex>> {
    let found = net.find(typed);
    if !found.is_empty() {
        return Ok(found);
    }
    let index = match index {
        Some(i) => i,
        None => index.insert(polgraph::query::search::Index::open(db)?),
    };
    match polgraph::query::names::read_as(index, what, "", &[], typed)? {
        Some((label, scope)) => {
            eprintln!(
                "polgraph: {what} {typed:?} read as {label:?}{}",
                scope.map(|s| format!(" ({s})")).unwrap_or_default()
            );
            Ok(net.find(&label))
        }
        None => Ok(Vec::new()),
    }
}
