//! What a load keeps beside the store it wrote (see [`crate::store::kept`]), so that no reader
//! scans the whole store again: the name index (`find`, a name typed as a query's parameter,
//! the server's search), the answers of the listings (`people`, `tenures`, the counts of
//! `stats`), the counts `stats` prints above them (articles, quads, the network's shape) and
//! the network those are counted on. A load into a store that has them brings them up to date
//! from what its articles add and what the articles they replace took away (see [`Delta`]),
//! without reading the whole store again.

use crate::error::Result;
use crate::query::kept::{Answers, Listings, AFTER_EVERY_INGEST, KEPT};
use crate::query::search::Index;
use crate::store::{kept, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The kept file of the counts, and the version of its format.
const COUNTS: &str = "counts";
const VERSION: u32 = 1;

/// The kept file of the network (see [`Network`]), and the version of its format.
const NETWORK: &str = "network";
const NETWORK_VERSION: u32 = 1;

/// What `stats` prints above the counts by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub quads: usize,
    /// People, bodies and events of the network, the links between them, its connected
    /// components (see [`crate::export::graph::shape`]).
    pub nodes: usize,
    pub links: usize,
    pub components: usize,
}

impl Counts {
    /// Counts by scanning the store: every quad (85 s at 100,000 articles on a store not
    /// compacted), on a thread of its own beside the network.
    pub fn compute(store: &Store) -> Result<Counts> {
        Ok(Counts::with_network(store)?.0)
    }

    /// As [`Counts::compute`], with the network the counts of its shape were taken on.
    pub fn with_network(store: &Store) -> Result<(Counts, Network)> {
        let (quads, net) = std::thread::scope(|s| {
            let quads = s.spawn(|| store.len());
            let net = Network::compute(store);
            (
                quads.join().expect("the thread counting quads panicked"),
                net,
            )
        });
        let (quads, net) = (quads?, net?);
        Ok((Counts::of(store.articles()?, quads, &net), net))
    }

    fn of(articles: usize, quads: usize, net: &Network) -> Counts {
        let shape = net.shape();
        Counts {
            articles,
            quads,
            nodes: shape.nodes,
            links: shape.links,
            components: shape.components,
        }
    }

    /// The counts kept beside the store for the state this handle opened, if there are (never
    /// computed: the page's header asks for them on every load).
    pub fn kept(store: &Store) -> Option<Counts> {
        kept::read(store.path(), COUNTS, VERSION, store.stamp()).and_then(|b| Counts::parse(&b))
    }

    /// The counts of the store: kept beside it for the state this handle opened, else computed
    /// (and kept for the next reader, where the store's folder can be written).
    pub fn open(store: &Store) -> Result<Counts> {
        if let Some(c) = Counts::kept(store) {
            return Ok(c);
        }
        let (c, net) = Counts::with_network(store)?;
        kept::write_if_current(store.path(), NETWORK, NETWORK_VERSION, store.stamp(), |w| {
            net.write(w)
        });
        kept::write_if_current(store.path(), COUNTS, VERSION, store.stamp(), |w| {
            w.write_all(c.body().as_bytes())
        });
        Ok(c)
    }

    fn body(&self) -> String {
        format!(
            "articles {}\nquads {}\nnodes {}\nlinks {}\ncomponents {}\n",
            self.articles, self.quads, self.nodes, self.links, self.components
        )
    }

    fn parse(body: &str) -> Option<Counts> {
        let mut values = body.lines().map(|l| l.split_once(' '));
        let mut next = |key: &str| -> Option<usize> {
            let (k, v) = values.next()??;
            (k == key).then(|| v.parse().ok())?
        };
        let c = Counts {
            articles: next("articles")?,
            quads: next("quads")?,
            nodes: next("nodes")?,
            links: next("links")?,
            components: next("components")?,
        };
        values.next().is_none().then_some(c)
    }
}

/// The network of people, bodies and events that `stats` counts the shape of (see
/// [`crate::export::graph::shape`]): each node and link with the number of times the graphs
/// state it, a solution of `queries/network-nodes.rq` or `queries/network-links.rq` without
/// their `DISTINCT`, for each graph. A node or link is in the network while something states
/// it: a load adds what the graphs it writes state and takes away what they stated before, and
/// the shape is counted again from this in memory, not from the store.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Network {
    nodes: BTreeMap<String, i64>,
    links: BTreeMap<(String, String), i64>,
}

