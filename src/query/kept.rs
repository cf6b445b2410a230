//! The answers of the shipped queries that list the whole store without a parameter (`people`,
//! `tenures`, `articles`, the counts of `stats`), kept beside the store (see [`crate::store::kept`]) by the
//! ingest that wrote it: such a query scans every article (`people`: 3.2 s at 100,000
//! articles, `articles` 38 s: the page's list of articles), its kept answer is read in moments. Kept as SPARQL results JSON, every term as the
//! store gives it, so that each output format prints exactly what the scan would.

use crate::error::{Error, Result};
use crate::store::{kept, Store};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, QueryResultsSerializer, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::{QueryResults, QuerySolution};
use std::collections::BTreeSet;

/// The shipped queries whose answer without parameters is kept.
pub const KEPT: [&str; 4] = ["articles", "people", "stats", "tenures"];

/// Those an ingest into a store with articles computes again; the list of `articles` (38 s at
/// 100,000 articles, which would be most of a small ingest's time) is left to its first reader.
pub const AFTER_EVERY_INGEST: [&str; 3] = ["people", "stats", "tenures"];

/// The version of the kept answers' format.
const VERSION: u32 = 1;

fn file(name: &str) -> String {
    format!("answer-{name}")
}

/// The answers of some of [`KEPT`], each as SPARQL results JSON written, as it was computed, to
/// a file of its own in the store's folder (never held in memory: the list of `articles` grows
/// with the store), until [`Answers::save`] keeps it.
pub struct Answers {
    bodies: Vec<(&'static str, std::path::PathBuf)>,
}

impl Answers {
    /// Runs each query of `names` (of [`KEPT`]) over the whole store, writing its answer beside
    /// the store. After a load into a store whose answer of `people` was kept, `touched` (the
    /// nodes the load's articles describe, or described before) are the people whose rows are
    /// read again; the others are the kept answer's. After a bulk load into an empty store,
    /// `listings` gathered from its graphs (see [`Listings`]) are written rather than scanned.
    pub fn compute(
        store: &Store,
        names: &[&'static str],
        touched: Option<&BTreeSet<String>>,
        listings: Option<Listings>,
    ) -> Result<Answers> {
        let (mut article_rows, mut people) = match listings {
            Some(l) if !l.unsure => (Some(l.articles), Some(l.people)),
            _ => (None, None),
        };
        let mut answers = Answers { bodies: Vec::new() };
        // A kept file's prefix: no part of the store's stamp; `.tmp`: never read as kept.
        for name in names {
            let body = kept::path(
                store.path(),
                &format!("{}.{}.body.tmp", file(name), std::process::id()),
            );
            answers.bodies.push((name, body));
        }
        // Each answer written by a thread of its own: after a bulk load, the scans of `stats`
        // and `tenures` and the writing of the rows gathered for `people` and `articles` each
        // take one core.
        std::thread::scope(|s| {
            let threads: Vec<_> = answers
                .bodies
                .iter()
                .map(|(name, body)| {
                    let people = (*name == "people").then(|| people.take()).flatten();
                    let article_rows = (*name == "articles").then(|| article_rows.take()).flatten();
                    s.spawn(move || write_answer(store, name, body, touched, people, article_rows))
                })
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().expect("the thread of a kept answer panicked"))
                .collect::<Result<Vec<()>>>()
        })?;
        Ok(answers)
    }

    /// Keeps the answers beside the store at `path` for the store as it is now: for the process
    /// that wrote the store, once it has closed it.
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        let stamp = kept::stamp(path);
        for (name, body) in &self.bodies {
            let mut from = std::fs::File::open(body).map_err(|source| Error::Io {
                path: body.clone(),
                source,
            })?;
            kept::write(path, &file(name), VERSION, &stamp, |w| {
                std::io::copy(&mut from, w).map(|_| ())
            })?;
        }
        Ok(())
    }
}

