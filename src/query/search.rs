//! A name index of the people, bodies and places of a store: built once from the store, it
//! finds `nguyen van hai` as Nguyễn Văn Hải (case and tone marks folded), ranked, each hit with
//! the province it belongs to, so that two Nguyễn Văn Hải of two provinces stay two hits.
//!
//! Independent of any front end: `polgraph serve` answers its search box with it, and the
//! command line can resolve a name parameter with it.

use crate::error::Result;
use crate::extract::gazetteer::GAZETTEER as G;
use crate::normalize::{key, lower};
use crate::rdf::iri;
use crate::rdf::vocab::ID;
use crate::store::field::{escape, unescape};
use crate::store::Store;
use std::collections::{BTreeMap, HashMap};

const NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/internal/search-names.rq"
));

/// The people a person's IRI is linked to in the identity graph (see
/// [`crate::rdf::identity`]): each IRI with `samePerson` or `possiblySame`.
pub fn identity(store: &Store, person: &str) -> Result<Vec<(String, String)>> {
    const OF: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/internal/identity-of.rq"
    ));
    let node = oxigraph::model::NamedNode::new(person)
        .map_err(|e| crate::error::Error::Other(format!("{person:?}: {e}")))?;
    Ok(
        super::select(store, "identity-of", OF, &[("p".to_string(), node.into())])?
            .into_iter()
            .filter_map(|mut r| Some((r.remove("other")?, r.remove("link")?)))
            .collect(),
    )
}

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Body,
    Place,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Person, Kind::Body, Kind::Place];

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "person" => Some(Kind::Person),
            "body" | "organization" => Some(Kind::Body),
            "place" | "locality" => Some(Kind::Place),
            _ => None,
        }
    }
}

/// One match, best first in [`Index::find`]'s answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub iri: String,
    pub kind: Kind,
    pub label: String,
    /// The province (`tỉnh Hà Tĩnh`), `Trung ương` for the centre; none for a province itself.
    pub scope: Option<String>,
    /// How many articles describe it.
    pub articles: usize,
    /// Exact 100, prefix 80, every word 60, every word begun 50, at least half the words below 40; 5 more
    /// when the tone marks typed are the label's too.
    pub score: u32,
}

#[derive(Debug, PartialEq)]
struct Entry {
    iri: String,
    kind: Kind,
    label: String,
    scope: Option<String>,
    articles: usize,
    /// The label folded (see [`fold`]), its words joined by one space.
    folded: String,
    /// The label's words with their marks, lower case (see [`crate::normalize::key`]).
    words: Vec<String>,
}

/// Two indexes are equal when they hold the same entries, words and roles.
#[derive(PartialEq)]
pub struct Index {
    /// Sorted by IRI.
    entries: Vec<Entry>,
    /// Each folded word of a label, with the entries whose label has it.
    words: BTreeMap<String, Vec<u32>>,
    /// The titles of the roles of the store's posts, sorted (see [`Index::roles`]).
    roles: Vec<String>,
}

/// Lower case without tone and vowel marks, `đ` as `d`, every run of other characters one
/// space: what a journalist types on a keyboard without a Vietnamese layout.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    for c in s.chars() {
        let c = lower(c);
        if c == 'đ' {
            push('d', &mut out);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                push(d, &mut out);
            }
        });
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The provinces by the slug that scopes a person's IRI (`ha-tinh` -> `tỉnh Hà Tĩnh`).
fn provinces() -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (u, unit) in G.units.iter().enumerate() {
        if G.is_province(u) {
            out.entry(iri::slug(&unit.name))
                .or_insert_with(|| G.canonical(u));
        }
    }
    out.insert("vn".into(), "Trung ương".into());
    out
}

/// The province of a place's IRI (`…/id/place/ID`), unless it is the province.
fn province_of_place(place: &str) -> Option<String> {
    let id = place.strip_prefix(ID)?.strip_prefix("place/")?;
    let u = G.by_id(id)?;
    let p = G.province_of(u);
    (p != u).then(|| G.canonical(p))
}