/// `queries/NAME.rq` (one of the network's) without its `DISTINCT`, the graph `?g` projected
/// too: each graph's statements, once each time it states them.
fn stated_query(name: &str) -> Result<spargebra::Query> {
    use spargebra::algebra::GraphPattern as G;
    let q = crate::query::shipped(name).ok_or_else(|| crate::error::Error::UnknownQuery {
        query: name.into(),
        near: Vec::new(),
    })?;
    let (mut query, _) = crate::query::prepare(name, q.sparql, &[])?;
    let not_as_written = || crate::error::Error::Query {
        name: name.into(),
        message: "not a SELECT DISTINCT over GRAPH ?g, as the network's counts read it".into(),
    };
    let spargebra::Query::Select { pattern, .. } = &mut query else {
        return Err(not_as_written());
    };
    let G::Distinct { inner } = std::mem::replace(pattern, G::Bgp { patterns: vec![] }) else {
        return Err(not_as_written());
    };
    let G::Project {
        inner,
        mut variables,
    } = *inner
    else {
        return Err(not_as_written());
    };
    variables.push(oxigraph::sparql::Variable::new_unchecked("g"));
    *pattern = G::Project { inner, variables };
    Ok(query)
}

impl Network {
    /// The network of the whole store: both queries over every graph, streamed (memory holds
    /// the network, not the rows).
    pub fn compute(store: &Store) -> Result<Network> {
        let mut net = Network::default();
        net.add(store, None, 1)?;
        Ok(net)
    }

    /// Adds what the graph `graph` (every graph: `None`) states, `sign` times.
    fn add(&mut self, store: &Store, graph: Option<&str>, sign: i64) -> Result<()> {
        use oxigraph::model::{NamedNode, Term};
        use oxigraph::sparql::{QueryResults, Variable};
        let bound: Vec<(Variable, Term)> = graph
            .map(|g| {
                (
                    Variable::new_unchecked("g"),
                    NamedNode::new_unchecked(g).into(),
                )
            })
            .into_iter()
            .collect();
        let text = |t: Option<&Term>| match t {
            Some(Term::NamedNode(n)) => n.as_str().to_string(),
            Some(t) => t.to_string(),
            None => String::new(),
        };
        for name in ["network-nodes", "network-links"] {
            let QueryResults::Solutions(solutions) =
                store.query(name, stated_query(name)?, &bound)?
            else {
                continue;
            };
            for s in solutions {
                let s = s.map_err(|e| crate::error::Error::Query {
                    name: name.into(),
                    message: e.to_string(),
                })?;
                if name == "network-nodes" {
                    *self.nodes.entry(text(s.get("node"))).or_default() += sign;
                } else {
                    let key = (text(s.get("s")), text(s.get("o")));
                    *self.links.entry(key).or_default() += sign;
                }
            }
        }
        Ok(())
    }

    /// Adds `other`'s counts to these, and leaves out what nothing states any more; `None` when a
    /// count falls below zero (what was taken away was never added: these were not the store's).
    fn merge(mut self, other: Network) -> Option<Network> {
        for (k, n) in other.nodes {
            *self.nodes.entry(k).or_default() += n;
        }
        for (k, n) in other.links {
            *self.links.entry(k).or_default() += n;
        }
        if self
            .nodes
            .values()
            .chain(self.links.values())
            .any(|&n| n < 0)
        {
            return None;
        }
        self.nodes.retain(|_, n| *n > 0);
        self.links.retain(|_, n| *n > 0);
        Some(self)
    }

