//! Loading many articles: sources read a few at a time (memory does not grow with the corpus),
//! extraction in parallel across cores, a chunk in small transactions; into an empty store,
//! oxigraph's bulk loader instead.

use crate::error::{Error, Result};
use crate::pipeline;
use crate::pipeline::summary::{Delta, Folded, Kept, Update};
use crate::query::kept::Listings;
use crate::query::search::{self, Index};
use crate::rdf::described;
use crate::rdf::Graph;
use crate::read::{self, Article, Inputs, Source};
use crate::store::Store;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// What a load did.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: usize,
    /// The quads of the article graphs loaded, each article once (its last graph, when an id
    /// comes again in the run).
    pub quads: usize,
    /// The quads of the tenures graph after the load (the store's, not only this load's).
    pub tenures: usize,
    /// The quads of the descriptions graph after the load (see [`crate::rdf::described`]).
    pub described: usize,
    /// Bytes of article text.
    pub bytes: usize,
    pub errors: Vec<Error>,
    /// Articles whose id an earlier input of the same run had: (id, earlier origin, later origin).
    pub replaced: Vec<(String, String, String)>,
    pub bulk: bool,
    /// Seconds spent compacting the store after a bulk load.
    pub compact_secs: f64,
    /// What the load keeps beside the store (the name index, the listings, the counts), to be
    /// saved once the store is closed (see [`Kept::save`]).
    pub kept: Option<Kept>,
    /// Seconds spent bringing it up to date.
    pub kept_secs: f64,
    /// Of which each part, on its thread: the name index, the listings, the counts.
    pub kept_parts: Option<[f64; 3]>,
    /// Where the time went, phase by phase (`ingest --verbose` prints them).
    pub phases: Phases,
}

/// The process's CPU seconds so far, user and system, every thread.
pub fn process_cpu_secs() -> f64 {
    // SAFETY: a zeroed rusage is a valid value of the plain C struct that getrusage fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a pointer to a live local.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// One phase of a load: its wall seconds, and the CPU seconds of the whole process meanwhile
/// (every thread: the bulk loader's threads work on earlier batches while the main thread waits
/// for an extraction, so the CPU of the phases of the loop is not theirs alone).
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub name: &'static str,
    pub secs: f64,
    pub cpu_secs: f64,
}

/// The phases of a load, in the order they first ran; a phase timed again adds to its sums.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phases(pub Vec<Phase>);

impl Phases {
    /// Runs `f` as (part of) the phase `name`.
    pub fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let (t, cpu) = (std::time::Instant::now(), process_cpu_secs());
        let out = f();
        self.add(name, t.elapsed().as_secs_f64(), process_cpu_secs() - cpu);
        out
    }

    /// Adds `secs` and `cpu_secs` to the phase `name`.
    pub fn add(&mut self, name: &'static str, secs: f64, cpu_secs: f64) {
        match self.0.iter_mut().find(|p| p.name == name) {
            Some(p) => {
                p.secs += secs;
                p.cpu_secs += cpu_secs;
            }
            None => self.0.push(Phase {
                name,
                secs,
                cpu_secs,
            }),
        }
    }

    /// The seconds of the phase `name` (0 when it did not run).
    pub fn secs(&self, name: &str) -> f64 {
        self.0
            .iter()
            .find(|p| p.name == name)
            .map_or(0.0, |p| p.secs)
    }

    /// A line a phase, as `ingest --verbose` prints them: `polgraph: phase NAME: S s, C s CPU`.
    pub fn lines(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|p| {
                format!(
                    "polgraph: phase {}: {:.2} s, {:.2} s CPU",
                    p.name, p.secs, p.cpu_secs
                )
            })
            .collect()
    }
}

/// What a load into a store that had articles changed, for the name index kept beside it.
#[derive(Debug, Default)]
pub struct Changed {
    /// The people, bodies and places the articles loaded describe, and those the articles they
    /// replaced described.
    pub nodes: BTreeSet<String>,
    /// The titles of the roles the articles loaded describe.
    pub roles: BTreeSet<String>,
    /// Whether an article was replaced (a role may then be gone).
    pub replaced: bool,
    /// The kept counts and network's change, when they were kept (see [`Delta`]).
    pub delta: Option<Delta>,
}