/// The name of the index's kept file beside the store (see [`crate::store::kept`]), and the
/// version of its format.
const KEPT: &str = "names";
const VERSION: u32 = 1;

/// The classes whose nodes the index holds: an article that types a node so changes its entry.
pub const CLASSES: [&str; 3] = [
    crate::rdf::vocab::foaf::PERSON,
    crate::rdf::vocab::org::ORGANIZATION,
    crate::rdf::vocab::pg::ADMINISTRATIVE_UNIT,
];

/// The nodes of [`CLASSES`] that `quads` (an article's graph) type, and the titles of the roles
/// they describe (`skos:prefLabel` of an `org:Role`): what an article adds to the index.
pub fn described(quads: &[oxigraph::model::Quad]) -> (Vec<String>, Vec<String>) {
    use crate::rdf::vocab::{org, rdf, skos};
    use oxigraph::model::{NamedOrBlankNode, Term};
    let typed = |class: &dyn Fn(&str) -> bool| -> Vec<&NamedOrBlankNode> {
        quads
            .iter()
            .filter(|q| q.predicate.as_str() == rdf::TYPE)
            .filter(|q| matches!(&q.object, Term::NamedNode(c) if class(c.as_str())))
            .map(|q| &q.subject)
            .collect()
    };
    let nodes = typed(&|c| CLASSES.contains(&c))
        .into_iter()
        .filter_map(|s| match s {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect();
    let role_nodes = typed(&|c| c == org::ROLE);
    let roles = quads
        .iter()
        .filter(|q| q.predicate.as_str() == skos::PREF_LABEL && role_nodes.contains(&&q.subject))
        .filter_map(|q| match &q.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .collect();
    (nodes, roles)
}

/// Every person, body and place of the store with its label, province and articles, or `node`'s
/// alone: the one place the index reads names and labels from the store
/// (`queries/internal/search-names.rq`). Sorted by IRI, one entry a node.
fn entries(store: &Store, node: Option<&str>) -> Result<Vec<Entry>> {
    let provinces = provinces();
    let params = match node {
        Some(n) => vec![(
            "node".to_string(),
            oxigraph::model::NamedNode::new(n)
                .map_err(|e| crate::error::Error::Other(format!("{n:?}: {e}")))?
                .into(),
        )],
        None => Vec::new(),
    };
    let mut entries = Vec::new();
    for mut r in crate::query::select(store, "search-names", NAMES, &params)? {
        let Some(kind) = r.get("kind").and_then(|k| Kind::parse(k)) else {
            continue;
        };
        let (Some(iri), Some(label)) = (r.remove("node"), r.remove("label")) else {
            continue;
        };
        let scope = scope(&provinces, kind, &iri, r.get("place").map(String::as_str));
        let articles = r.get("articles").and_then(|a| a.parse().ok()).unwrap_or(0);
        entries.push(Entry::new(iri, kind, label, scope, articles));
    }
    one_per_node(&mut entries);
    Ok(entries)
}

/// The province of a node of `kind` (see [`Hit::scope`]): a person's by the slug of its IRI, a
/// body's by its `place` (its jurisdiction; the centre without one), a place's by the
/// gazetteer.
fn scope(
    provinces: &HashMap<String, String>,
    kind: Kind,
    iri: &str,
    place: Option<&str>,
) -> Option<String> {
    match kind {
        Kind::Person => iri
            .strip_prefix(ID)
            .and_then(|s| s.strip_prefix("person/"))
            .and_then(|s| s.split('/').next())
            .and_then(|slug| provinces.get(slug).cloned()),
        Kind::Body => match place {
            Some(p) => province_of_place(p).or_else(|| {
                // A provincial body: its province is its own place.
                let id = p.strip_prefix(ID)?.strip_prefix("place/")?;
                G.by_id(id).map(|u| G.canonical(u))
            }),
            None => Some("Trung ương".into()),
        },
        Kind::Place => province_of_place(iri),
    }
}

/// The people, bodies and places of the store ([`CLASSES`]), each once, sorted: read from the
/// store's index of types (see [`Store::typed`]).
fn nodes(store: &Store) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for class in CLASSES {
        out.extend(store.typed(class)?);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// One entry a node, sorted by IRI. A node written two ways in two articles (`Tập đoàn DOJI`,
/// `Tập đoàn Doji`: one IRI) has a row for each: the one most articles write is kept, then the
/// first label, so that a build and an update choose alike (the first row in the answer's
/// order, kept before, was another one in a query for the node alone).
fn one_per_node(entries: &mut Vec<Entry>) {
    entries.sort_by(|a, b| {
        a.iri
            .cmp(&b.iri)
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.scope.cmp(&b.scope))
    });
    entries.dedup_by(|a, b| a.iri == b.iri);
}

/// The name index of a bulk load into an empty store, gathered from its article graphs as the
/// load goes (see [`Fold::add`]), so that it is not read back from the store after the load
/// with a query a node (a quarter of an ingest's time). `queries/internal/search-names.rq` and
/// `queries/internal/roles.rq` stay its definition: an article graph's solutions of them, each
/// graph once, are counted here as `COUNT(DISTINCT ?g)` counts them (the tenures, identity and
/// descriptions graphs state no name, label or mention they count; a place's description is
/// the gazetteer's, see [`crate::rdf::described`]). A test checks it against [`Index::build`].
///
/// Memory grows with the nodes, not the articles: a node's IRI once, each of its labels (and a
/// body's places) once, with the number of graphs that state it.
#[derive(Default)]
pub struct Fold {
    /// By person or body: each label (and a body's place) the graphs give it.
    nodes: rustc_hash::FxHashMap<Box<str>, Vec<Row>>,
    /// A body's places, each once (a handful of units).
    places: Vec<Box<str>>,
    place_ids: rustc_hash::FxHashMap<Box<str>, u32>,
    /// By gazetteer unit: the graphs that mention it or a unit within it.
    units: BTreeMap<usize, u32>,
    /// The titles of the roles.
    roles: std::collections::BTreeSet<String>,
    /// A graph mentions a unit it does not name (which the descriptions graph may or may not
    /// describe): the index is built from the store instead.
    unsure: bool,
}

/// One solution of `search-names.rq`'s people or bodies, without its node: how many graphs
/// give it.
struct Row {
    kind: Kind,
    label: Box<str>,
    /// The body's place, in [`Fold::places`].
    place: Option<u32>,
    articles: u32,
}

impl Fold {
    /// Adds what an article graph of the load states: its people with their names, its bodies
    /// with their labels and places, the units it mentions (and those they are part of), the
    /// titles of its roles.
    pub fn add(&mut self, g: &crate::rdf::Graph) {
        use crate::rdf::described::unit_of;
        use crate::rdf::vocab::{foaf, org, pg, rdf, skos};
        let (mut people, mut bodies, mut roles) = (Vec::new(), Vec::new(), Vec::new());
        for (s, p, o, is_iri) in g.triples() {
            if p == rdf::TYPE && is_iri {
                match o {
                    foaf::PERSON => people.push(s),
                    org::ORGANIZATION => bodies.push(s),
                    org::ROLE => roles.push(s),
                    _ => {}
                }
            }
        }
        for v in [&mut people, &mut bodies, &mut roles] {
            v.sort_unstable();
            v.dedup();
        }
        let has = |v: &[&str], s: &str| v.binary_search(&s).is_ok();
        // Each node's names or labels, and each body's places.
        let mut named: Vec<(Kind, &str, &str)> = Vec::new();
        let mut places: Vec<(&str, &str)> = Vec::new();
        let mut units: Vec<usize> = Vec::new();
        for (s, p, o, is_iri) in g.triples() {
            match p {
                // A name as an IRI: the query's label would be its text; none is written so.
                foaf::NAME | skos::PREF_LABEL
                    if is_iri && (has(&people, s) || has(&bodies, s) || has(&roles, s)) =>
                {
                    self.unsure = true;
                }
                foaf::NAME | skos::PREF_LABEL if is_iri => {}
                foaf::NAME if has(&people, s) => named.push((Kind::Person, s, o)),
                skos::PREF_LABEL => {
                    if has(&bodies, s) {
                        named.push((Kind::Body, s, o));
                    }
                    if has(&roles, s) && !self.roles.contains(o) {
                        self.roles.insert(o.to_string());
                    }
                }
                _ => {}
            }
            if matches!(p, pg::JURISDICTION) && has(&bodies, s) {
                places.push((s, o));
            }
            if matches!(p, pg::REFERS_TO | pg::JURISDICTION) && is_iri {
                // `?c dcterms:isPartOf* ?node` in the descriptions graph, which describes each
                // unit an article names with those it is part of.
                if let Some(u) = unit_of(o) {
                    if g.units.iter().any(|&n| n == u || G.chain(n).contains(&u)) {
                        units.extend(G.chain(u));
                    } else {
                        self.unsure = true;
                    }
                }
            }
        }
        places.sort_unstable();
        places.dedup();
        // The solutions, each once a graph.
        let mut rows: Vec<(&str, Kind, &str, Option<&str>)> = Vec::new();
        for &(kind, s, label) in &named {
            let at = places.partition_point(|&(b, _)| b < s);
            let of = places[at..].iter().take_while(|&&(b, _)| b == s);
            match kind {
                Kind::Body if of.clone().next().is_some() => {
                    rows.extend(of.map(|&(_, p)| (s, kind, label, Some(p))))
                }
                _ => rows.push((s, kind, label, None)),
            }
        }
        rows.sort_unstable();
        rows.dedup();
        for (s, kind, label, place) in rows {
            let place = place.map(|p| self.place_id(p));
            let list = match self.nodes.get_mut(s) {
                Some(list) => list,
                None => self.nodes.entry(s.into()).or_default(),
            };
            match list
                .iter_mut()
                .find(|r| r.kind == kind && r.place == place && &*r.label == label)
            {
                Some(r) => r.articles += 1,
                None => list.push(Row {
                    kind,
                    label: label.into(),
                    place,
                    articles: 1,
                }),
            }
        }
        units.sort_unstable();
        units.dedup();
        for u in units {
            *self.units.entry(u).or_default() += 1;
        }
    }

    fn place_id(&mut self, p: &str) -> u32 {
        if let Some(&id) = self.place_ids.get(p) {
            return id;
        }
        let id = self.places.len() as u32;
        self.places.push(p.into());
        self.place_ids.insert(p.into(), id);
        id
    }

    /// The index of the graphs added, as [`Index::build`] reads it from a store that holds them
    /// (and the tenures and descriptions graphs of their load); `None` when a graph said
    /// something this does not read as the queries would.
    pub fn index(self) -> Option<Index> {
        if self.unsure {
            return None;
        }
        let provinces = provinces();
        let mut entries = Vec::with_capacity(self.nodes.len() + self.units.len());
        for (node, rows) in self.nodes {
            for r in rows {
                let place = r.place.map(|p| &*self.places[p as usize]);
                let scope = scope(&provinces, r.kind, &node, place);
                let label = r.label.into_string();
                entries.push(Entry::new(
                    node.to_string(),
                    r.kind,
                    label,
                    scope,
                    r.articles as usize,
                ));
            }
        }
        for (u, articles) in self.units {
            let node = iri::place(&G.units[u].id);
            let scope = scope(&provinces, Kind::Place, &node, Some(&node));
            entries.push(Entry::new(
                node,
                Kind::Place,
                G.canonical(u),
                scope,
                articles as usize,
            ));
        }
        one_per_node(&mut entries);
        Some(Index::from_entries(
            entries,
            self.roles.into_iter().collect(),
        ))
    }
}

impl Entry {
    fn new(iri: String, kind: Kind, label: String, scope: Option<String>, articles: usize) -> Self {
        Entry {
            folded: fold(&label),
            words: key(&label).split_whitespace().map(str::to_string).collect(),
            articles,
            iri,
            kind,
            label,
            scope,
        }
    }
}

impl Index {
    /// The store's name index: the one kept beside it (see [`crate::store::kept`]) when it was
    /// written for the store as this handle opened it, else built from the store (seconds on a
    /// large one) and kept for the next reader, where the store's folder can be written.
    pub fn open(store: &Store) -> Result<Index> {
        if let Some(index) = Index::kept(store) {
            return Ok(index);
        }
        let index = Index::build(store)?;
        crate::store::kept::write_if_current(store.path(), KEPT, VERSION, store.stamp(), |w| {
            index.write(w)
        });
        Ok(index)
    }

    /// The index kept beside the store, if it was written for the store as this handle opened it.
    pub fn kept(store: &Store) -> Option<Index> {
        let body = crate::store::kept::open(store.path(), KEPT, VERSION, store.stamp())?;
        Index::read(body)
    }

    /// Reads every person, body and place of the store, one node at a time (the store's index
    /// of types gives the nodes in order; the query for all of them at once counted every pair
    /// of node and article in memory: most of an ingest's peak at 500,000 articles), and the
    /// titles of the roles.
    pub fn build(store: &Store) -> Result<Index> {
        let mut all = Vec::new();
        for node in nodes(store)? {
            all.extend(entries(store, Some(&node))?);
        }
        one_per_node(&mut all);
        let roles = super::names::role_labels(store)?;
        Ok(Index::from_entries(all, roles))
    }

    fn from_entries(entries: Vec<Entry>, roles: Vec<String>) -> Index {
        let mut pairs: Vec<(&str, u32)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for w in e.folded.split(' ').filter(|w| !w.is_empty()) {
                pairs.push((w, i as u32));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (w, i) in pairs {
            match words.last_entry() {
                Some(mut last) if last.key() == w => last.get_mut().push(i),
                _ => {
                    words.insert(w.to_string(), vec![i]);
                }
            }
        }
        Index {
            entries,
            words,
            roles,
        }
    }

    /// Brings the index up to date with the store after an ingest into it: the entries of the
    /// nodes `touched` (those the articles added or replaced describe, or described before) are
    /// read again, one query each; the roles are read again when `roles` is `None` (an article
    /// replaced may have taken a role away), else those given are added.
    pub fn update(
        &mut self,
        store: &Store,
        touched: &std::collections::BTreeSet<String>,
        roles: Option<&std::collections::BTreeSet<String>>,
    ) -> Result<()> {
        // Nothing changed (a bulk load whose ids each came once: its index was folded).
        if touched.is_empty()
            && roles.is_some_and(|r| r.iter().all(|t| self.roles.binary_search(t).is_ok()))
        {
            return Ok(());
        }
        let mut fresh = Vec::new();
        for node in touched {
            fresh.extend(entries(store, Some(node))?);
        }
        let mut all: Vec<Entry> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(|e| !touched.contains(&e.iri))
            .chain(fresh)
            .collect();
        all.sort_by(|a, b| a.iri.cmp(&b.iri));
        all.dedup_by(|a, b| a.iri == b.iri);
        let roles = match roles {
            None => super::names::role_labels(store)?,
            Some(added) => {
                let mut r: std::collections::BTreeSet<String> =
                    std::mem::take(&mut self.roles).into_iter().collect();
                r.extend(added.iter().cloned());
                r.into_iter().collect()
            }
        };
        *self = Index::from_entries(all, roles);
        Ok(())
    }

    /// Keeps the index beside the store at `path` for the store as it is now: for the process
    /// that wrote the store, once it has closed it.
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        let stamp = crate::store::kept::stamp(path);
        crate::store::kept::write(path, KEPT, VERSION, &stamp, |w| self.write(w))
    }

    fn write(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        writeln!(w, "entries {}", self.entries.len())?;
        for e in &self.entries {
            let kind = match e.kind {
                Kind::Person => "person",
                Kind::Body => "body",
                Kind::Place => "place",
            };
            writeln!(
                w,
                "{kind}\t{}\t{}\t{}\t{}",
                escape(&e.iri),
                escape(&e.label),
                escape(e.scope.as_deref().unwrap_or("")),
                e.articles
            )?;
        }
        writeln!(w, "roles {}", self.roles.len())?;
        for r in &self.roles {
            writeln!(w, "{}", escape(r))?;
        }
        // A file cut short ends before this line.
        writeln!(w, "end")
    }

    /// Reads what [`Index::write`] wrote; `None` when it is not whole.
    fn read(mut r: impl std::io::BufRead) -> Option<Index> {
        let mut body = String::new();
        r.read_to_string(&mut body).ok()?;
        let mut lines = body.lines();
        let n: usize = lines.next()?.strip_prefix("entries ")?.parse().ok()?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let mut f = lines.next()?.split('\t');
            let kind = Kind::parse(f.next()?)?;
            let (iri, label, scope) = (
                unescape(f.next()?).into_owned(),
                unescape(f.next()?).into_owned(),
                f.next()?,
            );
            let scope = (!scope.is_empty()).then(|| unescape(scope).into_owned());
            let articles = f.next()?.parse().ok()?;
            entries.push(Entry::new(iri, kind, label, scope, articles));
        }
        let n: usize = lines.next()?.strip_prefix("roles ")?.parse().ok()?;
        let roles: Vec<String> = lines
            .by_ref()
            .take(n)
            .map(|r| unescape(r).into_owned())
            .collect();
        (roles.len() == n && lines.next() == Some("end") && lines.next().is_none())
            .then(|| Index::from_entries(entries, roles))
    }

    /// Every entry as a hit (score 0), by IRI: what the index holds, to compare two.
    pub fn hits(&self) -> Vec<Hit> {
        self.entries.iter().map(|e| self.hit(e, 0)).collect()
    }

    /// The titles of the store's roles (`Bí thư`), sorted.
    pub fn roles(&self) -> &[String] {
        &self.roles
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The label and kind of a node the index holds.
    pub fn get(&self, iri: &str) -> Option<Hit> {
        let i = self
            .entries
            .binary_search_by(|e| e.iri.as_str().cmp(iri))
            .ok()?;
        Some(self.hit(&self.entries[i], 0))
    }

    fn hit(&self, e: &Entry, score: u32) -> Hit {
        Hit {
            iri: e.iri.clone(),
            kind: e.kind,
            label: e.label.clone(),
            scope: e.scope.clone(),
            articles: e.articles,
            score,
        }
    }

    /// The best `limit` matches of `text` among `kinds` (all kinds when empty): exact before
    /// prefix before every word before some words; then the most described first, then by label.
    pub fn find(&self, text: &str, kinds: &[Kind], limit: usize) -> Vec<Hit> {
        let q = fold(text);
        let q_words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        if q_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Marks typed (`Hải`, not `hai`) must then be the label's: a bonus, not a filter.
        let typed = key(text);
        let typed_words: Vec<&str> = typed.split_whitespace().collect();
        let marked = !typed.is_ascii();
        let mut candidates: Vec<u32> = Vec::new();
        for w in &q_words {
            for (word, list) in self
                .words
                .range::<str, _>((std::ops::Bound::Included(*w), std::ops::Bound::Unbounded))
            {
                if !word.starts_with(w) {
                    break;
                }
                candidates.extend(list);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut scored: Vec<(u32, &Entry)> = candidates
            .into_iter()
            .map(|i| &self.entries[i as usize])
            .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
            .filter_map(|e| {
                let s = score(e, &q, &q_words)?;
                let bonus = if marked && typed_words.iter().all(|t| e.words.iter().any(|w| w == t))
                {
                    5
                } else {
                    0
                };
                Some((s + bonus, e))
            })
            .collect();
        scored.sort_by(|(sa, a), (sb, b)| {
            sb.cmp(sa)
                .then(b.articles.cmp(&a.articles))
                .then(a.label.cmp(&b.label))
                .then(a.iri.cmp(&b.iri))
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(s, e)| self.hit(e, s))
            .collect()
    }
}

/// How well the folded query matches an entry, if at all.
fn score(e: &Entry, q: &str, q_words: &[&str]) -> Option<u32> {
    if e.folded == q {
        return Some(100);
    }
    if e.folded.starts_with(q) && e.folded[q.len()..].starts_with(' ') {
        return Some(80);
    }
    let words: Vec<&str> = e.folded.split(' ').collect();
    if matched(q_words, &words, |q, w| q == w) == q_words.len() {
        return Some(60);
    }
    let begun = matched(q_words, &words, |q, w| w.starts_with(q));
    if begun == q_words.len() {
        return Some(50);
    }
    // Some words: at least half of them, or a name with one word in common is a hit.
    (begun > 0 && 2 * begun >= q_words.len()).then(|| (40 * begun / q_words.len()) as u32)
}

/// How many query words match a word of the label each, every label word used once (`tinh uy
/// ha tinh` needs two `tinh`).
fn matched(q_words: &[&str], words: &[&str], f: impl Fn(&str, &str) -> bool) -> usize {
    let mut used = vec![false; words.len()];
    q_words
        .iter()
        .filter(|q| {
            let at = (0..words.len()).find(|&i| !used[i] && f(q, words[i]));
            at.inspect(|&i| used[i] = true).is_some()
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(rows: &[(&str, Kind, &str, Option<&str>, usize)]) -> Index {
        let mut entries: Vec<Entry> = rows
            .iter()
            .map(|(iri, kind, label, scope, articles)| {
                Entry::new(
                    iri.to_string(),
                    *kind,
                    label.to_string(),
                    scope.map(str::to_string),
                    *articles,
                )
            })
            .collect();
        entries.sort_by(|a, b| a.iri.cmp(&b.iri));
        Index::from_entries(entries, vec!["Bí thư".into()])
    }

    #[test]
    fn a_node_written_two_ways_keeps_the_label_most_articles_write_whatever_the_order() {
        let rows = || {
            vec![
                Entry::new("o/d".into(), Kind::Body, "Tập đoàn Doji".into(), None, 15),
                Entry::new("o/d".into(), Kind::Body, "Tập đoàn DOJI".into(), None, 211),
                Entry::new("o/a".into(), Kind::Body, "Công ty Faros".into(), None, 7),
                Entry::new("o/a".into(), Kind::Body, "Công ty FAROS".into(), None, 7),
            ]
        };
        let (mut one, mut other) = (rows(), rows());
        other.reverse();
        one_per_node(&mut one);
        one_per_node(&mut other);
        let labels = |v: &[Entry]| v.iter().map(|e| e.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&one), ["Công ty FAROS", "Tập đoàn DOJI"]);
        assert_eq!(labels(&other), labels(&one));
    }

    #[test]
    fn the_index_built_a_node_at_a_time_is_the_one_a_query_for_all_builds() {
        let (_d, store) = crate::query::kept::tests::store();
        let built = Index::build(&store).unwrap();
        let at_once = Index::from_entries(
            entries(&store, None).unwrap(),
            super::super::names::role_labels(&store).unwrap(),
        );
        let (mut a, mut b) = (Vec::new(), Vec::new());
        built.write(&mut a).unwrap();
        at_once.write(&mut b).unwrap();
        assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
        // 7 people, 5 bodies, 1 place (the lone person of the tenures graph is no article's).
        assert_eq!(built.len(), 13);
    }

    #[test]
    fn the_kept_file_reads_back_as_the_index_written() {
        let ix = index(&[
            (
                "p/a",
                Kind::Person,
                "Nguyễn Văn Hải",
                Some("tỉnh Hà Tĩnh"),
                3,
            ),
            // Whatever a label holds is read back as it was.
            ("o/b", Kind::Body, "Ban\tA\\B\nC\r", None, 1),
            ("l/c", Kind::Place, "tỉnh Hà Tĩnh", None, 7),
        ]);
        let mut out = Vec::new();
        ix.write(&mut out).unwrap();
        let back = Index::read(&out[..]).expect("read back");
        let all = |ix: &Index| -> Vec<Hit> { ix.entries.iter().map(|e| ix.hit(e, 0)).collect() };
        assert_eq!(all(&back), all(&ix));
        assert_eq!(back.roles(), ["Bí thư"]);
        assert_eq!(
            back.find("nguyen van hai", &[], 5)[0].iri,
            "p/a",
            "its words are indexed"
        );
        // A file cut short is no index.
        assert!(Index::read(&out[..out.len() - 3]).is_none());
        let cut = out
            .split(|&b| b == b'\n')
            .take(2)
            .collect::<Vec<_>>()
            .join(&b'\n');
        assert!(Index::read(&cut[..]).is_none());
    }

    #[test]
    fn folding_drops_case_tones_and_the_bar_of_d() {
        assert_eq!(fold("Nguyễn Văn Hải"), "nguyen van hai");
        assert_eq!(fold("ĐẶNG  Thị-Hoà"), "dang thi hoa");
        // Decomposed input folds as the composed one.
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
        assert_eq!(fold(" , "), "");
    }

    #[test]
    fn namesakes_stay_apart_and_rank_before_longer_names() {
        let ix = index(&[
            (
                "p/a",
                Kind::Person,
                "Nguyễn Văn Hải",
                Some("tỉnh Hà Tĩnh"),
                3,
            ),
            (
                "p/b",
                Kind::Person,
                "Nguyễn Văn Hải",
                Some("tỉnh Bắc Kạn"),
                9,
            ),
            (
                "p/c",
                Kind::Person,
                "Nguyễn Văn Hải Đăng",
                Some("tỉnh Bắc Kạn"),
                1,
            ),
            (
                "p/d",
                Kind::Person,
                "Nguyễn Văn Hài",
                Some("tỉnh Trà Vinh"),
                1,
            ),
            ("o/e", Kind::Body, "Hội Nông dân", None, 1),
        ]);
        let hits = ix.find("nguyen van hai", &[], 10);
        let got: Vec<(&str, u32)> = hits.iter().map(|h| (h.iri.as_str(), h.score)).collect();
        // Both exact namesakes (the more described first), the tone-only namesake exact as
        // well once folded, then the longer name as a prefix.
        assert_eq!(got, [("p/b", 100), ("p/a", 100), ("p/d", 100), ("p/c", 80)]);
        assert_eq!(hits[1].scope.as_deref(), Some("tỉnh Hà Tĩnh"));
        // With its marks typed, Hải comes before Hài.
        let hits = ix.find("Nguyễn Văn Hải", &[], 10);
        let got: Vec<(&str, u32)> = hits.iter().map(|h| (h.iri.as_str(), h.score)).collect();
        assert_eq!(got, [("p/b", 105), ("p/a", 105), ("p/d", 100), ("p/c", 85)]);
    }

    #[test]
    fn ranks_exact_prefix_all_words_and_partial() {
        let ix = index(&[
            ("o/1", Kind::Body, "Tỉnh ủy Hà Tĩnh", None, 1),
            ("o/2", Kind::Body, "Ban Tổ chức Tỉnh ủy Hà Tĩnh", None, 1),
            ("o/3", Kind::Body, "Tỉnh ủy Hà Giang", None, 1),
            ("l/4", Kind::Place, "tỉnh Hà Tĩnh", None, 1),
        ]);
        let got: Vec<(String, u32)> = ix
            .find("tinh uy ha tinh", &[Kind::Body], 10)
            .into_iter()
            .map(|h| (h.iri, h.score))
            .collect();
        assert_eq!(
            got,
            [("o/1".into(), 100), ("o/2".into(), 60), ("o/3".into(), 30)]
        );
        // Words begun: `ha tin` finds every label with a word `ha` and one that starts `tin`.
        let begun = ix.find("ha tin", &[], 10);
        assert_eq!(begun.len(), 4, "{begun:?}");
        assert!(begun.iter().all(|h| h.score == 50), "{begun:?}");
        // Boundary: nothing to look for, nothing found; a limit is kept.
        assert!(ix.find(" - ", &[], 10).is_empty());
        assert_eq!(ix.find("tinh", &[], 2).len(), 2);
        assert!(ix.find("xyz", &[], 10).is_empty());
    }
}
