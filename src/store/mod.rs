//! The store: oxigraph's embedded on-disk store, one named graph per article. Only this module
//! touches oxigraph's `Store`.

pub mod compaction;
pub mod field;
pub mod kept;
pub mod memory;
pub mod sort;
pub mod spool;
pub mod watch;

use crate::error::{Error, Result};
use crate::extract::when::Partial;
use crate::rdf::described::{self, Described};
use crate::rdf::tenure::{self, Tally, Tenures};
use crate::rdf::vocab::{dcterms, pg};
use crate::rdf::{iri, Graph};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Variable,
};
use oxigraph::sparql::{
    BoundPreparedSparqlQuery, QueryEvaluationError, QueryExplanation, QueryResults,
    QuerySolutionIter, QueryTripleIter, SparqlEvaluator,
};
use oxigraph::store::Transaction;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
    /// How long a query may run, in milliseconds; 0 for no limit (see [`Store::set_timeout`]).
    timeout_ms: std::sync::atomic::AtomicU64,
    /// The state of the store's files when it was opened (see [`kept::stamp`]).
    stamp: String,
}

impl Store {
    /// Refuses a `path` that holds no store: a mistyped `--store` would otherwise answer from a
    /// new, empty store (every query with no rows, exit code 0) and leave its folder behind.
    fn existing(path: &Path) -> Result<()> {
        if !path.exists() {
            return Err(Error::StoreMissing { path: path.into() });
        }
        if !path.join("CURRENT").is_file() {
            return Err(Error::NotAStore { path: path.into() });
        }
        Ok(())
    }