/// The IRIs of units named and the units they are part of (see [`described::closure`]).
fn units(named: impl Iterator<Item = usize>) -> impl Iterator<Item = String> {
    described::closure(named)
        .into_iter()
        .map(|u| crate::rdf::iri::place(&crate::extract::gazetteer::GAZETTEER.units[u].id))
}

impl Changed {
    /// Notes what loading `graph` into `store` (before it is written) changes.
    fn note(&mut self, store: &Store, graph: &Graph) -> Result<()> {
        let name = graph.name.as_str();
        if let Some(delta) = &mut self.delta {
            delta.leave(store, name)?;
        }
        if store.has_graph(name)? {
            self.replaced = true;
            self.nodes.extend(store.typed_in(name, &search::CLASSES)?);
            // Its units, described apart: their count of articles changes.
            let old = store.named_units(name)?;
            self.nodes
                .extend(units(old.iter().filter_map(|n| described::unit_of(n))));
        }
        let (nodes, roles) = search::described(&graph.quads());
        self.nodes.extend(nodes);
        self.nodes.extend(units(graph.units.iter().copied()));
        self.roles.extend(roles);
        Ok(())
    }
}

/// Articles per chunk: enough to keep the cores busy, few enough to bound memory.
pub const CHUNK: usize = 512;

/// Articles per transaction into a non-empty store. A transaction indexes its writes in memory
/// before they reach RocksDB's memory tables, and that index slows as it grows: 2,000 articles
/// into a store took 45 s in transactions of 512, 35-38 s in transactions of 16 to 64.
pub const TRANSACTION: usize = 32;

/// Extracts a chunk of articles in parallel; the graphs come back in input order. An article
/// whose extraction panics is isolated: its result is the error that names it (its id, its
/// origin, the panic's message), and the others go on.
pub fn extract(articles: &[Article]) -> Vec<Result<Graph>> {
    articles
        .par_iter()
        .map(|a| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline::process(a).graph))
                .map_err(|e| {
                    let message = e
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| e.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "a panic".into());
                    Error::BadInput {
                        path: a.origin.clone().into(),
                        reason: format!(
                            "article {:?}: extraction failed ({message}); please report it",
                            a.id
                        ),
                    }
                })
        })
        .collect()
}

/// Where a load is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// After each chunk: the articles loaded, and the bytes of the sources read so far.
    Loaded { articles: usize, read: u64 },
    /// The compaction after a bulk load has begun (it takes minutes on a large store).
    Compacting,
}