/// The answer of `name` written to `body`: the rows of `people` brought up to date for
/// `touched`, or written from `people` or `article_rows` gathered by a bulk load, else scanned.
fn write_answer(
    store: &Store,
    name: &str,
    body: &std::path::Path,
    touched: Option<&BTreeSet<String>>,
    people: Option<PeopleRows>,
    article_rows: Option<ArticleRows>,
) -> Result<()> {
    let io = |source| Error::Io {
        path: body.to_path_buf(),
        source,
    };
    let mut w = std::io::BufWriter::new(std::fs::File::create(body).map_err(io)?);
    let before =
        touched.and_then(|_| kept::open(store.path(), &file(name), VERSION, store.stamp()));
    let written = match (name, touched, before) {
        ("people", Some(touched), Some(before)) => {
            people_update(store, before, touched, &mut w)?;
            true
        }
        ("people", _, _) if people.is_some() => {
            let rows = Listings::people_rows(people.unwrap_or_default());
            write_people(Vec::new(), rows, &mut w)?;
            true
        }
        ("articles", _, _) => match article_rows {
            Some(rows) => {
                let whole = rows.write(&mut w, true)?;
                if !whole {
                    // Rows that a scan may order otherwise: the answer cut is dropped
                    // unwritten, and scanned.
                    drop(w.into_parts().0);
                    w = std::io::BufWriter::new(std::fs::File::create(body).map_err(io)?);
                }
                whole
            }
            None => false,
        },
        _ => false,
    };
    if !written {
        scan(store, name, &mut w)?;
    }
    w.into_inner()
        .map_err(|e| io(e.into_error()))?
        .sync_all()
        .map_err(io)
}

impl Drop for Answers {
    fn drop(&mut self) {
        for (_, body) in &self.bodies {
            let _ = std::fs::remove_file(body);
        }
    }
}

/// The answer of `name` (one of [`KEPT`]) as SPARQL results JSON written to `out`, from a scan
/// of the store: `stats` and `people` so that memory does not grow with the articles (see
/// [`stats`] and [`people`]), the others by their query.
fn scan(store: &Store, name: &str, out: &mut dyn std::io::Write) -> Result<()> {
    let err = |e: &dyn std::fmt::Display| Error::Query {
        name: name.into(),
        message: e.to_string(),
    };
    match name {
        "stats" if stats(store, out)?.is_some() => return Ok(()),
        "people" => return people(store, out),
        "articles" => return articles(store, out),
        _ => {}
    }
    let q = super::shipped(name).ok_or_else(|| Error::UnknownQuery {
        query: name.into(),
        near: Vec::new(),
    })?;
    let QueryResults::Solutions(solutions) = super::execute(store, name, q.sparql, &[])? else {
        return Err(Error::Query {
            name: name.into(),
            message: "not a SELECT query".into(),
        });
    };
    let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
        .serialize_solutions_to_writer(out, solutions.variables().to_vec())
        .map_err(|e| err(&e))?;
    for s in solutions {
        w.serialize(&s.map_err(|e| err(&e))?).map_err(|e| err(&e))?;
    }
    w.finish().map_err(|e| err(&e))?;
    Ok(())
}

/// The answer of `stats` (see `queries/stats.rq`): each kind's entities counted in the order of
/// the store's index of types (see [`Store::count_subjects`]), not by the query, whose
/// `COUNT(DISTINCT ?e)` holds every mention of the store in memory (most of an ingest's peak at
/// 500,000 articles). A store that types its mentions `pg:Mention` (polgraph does not: a mention
/// is what `pg:refersTo` starts from) is counted by the query.
fn stats(store: &Store, out: &mut dyn std::io::Write) -> Result<Option<()>> {
    use crate::rdf::vocab::{foaf, org, pg, rdf};
    use oxigraph::model::{Literal, TermRef, VariableRef};
    if !store.typed(pg::MENTION)?.is_empty() {
        return Ok(None);
    }
    let classes = [
        (pg::ARTICLE, "articles"),
        (foaf::PERSON, "persons"),
        (org::ORGANIZATION, "organizations"),
        (pg::ADMINISTRATIVE_UNIT, "localities"),
        (pg::DOCUMENT, "documents"),
        (org::POST, "posts"),
        (pg::EVENT, "events"),
        (pg::TENURE, "tenures"),
    ];
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (class, kind) in classes {
        counts.push((kind, store.count_subjects(rdf::TYPE, Some(class))?));
    }
    // Each mention refers to one entity (its IRI names it, see `crate::rdf::iri::mention`):
    // its pairs of subject and object are the mentions.
    counts.push(("mentions", store.count_subjects(pg::REFERS_TO, None)?));
    // Each holding links one tenure (`pg:tenure`, of which its class is the domain).
    counts.push(("office holdings", store.count_subjects(pg::TENURE_P, None)?));
    counts.retain(|(_, n)| *n > 0);
    counts.sort();
    let io = |e: std::io::Error| Error::Query {
        name: "stats".into(),
        message: e.to_string(),
    };
    let (kind, count) = (
        VariableRef::new_unchecked("kind"),
        VariableRef::new_unchecked("count"),
    );
    let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
        .serialize_solutions_to_writer(out, vec![kind.into_owned(), count.into_owned()])
        .map_err(io)?;
    for (k, n) in counts {
        let (k, n) = (Literal::new_simple_literal(k), Literal::from(n as i64));
        w.serialize([
            (kind, TermRef::from(k.as_ref())),
            (count, n.as_ref().into()),
        ])
        .map_err(io)?;
    }
    w.finish().map_err(io)?;
    Ok(Some(()))
}

