//! The network view of the store, through petgraph (the only module that touches it): people,
//! bodies, localities, documents and events, with edges for posts held, parts of bodies, places,
//! issuers and attendance, each edge with the articles that state it. `dot` draws it, `path` and
//! `rank` answer network questions on it.

pub mod dot;
pub mod path;
pub mod rank;

use crate::error::Result;
use crate::normalize::key;
use crate::store::Store;
use petgraph::graph::UnGraph;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::unionfind::UnionFind;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organization,
    Locality,
    Document,
    Event,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub iri: String,
    pub kind: Kind,
    pub label: String,
    /// The organization's kind (party, state, ...), the unit's level, the document's or event's type.
    pub sub: String,
    /// The province of a unit or of a body's place (computed on the whole network, so that a
    /// selection keeps its clusters).
    pub province: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rel {
    Holds,
    PartOf,
    LocatedIn,
    IssuedBy,
    Attended,
    Chaired,
    OrganizedBy,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub rel: Rel,
    /// The post's role, for `Holds`.
    pub role: Option<String>,
    pub former: bool,
    /// The articles that state it.
    pub docs: BTreeSet<String>,
}

/// An edge's identity while reading: source, relation, target, role, former.
type EdgeKey = (String, Rel, String, Option<String>, bool);

pub struct Network {
    pub g: StableDiGraph<Node, Edge>,
}

/// What `--kind` selects: a kind of node, or organizations of one kind (`party`, `state`, ...).
pub fn kind_matches(filter: &str, n: &Node) -> bool {
    match filter {
        "person" => n.kind == Kind::Person,
        "organization" => n.kind == Kind::Organization,
        "locality" => n.kind == Kind::Locality,
        "document" => n.kind == Kind::Document,
        "event" => n.kind == Kind::Event,
        sub => n.kind == Kind::Organization && n.sub == sub,
    }
}

pub const KINDS: [&str; 10] = [
    "person",
    "organization",
    "party",
    "state",
    "front",
    "media",
    "other",
    "locality",
    "document",
    "event",
];

impl Network {
    /// The network of the whole store, or of one article.
    pub fn load(store: &Store, article: Option<&str>) -> Result<Network> {
        let mut g = StableDiGraph::new();
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        for r in crate::query::rows(store, "graph-nodes")? {
            let kind = match r.get("kind").map(String::as_str) {
                Some("person") => Kind::Person,
                Some("organization") => Kind::Organization,
                Some("locality") => Kind::Locality,
                Some("document") => Kind::Document,
                _ => Kind::Event,
            };
            let iri = r["node"].clone();
            nodes.entry(iri.clone()).or_insert(Node {
                iri,
                kind,
                label: r["label"].clone(),
                sub: r.get("sub").cloned().unwrap_or_default(),
                province: None,
            });
        }
        let mut edges: BTreeMap<EdgeKey, BTreeSet<String>> = BTreeMap::new();
        for r in crate::query::rows(store, "graph-edges")? {
            if article.is_some_and(|a| r["doc"] != a) {
                continue;
            }
            let rel = match r["rel"].as_str() {
                "holds" => Rel::Holds,
                "part_of" => Rel::PartOf,
                "located_in" => Rel::LocatedIn,
                "issued_by" => Rel::IssuedBy,
                "attended" => Rel::Attended,
                "chaired" => Rel::Chaired,
                _ => Rel::OrganizedBy,
            };
            let former = r.get("former").is_some_and(|f| f == "true");
            edges
                .entry((
                    r["s"].clone(),
                    rel,
                    r["o"].clone(),
                    r.get("role").cloned(),
                    former,
                ))
                .or_default()
                .insert(r["doc"].clone());
        }
        let mut node = |iri: &str, g: &mut StableDiGraph<Node, Edge>| -> Option<NodeIndex> {
            if let Some(i) = index.get(iri) {
                return Some(*i);
            }
            let n = nodes.get(iri)?.clone();
            let i = g.add_node(n);
            index.insert(iri.to_string(), i);
            Some(i)
        };
        for ((s, rel, o, role, former), docs) in edges {
            let (Some(a), Some(b)) = (node(&s, &mut g), node(&o, &mut g)) else {
                continue;
            };
            g.add_edge(
                a,
                b,
                Edge {
                    rel,
                    role,
                    former,
                    docs,
                },
            );
        }
        if article.is_none() {
            for iri in nodes.keys() {
                node(iri, &mut g);
            }
        }
        let mut net = Network { g };
        let provinces: Vec<(NodeIndex, Option<String>)> = net
            .g
            .node_indices()
            .map(|i| (i, net.province_of(i).map(|p| net.g[p].label.clone())))
            .collect();
        for (i, p) in provinces {
            net.g[i].province = p;
        }
        Ok(net)
    }

    /// Nodes whose label is `name` (any case, any tone placement).
    pub fn find(&self, name: &str) -> Vec<NodeIndex> {
        let k = key(name);
        let mut v: Vec<NodeIndex> = self
            .g
            .node_indices()
            .filter(|&i| key(&self.g[i].label) == k)
            .collect();
        v.sort_by_key(|&i| self.g[i].iri.clone());
        v
    }

    fn retain(&mut self, keep: &BTreeSet<NodeIndex>) {
        let drop: Vec<NodeIndex> = self
            .g
            .node_indices()
            .filter(|i| !keep.contains(i))
            .collect();
        for i in drop {
            self.g.remove_node(i);
        }
    }