    /// Opens the store at `path` for writing, and refuses to make one (`polgraph compact`).
    pub fn open_existing(path: &Path) -> Result<Store> {
        Store::existing(path)?;
        Store::open(path)
    }

    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        // `--store new/db` makes the folder `new` as well.
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::store_open(path, format!("cannot make its folder: {e}")))?;
        }
        let stamp = kept::stamp(path);
        match oxigraph::store::Store::open(path) {
            Ok(inner) => {
                remove_orphan_bulk_files(path);
                Ok(Store {
                    inner,
                    path: path.into(),
                    timeout_ms: Default::default(),
                    stamp,
                })
            }
            Err(e) => Err(Error::store_open(path, e.to_string())),
        }
    }

    /// Opens the store at `path` for reading only (every command that reads, `polgraph serve`),
    /// and refuses to make one: no lock is taken, so that several readers share a store, and nothing can write through this handle; it sees the
    /// store as it was when opened.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::existing(path)?;
        // Before the store is read: a file kept for this state is then never older than what
        // this handle sees.
        let stamp = kept::stamp(path);
        match oxigraph::store::Store::open_read_only(path) {
            Ok(inner) => Ok(Store {
                inner,
                path: path.into(),
                timeout_ms: Default::default(),
                stamp,
            }),
            // oxigraph makes its column families and writes its version into a new store: one
            // whose ingest was stopped before that (killed at once) lacks them, and cannot be
            // read without writing; one killed while it made them lacks some of them.
            Err(e)
                if e.to_string().contains("only possible on read-write")
                    || e.to_string().contains("Column family not found") =>
            {
                Err(Error::store_open(
                    path,
                    "the store was never finished (an ingest stopped as it began?): ingest \
                     the articles into it again"
                        .into(),
                ))
            }
            Err(e) => Err(Error::store_open(path, e.to_string())),
        }
    }

    /// Replaces an article's graph with `graph`, in one transaction.
    pub fn replace(&self, graph: &Graph) -> Result<()> {
        self.replace_all(std::slice::from_ref(graph))
    }

    /// Replaces the graphs of several articles in one transaction, and keeps the tenures graph
    /// (see [`crate::rdf::tenure`]) in step: an article's statements are added to the tenures it
    /// names; a replaced article's old tenures are counted again from the articles that state them.
    pub fn replace_all(&self, graphs: &[Graph]) -> Result<()> {
        let mut tx = self.inner.start_transaction()?;
        let link = NamedNode::new_unchecked(pg::TENURE_P);
        let mut recount = BTreeSet::new();
        // The units the replaced graphs named: described no more once no article names them.
        let mut unnamed = BTreeSet::new();
        for graph in graphs {
            let name = GraphNameRef::NamedNode(graph.name.as_ref());
            for q in tx.quads_for_pattern(None, Some(link.as_ref()), None, Some(name)) {
                if let Term::NamedNode(t) = q?.object {
                    recount.insert(t);
                }
            }
            unnamed.extend(named_units(&tx, graph.name.as_str())?);
            tx.remove_named_graph(&graph.name)?;
            tx.insert_named_graph(&graph.name);
            for q in &graph.quads() {
                tx.insert(q);
            }
        }
        let mut tenures = Tenures::default();
        for g in graphs {
            tenures.add(g);
        }
        if !tenures.is_empty() || !recount.is_empty() {
            tx.insert_named_graph(NamedNodeRef::new_unchecked(&iri::tenures_graph()));
        }
        for (t, (description, tally)) in &tenures.map {
            // The first description of a tenure, and of each node it names (its person, role,
            // body, post, units), is kept, as a bulk load keeps it (`Tenures::quads`): a later
            // article's adds no value to a predicate that a node of the tenures graph has a value
            // for already. Added, it gave a node a second label (`Thủ trưởng` and `Thủ Trưởng`)
            // or a tenure a second unit, and the tenures graph depended on how the articles were
            // split into ingests. A predicate without a value (`pg:former` in a store an older
            // polgraph wrote) still gets one.
            let quads = description.quads();
            let mut had: BTreeMap<&str, Vec<Quad>> = BTreeMap::new();
            for q in &quads {
                if let NamedOrBlankNode::NamedNode(n) = &q.subject {
                    if !had.contains_key(n.as_str()) {
                        had.insert(n.as_str(), tenures_graph_quads(&tx, n)?);
                    }
                }
            }
            let subject = |q: &Quad| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                NamedOrBlankNode::BlankNode(b) => b.to_string(),
            };
            let old = |q: &Quad| {
                had.get(subject(q).as_str())
                    .is_some_and(|h| h.iter().any(|o| o.predicate == q.predicate))
            };
            // The nodes a tenure's statement left out would have pointed at: their labels go
            // with it (a unit the tenure is not within).
            let dropped: Vec<&Term> = quads
                .iter()
                .filter(|q| subject(q) == *t && old(q))
                .filter(|q| !had[t.as_str()].contains(q))
                .map(|q| &q.object)
                .collect();
            for q in &quads {
                let unpointed = dropped.iter().any(|o| match o {
                    Term::NamedNode(n) => n.as_str() == subject(q),
                    _ => false,
                });
                if !old(q) && !unpointed {
                    tx.insert(q);
                }
            }
            let t = NamedNode::new_unchecked(t);
            if recount.contains(&t) {
                continue;
            }
            let old = tally_quads(&tx, &t)?;
            let merged = match Tally::from_quads(&old) {
                Some(before) => before.merge(tally),
                None => tally.clone(),
            };
            for q in &old {
                tx.remove(q);
            }
            for q in merged.quads(&t) {
                tx.insert(&q);
            }
        }
        for t in &recount {
            recount_tenure(&mut tx, t)?;
        }
        let mut described = Described::default();
        for g in graphs {
            described.add(g);
        }
        if !described.is_empty() {
            tx.insert_named_graph(NamedNodeRef::new_unchecked(&iri::descriptions_graph()));
        }
        for q in described.quads() {
            tx.insert(&q);
        }
        let gone: Vec<usize> = described::closure(unnamed)
            .into_iter()
            .filter(|u| !described.units.contains(u))
            .collect();
        undescribe(&mut tx, gone)?;
        tx.commit()?;
        Ok(())
    }

    /// The gazetteer units an article graph names (see [`crate::rdf::described`]).
    pub fn named_units(&self, graph: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let g = NamedNode::new_unchecked(graph);
        for q in self.inner.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        ) {
            if let Term::NamedNode(o) = q?.object {
                if described::unit_of(o.as_str()).is_some() {
                    out.push(o.into_string());
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The tenures an article graph's holdings link to (`pg:tenure`), as the tenures graph
    /// describes them (their person, post, body, whether former, and the labels and the post's
    /// description there), without what the other articles add (their counts and dates): what a
    /// holding of the article no longer repeats.
    pub fn tenures_named(&self, graph: &str) -> Result<Vec<Quad>> {
        let g = NamedNode::new_unchecked(graph);
        let tenures = NamedNode::new_unchecked(iri::tenures_graph());
        let link = NamedNode::new_unchecked(pg::TENURE_P);
        let about = |node: NamedNodeRef<'_>| {
            self.inner.quads_for_pattern(
                Some(node.into()),
                None,
                None,
                Some(GraphNameRef::NamedNode(tenures.as_ref())),
            )
        };
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(link.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        ) {
            let Term::NamedNode(t) = q?.object else {
                continue;
            };
            for q in about(t.as_ref()) {
                let q = q?;
                if Tally::is_tally_predicate(q.predicate.as_str()) {
                    continue;
                }
                if let (Term::NamedNode(node), true) =
                    (&q.object, tenure::is_labelled(q.predicate.as_str()))
                {
                    for l in about(node.as_ref()) {
                        out.push(l?);
                    }
                }
                out.push(q);
            }
        }
        out.sort_by_cached_key(|q| q.to_string());
        out.dedup();
        Ok(out)
    }

    /// oxigraph's bulk loader, for an empty store: much faster, not transactional.
    pub fn bulk(&self) -> Bulk<'_> {
        self.bulk_compacted(false)
    }

    /// [`Store::bulk`], for a load that [`Store::optimize`] compacts right after when
    /// `compacted`: its files are then written without compression (the compaction reads every
    /// one and writes the store's last level in LZ4 itself). Until the compaction, the store is
    /// larger.
    pub fn bulk_compacted(&self, compacted: bool) -> Bulk<'_> {
        let loader = self.inner.bulk_loader();
        Bulk {
            loader: if compacted {
                loader.without_compression()
            } else {
                loader
            },
            _memory: crate::store::memory::KeepFreed::new(),
        }
    }

    /// Compacts the store (RocksDB's manual compaction of every index). After a bulk load the
    /// indexes are hundreds of overlapping files, one set per batch, and every look-up probes
    /// each of them: at 100,000 articles a selective question took 0.4 s before, 10 ms after.
    ///
    /// The store is closed, compacted with its last level in LZ4 (see [`crate::store::compaction`]:
    /// half the size of oxigraph's own `optimize`, in as long) and opened again.
    pub fn optimize(&mut self) -> Result<()> {
        // Closing: the last handle on RocksDB goes; an in-memory store holds the place.
        drop(std::mem::replace(
            &mut self.inner,
            oxigraph::store::Store::new()?,
        ));
        // A mark that stays if the process is killed while compacting, so that the next
        // command can say so (see [`Store::compaction_interrupted`]).
        let mark = self.path.join(COMPACTING);
        let _ = std::fs::write(&mark, b"");
        let compacted = crate::store::compaction::compact(&self.path, rayon::current_num_threads());
        let reopened = Store::open(&self.path)?;
        self.inner = reopened.inner;
        if compacted.is_ok() {
            let _ = std::fs::remove_file(&mark);
        }
        compacted
    }

    /// Whether a compaction of this store began and never ended (the process was killed): the
    /// store is whole but slow to read until `polgraph compact` compacts it.
    pub fn compaction_interrupted(&self) -> bool {
        self.path.join(COMPACTING).exists()
    }

    /// Writes RocksDB's memory tables to disk. Transactions fill one table per index until it
    /// is full; flushed after each chunk, an ingest into a non-empty store keeps a flat memory
    /// (10,000 articles: a peak of 0.6 GB instead of 2.35 GB, in the same time).
    pub fn flush(&self) -> Result<()> {
        Ok(self.inner.flush()?)
    }

    /// Where the store is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The state of the store's files when this handle opened it (see [`kept::stamp`]): a file
    /// kept for that state describes what a read-only handle sees, and what a writing handle
    /// saw before it wrote.
    pub fn stamp(&self) -> &str {
        &self.stamp
    }

    /// The subjects typed with one of `classes` in the named graph `graph` (the people, bodies
    /// and places an article describes, whose entries in the name index change with it).
    pub fn typed_in(&self, graph: &str, classes: &[&str]) -> Result<Vec<String>> {
        let g = NamedNode::new_unchecked(graph);
        let a = NamedNode::new_unchecked(crate::rdf::vocab::rdf::TYPE);
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(a.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        ) {
            let q = q?;
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(c)) = (&q.subject, &q.object) {
                if classes.contains(&c.as_str()) {
                    out.push(s.as_str().to_string());
                }
            }
        }
        Ok(out)
    }

    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// The number of article graphs (the tenures, identity and descriptions graphs are not).
    pub fn articles(&self) -> Result<usize> {
        let mut other = usize::from(self.has_tenures()?);
        for g in [iri::identity_graph(), iri::descriptions_graph()] {
            let g = NamedNode::new_unchecked(g);
            other += usize::from(
                self.inner
                    .contains_named_graph(&NamedOrBlankNode::from(g))?,
            );
        }
        Ok(self.inner.named_graphs().count() - other)
    }

    /// A parsed query (parameters bound by [`crate::query`]) with values for projected
    /// variables, over the union of the article graphs of this store, under watch (its time
    /// limit, the memory bound: see [`watch`]).
    fn prepare(
        &self,
        name: &str,
        query: spargebra::Query,
        substitutions: &[(Variable, Term)],
    ) -> Result<(BoundPreparedSparqlQuery<'static>, watch::Ticket)> {
        // A query that names its dataset (`FROM <…/article/X>`, `FROM NAMED`) gets that dataset,
        // as in every SPARQL 1.1 store; the others see the union of the graphs.
        let own_dataset = query.dataset().is_some();
        let ms = self.timeout_ms.load(std::sync::atomic::Ordering::Relaxed);
        let ticket = watch::register((ms > 0).then(|| std::time::Duration::from_millis(ms)))
            .map_err(|e| Error::Query {
                name: name.into(),
                message: format!("cannot start the thread that watches queries: {e}"),
            })?;
        let evaluator = SparqlEvaluator::new().with_cancellation_token(ticket.token().clone());
        let mut q = evaluator.for_query(query);
        if !own_dataset {
            q.dataset_mut().set_default_graph_as_union();
        }
        for (var, term) in substitutions {
            q = q.substitute_variable(var.clone(), term.clone());
        }
        Ok((q.on_store(&self.inner), ticket))
    }

    /// Stops each query that runs longer than `limit` (`None`: no limit, the default).
    pub fn set_timeout(&self, limit: Option<std::time::Duration>) {
        let ms = limit.map_or(0, |d| (d.as_millis() as u64).max(1));
        self.timeout_ms
            .store(ms, std::sync::atomic::Ordering::Relaxed);
    }

    /// Runs a query as [`Store::query`] does, with oxigraph's statistics: the results, and the
    /// plan with the rows and time of each step, complete once the results are read.
    pub fn query_explained(
        &self,
        name: &str,
        query: spargebra::Query,
        substitutions: &[(Variable, Term)],
    ) -> Result<(QueryResults<'static>, QueryExplanation)> {
        let (prepared, ticket) = self.prepare(name, query, substitutions)?;
        let (results, explanation) = prepared.compute_statistics().explain();
        let results = checked(name, results, ticket)?;
        Ok((results, explanation))
    }

    /// Evaluates a parsed query (see [`crate::query::prepare`]) over the union of the article
    /// graphs, each of `substitutions` a value of a projected variable. A query stopped (its
    /// time limit, the memory bound) is an error wherever it stops, never a short answer: an
    /// `OFFSET` skipped the evaluator's errors, and an answer cut at the deadline was printed as
    /// if complete.
    pub fn query(
        &self,
        name: &str,
        query: spargebra::Query,
        substitutions: &[(Variable, Term)],
    ) -> Result<QueryResults<'static>> {
        let (prepared, ticket) = self.prepare(name, query, substitutions)?;
        checked(name, prepared.execute(), ticket)
    }

    /// Writes every quad as N-Quads as they are read, in the store's order (memory stays flat).
    pub fn dump_nquads(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.into(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io)?;
        let w = self
            .inner
            .dump_to_writer(RdfFormat::NQuads, std::io::BufWriter::new(file))
            .map_err(|e| Error::Other(e.to_string()))?;
        w.into_inner()
            .map_err(|e| io(e.into_error()))?
            .sync_all()
            .map_err(io)
    }

    /// Every quad, or those of one named graph, in the store's order as they are read (memory
    /// stays flat; see [`crate::store::sort`] for a sorted export).
    pub fn iter_quads(&self, graph: Option<&str>) -> impl Iterator<Item = Result<Quad>> + '_ {
        let g = graph.map(NamedNode::new_unchecked);
        let it = match &g {
            None => self.inner.iter(),
            Some(g) => self.inner.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            ),
        };
        it.map(|q| q.map_err(Error::from))
    }

    /// Whether `node` is an instance of `class` (`rdf:type`) in any graph: a look-up in the
    /// store's index, for `polgraph validate`'s `sh:class`.
    pub fn is_a(&self, node: &Term, class: &str) -> Result<bool> {
        let subject = match node {
            Term::NamedNode(n) => oxigraph::model::NamedOrBlankNodeRef::from(n.as_ref()),
            Term::BlankNode(b) => oxigraph::model::NamedOrBlankNodeRef::from(b.as_ref()),
            _ => return Ok(false),
        };
        let class = NamedNode::new_unchecked(class);
        let rdf_type = NamedNode::new_unchecked(crate::rdf::vocab::rdf::TYPE);
        match self
            .inner
            .quads_for_pattern(
                Some(subject),
                Some(rdf_type.as_ref()),
                Some(class.as_ref().into()),
                None,
            )
            .next()
        {
            Some(q) => q.map(|_| true).map_err(Error::from),
            None => Ok(false),
        }
    }

    /// All quads, or those of one article, sorted, in memory (`polgraph validate`; an export
    /// sorts them on disk where they do not fit, see [`crate::export`]).
    pub fn quads(&self, article: Option<&str>) -> Result<Vec<Quad>> {
        match article {
            Some(a) => self.graph_quads(&iri::article(a)),
            None => {
                let mut quads = self.inner.iter().collect::<Result<Vec<_>, _>>()?;
                quads.sort_by_cached_key(|q| q.to_string());
                Ok(quads)
            }
        }
    }

    /// The quads of one named graph, sorted.
    pub fn graph_quads(&self, graph: &str) -> Result<Vec<Quad>> {
        let g = NamedNode::new_unchecked(graph);
        let mut quads = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .collect::<Result<Vec<_>, _>>()?;
        quads.sort_by_cached_key(|q| q.to_string());
        Ok(quads)
    }

    /// Puts `quads` (of the named graph `graph`) in place of that graph: the identity graph,
    /// remade after every load.
    pub fn set_graph(&self, graph: &str, quads: &[Quad]) -> Result<usize> {
        let g = NamedNode::new_unchecked(graph);
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(&g)?;
        if !quads.is_empty() {
            tx.insert_named_graph(&g);
        }
        for q in quads {
            tx.insert(q);
        }
        tx.commit()?;
        Ok(quads.len())
    }

    /// How many distinct subjects the quads with `predicate` and `object` have in the named
    /// graphs; without `object`, distinct pairs of subject and object. Read in the order of the
    /// store's index, in constant memory (see `vendor/README.md`): the counts kept at ingest.
    pub fn count_subjects(&self, predicate: &str, object: Option<&str>) -> Result<usize> {
        let o = object.map(NamedNode::new_unchecked);
        Ok(self.inner.count_subject_objects(
            NamedNodeRef::new_unchecked(predicate),
            o.as_ref().map(|o| o.as_ref().into()),
        )?)
    }

    /// The IRIs of the subjects typed `class` in the named graphs, each once, in the order of
    /// the store's index (memory holds these alone, see `vendor/README.md`).
    pub fn typed(&self, class: &str) -> Result<Vec<String>> {
        let nodes = self.inner.subjects_in_order(
            NamedNodeRef::new_unchecked(crate::rdf::vocab::rdf::TYPE),
            NamedNodeRef::new_unchecked(class).into(),
        )?;
        Ok(nodes
            .into_iter()
            .filter_map(|n| match n {
                NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
                NamedOrBlankNode::BlankNode(_) => None,
            })
            .collect())
    }

    /// Whether the store has a tenures graph (see [`crate::rdf::tenure`]).
    pub fn has_tenures(&self) -> Result<bool> {
        let g = NamedNode::new_unchecked(iri::tenures_graph());
        Ok(self
            .inner
            .contains_named_graph(&NamedOrBlankNode::from(g))?)
    }

    /// The number of quads in the tenures graph.
    pub fn tenures_len(&self) -> Result<usize> {
        self.graph_len(&iri::tenures_graph())
    }

    /// The number of quads in the descriptions graph (see [`crate::rdf::described`]).
    pub fn descriptions_len(&self) -> Result<usize> {
        self.graph_len(&iri::descriptions_graph())
    }

    /// The number of quads in the named graph `graph` (read from the store's index of graphs,
    /// no term decoded: as long as the graph is large).
    pub fn graph_len(&self, graph: &str) -> Result<usize> {
        let g = NamedNode::new_unchecked(graph);
        Ok(self.inner.named_graph_len(g.as_ref().into())?)
    }

    /// The ids of the stored articles, sorted.
    pub fn article_ids(&self) -> Result<Vec<String>> {
        let prefix = crate::rdf::iri::article("");
        let mut ids = Vec::new();
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g? {
                if let Some(rest) = n.as_str().strip_prefix(&prefix) {
                    ids.push(crate::rdf::iri::unescape(rest));
                }
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Whether the store has the named graph `graph`.
    pub fn has_graph(&self, graph: &str) -> Result<bool> {
        let g = NamedNode::new_unchecked(graph);
        Ok(self
            .inner
            .contains_named_graph(&NamedOrBlankNode::from(g))?)
    }

    pub fn has_article(&self, id: &str) -> Result<bool> {
        let g = NamedNode::new_unchecked(crate::rdf::iri::article(id));
        Ok(self
            .inner
            .contains_named_graph(&NamedOrBlankNode::from(g))?)
    }

    /// Whether a node of `class` has `object` as its `predicate` in the same graph: two index
    /// look-ups, not a query (a name written as the store has it, see
    /// [`crate::query::names`]).
    pub fn has_typed(&self, class: &str, predicate: &str, object: &Term) -> Result<bool> {
        let (p, c) = (
            NamedNode::new_unchecked(predicate),
            NamedNode::new_unchecked(class),
        );
        let a = NamedNode::new_unchecked(crate::rdf::vocab::rdf::TYPE);
        for q in self
            .inner
            .quads_for_pattern(None, Some(p.as_ref()), Some(object.as_ref()), None)
        {
            let q = q?;
            let typed = oxigraph::model::QuadRef::new(
                q.subject.as_ref(),
                a.as_ref(),
                c.as_ref(),
                q.graph_name.as_ref(),
            );
            if self.inner.contains(typed)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Writes quads sorted by their N-Quads line (see [`crate::store::sort`]), as they come,
    /// in an RDF format; triple formats get the union of the graphs, each triple once (the
    /// quads of one triple are neighbours in that order, since a quad's line is its triple's
    /// followed by its graph). `output` names the output in an error.
    pub fn write_sorted(
        quads: impl Iterator<Item = Result<Quad>>,
        format: RdfFormat,
        out: impl std::io::Write,
        output: &Path,
    ) -> Result<()> {
        let mut w = serializer(format)?.for_writer(out);
        let io = |e: std::io::Error| Error::Io {
            path: output.into(),
            source: e,
        };
        if format.supports_datasets() {
            for q in quads {
                w.serialize_quad(&q?).map_err(io)?;
            }
        } else {
            let mut last: Option<oxigraph::model::Triple> = None;
            for q in quads {
                let t = oxigraph::model::Triple::from(q?);
                if last.as_ref() != Some(&t) {
                    w.serialize_triple(&t).map_err(io)?;
                    last = Some(t);
                }
            }
        }
        w.finish().map_err(io)?;
        Ok(())
    }

    /// Writes quads in an RDF format; triple formats get the union of the graphs.
    pub fn write(quads: &[Quad], format: RdfFormat, out: impl std::io::Write) -> Result<()> {
        let io = |e: std::io::Error| Error::Io {
            path: PathBuf::from("<output>"),
            source: e,
        };
        if format.supports_datasets() {
            let mut w = serializer(format)?.for_writer(out);
            for q in quads {
                w.serialize_quad(q).map_err(io)?;
            }
            w.finish().map_err(io)?;
        } else {
            let mut w = TripleWriter::new(format, out)?;
            for q in quads {
                w.write(&oxigraph::model::Triple::from(q.clone()))
                    .map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
        Ok(())
    }
}

/// Triples written in a graph format as they come, each once (a CONSTRUCT yields a triple once
/// for each solution that makes it): memory holds the triples written, never a result before
/// its first byte. `polgraph query` and the server's `/sparql` write CONSTRUCT and DESCRIBE
/// answers through it.
pub struct TripleWriter<W: std::io::Write> {
    w: oxigraph::io::WriterQuadSerializer<W>,
    seen: std::collections::HashSet<String>,
}

impl<W: std::io::Write> TripleWriter<W> {
    pub fn new(format: RdfFormat, out: W) -> Result<TripleWriter<W>> {
        Ok(TripleWriter {
            w: serializer(format)?.for_writer(out),
            seen: std::collections::HashSet::new(),
        })
    }

    /// Writes `t` unless it was written before.
    pub fn write(&mut self, t: &oxigraph::model::Triple) -> std::io::Result<()> {
        if self.seen.insert(t.to_string()) {
            self.w.serialize_triple(t)?;
        }
        Ok(())
    }

    pub fn finish(self) -> std::io::Result<W> {
        self.w.finish()
    }
}

/// The serializer of `format`, with the project's prefixes.
fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut ser = RdfSerializer::from_format(format);
    for (p, ns) in crate::rdf::vocab::PREFIXES {
        ser = ser
            .with_prefix(*p, *ns)
            .map_err(|e| Error::Other(e.to_string()))?;
    }
    Ok(ser)
}

/// The results of a query, each item an error once the query was stopped (see [`watch`]), and
/// one error at the end if it was stopped after its last item.
fn checked(
    name: &str,
    results: std::result::Result<QueryResults<'static>, QueryEvaluationError>,
    ticket: watch::Ticket,
) -> Result<QueryResults<'static>> {
    let failed = |e: QueryEvaluationError, ticket: &watch::Ticket| match ticket.stopped() {
        Some(stop) => Error::Stopped {
            name: name.into(),
            reason: stop.to_string(),
        },
        None => Error::Query {
            name: name.into(),
            message: e.to_string(),
        },
    };
    let results = match results {
        Ok(r) => r,
        Err(e) => return Err(failed(e, &ticket)),
    };
    if let Some(stop) = ticket.stopped() {
        return Err(Error::Stopped {
            name: name.into(),
            reason: stop.to_string(),
        });
    }
    Ok(match results {
        QueryResults::Boolean(b) => QueryResults::Boolean(b),
        QueryResults::Solutions(solutions) => {
            let variables: std::sync::Arc<[Variable]> = solutions.variables().into();
            QueryResults::Solutions(QuerySolutionIter::new(
                variables,
                Watched::new(solutions, ticket),
            ))
        }
        QueryResults::Graph(triples) => {
            QueryResults::Graph(QueryTripleIter::new(Watched::new(triples, ticket)))
        }
    })
}

/// The items of a query's results while it is not stopped; then one error that says why.
struct Watched<I> {
    inner: I,
    ticket: watch::Ticket,
    done: bool,
}

impl<I> Watched<I> {
    fn new(inner: I, ticket: watch::Ticket) -> Self {
        Watched {
            inner,
            ticket,
            done: false,
        }
    }
}

impl<T, I: Iterator<Item = std::result::Result<T, QueryEvaluationError>>> Iterator for Watched<I> {
    type Item = std::result::Result<T, QueryEvaluationError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.inner.next();
        // An item (or the end) that comes after the stop may be cut short: an error instead.
        if let Some(stop) = self.ticket.stopped() {
            self.done = true;
            return Some(Err(QueryEvaluationError::Unexpected(Box::new(stop))));
        }
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

/// The units an article graph names (objects of its quads), before it is replaced.
fn named_units(tx: &Transaction<'_>, graph: &str) -> Result<BTreeSet<usize>> {
    let g = NamedNode::new_unchecked(graph);
    let mut out = BTreeSet::new();
    for q in tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref()))) {
        if let Term::NamedNode(o) = q?.object {
            out.extend(described::unit_of(o.as_str()));
        }
    }
    Ok(out)
}

/// Takes out of the descriptions graph the units of `candidates` that no article graph names and
/// no unit still described is part of (see [`crate::rdf::described`]): the deepest first, so that
/// a district goes once its communes have.
fn undescribe(tx: &mut Transaction<'_>, mut candidates: Vec<usize>) -> Result<()> {
    use crate::extract::gazetteer::GAZETTEER as G;
    candidates.sort_by_key(|&u| std::cmp::Reverse(G.chain(u).len()));
    let described = NamedNode::new_unchecked(iri::descriptions_graph());
    let in_descriptions = GraphNameRef::NamedNode(described.as_ref());
    let part_of = NamedNode::new_unchecked(dcterms::IS_PART_OF);
    for u in candidates {
        let node = NamedNode::new_unchecked(iri::place(&G.units[u].id));
        let mut named = false;
        for q in tx.quads_for_pattern(None, None, Some(node.as_ref().into()), None) {
            let q = q?;
            let elsewhere = q.graph_name.as_ref() != in_descriptions
                && q.graph_name.as_ref()
                    != GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(&iri::tenures_graph()));
            // Named by an article, or the unit a described unit is part of.
            if elsewhere || q.predicate == part_of {
                named = true;
                break;
            }
        }
        if named {
            continue;
        }
        let own: Vec<Quad> = tx
            .quads_for_pattern(
                Some(node.as_ref().into()),
                None,
                None,
                Some(in_descriptions),
            )
            .collect::<std::result::Result<_, _>>()?;
        for q in &own {
            tx.remove(q);
        }
    }
    Ok(())
}