/// Loads the sources into the store, calling `progress` per chunk and before the compaction.
/// Into an empty store, `compact` compacts it after the bulk load (see [`Store::optimize`]).
pub fn load(
    store: &mut Store,
    sources: &[Source],
    compact: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded> {
    let inputs = sources.iter().flat_map(|s| read::stream(s, CHUNK));
    load_inputs(store, inputs, compact, progress)
}

/// Loads articles as they come, source by source.
pub fn load_inputs(
    store: &mut Store,
    inputs: impl Iterator<Item = Inputs>,
    compact: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded> {
    let _memory = crate::store::memory::KeepFreed::new();
    // The name index kept for the store as it was opened, to bring up to date.
    let before = if store.is_empty()? {
        None
    } else {
        Index::kept(store)
    };
    let mut changed = Changed::default();
    if before.is_some() {
        changed.delta = Delta::begin(store)?;
    }
    let (mut report, late, gathered) = load_new(store, inputs, compact, &mut changed, progress)?;
    // Later articles with an id seen before replace the earlier ones, in input order.
    if !late.is_empty() {
        let (t, cpu) = (std::time::Instant::now(), process_cpu_secs());
        for g in &late {
            changed.note(store, g)?;
            store.replace(g)?;
        }
        report.phases.add(
            "replacements",
            t.elapsed().as_secs_f64(),
            process_cpu_secs() - cpu,
        );
    }
    // After a bulk load, the counts and network counted as it went (see [`Folded`]).
    let counted = if report.bulk {
        changed.delta.take()
    } else {
        None
    };
    // The name index to bring up to date with what changed: after a bulk load, the one folded
    // from its graphs (the ids that came again replaced after it, as an ingest would).
    let update = if report.bulk { gathered.index } else { before }.map(|i| (i, changed));
    // The listings gathered, unless an article replaced changed them.
    let listings = gathered.listings.filter(|_| late.is_empty());
    finish(
        store,
        &mut report,
        compact,
        progress,
        update,
        counted,
        listings,
    )?;
    Ok(report)
}

/// What every load into a store does once its article graphs and tenures are in: `ingest` and
/// `polgraph load` (of N-Quads extracted elsewhere) both end here, so that a store made either
/// way is the same. After a bulk load, the compaction when `compact` (see [`Store::optimize`]);
/// then the size of the tenures graph, for the report; then what is kept beside the store (see
/// [`crate::pipeline::summary`]), the name index brought up to date from `update` (the index
/// kept before the load, or folded from a bulk load's graphs, and what the load changed since)
/// where that is small, else built again; the counts and network from `counted` (what a bulk
/// load counted from its graphs) where given, and the `listings` it gathered.
pub fn finish(
    store: &mut Store,
    report: &mut Loaded,
    compact: bool,
    progress: &mut dyn FnMut(Progress),
    update: Option<(Index, Changed)>,
    counted: Option<Delta>,
    listings: Option<Listings>,
) -> Result<()> {
    if report.bulk && compact {
        progress(Progress::Compacting);
        report.phases.time("compaction", || store.optimize())?;
        report.compact_secs = report.phases.secs("compaction");
    }
    let mut phases = std::mem::take(&mut report.phases);
    let (tenures, described) = phases.time("shared graphs counted", || {
        Ok::<_, Error>((store.tenures_len()?, store.descriptions_len()?))
    })?;
    (report.tenures, report.described) = (tenures, described);
    // Identity across articles, from the tenures graph as it now is.
    phases.time("identity links", || link_people(store))?;
    report.phases = phases;
    // A store left uncompacted is slow to scan (counting its quads alone took 85 s at 100,000
    // articles): `polgraph compact` keeps what is kept once it is compacted.
    if report.bulk && !compact {
        return Ok(());
    }
    let (t, cpu) = (std::time::Instant::now(), process_cpu_secs());
    let store = &*store;
    let (index, mut changed) = match update {
        Some((index, changed)) => (Some(index), Some(changed)),
        None => (None, None),
    };
    let delta = changed.as_mut().and_then(|c| c.delta.take()).or(counted);
    let changed = changed.as_ref();
    // After a bulk load, every row of the listings is computed (none was kept).
    let nodes = changed.filter(|_| !report.bulk).map(|c| &c.nodes);
    let since = (delta.is_some() || nodes.is_some() || listings.is_some()).then_some(Update {
        delta,
        nodes,
        listings,
    });
    report.kept = Some(Kept::compute(
        store,
        report.bulk,
        || match (index, changed) {
            // One query a node: past a few thousand, one query for all of them is faster.
            (Some(mut index), Some(changed)) if changed.nodes.len() <= 2_000 + index.len() / 20 => {
                let roles = (!changed.replaced).then_some(&changed.roles);
                index.update(store, &changed.nodes, roles)?;
                Ok(index)
            }
            _ => Index::build(store),
        },
        since,
    )?);
    report.kept_secs = t.elapsed().as_secs_f64();
    report.phases.add(
        "kept files computed",
        report.kept_secs,
        process_cpu_secs() - cpu,
    );
    report.kept_parts = report.kept.as_ref().map(|k| k.secs);
    Ok(())
}

/// Loads N-Quads files that hold whole article graphs and the tenures graph (what
/// `polgraph extract` or a distributed job wrote) into an empty store with the bulk loader, then
/// [`finish`]es it as an ingest would. A line that does not parse is reported with its file and
/// line and skipped. `progress` is told after each file (the bytes read so far).
pub fn load_nquads(
    store: &mut Store,
    files: &[std::path::PathBuf],
    compact: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Loaded> {
    let _memory = crate::store::memory::KeepFreed::new();
    if !store.is_empty()? {
        return Err(Error::BadInput {
            path: store.path().into(),
            reason: "the store is not empty: `polgraph load` makes a new store (ingest adds \
                     articles to one)"
                .into(),
        });
    }
    let mut report = Loaded {
        bulk: true,
        ..Loaded::default()
    };
    let mut bulk = store.bulk_compacted(compact);
    let mut read = 0u64;
    for f in files {
        bulk.load_nquads_lenient(f, &mut report.errors)?;
        read += std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        progress(Progress::Loaded { articles: 0, read });
    }
    bulk.commit()?;
    report.bytes = read as usize;
    report.articles = store.articles()?;
    report.quads = store.len()? - store.tenures_len()? - store.descriptions_len()?;
    finish(store, &mut report, compact, progress, None, None, None)?;
    Ok(report)
}

/// What a bulk load gathers from its graphs for the files kept beside the store, besides the
/// counts (see [`Folded`]).
#[derive(Default)]
struct Gathered {
    /// The name index (see [`search::Fold`]); `None` when it must be read from the store.
    index: Option<Index>,
    /// The listings `articles` and `people` (see [`Listings`]).
    listings: Option<Listings>,
}

/// Loads the articles whose ids come first (in bulk into an empty store), and returns the
/// graphs of the others, to replace them afterwards, and what a bulk load gathered from its
/// graphs. `compact`: the store is compacted after a bulk load (see [`Store::bulk_compacted`]).
fn load_new(
    store: &Store,
    inputs: impl Iterator<Item = Inputs>,
    compact: bool,
    changed: &mut Changed,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Loaded, Vec<Graph>, Gathered)> {
    let mut report = Loaded {
        bulk: store.is_empty()?,
        ..Loaded::default()
    };
    // Each id loaded: its origin, and the size of its graph (a later one replaces it).
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    let mut read = 0u64;
    let mut bulk = if report.bulk {
        Some(store.bulk_compacted(compact))
    } else {
        None
    };
    // A second article with an id already loaded in bulk must replace it: kept for the end.
    let mut late: Vec<Graph> = Vec::new();
    // In bulk, the tenures (see `crate::rdf::tenure`) are gathered here and loaded at the end.
    let mut tenures = crate::rdf::tenure::Tenures::default();
    // And the units the graphs name, described once (see `crate::rdf::described`).
    let mut described = crate::rdf::described::Described::default();
    // And what the kept counts and network count (see `Folded`).
    let mut folded = Folded::default();
    // And the name index and the listings (see `search::Fold`, `Listings`).
    let mut names = search::Fold::default();
    let mut listings = match report.bulk {
        true => Some(Listings::new(store.path())?),
        false => None,
    };
    let mut chunk: Vec<Article> = Vec::new();
    let mut flush = |chunk: &mut Vec<Article>,
                     read: u64,
                     report: &mut Loaded,
                     late: &mut Vec<Graph>,
                     bulk: &mut Option<crate::store::Bulk<'_>>|
     -> Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        let graphs = report
            .phases
            .time("load loop: extraction, waited for", || extract(chunk));
        let mut now = Vec::with_capacity(graphs.len());
        for (a, g) in chunk.iter().zip(graphs) {
            let g = match g {
                Ok(g) => g,
                Err(e) => {
                    report.errors.push(e);
                    continue;
                }
            };
            report.quads += g.len();
            report.bytes += a.text.len();
            match seen.insert(a.id.clone(), (a.origin.clone(), g.len())) {
                Some((prev, replaced)) => {
                    // The earlier graph of this id goes: counted once, as the later one.
                    report.quads -= replaced;
                    report.replaced.push((a.id.clone(), prev, a.origin.clone()));
                    late.push(g);
                }
                None => {
                    report.articles += 1;
                    now.push(g);
                }
            }
        }
        match bulk {
            Some(b) => report.phases.time("load loop: bulk loader fed", || {
                for g in &now {
                    tenures.add(g);
                    described.add(g);
                    folded.add(g);
                    names.add(g);
                    if let Some(l) = &mut listings {
                        l.add(g)?;
                    }
                }
                b.load(&now)
            })?,
            None => report.phases.time("load loop: transactions", || {
                for g in &now {
                    changed.note(store, g)?;
                }
                for part in now.chunks(TRANSACTION) {
                    store.replace_all(part)?;
                }
                store.flush()
            })?,
        }
        progress(Progress::Loaded {
            articles: report.articles,
            read,
        });
        chunk.clear();
        Ok(())
    };
    let mut sources = inputs.into_iter();
    let (started, cpu) = (std::time::Instant::now(), process_cpu_secs());
    while let Some(mut inputs) = report.phases.time("load loop: reading", || sources.next()) {
        report.errors.append(&mut inputs.errors);
        read += inputs.bytes;
        for a in inputs.articles {
            chunk.push(a);
            if chunk.len() >= CHUNK {
                flush(&mut chunk, read, &mut report, &mut late, &mut bulk)?;
            }
        }
    }
    flush(&mut chunk, read, &mut report, &mut late, &mut bulk)?;
    report.phases.0.insert(
        0,
        Phase {
            name: "load loop",
            secs: started.elapsed().as_secs_f64(),
            cpu_secs: process_cpu_secs() - cpu,
        },
    );
    if let Some(mut b) = bulk {
        report.phases.time("bulk load committed", || {
            b.load_tenures(&tenures)?;
            b.load_described(&described)?;
            b.commit()
        })?;
        changed.delta = folded.delta(&tenures);
    }
    let gathered = match report.bulk {
        true => Gathered {
            index: report.phases.time("name index folded", || names.index()),
            listings,
        },
        false => Gathered::default(),
    };
    Ok((report, late, gathered))
}

/// Computes the identity graph (see [`crate::rdf::identity`]) from the tenures graph, in place
/// of the one the store had: the number of links.
pub fn link_people(store: &Store) -> Result<usize> {
    use crate::rdf::identity;
    const POSTS: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/internal/identity-posts.rq"
    ));
    let posts: Vec<identity::Post> = crate::query::select(store, "identity-posts", POSTS, &[])?
        .into_iter()
        .filter_map(|mut r| {
            Some(identity::Post {
                person: r.remove("person")?,
                name: r.remove("name")?,
                role: r.remove("role")?,
                org: r.remove("org")?,
                province: r.remove("province"),
            })
        })
        .collect();
    let quads = identity::links(&posts).quads();
    store.set_graph(&crate::rdf::iri::identity_graph(), &quads)
}