/// A row of `people`, and what the query sorts it by: (name, scope, IRI).
type PersonRow = ((String, String, String), Vec<(Variable, Term)>);

fn person_row(s: &QuerySolution) -> PersonRow {
    let text = |v: &str| match s.get(v) {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(t) => t.to_string(),
        None => String::new(),
    };
    let key = (text("person"), text("person_scope"), text("person_id"));
    (key, s.iter().map(|(v, t)| (v.clone(), t.clone())).collect())
}

/// The rows of `people` for the nodes `who` (those that are no person have none), one query
/// each, added to `rows`; `variables` set by the first answer when empty.
fn people_rows(
    store: &Store,
    who: impl IntoIterator<Item = String>,
    variables: &mut Vec<Variable>,
    rows: &mut Vec<PersonRow>,
) -> Result<()> {
    let err = |e: &dyn std::fmt::Display| Error::Query {
        name: "people".into(),
        message: e.to_string(),
    };
    let q = super::shipped("people").ok_or_else(|| Error::UnknownQuery {
        query: "people".into(),
        near: Vec::new(),
    })?;
    for who in who {
        let param = [(
            "person".to_string(),
            Term::from(NamedNode::new_unchecked(who)),
        )];
        let QueryResults::Solutions(solutions) = super::execute(store, "people", q.sparql, &param)?
        else {
            return Err(err(&"not a SELECT query"));
        };
        if variables.is_empty() {
            *variables = solutions.variables().to_vec();
        }
        for s in solutions {
            rows.push(person_row(&s.map_err(|e| err(&e))?));
        }
    }
    Ok(())
}

/// Writes the rows of `people` sorted as the query sorts them.
fn write_people(
    mut variables: Vec<Variable>,
    mut rows: Vec<PersonRow>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let err = |e: &dyn std::fmt::Display| Error::Query {
        name: "people".into(),
        message: e.to_string(),
    };
    if variables.is_empty() {
        variables = ["person", "person_id", "person_scope", "articles"]
            .map(Variable::new_unchecked)
            .to_vec();
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
        .serialize_solutions_to_writer(out, variables)
        .map_err(|e| err(&e))?;
    for (_, row) in &rows {
        w.serialize(row.iter().map(|(v, t)| (v.as_ref(), t.as_ref())))
            .map_err(|e| err(&e))?;
    }
    w.finish().map_err(|e| err(&e))?;
    Ok(())
}

/// The answer of `people` (see `queries/people.rq`): its query for one person at a time (the
/// store's index of types gives them), the rows sorted as the query sorts them. Memory holds
/// the rows (one a person and name) and one person's articles, not every pair of person and
/// article that the query for all at once counts in memory.
fn people(store: &Store, out: &mut dyn std::io::Write) -> Result<()> {
    let (mut variables, mut rows) = (Vec::new(), Vec::new());
    people_rows(
        store,
        store.typed(crate::rdf::vocab::foaf::PERSON)?,
        &mut variables,
        &mut rows,
    )?;
    write_people(variables, rows, out)
}

/// The answer of `people` after a load, from the answer `before` kept for the store as it was
/// (see [`Answers::compute`]): a row of a person the load `touched` is read again, one query
/// each (a row names one person, and counts the articles that describe and mention them:
/// only an article loaded or replaced that describes them changes it); the others are kept.
fn people_update(
    store: &Store,
    before: impl std::io::BufRead + 'static,
    touched: &BTreeSet<String>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let err = |e: &dyn std::fmt::Display| Error::Query {
        name: "people".into(),
        message: format!("its kept answer: {e}"),
    };
    let QueryResults::Solutions(solutions) = parse("people", before)? else {
        return Err(err(&"not a table"));
    };
    let mut variables = solutions.variables().to_vec();
    let mut rows = Vec::new();
    for s in solutions {
        let row = person_row(&s.map_err(|e| err(&e))?);
        if !touched.contains(&row.0 .2) {
            rows.push(row);
        }
    }
    people_rows(store, touched.iter().cloned(), &mut variables, &mut rows)?;
    write_people(variables, rows, out)
}

/// The query `articles` without its `ORDER BY` (see [`articles`]): its rows as they come.
fn articles_query(store: &Store) -> Result<QueryResults<'static>> {
    use spargebra::algebra::GraphPattern as G;
    let q = super::shipped("articles").ok_or_else(|| Error::UnknownQuery {
        query: "articles".into(),
        near: Vec::new(),
    })?;
    let (mut query, _) = super::prepare("articles", q.sparql, &[])?;
    fn unordered(p: G) -> G {
        match p {
            G::Project { inner, variables } => G::Project {
                inner: Box::new(unordered(*inner)),
                variables,
            },
            G::OrderBy { inner, .. } => *inner,
            other => other,
        }
    }
    if let spargebra::Query::Select { pattern, .. } = &mut query {
        *pattern = unordered(std::mem::replace(pattern, G::Bgp { patterns: vec![] }));
    }
    store.query("articles", query, &[])
}