/// A node's statements in the tenures graph.
fn tenures_graph_quads(tx: &Transaction<'_>, node: &NamedNode) -> Result<Vec<Quad>> {
    let g = NamedNode::new_unchecked(iri::tenures_graph());
    Ok(tx
        .quads_for_pattern(
            Some(node.as_ref().into()),
            None,
            None,
            Some(GraphNameRef::NamedNode(g.as_ref())),
        )
        .collect::<std::result::Result<_, _>>()?)
}

/// A tenure's tally statements in the tenures graph.
fn tally_quads(tx: &Transaction<'_>, t: &NamedNode) -> Result<Vec<Quad>> {
    let mut quads = tenures_graph_quads(tx, t)?;
    quads.retain(|q| Tally::is_tally_predicate(q.predicate.as_str()));
    Ok(quads)
}

/// Counts a tenure again from the article graphs that link a holding to it; a tenure no article
/// states any more leaves the tenures graph.
fn recount_tenure(tx: &mut Transaction<'_>, t: &NamedNode) -> Result<()> {
    let link = NamedNode::new_unchecked(pg::TENURE_P);
    // A statement is dated by its article (`dcterms:date` of the graph's article).
    let stated_on = NamedNode::new_unchecked(dcterms::DATE);
    let (since, until) = (
        NamedNode::new_unchecked(pg::SINCE),
        NamedNode::new_unchecked(pg::UNTIL),
    );
    let holdings: Vec<Quad> = tx
        .quads_for_pattern(None, Some(link.as_ref()), Some(t.as_ref().into()), None)
        .collect::<std::result::Result<_, _>>()?;
    let mut stated = Vec::new();
    for h in &holdings {
        let oxigraph::model::GraphName::NamedNode(article) = &h.graph_name else {
            continue;
        };
        let value_of = |s: oxigraph::model::NamedOrBlankNodeRef<'_>,
                        p: &NamedNode|
         -> Result<Option<String>> {
            let mut v = None;
            for q in
                tx.quads_for_pattern(Some(s), Some(p.as_ref()), None, Some(h.graph_name.as_ref()))
            {
                if let Term::Literal(l) = q?.object {
                    v = Some(l.value().to_string());
                }
            }
            Ok(v)
        };
        let value = |p: &NamedNode| value_of(h.subject.as_ref(), p);
        let date = value_of(article.as_ref().into(), &stated_on)?.and_then(|v| v.parse().ok());
        let time = |p| -> Result<_> { Ok(value(p)?.and_then(|v| Partial::parse(&v))) };
        stated.push(Tally::one(article.as_str(), date).timed(time(&since)?, time(&until)?));
    }
    let tally = tenure::count(stated);
    let g = NamedNode::new_unchecked(iri::tenures_graph());
    let old: Vec<Quad> = match tally {
        Some(_) => tally_quads(tx, t)?,
        None => tenures_graph_quads(tx, t)?,
    };
    for q in &old {
        tx.remove(q);
    }
    match tally {
        Some(tally) => {
            for q in tally.quads(t) {
                tx.insert(&q);
            }
        }
        // The tenure is gone: so are the labels no other tenure needs. Its post first: the
        // post's `org:role` would otherwise keep its role's label.
        None => {
            let mut old = old;
            old.sort_by_key(|q| q.predicate.as_str() != pg::POST_P);
            for q in &old {
                let (Term::NamedNode(node), true) =
                    (&q.object, tenure::is_labelled(q.predicate.as_str()))
                else {
                    continue;
                };
                let still = tx
                    .quads_for_pattern(
                        None,
                        Some(q.predicate.as_ref()),
                        Some(node.as_ref().into()),
                        Some(GraphNameRef::NamedNode(g.as_ref())),
                    )
                    .next()
                    .transpose()?
                    .is_some();
                if still {
                    continue;
                }
                for l in &tenures_graph_quads(tx, node)? {
                    tx.remove(l);
                }
            }
        }
    }
    Ok(())
}