/// `graphs` bulk-loaded into a new store at `path` as an ingest loads them: the tenures and
/// descriptions graphs made from them, committed, the identity links written. The store and its
/// tenures, for the tests that compare what a load gathers with what the store answers.
#[cfg(test)]
pub(crate) fn bulk_loaded(
    path: &std::path::Path,
    graphs: &[Graph],
) -> (Store, crate::rdf::tenure::Tenures) {
    let mut tenures = crate::rdf::tenure::Tenures::default();
    let mut described = described::Described::default();
    for g in graphs {
        tenures.add(g);
        described.add(g);
    }
    let store = Store::open(path).unwrap();
    let mut bulk = store.bulk();
    bulk.load(graphs).unwrap();
    bulk.load_tenures(&tenures).unwrap();
    bulk.load_described(&described).unwrap();
    bulk.commit().unwrap();
    link_people(&store).unwrap();
    (store, tenures)
}

/// The tenures graph of one bulk load and of an ingest in two parts (`Store::replace_all`): here,
/// where the pipeline that makes the graphs is at hand (the store's own tests may not use it).
#[cfg(test)]
mod store_tests {
    use crate::error::Result;
    use crate::rdf::described::Described;
    use crate::rdf::tenure::Tenures;
    use crate::rdf::{iri, Graph};
    use crate::store::Store;
    use std::path::Path;