/// The rows of `articles` (see `queries/articles.rq`), read as they come, in no order to rely
/// on: its answer kept beside the store (parsed as it is read) where it was kept for the store
/// as this handle opened it, else its query without its `ORDER BY` (which sorted every article
/// in memory). For a reader that orders them its own way with bounded memory (the page's list
/// of articles).
pub fn articles_rows(store: &Store) -> Result<QueryResults<'static>> {
    match kept::open(store.path(), &file("articles"), VERSION, store.stamp()) {
        Some(body) => parse("articles", body),
        None => articles_query(store),
    }
}

/// The answer of `articles` (see `queries/articles.rq`): its query without its `ORDER BY`,
/// the rows sorted on disk past a run of [`crate::store::sort`] (the query sorted every
/// article in memory), each row written as oxigraph writes it.
fn articles(store: &Store, out: &mut dyn std::io::Write) -> Result<()> {
    let QueryResults::Solutions(solutions) = articles_query(store)? else {
        return Err(articles_error(&"not a SELECT query"));
    };
    let mut rows = ArticleRows::new(
        solutions.variables().to_vec(),
        crate::store::sort::Options::in_dir(store.path()),
    )?;
    for s in solutions {
        rows.push(&s.map_err(|e| articles_error(&e))?)?;
    }
    rows.write(out, false)?;
    Ok(())
}

fn articles_error(e: &dyn std::fmt::Display) -> Error {
    Error::Query {
        name: "articles".into(),
        message: e.to_string(),
    }
}

/// The columns of `articles`, as its query projects them.
fn articles_variables() -> Result<Vec<Variable>> {
    use spargebra::algebra::GraphPattern as G;
    let q = super::shipped("articles").ok_or_else(|| Error::UnknownQuery {
        query: "articles".into(),
        near: Vec::new(),
    })?;
    match super::prepare("articles", q.sparql, &[])?.0 {
        spargebra::Query::Select {
            pattern: G::Project { variables, .. },
            ..
        } => Ok(variables),
        _ => Err(articles_error(&"not a SELECT query")),
    }
}

/// The rows of `articles` sorted as the query sorts them, on disk past a run: a line a row, its
/// key (the document, then the author, none first, then the order rows came in) and its JSON
/// as oxigraph writes it.
struct ArticleRows {
    variables: std::sync::Arc<[Variable]>,
    /// The answer of no rows; a row's text goes at `head`.
    empty: Vec<u8>,
    head: usize,
    sorter: crate::store::sort::Sorter,
    /// Rows pushed.
    n: u64,
}

impl ArticleRows {
    fn new(variables: Vec<Variable>, opts: crate::store::sort::Options) -> Result<ArticleRows> {
        let variables: std::sync::Arc<[Variable]> = variables.into();
        let empty = Self::json(&variables, &[])?;
        if !empty.ends_with(b"]}}") {
            return Err(articles_error(&"an unexpected JSON layout of the results"));
        }
        Ok(ArticleRows {
            head: empty.len() - b"]}}".len(),
            empty,
            variables,
            sorter: crate::store::sort::Sorter::new(opts),
            n: 0,
        })
    }