    /// The size of the network and its connected components, as
    /// [`crate::export::graph::shape`] counts them.
    pub fn shape(&self) -> crate::export::graph::Shape {
        use petgraph::unionfind::UnionFind;
        use std::collections::{HashMap, HashSet};
        let id: HashMap<&str, usize> = self
            .nodes
            .iter()
            .filter(|(_, &n)| n > 0)
            .enumerate()
            .map(|(i, (k, _))| (k.as_str(), i))
            .collect();
        let mut uf = UnionFind::<usize>::new(id.len());
        let mut pairs = HashSet::new();
        for ((s, o), _) in self.links.iter().filter(|(_, &n)| n > 0) {
            if let (Some(&a), Some(&b)) = (id.get(s.as_str()), id.get(o.as_str())) {
                if a != b && pairs.insert((a.min(b), a.max(b))) {
                    uf.union(a, b);
                }
            }
        }
        let components = (0..id.len()).filter(|&i| uf.find(i) == i).count();
        crate::export::graph::Shape {
            nodes: id.len(),
            links: pairs.len(),
            components,
        }
    }

    /// The network kept beside the store for the state this handle opened, if there is one.
    pub fn kept(store: &Store) -> Option<Network> {
        Network::read(kept::open(
            store.path(),
            NETWORK,
            NETWORK_VERSION,
            store.stamp(),
        )?)
    }

    fn is_kept(store: &Store) -> bool {
        kept::open(store.path(), NETWORK, NETWORK_VERSION, store.stamp()).is_some()
    }

    fn write(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        // IRIs hold no tab nor line break.
        writeln!(w, "nodes {}", self.nodes.len())?;
        for (k, n) in &self.nodes {
            writeln!(w, "{k}\t{n}")?;
        }
        writeln!(w, "links {}", self.links.len())?;
        for ((s, o), n) in &self.links {
            writeln!(w, "{s}\t{o}\t{n}")?;
        }
        // A file cut short ends before this line.
        writeln!(w, "end")
    }

    fn read(r: impl std::io::BufRead) -> Option<Network> {
        let mut lines = r.lines();
        let mut next = || lines.next()?.ok();
        let mut net = Network::default();
        let n: usize = next()?.strip_prefix("nodes ")?.parse().ok()?;
        for _ in 0..n {
            let line = next()?;
            let (k, c) = line.split_once('\t')?;
            net.nodes.insert(k.to_string(), c.parse().ok()?);
        }
        let n: usize = next()?.strip_prefix("links ")?.parse().ok()?;
        for _ in 0..n {
            let line = next()?;
            let mut f = line.split('\t');
            let (s, o, c) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
            net.links.insert((s.to_string(), o.to_string()), c);
        }
        (next()? == "end" && next().is_none()).then_some(net)
    }
}

/// What a load into a store changes in its kept counts and network: the graphs it writes, each
/// with what it held before the load taken away (see [`Delta::leave`]) and what it holds after
/// added (see [`Delta::apply`]). An ingest of N articles reads those N graphs twice and the
/// tenures, identity and descriptions graphs (which every load rewrites: their size grows with
/// the people and posts, not the articles), not the store.
#[derive(Debug, Default)]
pub struct Delta {
    /// The graphs written, each with whether it is an article's.
    graphs: BTreeMap<String, bool>,
    articles: i64,
    quads: i64,
    network: Network,
    /// Whether the load began on an empty store (a bulk load, see [`Folded`]): the counts and
    /// network are this delta alone, not brought up to date from kept ones.
    from_empty: bool,
}

impl Delta {
    /// Before a load writes into `store`: `None` when there are no kept counts and network to
    /// bring up to date (they are computed from the store after it).
    pub fn begin(store: &Store) -> Result<Option<Delta>> {
        if Counts::kept(store).is_none() || !Network::is_kept(store) {
            return Ok(None);
        }
        let mut delta = Delta::default();
        use crate::rdf::iri;
        for g in [
            iri::tenures_graph(),
            iri::identity_graph(),
            iri::descriptions_graph(),
        ] {
            delta.take(store, &g, false)?;
        }
        Ok(Some(delta))
    }

    /// Before the article graph `graph` is written: what it held before the load is taken away
    /// (once, however many times the load writes it).
    pub fn leave(&mut self, store: &Store, graph: &str) -> Result<()> {
        self.take(store, graph, true)
    }

    fn take(&mut self, store: &Store, graph: &str, article: bool) -> Result<()> {
        if self.graphs.insert(graph.to_string(), article).is_some() {
            return Ok(());
        }
        if store.has_graph(graph)? {
            self.articles -= i64::from(article);
            self.quads -= store.graph_len(graph)? as i64;
            self.network.add(store, Some(graph), -1)?;
        }
        Ok(())
    }