    /// The tenures graph a store holds, sorted.
    fn tenures_graph(store: &Store) -> Vec<String> {
        let mut quads: Vec<String> = store
            .graph_quads(&iri::tenures_graph())
            .unwrap()
            .iter()
            .map(|q| q.to_string())
            .collect();
        quads.sort();
        quads
    }

    /// A regression test: the political press, ingested in two parts (the second a copy of the
    /// first under new ids), left three quads more in the tenures graph than one bulk load of
    /// both (a second label of the role `Thủ trưởng` and of `thành phố Hà Nội`, a second unit
    /// of a tenure): a later article's description of a tenure or a node was added to the
    /// first's. Where the shared corpora are not beside the repository, the examples.
    #[test]
    fn the_tenures_graph_is_the_same_in_one_bulk_load_and_in_two_ingests() {
        let mut articles: Vec<crate::read::Article> = Vec::new();
        match crate::pipeline::shared() {
            Some(shared) => {
                let inputs = crate::read::read_inputs(&[shared.join("corpus/raw/press.jsonl")]);
                assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
                articles = inputs.articles;
            }
            None => {
                let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
                articles.extend(crate::read::read_inputs(&[examples]).articles);
            }
        }
        let first = crate::pipeline::load::extract(&articles);
        for a in &mut articles {
            a.id.push_str("~2");
        }
        let second = crate::pipeline::load::extract(&articles);
        let ok =
            |g: Vec<Result<Graph>>| -> Vec<Graph> { g.into_iter().map(|g| g.unwrap()).collect() };
        let (first, second) = (ok(first), ok(second));
        let dir = tempfile::tempdir().unwrap();
        let bulk = |name: &str, parts: &[&[Graph]]| -> Store {
            let store = Store::open(&dir.path().join(name)).unwrap();
            let (mut t, mut d) = (Tenures::default(), Described::default());
            for g in parts.iter().flat_map(|p| p.iter()) {
                t.add(g);
                d.add(g);
            }
            let mut b = store.bulk();
            for graphs in parts {
                b.load(graphs).unwrap();
            }
            b.load_tenures(&t).unwrap();
            b.load_described(&d).unwrap();
            b.commit().unwrap();
            store
        };
        let all = bulk("all", &[&first, &second]);
        let parts = bulk("parts", &[&first]);
        for chunk in second.chunks(crate::pipeline::load::TRANSACTION) {
            parts.replace_all(chunk).unwrap();
        }
        let (a, p) = (tenures_graph(&all), tenures_graph(&parts));
        let only = |x: &[String], y: &[String]| -> Vec<String> {
            x.iter()
                .filter(|q| y.binary_search(q).is_err())
                .take(5)
                .cloned()
                .collect()
        };
        assert_eq!(
            a.len(),
            p.len(),
            "only in the bulk load: {:?}; only in the two ingests: {:?}",
            only(&a, &p),
            only(&p, &a)
        );
        assert_eq!(a, p);
        assert!(a.len() > 100, "{}", a.len());
    }
}