    /// A document of `rows`.
    fn json(variables: &[Variable], rows: &[&QuerySolution]) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
            .serialize_solutions_to_writer(&mut buf, variables.to_vec())
            .map_err(|e| articles_error(&e))?;
        for r in rows {
            w.serialize(*r).map_err(|e| articles_error(&e))?;
        }
        w.finish().map_err(|e| articles_error(&e))?;
        Ok(buf)
    }

    fn push(&mut self, s: &QuerySolution) -> Result<()> {
        let text = |v: &str| -> Option<String> {
            s.get(v).map(|t| match t {
                Term::Literal(l) => l.value().replace(['\n', '\0'], " "),
                t => t.to_string().replace('\n', " "),
            })
        };
        let one = Self::json(&self.variables, &[s])?;
        let row = &one[self.head..one.len() - b"]}}".len()];
        let mut line = text("doc").unwrap_or_default().into_bytes();
        line.push(0);
        match text("author") {
            None => line.push(b'0'),
            Some(a) => {
                line.push(b'1');
                line.extend_from_slice(a.as_bytes());
            }
        }
        line.push(0);
        line.extend_from_slice(format!("{:012}", self.n).as_bytes());
        line.push(0);
        line.extend_from_slice(row);
        self.n += 1;
        self.sorter.push(&line)
    }

    /// Writes the answer. With `unique`, two rows of the same document and author (whose order
    /// is the order a scan of the store reads them in) stop it: `false`, the answer cut short.
    fn write(self, out: &mut dyn std::io::Write, unique: bool) -> Result<bool> {
        let mut sorted = self.sorter.finish()?;
        let io = |e: std::io::Error| articles_error(&e);
        out.write_all(&self.empty[..self.head]).map_err(io)?;
        let mut last: Option<Vec<u8>> = None;
        let mut first = true;
        while let Some(line) = sorted.next_line()? {
            let mut fields = line.splitn(4, |&b| b == 0);
            let (doc, author) = (fields.next(), fields.next());
            // The row after the key's three fields.
            let row = fields
                .nth(1)
                .ok_or_else(|| articles_error(&"a sorted row without its key"))?;
            if unique {
                let key = [doc.unwrap_or_default(), author.unwrap_or_default()].join(&0);
                if last.as_ref() == Some(&key) {
                    return Ok(false);
                }
                last = Some(key);
            }
            if !first {
                out.write_all(b",").map_err(io)?;
            }
            first = false;
            out.write_all(row).map_err(io)?;
        }
        out.write_all(b"]}}").map_err(io)?;
        Ok(true)
    }
}

/// By person, each name: the graphs that describe (so name) and mention them.
type PeopleRows = rustc_hash::FxHashMap<Box<str>, Vec<(Box<str>, u32)>>;

/// The listings `articles` and `people` of a bulk load into an empty store, gathered from its
/// article graphs as the load goes (see [`Listings::add`]), so that they are not read back from
/// the store after the load (the query of `articles`, one query a person of `people`: most of
/// an ingest's kept files). `queries/articles.rq` and `queries/people.rq` stay their
/// definition: each graph's solutions are the rows here, and a test checks the answers
/// against the scans, byte for byte.
///
/// Memory: the rows of `articles` go to a sort that spills to the store's folder past a run; of
/// `people`, a count a person and name.
pub struct Listings {
    articles: ArticleRows,
    /// By person, each name: the graphs that describe (so name) and mention them.
    people: PeopleRows,
    /// A graph said something this does not read as the queries would: they are scanned.
    unsure: bool,
}

impl Listings {
    /// Gathers listings for the store in `dir`, whose folder holds the sort's runs.
    pub fn new(dir: &std::path::Path) -> Result<Listings> {
        let mut opts = crate::store::sort::Options::in_dir(dir);
        // The load holds much else meanwhile.
        opts.run_bytes = opts.run_bytes.min(16 << 20);
        Ok(Listings {
            articles: ArticleRows::new(articles_variables()?, opts)?,
            people: Default::default(),
            unsure: false,
        })
    }

    /// Runs of the sort of `articles` of `bytes` (a test's many runs of a few rows).
    #[cfg(test)]
    pub(crate) fn shrink_runs(&mut self, bytes: usize) {
        let dir = std::env::temp_dir();
        assert_eq!(self.articles.n, 0, "before any row");
        let variables = self.articles.variables.to_vec();
        self.articles = ArticleRows::new(
            variables,
            crate::store::sort::Options {
                dir,
                run_bytes: bytes,
            },
        )
        .unwrap();
    }