    /// After the load: what the graphs written hold now added, and the kept counts and network
    /// (of the store as this handle opened it) brought up to date; `None` when they are not
    /// kept, or do not agree with what was taken away (computed again from the store then).
    pub fn apply(mut self, store: &Store) -> Result<Option<(Counts, Network)>> {
        let kept = if self.from_empty {
            let none = Counts {
                articles: 0,
                quads: 0,
                nodes: 0,
                links: 0,
                components: 0,
            };
            (Some(none), Some(Network::default()))
        } else {
            (Counts::kept(store), Network::kept(store))
        };
        let (Some(before), Some(net)) = kept else {
            return Ok(None);
        };
        for (g, &article) in &self.graphs {
            if store.has_graph(g)? {
                self.articles += i64::from(article);
                self.quads += store.graph_len(g)? as i64;
                self.network.add(store, Some(g), 1)?;
            }
        }
        let Some(net) = net.merge(self.network) else {
            return Ok(None);
        };
        let (Ok(articles), Ok(quads)) = (
            usize::try_from(before.articles as i64 + self.articles),
            usize::try_from(before.quads as i64 + self.quads),
        ) else {
            return Ok(None);
        };
        Ok(Some((Counts::of(articles, quads, &net), net)))
    }
}

/// What the graphs of a bulk load state, counted from the graphs themselves as the load goes,
/// so that the counts and network of an empty store loaded in bulk are not computed by a scan
/// of the store after it (990 s of one thread at 1,000,000 articles): the articles, their
/// quads, and each graph's solutions of `queries/network-nodes.rq` and
/// `queries/network-links.rq` (without their `DISTINCT`), as [`Network::add`] counts them for
/// one graph in the store. What needs the end of the load is left for it: the tenures graph's
/// person and body of each tenure a holding names (see [`Folded::delta`]), and the shared
/// graphs (the tenures, identity and descriptions graphs: read by [`Delta::apply`], as after
/// any load). Memory holds the network (as the scan does) and a count a tenure.
///
/// The two queries stay the definition: a test checks this against them, graph by graph, on
/// the examples and the political press, and a load whose graphs say something this does not
/// read (see `unsure`) counts the network by a scan instead.
#[derive(Debug, Default)]
pub struct Folded {
    articles: i64,
    quads: i64,
    network: Network,
    /// The solutions of the holdings' branch of `network-links`, by tenure: its person and body
    /// are the tenures graph's, known once every graph is loaded.
    tenures: BTreeMap<String, i64>,
    /// A graph stated something this does not count as the queries would: the counts are
    /// computed from the store after the load.
    unsure: bool,
}