/// The name index folded from a bulk load's graphs is the one read back from the store.
#[cfg(test)]
mod index_tests {
    use crate::query::kept::Listings;
    use crate::query::search::{Fold, Index};
    use crate::rdf::Graph;
    use crate::read::Article;
    use crate::store::Store;
    use std::path::Path;

    /// The examples and, where the shared corpora are beside the repository, the 404 articles
    /// of the political press, the first 60 again under new ids (the same people in more
    /// articles).
    fn articles() -> Vec<Article> {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut out = crate::read::read_inputs(&[examples]).articles;
        if let Some(shared) = crate::pipeline::shared() {
            let inputs = crate::read::read_inputs(&[shared.join("corpus/raw/press.jsonl")]);
            assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
            assert!(inputs.articles.len() >= 400, "{}", inputs.articles.len());
            let again: Vec<Article> = inputs.articles[..60]
                .iter()
                .map(|a| Article {
                    id: format!("{}~2", a.id),
                    ..a.clone()
                })
                .collect();
            out.extend(inputs.articles);
            out.extend(again);
        }
        out
    }

    /// The first differences between two indexes, for a failed comparison to say.
    fn differences(a: &Index, b: &Index) -> Vec<String> {
        let (ha, hb) = (a.hits(), b.hits());
        let mut out: Vec<String> = ha
            .iter()
            .filter(|h| !hb.contains(h))
            .map(|h| format!("only in the first: {h:?}"))
            .chain(
                hb.iter()
                    .filter(|h| !ha.contains(h))
                    .map(|h| format!("only in the second: {h:?}")),
            )
            .take(10)
            .collect();
        if a.roles() != b.roles() {
            out.push(format!("roles {:?} != {:?}", a.roles(), b.roles()));
        }
        out
    }