    /// Adds an article graph's rows: of `articles`, each article's identifier with each of its
    /// titles, dates and authors (each optional); of `people`, each person it describes (a
    /// name) and mentions.
    pub fn add(&mut self, g: &crate::rdf::Graph) -> Result<()> {
        use crate::rdf::vocab::{dcterms, foaf, pg, rdf};
        use oxigraph::model::TermRef;
        let (mut articles, mut people, mut referred) = (Vec::new(), Vec::new(), Vec::new());
        for (s, p, o) in g.terms() {
            match (p, o) {
                (rdf::TYPE, TermRef::NamedNode(c)) if c.as_str() == pg::ARTICLE => articles.push(s),
                (rdf::TYPE, TermRef::NamedNode(c)) if c.as_str() == foaf::PERSON => people.push(s),
                (pg::REFERS_TO, TermRef::NamedNode(n)) => referred.push(n.as_str()),
                _ => {}
            }
        }
        for v in [&mut articles, &mut people, &mut referred] {
            v.sort_unstable();
            v.dedup();
        }
        let has = |v: &[&str], s: &str| v.binary_search(&s).is_ok();
        // Each article's values of each column but `doc`'s (0: title, 1: date, 2: author).
        let mut docs: Vec<(&str, Term)> = Vec::new();
        let mut optional: Vec<(&str, usize, Term)> = Vec::new();
        for (s, p, o) in g.terms() {
            if has(&articles, s) {
                match p {
                    dcterms::IDENTIFIER => docs.push((s, o.into_owned())),
                    dcterms::TITLE => optional.push((s, 0, o.into_owned())),
                    dcterms::DATE => optional.push((s, 1, o.into_owned())),
                    pg::AUTHOR_NAME => optional.push((s, 2, o.into_owned())),
                    _ => {}
                }
            } else if p == foaf::NAME && has(&people, s) && has(&referred, s) {
                match o {
                    TermRef::Literal(l)
                        if l.language().is_none()
                            && l.datatype() == oxigraph::model::vocab::xsd::STRING =>
                    {
                        let names = match self.people.get_mut(s) {
                            Some(names) => names,
                            None => self.people.entry(s.into()).or_default(),
                        };
                        match names.iter_mut().find(|(name, _)| &**name == l.value()) {
                            Some((_, n)) => *n += 1,
                            None => names.push((l.value().into(), 1)),
                        }
                    }
                    // The row's name would be another term than the one written here.
                    _ => self.unsure = true,
                }
            }
        }
        let columns: Vec<Option<usize>> = self
            .articles
            .variables
            .iter()
            .map(|v| match v.as_str() {
                "doc" => None,
                "title" => Some(0),
                "date" => Some(1),
                "author" => Some(2),
                _ => {
                    self.unsure = true;
                    None
                }
            })
            .collect();
        for (a, doc) in docs {
            let of = |c: usize| -> Vec<Option<Term>> {
                let v: Vec<Option<Term>> = optional
                    .iter()
                    .filter(|(s, k, _)| *s == a && *k == c)
                    .map(|(_, _, t)| Some(t.clone()))
                    .collect();
                if v.is_empty() {
                    vec![None]
                } else {
                    v
                }
            };
            let values = [of(0), of(1), of(2)];
            for t in &values[0] {
                for d in &values[1] {
                    for au in &values[2] {
                        let one = [t, d, au];
                        let row: Vec<Option<Term>> = columns
                            .iter()
                            .map(|c| match c {
                                None => Some(doc.clone()),
                                Some(k) => one[*k].clone(),
                            })
                            .collect();
                        let row = QuerySolution::from((self.articles.variables.clone(), row));
                        self.articles.push(&row)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The answers of `articles` (`None` when two rows tie, which a scan may order otherwise)
    /// and `people` as [`Answers::compute`] writes them, and whether every graph was read as
    /// the queries read it.
    #[cfg(test)]
    pub(crate) fn answers(self) -> (Option<String>, String, bool) {
        let sure = !self.unsure;
        let mut articles = Vec::new();
        let whole = self.articles.write(&mut articles, true).unwrap();
        let mut people = Vec::new();
        write_people(Vec::new(), Self::people_rows(self.people), &mut people).unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (whole.then(|| text(articles)), text(people), sure)
    }

    /// The rows of `people`, unsorted.
    fn people_rows(
        people: rustc_hash::FxHashMap<Box<str>, Vec<(Box<str>, u32)>>,
    ) -> Vec<PersonRow> {
        let var = Variable::new_unchecked;
        people
            .into_iter()
            .flat_map(|(iri, names)| {
                names
                    .into_iter()
                    .map(move |(name, n)| (iri.clone(), name, n))
            })
            .map(|(iri, name, n)| {
                // `STRBEFORE(STRAFTER(STR(?person_id), "/id/person/"), "/")`.
                let scope = iri
                    .split_once("/id/person/")
                    .and_then(|(_, rest)| rest.split_once('/'))
                    .map_or("", |(scope, _)| scope)
                    .to_string();
                let row = vec![
                    (var("person"), Literal::new_simple_literal(&*name).into()),
                    (var("person_id"), NamedNode::new_unchecked(&*iri).into()),
                    (
                        var("person_scope"),
                        Literal::new_simple_literal(&scope).into(),
                    ),
                    (var("articles"), Literal::from(i64::from(n)).into()),
                ];
                ((name.into_string(), scope, iri.into_string()), row)
            })
            .collect()
    }
}

/// The answer of `name` (of [`KEPT`]) by a scan of the store.
#[cfg(test)]
pub(crate) fn scanned(store: &Store, name: &str) -> String {
    let mut out = Vec::new();
    scan(store, name, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn parse(name: &str, json: impl std::io::Read + 'static) -> Result<QueryResults<'static>> {
    match QueryResultsParser::from_format(QueryResultsFormat::Json).for_reader(json) {
        Ok(out @ ReaderQueryResultsParserOutput::Solutions(_)) => Ok(out.into()),
        Ok(_) => Err(Error::Query {
            name: name.into(),
            message: "a kept answer that is not a table".into(),
        }),
        Err(e) => Err(Error::Query {
            name: name.into(),
            message: format!("its kept answer: {e}"),
        }),
    }
}

/// The answer of the shipped query `name` without parameters, if it is one of [`KEPT`]: the one
/// kept beside the store when it was written for the store as this handle opened it, else from
/// a scan (then kept for the next reader, where the store's folder can be written). `None` for
/// any other query.
pub fn answer(store: &Store, name: &str) -> Result<Option<QueryResults<'static>>> {
    if !KEPT.contains(&name) {
        return Ok(None);
    }
    if let Some(body) = kept::open(store.path(), &file(name), VERSION, store.stamp()) {
        return parse(name, body).map(Some);
    }
    let mut json = Vec::new();
    scan(store, name, &mut json)?;
    kept::write_if_current(store.path(), &file(name), VERSION, store.stamp(), |w| {
        w.write_all(&json)
    });
    parse(name, std::io::Cursor::new(json)).map(Some)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::rdf::vocab::{dcterms, foaf, org, pg, rdf, skos, ID};
    use oxigraph::model::{Literal, NamedNode, Quad, Term};

    /// A store of a few article graphs: people named in several (one under two names, one
    /// without a mention, one in the tenures graph only), bodies, places, articles with two
    /// authors and none.
    pub(crate) fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let n = |s: &str| NamedNode::new_unchecked(s);
        let id = |s: &str| format!("{ID}{s}");
        let q = |s: &str, p: &str, o: Term, g: &str| Quad::new(n(s), n(p), o, n(g));
        let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
        let person = |k: usize| id(&format!("person/ha-tinh/p{}", k % 7));
        for a in 0..40 {
            let g = crate::rdf::iri::article(&format!("a{a:02}"));
            let art = format!("{g}#it");
            let mut quads = vec![
                q(&art, rdf::TYPE, n(pg::ARTICLE).into(), &g),
                q(&art, dcterms::IDENTIFIER, lit(&format!("a{a:02}")), &g),
                q(&art, dcterms::TITLE, lit(&format!("T{}", a % 3)), &g),
            ];
            for author in 0..(a % 3) {
                quads.push(q(&art, pg::AUTHOR_NAME, lit(&format!("W{author}")), &g));
            }
            for k in [a, a * 3 + 1] {
                let p = person(k);
                quads.push(q(&p, rdf::TYPE, n(foaf::PERSON).into(), &g));
                let name = if k % 5 == 0 {
                    "Lê Văn A"
                } else {
                    "Lê Văn Ă"
                };
                quads.push(q(&p, foaf::NAME, lit(&format!("{name} {}", k % 7)), &g));
                if k % 4 != 1 {
                    let m = crate::rdf::iri::mention(&format!("a{a:02}"), "person", k, k + 3, &p);
                    quads.push(q(&m, pg::REFERS_TO, n(&p).into(), &g));
                }
            }
            let body = id(&format!("org/b{}", a % 5));
            quads.push(q(&body, rdf::TYPE, n(org::ORGANIZATION).into(), &g));
            quads.push(q(
                &body,
                skos::PREF_LABEL,
                lit(&format!("Sở {}", a % 5)),
                &g,
            ));
            // The place is described in the descriptions graph (below); an article names it.
            let place = id("place/legacy-42");
            quads.push(q(&body, pg::JURISDICTION, n(&place).into(), &g));
            let m = crate::rdf::iri::mention(&format!("a{a:02}"), "body", 1, 2, &body);
            quads.push(q(&m, pg::REFERS_TO, n(&body).into(), &g));
            store.set_graph(&g, &quads).unwrap();
        }
        let d = crate::rdf::iri::descriptions_graph();
        let place = id("place/legacy-42");
        store
            .set_graph(
                &d,
                &[
                    q(&place, rdf::TYPE, n(pg::ADMINISTRATIVE_UNIT).into(), &d),
                    q(&place, skos::PREF_LABEL, lit("tỉnh Hà Tĩnh"), &d),
                ],
            )
            .unwrap();
        let t = crate::rdf::iri::tenures_graph();
        let lone = id("person/vn/lone");
        store
            .set_graph(
                &t,
                &[
                    q(&lone, rdf::TYPE, n(foaf::PERSON).into(), &t),
                    q(&lone, foaf::NAME, lit("Lone"), &t),
                ],
            )
            .unwrap();
        (dir, store)
    }

    /// The answer of the shipped query `name`, as its query gives it.
    fn by_query(store: &Store, name: &str) -> String {
        let q = crate::query::shipped(name).unwrap();
        let QueryResults::Solutions(s) = crate::query::execute(store, name, q.sparql, &[]).unwrap()
        else {
            panic!("{name}: not a table");
        };
        let mut out = Vec::new();
        let mut w = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
            .serialize_solutions_to_writer(&mut out, s.variables().to_vec())
            .unwrap();
        for r in s {
            w.serialize(&r.unwrap()).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Rows gathered whose order a scan decides (two of one document and author) are not
    /// written as gathered: the answer kept is the scan's, whole (the part written first is
    /// dropped).
    #[test]
    fn gathered_rows_that_tie_give_way_to_the_scan() {
        let (_d, store) = store();
        let rows = |titles: &[&str]| {
            let mut rows = ArticleRows::new(
                articles_variables().unwrap(),
                crate::store::sort::Options::in_dir(store.path()),
            )
            .unwrap();
            for (n, t) in titles.iter().enumerate() {
                let doc = Literal::new_simple_literal(format!("a{:02}", n.min(1)));
                let values = vec![
                    Some(doc.into()),
                    Some(Literal::new_simple_literal(*t).into()),
                    None,
                    None,
                ];
                rows.push(&QuerySolution::from((rows.variables.clone(), values)))
                    .unwrap();
            }
            rows
        };
        // Two documents: written whole.
        let mut out = Vec::new();
        assert!(rows(&["T0", "T1"]).write(&mut out, true).unwrap());
        assert!(String::from_utf8(out)
            .unwrap()
            .ends_with(r#""value":"T1"}}]}}"#));
        // Two titles of the second document: a tie.
        let tie = rows(&["T0", "T1", "T2"]);
        let mut out = Vec::new();
        assert!(!tie.write(&mut out, true).unwrap());
        let listings = Listings {
            articles: rows(&["T0", "T1", "T2"]),
            people: Default::default(),
            unsure: false,
        };
        let answers = Answers::compute(&store, &["articles"], None, Some(listings)).unwrap();
        let body = std::fs::read_to_string(&answers.bodies[0].1).unwrap();
        assert_eq!(body, scanned(&store, "articles"));
        assert!(body.contains(r#""value":"a39""#), "the store's 40 articles");
    }

    #[test]
    fn the_listings_read_in_bounded_memory_are_the_queries_answers_byte_for_byte() {
        let (_d, store) = store();
        for name in KEPT {
            let mut out = Vec::new();
            scan(&store, name, &mut out).unwrap();
            let kept = String::from_utf8(out).unwrap();
            assert_eq!(kept, by_query(&store, name), "{name}");
            assert!(kept.len() > 100, "{name}: {kept}");
        }
        // The counts hold what the data says: 40 articles, 7 people and the lone one, 80
        // mentions of people (one in four left out) and 40 of bodies.
        let mut out = Vec::new();
        scan(&store, "stats", &mut out).unwrap();
        let stats = String::from_utf8(out).unwrap();
        for (kind, n) in [
            ("articles", 40),
            ("persons", 8),
            ("mentions", 100),
            ("organizations", 5),
        ] {
            assert!(
                stats.contains(&format!(
                    r#"{{"kind":{{"type":"literal","value":"{kind}"}},"count":{{"type":"literal","value":"{n}","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}}}"#
                )),
                "{kind} {n}: {stats}"
            );
        }
    }
}