    /// Keeps the nodes within `depth` steps of `seeds`; localities are reached but not crossed
    /// (a province would join everything in it).
    pub fn around(&mut self, seeds: &[NodeIndex], depth: usize) {
        let mut keep: BTreeSet<NodeIndex> = seeds.iter().copied().collect();
        let mut queue: VecDeque<(NodeIndex, usize)> = seeds.iter().map(|&s| (s, 0)).collect();
        while let Some((n, d)) = queue.pop_front() {
            if d == depth || (self.g[n].kind == Kind::Locality && !seeds.contains(&n)) {
                continue;
            }
            for m in self.g.neighbors_undirected(n) {
                if keep.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        self.retain(&keep);
    }

    /// Keeps the nodes of the given kinds.
    pub fn keep_kinds(&mut self, kinds: &[String]) {
        let keep = self
            .g
            .node_indices()
            .filter(|&i| kinds.iter().any(|k| kind_matches(k, &self.g[i])))
            .collect();
        self.retain(&keep);
    }

    /// A locality and the units above it, nearest first (bounded: a cycle in data ends it).
    fn unit_chain(&self, n: NodeIndex) -> Vec<NodeIndex> {
        let mut chain = vec![n];
        while let Some(p) = self
            .out(chain[chain.len() - 1], Rel::PartOf)
            .find(|&p| self.g[p].kind == Kind::Locality)
        {
            if chain.len() > 8 {
                break;
            }
            chain.push(p);
        }
        chain
    }

    /// The province (top unit) of a locality or of a body's place, if any.
    pub fn province_of(&self, n: NodeIndex) -> Option<NodeIndex> {
        let unit = match self.g[n].kind {
            Kind::Locality => n,
            Kind::Organization => self.out(n, Rel::LocatedIn).next()?,
            _ => return None,
        };
        self.unit_chain(unit).last().copied()
    }

    fn out(&self, n: NodeIndex, rel: Rel) -> impl Iterator<Item = NodeIndex> + '_ {
        self.g
            .edges_directed(n, Direction::Outgoing)
            .filter(move |e| e.weight().rel == rel)
            .map(|e| e.target())
    }

    /// Keeps what lies within a locality: its units, the bodies there (and their parts), the
    /// people holding posts in them, the documents they issued and the events they organized.
    pub fn within(&mut self, locality: &[NodeIndex]) {
        let inside =
            |n: NodeIndex, net: &Network| net.unit_chain(n).iter().any(|c| locality.contains(c));
        let mut keep: BTreeSet<NodeIndex> = BTreeSet::new();
        for n in self.g.node_indices() {
            let ok = match self.g[n].kind {
                Kind::Locality => inside(n, self),
                Kind::Organization => self.out(n, Rel::LocatedIn).any(|p| inside(p, self)),
                _ => false,
            };
            if ok {
                keep.insert(n);
            }
        }
        let orgs: Vec<NodeIndex> = keep
            .iter()
            .copied()
            .filter(|&n| self.g[n].kind == Kind::Organization)
            .collect();
        for o in orgs {
            for e in self.g.edges_directed(o, Direction::Incoming) {
                if matches!(
                    e.weight().rel,
                    Rel::Holds | Rel::IssuedBy | Rel::OrganizedBy
                ) {
                    keep.insert(e.source());
                }
            }
        }
        self.retain(&keep);
    }

    /// The network for path and rank questions: people, bodies and events (not places, which
    /// join everything in them, nor documents), as a compact undirected graph, with the map back.
    pub fn core(&self) -> (UnGraph<(), ()>, Vec<NodeIndex>) {
        let nodes: Vec<NodeIndex> = self
            .g
            .node_indices()
            .filter(|&i| {
                matches!(
                    self.g[i].kind,
                    Kind::Person | Kind::Organization | Kind::Event
                )
            })
            .collect();
        let pos: BTreeMap<NodeIndex, usize> =
            nodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let mut u = UnGraph::<(), ()>::with_capacity(nodes.len(), self.g.edge_count());
        for _ in &nodes {
            u.add_node(());
        }
        let mut seen = BTreeSet::new();
        for e in (&self.g).edge_references() {
            if let (Some(&a), Some(&b)) = (pos.get(&e.source()), pos.get(&e.target())) {
                if a != b && seen.insert((a.min(b), a.max(b))) {
                    u.add_edge(
                        petgraph::graph::NodeIndex::new(a),
                        petgraph::graph::NodeIndex::new(b),
                        (),
                    );
                }
            }
        }
        (u, nodes)
    }

    /// Connected components of the core network.
    pub fn components(&self) -> usize {
        petgraph::algo::connected_components(&self.core().0)
    }
}

/// The size of the core network (see [`Network::core`]) and its connected components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub nodes: usize,
    /// Pairs of distinct nodes linked, whatever the relation and however many articles state it.
    pub links: usize,
    pub components: usize,
}

/// The shape of the core network, read from the store without loading the network: its nodes by
/// IRI and its links once each, without labels nor articles (`network-nodes`, `network-links`).
/// `polgraph stats` prints it; on 100,000 articles the whole network is millions of edge rows.
pub fn shape(store: &Store) -> Result<Shape> {
    let mut id: HashMap<String, usize> = HashMap::new();
    for r in crate::query::rows(store, "network-nodes")? {
        let n = id.len();
        id.entry(r["node"].clone()).or_insert(n);
    }
    let mut uf = UnionFind::<usize>::new(id.len());
    let mut pairs = HashSet::new();
    for r in crate::query::rows(store, "network-links")? {
        if let (Some(&a), Some(&b)) = (id.get(&r["s"]), id.get(&r["o"])) {
            if a != b && pairs.insert((a.min(b), a.max(b))) {
                uf.union(a, b);
            }
        }
    }
    let components = (0..id.len()).filter(|&i| uf.find(i) == i).count();
    Ok(Shape {
        nodes: id.len(),
        links: pairs.len(),
        components,
    })
}