impl Folded {
    /// Adds what an article graph loaded states.
    pub fn add(&mut self, g: &crate::rdf::Graph) {
        use crate::extract::gazetteer::GAZETTEER as G;
        use crate::rdf::described::unit_of;
        use crate::rdf::iri;
        use crate::rdf::vocab::{dcterms, foaf, org, pg, rdf, skos};
        use rustc_hash::FxHashMap;
        self.articles += 1;
        self.quads += g.len() as i64;
        // How many objects each subject has for each predicate (a graph's quads are distinct).
        let mut objects: FxHashMap<(&str, &str), i64> = FxHashMap::default();
        for (s, p, _, _) in g.triples() {
            *objects.entry((s, p)).or_default() += 1;
        }
        let n = |s: &str, p: &str| objects.get(&(s, p)).copied().unwrap_or(0);
        // Every solution of both queries binds `?g dcterms:identifier ?doc` in the graph, but
        // the nodes'.
        let docs = n(g.name.as_str(), dcterms::IDENTIFIER);
        let net = &mut self.network;
        let mut link = |s: &str, o: &str, times: i64| {
            if times > 0 {
                *net.links.entry((s.to_string(), o.to_string())).or_default() += times;
            }
        };
        let mut nodes: Vec<(&str, i64)> = Vec::new();
        for (s, p, o, is_iri) in g.triples() {
            match p {
                rdf::TYPE if is_iri => {
                    let times = match o {
                        foaf::PERSON => n(s, foaf::NAME),
                        org::ORGANIZATION => n(s, skos::PREF_LABEL) * n(s, pg::KIND),
                        pg::EVENT => n(s, dcterms::TITLE) * n(s, pg::EVENT_TYPE),
                        _ => 0,
                    };
                    if times > 0 {
                        nodes.push((s, times));
                    }
                }
                pg::TENURE_P
                | org::SUB_ORGANIZATION_OF
                | pg::ATTENDEE
                | pg::CHAIR
                | pg::ORGANIZER
                | pg::REFERS_TO
                | pg::JURISDICTION
                    if !is_iri =>
                {
                    self.unsure = true;
                }
                pg::TENURE_P => {
                    // `?r skos:prefLabel ?rl` in the graph, `?r` the tenure's role (a function
                    // of the tenure's IRI, as its person and post are: `iri::tenure`).
                    match g.tenures.iter().find(|t| g.get(t.tenure) == o) {
                        Some(t) => {
                            let times = docs * n(g.get(t.role), skos::PREF_LABEL);
                            if times > 0 {
                                *self.tenures.entry(o.to_string()).or_default() += times;
                            }
                        }
                        None => self.unsure = true,
                    }
                }
                org::SUB_ORGANIZATION_OF | pg::ORGANIZER => link(s, o, docs),
                pg::ATTENDEE | pg::CHAIR => link(o, s, docs),
                pg::REFERS_TO | pg::JURISDICTION => {
                    // `?c dcterms:isPartOf* ?s . ?s dcterms:isPartOf ?o` in the descriptions
                    // graph, which describes every unit an article names and those above it.
                    let Some(u) = unit_of(o) else { continue };
                    if !g.units.contains(&u) {
                        self.unsure = true;
                        continue;
                    }
                    for v in G.chain(u) {
                        if let Some(up) = G.units[v].parent {
                            link(
                                &iri::place(&G.units[v].id),
                                &iri::place(&G.units[up].id),
                                docs,
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        for (s, times) in nodes {
            match net.nodes.get_mut(s) {
                Some(c) => *c += times,
                None => {
                    net.nodes.insert(s.to_string(), times);
                }
            }
        }
    }

    /// Once the load's graphs are all in, with the tenures graph it loaded: the delta that
    /// [`Delta::apply`] completes with the shared graphs (and a later replacement of an article
    /// loaded, [`Delta::leave`]); `None` when the counts must come from a scan.
    pub fn delta(self, tenures: &crate::rdf::tenure::Tenures) -> Option<Delta> {
        if self.unsure {
            return None;
        }
        let mut network = self.network;
        for (t, times) in self.tenures {
            // A tenure the tenures graph lacks joins nothing.
            if let Some((d, _)) = tenures.map.get(&t) {
                *network
                    .links
                    .entry((d.person.clone(), d.org.clone()))
                    .or_default() += times;
            }
        }
        use crate::rdf::iri;
        let graphs = [
            iri::tenures_graph(),
            iri::identity_graph(),
            iri::descriptions_graph(),
        ]
        .into_iter()
        .map(|g| (g, false))
        .collect();
        Some(Delta {
            graphs,
            articles: self.articles,
            quads: self.quads,
            network,
            from_empty: true,
        })
    }
}

/// What a load into a store that had articles changed, for what is kept to be brought up to
/// date rather than computed again; or what a bulk load into an empty store gathered from its
/// graphs.
pub struct Update<'a> {
    /// The counts and network (see [`Delta`]).
    pub delta: Option<Delta>,
    /// The people, bodies and places the articles loaded describe or described before: their
    /// rows of `people` are read again, the others kept (`None` after a bulk load: every row
    /// computed).
    pub nodes: Option<&'a BTreeSet<String>>,
    /// The listings a bulk load gathered from its graphs (see [`Listings`]).
    pub listings: Option<Listings>,
}

/// Everything a load keeps beside the store.
pub struct Kept {
    pub index: Index,
    pub answers: Answers,
    pub counts: Counts,
    pub network: Network,
    /// Seconds each part took, on its thread: the name index, the listings, the counts.
    pub secs: [f64; 3],
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("names", &self.index.len())
            .field("counts", &self.counts)
            .finish_non_exhaustive()
    }
}

impl Kept {
    /// Reads what is kept from the store as the load left it: the name index by `index` (brought
    /// up to date, or built), the rest on two more threads: brought up to date from `update`
    /// (after a load into a store that had articles) where they were kept, else by scanning.
    /// After a load into a store that had articles (`all` false), the listings of
    /// [`AFTER_EVERY_INGEST`] only.
    pub fn compute(
        store: &Store,
        all: bool,
        index: impl FnOnce() -> Result<Index> + Send,
        update: Option<Update<'_>>,
    ) -> Result<Kept> {
        let names: &[&'static str] = if all { &KEPT } else { &AFTER_EVERY_INGEST };
        let (delta, nodes, listings) = match update {
            Some(u) => (u.delta, u.nodes, u.listings),
            None => (None, None, None),
        };
        let (index, answers, counts) = std::thread::scope(|s| {
            let index = s.spawn(|| {
                let t = std::time::Instant::now();
                (index(), t.elapsed().as_secs_f64())
            });
            let answers = s.spawn(|| {
                let t = std::time::Instant::now();
                let a = Answers::compute(store, names, nodes, listings);
                (a, t.elapsed().as_secs_f64())
            });
            let t = std::time::Instant::now();
            let counts = match delta {
                Some(d) => d.apply(store).and_then(|c| match c {
                    Some(c) => Ok(c),
                    None => Counts::with_network(store),
                }),
                None => Counts::with_network(store),
            };
            let counts = (counts, t.elapsed().as_secs_f64());
            (
                index.join().expect("the thread of the name index panicked"),
                answers.join().expect("the thread of the listings panicked"),
                counts,
            )
        });
        let ((index, index_secs), (answers, answers_secs)) = (index, answers);
        let ((counts, network), counts_secs) = (counts.0?, counts.1);
        Ok(Kept {
            index: index?,
            answers: answers?,
            counts,
            network,
            secs: [index_secs, answers_secs, counts_secs],
        })
    }

    /// Writes what is kept beside the store at `path`, for the store as it is now: by the
    /// process that wrote the store, once it has closed it (RocksDB may write as it closes).
    pub fn save(&self, path: &Path) -> Result<()> {
        self.index.save(path)?;
        self.answers.save(path)?;
        let stamp = kept::stamp(path);
        kept::write(path, NETWORK, NETWORK_VERSION, &stamp, |w| {
            self.network.write(w)
        })?;
        kept::write(path, COUNTS, VERSION, &stamp, |w| {
            w.write_all(self.counts.body().as_bytes())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(id: &str, text: &str) -> crate::rdf::Graph {
        crate::pipeline::process(&crate::read::Article::of_text(id, text)).graph
    }

    fn example(n: usize) -> String {
        let path = format!(
            "{}/examples/articles/seed00{n}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).expect(&path)
    }

    #[test]
    fn a_delta_brings_the_counts_and_network_to_what_a_scan_of_the_store_counts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        {
            let store = Store::open(&path).unwrap();
            for n in 0..4 {
                store
                    .replace(&graph(&format!("seed00{n}"), &example(n)))
                    .unwrap();
            }
        }
        {
            // A reader keeps them for the store as it is.
            let store = Store::open_read_only(&path).unwrap();
            Counts::open(&store).unwrap();
            assert_eq!(
                Network::kept(&store),
                Some(Network::compute(&store).unwrap())
            );
        }
        let store = Store::open(&path).unwrap();
        let before = Counts::kept(&store).unwrap();
        assert!(
            before.links > 0 && before.nodes > before.links,
            "{before:?}"
        );
        let mut delta = Delta::begin(&store).unwrap().expect("they are kept");
        // A new article naming people of seed001 (a name in old and new articles), seed004
        // new, seed002 replaced by seed001's text, seed003 removed.
        let written = [
            graph(
                "x1",
                "Hà Tĩnh họp\n\nDự có đồng chí Nguyễn Thanh Lâm - Trưởng phòng Chính sách cán bộ \
                 Ban Tổ chức Tỉnh ủy Hà Tĩnh và đồng chí Trần Quốc Vượng - Phó Chủ tịch UBND tỉnh \
                 Hà Tĩnh.",
            ),
            graph("seed004", &example(4)),
            graph("seed002", &example(1)),
        ];
        for g in &written {
            delta.leave(&store, g.name.as_str()).unwrap();
        }
        store.replace_all(&written).unwrap();
        let gone = crate::rdf::iri::article("seed003");
        delta.leave(&store, &gone).unwrap();
        store.set_graph(&gone, &[]).unwrap();
        crate::pipeline::load::link_people(&store).unwrap();
        let (counts, net) = delta.apply(&store).unwrap().expect("brought up to date");
        assert_eq!(net, Network::compute(&store).unwrap());
        assert_eq!(counts, Counts::compute(&store).unwrap());
        assert_eq!(counts.articles, 5);
        assert_ne!(counts, before);
        assert_eq!(
            (counts.nodes, counts.links, counts.components),
            {
                let s = crate::export::graph::shape(&store).unwrap();
                (s.nodes, s.links, s.components)
            },
            "the shape the network's queries give"
        );
    }

    /// The first differences between two networks, for a failed comparison to say.
    fn differences(a: &Network, b: &Network) -> Vec<String> {
        let mut out = Vec::new();
        for k in a.nodes.keys().chain(b.nodes.keys()) {
            if a.nodes.get(k) != b.nodes.get(k) {
                out.push(format!(
                    "node {k}: {:?} {:?}",
                    a.nodes.get(k),
                    b.nodes.get(k)
                ));
            }
        }
        for k in a.links.keys().chain(b.links.keys()) {
            if a.links.get(k) != b.links.get(k) {
                out.push(format!(
                    "link {k:?}: {:?} {:?}",
                    a.links.get(k),
                    b.links.get(k)
                ));
            }
        }
        out.truncate(10);
        out
    }

    /// What a bulk load counts from its graphs as it goes is what a scan of the store it loaded
    /// counts, node by node and link by link with their numbers of statements: on the examples
    /// and, where the shared corpora are beside the repository, the 404 articles of the
    /// political press (people, bodies, events, holdings, units).
    #[test]
    fn what_a_bulk_load_counts_from_its_graphs_is_what_a_scan_of_the_store_counts() {
        let mut articles: Vec<crate::read::Article> = (0..5)
            .map(|n| crate::read::Article::of_text(&format!("seed00{n}"), &example(n)))
            .collect();
        if let Some(shared) = crate::pipeline::shared() {
            let inputs = crate::read::read_inputs(&[shared.join("corpus/raw/press.jsonl")]);
            assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
            assert!(inputs.articles.len() >= 400, "{}", inputs.articles.len());
            articles.extend(inputs.articles);
        }
        let graphs: Vec<crate::rdf::Graph> = crate::pipeline::load::extract(&articles)
            .into_iter()
            .map(|g| g.unwrap())
            .collect();
        let mut folded = Folded::default();
        for g in &graphs {
            folded.add(g);
        }
        assert!(!folded.unsure, "every graph counted as the queries count");
        let dir = tempfile::tempdir().unwrap();
        let (store, tenures) = crate::pipeline::load::bulk_loaded(&dir.path().join("db"), &graphs);
        let delta = folded.delta(&tenures).expect("counted from the graphs");
        let (counts, net) = delta.apply(&store).unwrap().expect("no count below zero");
        let scanned = Network::compute(&store).unwrap();
        assert_eq!(net, scanned, "{:#?}", differences(&net, &scanned));
        assert_eq!(counts, Counts::compute(&store).unwrap());
        assert!(counts.links > 100 || articles.len() == 5, "{counts:?}");
        assert!(counts.nodes > counts.links / 2, "{counts:?}");
    }

    #[test]
    fn counts_read_back_and_a_cut_file_is_none() {
        let c = Counts {
            articles: 5,
            quads: 6_544_620,
            nodes: 7,
            links: 8,
            components: 9,
        };
        assert_eq!(Counts::parse(&c.body()), Some(c));
        let body = c.body();
        assert_eq!(Counts::parse(&body[..body.len() - 14]), None);
        assert_eq!(Counts::parse(&format!("{body}more 1\n")), None);
    }
}