/// A bulk load in progress; nothing is visible before `commit`.
pub struct Bulk<'a> {
    loader: oxigraph::store::BulkLoader<'a>,
    _memory: crate::store::memory::KeepFreed,
}

impl Bulk<'_> {
    /// Loads graphs in one call: each call to the bulk loader writes files of its own.
    pub fn load(&mut self, graphs: &[Graph]) -> Result<()> {
        self.loader
            .load_quad_refs(graphs.iter().flat_map(Graph::quad_refs))?;
        Ok(())
    }

    /// Loads the tenures gathered from the graphs loaded (see [`crate::rdf::tenure`]): the number of
    /// quads.
    pub fn load_tenures(&mut self, tenures: &Tenures) -> Result<usize> {
        let mut n = 0;
        self.loader
            .load_quads(tenures.quads().inspect(|_| n += 1))?;
        Ok(n)
    }

    /// Loads the descriptions of the units the graphs loaded name (see
    /// [`crate::rdf::described`]): the number of quads.
    pub fn load_described(&mut self, described: &Described) -> Result<usize> {
        let mut n = 0;
        self.loader
            .load_quads(described.quads().inspect(|_| n += 1))?;
        Ok(n)
    }

    /// Loads an N-Quads file as it is read, the way `oxigraph load` does (the benchmark's
    /// reference load: memory stays flat however large the file).
    pub fn load_nquads(&mut self, path: &Path) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        self.loader
            .load_from_reader(RdfFormat::NQuads, std::io::BufReader::new(file))
            .map_err(|e| Error::Other(e.to_string()))
    }

    /// Loads an N-Quads file as it is read, as [`Bulk::load_nquads`] does; a line that does not
    /// parse goes into `errors` with the file and its line, and the others are loaded.
    pub fn load_nquads_lenient(&mut self, path: &Path, errors: &mut Vec<Error>) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        let quads = oxigraph::io::RdfParser::from_format(RdfFormat::NQuads)
            .for_reader(std::io::BufReader::with_capacity(1 << 20, file))
            // A syntax error skips its line; a read error ends the file.
            .map_while(|q| match q {
                Ok(q) => Some(Some(q)),
                Err(oxigraph::io::RdfParseError::Syntax(e)) => {
                    errors.push(Error::BadRecord {
                        path: path.into(),
                        line: e.location().map_or(0, |l| l.start.line as usize + 1),
                        reason: e.to_string(),
                    });
                    Some(None)
                }
                Err(oxigraph::io::RdfParseError::Io(source)) => {
                    errors.push(Error::Io {
                        path: path.into(),
                        source,
                    });
                    None
                }
            })
            .flatten();
        self.loader.load_quads(quads)?;
        Ok(())
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.loader.commit()?)
    }
}