    fn assert_same(folded: &Index, built: &Index) {
        let d = differences(folded, built);
        assert!(d.is_empty(), "{d:#?}");
        assert!(folded == built, "the same entries, but not the same words");
    }

    /// Graph by graph, as a bulk load folds them: every person, body and place with its label,
    /// province and number of articles, and the roles, as `Index::build` reads them back; the
    /// listings `articles` and `people` as a scan of the store writes them, byte for byte.
    #[test]
    fn the_name_index_and_listings_gathered_from_the_graphs_are_those_read_from_the_store() {
        let articles = articles();
        let graphs: Vec<Graph> = super::extract(&articles)
            .into_iter()
            .map(|g| g.unwrap())
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let mut fold = Fold::default();
        // Runs of the listings' sort of a few rows: the merge is tested too.
        let mut listings = Listings::new(dir.path()).unwrap();
        listings.shrink_runs(4096);
        for g in &graphs {
            fold.add(g);
            listings.add(g).unwrap();
        }
        let folded = fold
            .index()
            .expect("every graph read as the queries read it");
        let (store, _) = super::bulk_loaded(&dir.path().join("db"), &graphs);
        let built = Index::build(&store).unwrap();
        assert_same(&folded, &built);
        assert!(built.len() > 20, "{}", built.len());
        assert!(!built.roles().is_empty());
        let kinds = |k| built.hits().iter().filter(|h| h.kind == k).count();
        use crate::query::search::Kind;
        assert!(kinds(Kind::Person) > 0 && kinds(Kind::Body) > 0 && kinds(Kind::Place) > 0);
        assert!(
            built.hits().iter().any(|h| h.articles > 1),
            "a node described by several articles"
        );
        let (list, people, sure) = listings.answers();
        assert!(sure, "every graph read as the queries read it");
        let list = list.expect("no two rows of a document and author");
        assert_eq!(list, crate::query::kept::scanned(&store, "articles"));
        assert_eq!(people, crate::query::kept::scanned(&store, "people"));
        assert!(
            list.matches("\"doc\"").count() >= articles.len(),
            "{list:.300}"
        );
        assert!(people.contains(r#""articles":{"type":"literal","value":"2","#));
    }

    /// An ingest into an empty store keeps the folded index, brought up to date with the
    /// articles whose id came again (each replaces the first, after the bulk load): the index
    /// is the one built from the store.
    #[test]
    fn an_ingest_in_bulk_keeps_the_index_of_the_store_with_an_article_replaced() {
        let mut articles = articles();
        let originals = articles.clone();
        // seed001 again, with seed003's text: its people go, seed003's come twice.
        let seed = |id: &str| originals.iter().find(|a| a.id == id).unwrap().clone();
        let again = Article {
            id: "seed001".into(),
            ..seed("seed003")
        };
        articles.push(again);
        let articles_after = articles.clone();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db")).unwrap();
        let inputs = crate::read::Inputs {
            articles,
            errors: Vec::new(),
            bytes: 0,
        };
        let report =
            super::load_inputs(&mut store, std::iter::once(inputs), true, &mut |_| {}).unwrap();
        assert!(report.bulk);
        assert_eq!(report.replaced.len(), 1, "{:?}", report.replaced);
        assert!(report.phases.secs("name index folded") > 0.0);
        let kept = report.kept.expect("kept");
        let built = Index::build(&store).unwrap();
        assert_same(&kept.index, &built);
        // The people only seed001's first text named are gone from the index.
        let graphs = |a: &[Article]| -> Vec<Graph> {
            super::extract(a).into_iter().map(|g| g.unwrap()).collect()
        };
        let first = graphs(&[seed("seed001")]);
        let (named, _) = crate::query::search::described(&first[0].quads());
        let mut others = articles_after;
        others.retain(|a| a.id != "seed001");
        others.push(seed("seed003"));
        let mut still = std::collections::BTreeSet::new();
        for g in graphs(&others) {
            still.extend(crate::query::search::described(&g.quads()).0);
        }
        let gone: Vec<&String> = named
            .iter()
            .filter(|n| !still.contains(*n) && n.contains("/person/"))
            .collect();
        assert!(!gone.is_empty(), "{named:?}");
        for n in gone {
            assert_eq!(kept.index.get(n), None, "{n}");
        }
    }
}