/// Removes the files a bulk load killed before it ended left in the store (`bulk-N.sst`, 45-168
/// MB of them, issue 27): the bulk loader writes them beside RocksDB's files and moves them into
/// the store as it commits. Called once the store is open for writing, so that its lock is held:
/// no other process is loading, and such a file belongs to none.
fn remove_orphan_bulk_files(path: &Path) {
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The file [`Store::optimize`] keeps in the store while it compacts.
const COMPACTING: &str = "POLGRAPH-COMPACTING";

/// What a command says of a store whose compaction was interrupted.
pub const COMPACTION_INTERRUPTED: &str = "the store's last compaction was interrupted (killed?): \
     the store is whole but slow to read; `polgraph compact` compacts it";

/// The bulk loader fed quads by reference (`load_quad_refs`, `vendor/README.md`) against the same
/// quads owned.
#[cfg(test)]
mod bulk_tests {
    use oxigraph::model::*;
    use oxigraph::store::Store;

    /// Every kind of term at every place, terms repeated at the same place and at others, from
    /// the same memory and from copies, quads repeated, the default graph among named ones.
    fn quads() -> Vec<Quad> {
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://example.com/{s}"));
        let mut out = Vec::new();
        for i in 0..1_500 {
            let g: GraphName = match i % 7 {
                0 => GraphName::DefaultGraph,
                1 => BlankNode::new_unchecked(format!("g{}", i / 100)).into(),
                _ => ex(&format!("article/{}", i / 50)).into(),
            };
            let s: NamedOrBlankNode = match i % 5 {
                0 => BlankNode::new_unchecked(format!("b{}", i / 3)).into(),
                // The graph's name as a subject too.
                1 => ex(&format!("article/{}", i / 50)).into(),
                _ => ex(&format!("node/{}", i / 4)).into(),
            };
            let p = ex(&format!("p{}", i % 11));
            let o: Term = match i % 6 {
                0 => Literal::new_simple_literal(format!("tên {i}")).into(),
                1 => Literal::new_language_tagged_literal_unchecked(
                    format!("Hà Nội {}", i / 9),
                    "vi",
                )
                .into(),
                2 => Literal::new_typed_literal(
                    format!("{}", 1_900 + i % 120),
                    NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#gYear"),
                )
                .into(),
                3 => Literal::new_typed_literal(
                    "x",
                    NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#string"),
                )
                .into(),
                4 => BlankNode::new_unchecked(format!("b{}", i / 2)).into(),
                // A long IRI (hashed in the string table) and a short one (held inline); and
                // literals whose keys are 1, 9 and 33 bytes long (a boolean, an integer, a long
                // value of a long datatype, a long value with a language).
                _ => match i % 8 {
                    0 => ex(&format!("node/{}", i / 4)).into(),
                    1 => Literal::from(i % 3 == 0).into(),
                    3 => Literal::from(i64::from(i) - 700).into(),
                    5 => Literal::new_typed_literal(
                        format!("a value long enough to be hashed {}", i % 5),
                        ex("datatypes/a-datatype-long-enough-to-be-hashed"),
                    )
                    .into(),
                    7 => Literal::new_language_tagged_literal_unchecked(
                        format!("một giá trị đủ dài để được băm {}", i % 4),
                        "vi-x-a-long-language-tag",
                    )
                    .into(),
                    _ => NamedNode::new_unchecked("a:b").into(),
                },
            };
            let q = Quad::new(s, p, o, g);
            if i % 13 == 0 {
                out.push(q.clone());
            }
            out.push(q);
        }
        out
    }

    fn sorted(store: &Store) -> Vec<String> {
        let mut all: Vec<String> = store
            .iter()
            .map(|q| q.unwrap().to_string())
            .collect::<Vec<_>>();
        all.sort();
        all
    }

    #[test]
    fn loaded_by_reference_as_owned() {
        let quads = quads();
        let mut expected: Vec<String> = quads.iter().map(ToString::to_string).collect();
        expected.sort();
        expected.dedup();
        // Batches of a thousand quads: terms repeated across a batch's end are stored again.
        for (threads, megabytes) in [(1, 1), (2, 1), (2, 1_000)] {
            let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
            let (by_ref, owned) = (
                Store::open(a.path()).unwrap(),
                Store::open(b.path()).unwrap(),
            );
            let mut loader = by_ref
                .bulk_loader()
                .with_num_threads(threads)
                .with_max_memory_size_in_megabytes(megabytes);
            loader
                .load_quad_refs(quads.iter().map(Quad::as_ref))
                .unwrap();
            loader.commit().unwrap();
            let mut loader = owned
                .bulk_loader()
                .with_num_threads(threads)
                .with_max_memory_size_in_megabytes(megabytes);
            loader.load_quads(quads.iter().cloned()).unwrap();
            loader.commit().unwrap();
            assert_eq!(
                sorted(&by_ref),
                expected,
                "{threads} threads, {megabytes} MB"
            );
            assert_eq!(sorted(&owned), expected);
            assert_eq!(by_ref.len().unwrap(), expected.len());
            // The graphs' names are listed, and terms are found by value.
            let mut graphs: Vec<String> = by_ref
                .named_graphs()
                .map(|g| g.unwrap().to_string())
                .collect();
            let mut graphs_owned: Vec<String> = owned
                .named_graphs()
                .map(|g| g.unwrap().to_string())
                .collect();
            graphs.sort();
            graphs_owned.sort();
            assert_eq!(graphs, graphs_owned);
            assert_eq!(graphs.len(), 30 + 15);
            for q in quads.iter().step_by(97) {
                assert!(by_ref.contains(q).unwrap(), "{q}");
            }
            // Every index answers as the loader fed owned quads wrote it: the quads of a
            // subject (spog), a predicate (posg), an object (ospg), a graph (gspo), a graph and
            // a predicate (gpos), a graph and an object (gosp), in the default graph (dspo, dpos,
            // dosp), each in the index's order.
            let ask = |store: &Store, q: &Quad, pattern: usize| -> Vec<String> {
                let (s, p, o) = (q.subject.as_ref(), q.predicate.as_ref(), q.object.as_ref());
                let g = q.graph_name.as_ref();
                let (s, p, o, g) = match pattern {
                    0 => (Some(s), None, None, None),
                    1 => (None, Some(p), None, None),
                    2 => (None, None, Some(o), None),
                    3 => (None, None, None, Some(g)),
                    4 => (None, Some(p), None, Some(g)),
                    _ => (None, None, Some(o), Some(g)),
                };
                store
                    .quads_for_pattern(s, p, o, g)
                    .map(|q| q.unwrap().to_string())
                    .collect()
            };
            for q in quads.iter().step_by(7) {
                for pattern in 0..6 {
                    let answer = ask(&by_ref, q, pattern);
                    assert!(answer.contains(&q.to_string()), "{q}, pattern {pattern}");
                    assert_eq!(answer, ask(&owned, q, pattern), "{q}, pattern {pattern}");
                }
            }
        }
    }

    /// An in-memory store's loader takes the quads owned.
    #[test]
    fn in_memory_by_reference() {
        let quads = quads();
        let store = Store::new().unwrap();
        let mut loader = store.bulk_loader();
        loader
            .load_quad_refs(quads.iter().map(Quad::as_ref))
            .unwrap();
        loader.commit().unwrap();
        let mut expected: Vec<String> = quads.iter().map(ToString::to_string).collect();
        expected.sort();
        expected.dedup();
        assert_eq!(sorted(&store), expected);
    }

    /// A named graph's length counted without decoding is the number of its distinct quads,
    /// on disk and in memory; a graph that holds nothing has none.
    #[test]
    fn a_named_graphs_length_is_its_quads_counted() {
        let quads = quads();
        let dir = tempfile::tempdir().unwrap();
        for store in [Store::open(dir.path()).unwrap(), Store::new().unwrap()] {
            let mut loader = store.bulk_loader();
            loader
                .load_quad_refs(quads.iter().map(Quad::as_ref))
                .unwrap();
            loader.commit().unwrap();
            let mut graphs: Vec<NamedOrBlankNode> =
                store.named_graphs().map(|g| g.unwrap()).collect::<Vec<_>>();
            graphs.sort_by_key(ToString::to_string);
            assert!(graphs.len() > 1);
            for g in &graphs {
                let expected = quads
                    .iter()
                    .filter(|q| q.graph_name == GraphName::from(g.clone()))
                    .map(ToString::to_string)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                assert!(expected > 0);
                assert_eq!(store.named_graph_len(g.as_ref()).unwrap(), expected, "{g}");
            }
            let none = NamedNode::new_unchecked("http://example.com/none");
            assert_eq!(store.named_graph_len(none.as_ref().into()).unwrap(), 0);
        }
    }
}

/// A bulk load compacted after it ([`Store::bulk_compacted`]) against one that is not.
#[cfg(test)]
mod bulk_compacted_tests {
    use super::Store;
    use std::path::Path;

    /// The bytes of a store's table files.
    fn sst_bytes(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".sst"))
            .map(|e| e.metadata().unwrap().len())
            .sum()
    }

    fn sorted(store: &Store) -> Vec<String> {
        let mut all: Vec<String> = store
            .iter_quads(None)
            .map(|q| q.unwrap().to_string())
            .collect();
        all.sort();
        all
    }

    /// A store loaded from `files`, a call (a batch of files of its own) each, without
    /// compression when `compacted`: the bytes of its files after the load and after the compaction, and its
    /// quads.
    fn load(files: &[std::path::PathBuf], compacted: bool) -> (u64, u64, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut bulk = store.bulk_compacted(compacted);
        for f in files {
            bulk.load_nquads(f).unwrap();
        }
        bulk.commit().unwrap();
        let loaded = sst_bytes(dir.path());
        store.optimize().unwrap();
        let quads = sorted(&store);
        drop(store);
        (loaded, sst_bytes(dir.path()), quads)
    }

    #[test]
    fn files_written_plain_then_compacted_as_before() {
        // Repetitive text, as an article's provenance is: LZ4 halves it at least.
        let input = tempfile::tempdir().unwrap();
        let files: Vec<_> = (0..2)
            .map(|part| {
                let nq: String = (part * 10_000..(part + 1) * 10_000)
                    .map(|i| {
                        format!(
                            "<http://example.com/node/{}> <http://example.com/p{}> \"trích dẫn \
                             số {} của bài báo về Hà Nội\"@vi <http://example.com/article/{}> .\n",
                            i / 5,
                            i % 9,
                            i % 300,
                            i / 40
                        )
                    })
                    .collect();
                let file = input.path().join(format!("{part}.nq"));
                std::fs::write(&file, nq).unwrap();
                file
            })
            .collect();
        for batches in [1, 2] {
            let (loaded, after, quads) = load(&files[..batches], false);
            let (plain, plain_after, plain_quads) = load(&files[..batches], true);
            assert_eq!(quads.len(), 10_000 * batches);
            assert_eq!(plain_quads, quads);
            // As large after the compaction (within 5%): one batch's files, which the
            // compaction leaves as they are, were compressed all the same.
            assert!(
                plain_after.abs_diff(after) * 20 < after,
                "{batches} batches: {plain_after} bytes against {after}"
            );
            match batches {
                1 => assert!(
                    plain.abs_diff(loaded) * 20 < loaded,
                    "{plain} against {loaded}"
                ),
                // The second batch's files written without LZ4 before the compaction.
                _ => assert!(plain > loaded + loaded / 4, "{plain} against {loaded}"),
            }
        }
    }
}
