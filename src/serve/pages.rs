//! What the web page shows, as JSON, independent of HTTP: a search, a person with the evidence of
//! each post, a body, a place, an article with its facts, the network around a node. Each reads
//! the store through the queries of `queries/internal/`.

use super::text::{segments, sentence, InSentence, Texts};
use crate::error::{Error, Result};
use crate::export::graph::{dot, Network};
use crate::query;
use crate::query::search::{fold, Index, Kind};
use crate::rdf::vocab::{self, ID};
use crate::store::Store;
use oxigraph::model::{NamedNode, Term};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

macro_rules! internal {
    ($($name:ident = $file:literal),* $(,)?) => {
        $(const $name: (&str, &str) = ($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/internal/", $file, ".rq")));)*
    };
}

internal!(
    PERSON = "page-person",
    PERSON_POSTS = "page-person-posts",
    PERSON_STATEMENTS = "page-person-statements",
    BODY = "page-body",
    HOLDERS = "page-holders",
    PLACE = "page-place",
    ARTICLE = "page-article",
    ARTICLE_FACTS = "page-article-facts",
    ARTICLE_TEXT = "page-article-text",
    IDENTITY_OF = "identity-of",
    DESCRIBE = "describe",
);

/// The shipped `holders` query: who holds a post in a place.
const HOLDERS_IN: (&str, &str) = (
    "holders",
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/holders.rq")),
);

/// The main bodies of a place, in the order a place page lists them (a party committee, the
/// People's Council, the People's Committee, the Fatherland Front): the start of their label.
const MAIN_BODIES: [&str; 10] = [
    "Tỉnh ủy ",
    "Thành ủy ",
    "Huyện ủy ",
    "Quận ủy ",
    "Thị ủy ",
    "Đảng ủy ",
    "Hội đồng nhân dân ",
    "Ủy ban nhân dân ",
    "Ủy ban Mặt trận Tổ quốc ",
    "Ban Thường vụ ",
];

/// Where a body comes on a place page: the main bodies first, in [`MAIN_BODIES`]' order (the
/// party committees one rank), then the rest.
fn body_rank(label: &str) -> usize {
    match MAIN_BODIES.iter().position(|m| label.starts_with(m)) {
        Some(i) if i < 6 => 0,
        Some(i) => i - 5,
        None => MAIN_BODIES.len(),
    }
}

/// When a post is placed in time: what the text says (`since`), else the first date an
/// article states it; `None` for neither. Lexical: `2019` < `2019-02` < `2019-02-15`.
fn when(v: &Value) -> Option<String> {
    v["since"]
        .as_str()
        .or_else(|| v["first_stated"].as_str())
        .map(String::from)
}

/// Posts in time order, the latest first; a former post after a current one of the same time;
/// posts of no date last.
fn by_time(posts: &mut [Value]) {
    posts.sort_by(|a, b| {
        let (wa, wb) = (when(a), when(b));
        (
            wa.is_none(),
            std::cmp::Reverse(wa),
            a["former"].as_bool(),
            a["organization"].as_str(),
        )
            .cmp(&(
                wb.is_none(),
                std::cmp::Reverse(wb),
                b["former"].as_bool(),
                b["organization"].as_str(),
            ))
    });
}

/// The body names' abbreviations a search may use (`ubnd hà tĩnh`), folded, with the name they
/// stand for, folded: from the bodies' lexicon.
fn abbreviations() -> &'static [(String, String)] {
    static A: OnceLock<Vec<(String, String)>> = OnceLock::new();
    A.get_or_init(|| {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicon/bodies.tsv"
        ))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(surface, _)| crate::extract::lexicon::ABBREVIATIONS.contains(surface))
        .map(|(surface, rest)| {
            let canonical = rest.split('\t').next().unwrap_or(rest);
            (fold(surface), fold(canonical))
        })
        .collect()
    })
}

type Row = BTreeMap<String, String>;

/// The store, its name index and the texts, read once: the store does not change while served.
pub struct Site {
    pub store: Store,
    pub index: Index,
    pub texts: Texts,
    /// The network of the whole store, read once (see [`Site::network`]).
    network: OnceLock<std::result::Result<Network, String>>,
    /// Where to open a handle of the store without the queries' timeout, to read the network
    /// (37 s at 10,000 articles: longer than a query may take) and the list of articles.
    network_store: Option<std::path::PathBuf>,
    /// The articles (id, title, date) and their folded words, in a file, read on the first list
    /// asked for (the server reads them when it starts, on a thread of its own: 38 s at 100,000
    /// articles when they are not kept).
    articles: OnceLock<std::result::Result<ArticleList, String>>,
    /// The number of articles, for the header (see [`Site::info`]).
    article_count: OnceLock<usize>,
}

/// The page's list of articles: a line an article (its id, title, date and folded words), the
/// latest first (then by id), in an anonymous temporary file of the system's temporary folder
/// (gone when the server closes it), read through for each list asked for. The rows come from
/// the kept answer of `articles` or its query, sorted on disk past a run of
/// [`crate::store::sort`]: memory does not grow with the store (the list held in memory was
/// about 300 bytes an article, 300 MB at 1,000,000 articles).
pub struct ArticleList {
    file: std::fs::File,
    len: usize,
}

/// A line of an [`ArticleList`].
struct ListedArticle<'a> {
    doc: &'a str,
    title: Option<String>,
    date: Option<String>,
    words: &'a str,
}

impl ListedArticle<'_> {
    fn row(&self) -> Row {
        let mut r = Row::new();
        r.insert("doc".into(), self.doc.to_string());
        if let Some(t) = &self.title {
            r.insert("title".into(), t.clone());
        }
        if let Some(d) = &self.date {
            r.insert("date".into(), d.clone());
        }
        r
    }
}

/// A field of a line: no tab nor line break; `+` before a value, nothing for none.
fn field(v: Option<&str>) -> String {
    match v {
        None => String::new(),
        Some(v) => format!("+{}", crate::store::field::escape(v)),
    }
}

fn unfield(f: &str) -> Option<String> {
    f.strip_prefix('+')
        .map(|v| crate::store::field::unescape(v).into_owned())
}

impl ArticleList {
    /// Reads the rows of `articles` (a row an author) into the list, an article once.
    fn read(store: &Store) -> Result<ArticleList> {
        use oxigraph::sparql::QueryResults;
        use std::io::Write;
        let err = |e: &dyn std::fmt::Display| Error::Query {
            name: "articles".into(),
            message: e.to_string(),
        };
        let QueryResults::Solutions(rows) = query::kept::articles_rows(store)? else {
            return Err(err(&"not a SELECT query"));
        };
        let value = |s: &oxigraph::sparql::QuerySolution, v: &str| -> Option<String> {
            s.get(v).map(|t| match t {
                Term::Literal(l) => l.value().to_string(),
                Term::NamedNode(n) => n.as_str().to_string(),
                t => t.to_string(),
            })
        };
        let opts = crate::store::sort::Options::in_dir(std::env::temp_dir());
        let mut sorter = crate::store::sort::Sorter::new(opts.clone());
        let mut line = Vec::new();
        for s in rows {
            let s = s.map_err(|e| err(&e))?;
            let doc = value(&s, "doc").unwrap_or_default();
            let (title, date) = (value(&s, "title"), value(&s, "date"));
            // The key: the date, the latest first (each byte inverted, then 0xff: a date
            // before one it begins), none last; the id; the author, none first (the row the
            // list kept when it took the first of an article's rows in the query's order).
            line.clear();
            match &date {
                Some(d) => {
                    line.push(1);
                    line.extend(d.bytes().map(|b| 255 - b));
                    line.push(255);
                }
                None => line.push(2),
            }
            line.extend_from_slice(field(Some(&doc)).as_bytes());
            line.push(0);
            line.extend_from_slice(field(value(&s, "author").as_deref()).as_bytes());
            line.push(0);
            let words = fold(&format!("{doc} {}", title.as_deref().unwrap_or_default()));
            let text = [
                field(Some(&doc)),
                field(title.as_deref()),
                field(date.as_deref()),
                field(Some(&words)),
            ]
            .join("\t");
            line.extend_from_slice(text.as_bytes());
            sorter.push(&line)?;
        }
        let mut sorted = sorter.finish()?;
        let io = |source| Error::Io {
            path: opts.dir.clone(),
            source,
        };
        let file = tempfile::tempfile_in(&opts.dir).map_err(io)?;
        let mut w = std::io::BufWriter::new(file.try_clone().map_err(io)?);
        let (mut len, mut last) = (0, Vec::new());
        while let Some(line) = sorted.next_line()? {
            // The line after the key's two fields (the date's bytes hold no 0: a date is text).
            let mut parts = line.splitn(3, |&b| b == 0);
            let (key, _, text) = (parts.next(), parts.next(), parts.next());
            let (Some(key), Some(text)) = (key, text) else {
                return Err(err(&"a sorted row without its key"));
            };
            // An article's other authors: the same date and id.
            if key == last.as_slice() {
                continue;
            }
            last = key.to_vec();
            w.write_all(text).map_err(io)?;
            w.write_all(b"\n").map_err(io)?;
            len += 1;
        }
        w.flush().map_err(io)?;
        Ok(ArticleList { file, len })
    }

    /// Calls `f` on each article of the list, in its order.
    fn each(&self, mut f: impl FnMut(ListedArticle<'_>)) -> Result<()> {
        use std::io::BufRead;
        struct At<'a>(&'a std::fs::File, u64);
        impl std::io::Read for At<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = std::os::unix::fs::FileExt::read_at(self.0, buf, self.1)?;
                self.1 += n as u64;
                Ok(n)
            }
        }
        let io = |source| Error::Io {
            path: std::env::temp_dir(),
            source,
        };
        let mut r = std::io::BufReader::with_capacity(1 << 16, At(&self.file, 0));
        let mut line = String::new();
        for _ in 0..self.len {
            line.clear();
            r.read_line(&mut line).map_err(io)?;
            let mut fs = line.trim_end_matches('\n').split('\t');
            let (Some(doc), Some(title), Some(date), Some(words)) =
                (fs.next(), fs.next(), fs.next(), fs.next())
            else {
                return Err(Error::Other("the list of articles is cut short".into()));
            };
            let doc = unfield(doc).unwrap_or_default();
            let words = unfield(words).unwrap_or_default();
            f(ListedArticle {
                doc: &doc,
                title: unfield(title),
                date: unfield(date),
                words: &words,
            });
        }
        Ok(())
    }
}

/// Whether an address is one a page may link to: `http:` or `https:`.
pub fn is_web_address(address: &str) -> bool {
    let lower = address.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A page asked for something the store does not hold, or asked wrongly.
#[derive(Debug)]
pub enum Miss {
    NotFound(String),
    Bad(String),
    Failed(Error),
}

impl From<Error> for Miss {
    fn from(e: Error) -> Miss {
        Miss::Failed(e)
    }
}

/// The part of an IRI the page's addresses carry (`person/ha-tinh/nguyen-van-hai-2714b1`).
fn path(iri: &str) -> &str {
    iri.strip_prefix(ID).unwrap_or(iri)
}

fn int(r: &Row, k: &str) -> Option<usize> {
    r.get(k).and_then(|v| v.parse().ok())
}

fn text(r: &Row, k: &str) -> Value {
    r.get(k).map_or(Value::Null, |v| Value::String(v.clone()))
}

fn iri_param(name: &str, iri: &str) -> std::result::Result<Vec<(String, Term)>, Miss> {
    let node = NamedNode::new(iri).map_err(|e| Miss::Bad(format!("iri {iri:?}: {e}")))?;
    Ok(vec![(name.to_string(), node.into())])
}

impl Site {
    /// The site of a store, with its name index: the one kept beside the store, else built.
    pub fn new(store: Store) -> Result<Site> {
        let index = Index::open(&store)?;
        Ok(Site {
            store,
            index,
            texts: Texts::default(),
            network: OnceLock::new(),
            network_store: None,
            articles: OnceLock::new(),
            article_count: OnceLock::new(),
        })
    }

    /// Reads the list of articles now, through a handle without the clients' time limit: the
    /// server's own reading takes as long as the store needs (at 100,000 articles, longer than a
    /// client's query may). A page that needs it before it is read waits for it.
    pub fn warm(&self) {
        if let Err(Miss::Failed(e)) = self.articles("", 0) {
            eprintln!("polgraph serve: the list of articles fails: {e}");
        }
    }

    /// A handle on the store without the clients' time limit, for the server's own reading.
    fn own_reading<T>(&self, read: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        match &self.network_store {
            Some(p) => read(&Store::open_read_only(p)?),
            None => read(&self.store),
        }
    }

    /// Reads the network through a handle of its own on the store at `path` (read-only, no
    /// timeout) rather than through [`Site::store`].
    pub fn with_network_store(mut self, path: &std::path::Path) -> Site {
        self.network_store = Some(path.to_path_buf());
        self
    }

    /// The network of the whole store, read on the first call (the server makes it when it
    /// starts, on a thread of its own, so that the first picture does not wait for it).
    pub fn network(&self) -> std::result::Result<&Network, Miss> {
        self.network
            .get_or_init(|| {
                let load = |store: &Store| Network::load(store, None).map_err(|e| e.to_string());
                match &self.network_store {
                    Some(p) => Store::open_read_only(p)
                        .map_err(|e| e.to_string())
                        .and_then(|s| load(&s)),
                    None => load(&self.store),
                }
            })
            .as_ref()
            .map_err(|e| Miss::Failed(Error::Other(e.clone())))
    }

    /// The text of the article `doc` as the store keeps it (`pg:text`).
    fn article_text(&self, doc: &str) -> Option<String> {
        let a = crate::rdf::iri::article(doc);
        let rows = self.rows(ARTICLE_TEXT, &iri_param("a", &a).ok()?).ok()?;
        rows.into_iter().next()?.remove("text")
    }

    fn rows(&self, (name, sparql): (&str, &str), params: &[(String, Term)]) -> Result<Vec<Row>> {
        query::select(&self.store, name, sparql, params)
    }

    /// An entity as RDF: its statements, its tenures (a person's) and its identity links, as
    /// Turtle, sorted and each once; `None` when the store says nothing of it. A person named in
    /// many articles has many statements: they are sorted on disk past the sort's run size,
    /// and the Turtle is held in a temporary file past the spool's bound (see
    /// [`crate::store::sort`]), in the system's temporary folder.
    pub fn describe(
        &self,
        iri: &str,
    ) -> std::result::Result<Option<crate::store::spool::Spooled>, Miss> {
        use crate::export::{sort, spool::Spool};
        use oxigraph::sparql::QueryResults;
        let params = iri_param("s", iri)?;
        let QueryResults::Graph(triples) =
            query::execute(&self.store, DESCRIBE.0, DESCRIBE.1, &params)?
        else {
            return Err(Miss::Failed(Error::Other(
                "describe: not a CONSTRUCT".into(),
            )));
        };
        let opts = sort::Options::in_dir(std::env::temp_dir());
        let mut sorter = sort::Sorter::new(opts.clone());
        let mut line = String::new();
        let mut any = false;
        for t in triples {
            let t = t.map_err(|e| Miss::Failed(Error::Other(e.to_string())))?;
            line.clear();
            std::fmt::Write::write_fmt(&mut line, format_args!("{t}"))
                .expect("a String takes every write");
            sorter.push(line.as_bytes())?;
            any = true;
        }
        if !any {
            return Ok(None);
        }
        let mut out = Spool::new(&opts.dir);
        crate::export::write(
            sorter.finish()?,
            oxigraph::io::RdfFormat::Turtle,
            &mut out,
            std::path::Path::new("<the answer>"),
        )?;
        Ok(Some(out.finish()?))
    }

    /// The articles whose id or title has every word of `q` (folded), the latest first; all of
    /// them for an empty `q`. The total matched, and the first `limit`. The list is read from a
    /// file for each list asked for (see [`ArticleList`]): memory holds the `limit` rows.
    pub fn articles(&self, q: &str, limit: usize) -> std::result::Result<Value, Miss> {
        let all = self
            .articles
            .get_or_init(|| {
                self.own_reading(ArticleList::read)
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| Miss::Failed(Error::Other(e.clone())))?;
        let wanted = fold(q);
        let wanted: Vec<&str> = wanted.split_whitespace().collect();
        let mut total = 0;
        let mut list: Vec<Value> = Vec::new();
        all.each(|row| {
            let matched = wanted
                .iter()
                .all(|w| row.words.split(' ').any(|x| x.starts_with(w)));
            if matched {
                total += 1;
                if list.len() < limit {
                    list.push(Self::article_of(&row.row()));
                }
            }
        })?;
        Ok(json!({ "q": q, "total": total, "articles": list }))
    }

    /// Counts for the page's header, and what the server can do.
    pub fn info(&self) -> Value {
        json!({
            "base": ID,
            "names": self.index.len(),
            "articles": *self.article_count.get_or_init(|| {
                // Counting the article graphs reads every one (11.6 s at 500,000 articles): the
                // count kept at ingest, else counted once for this handle (it sees one state).
                crate::pipeline::summary::Counts::kept(&self.store)
                    .map(|c| c.articles)
                    .or_else(|| self.store.articles().ok())
                    .unwrap_or_default()
            }),
        })
    }

    /// The search box: the best hits of the name index.
    pub fn search(&self, q: &str, kinds: &[Kind], limit: usize) -> Value {
        let hits: Vec<Value> = self
            .index
            .find(q, kinds, limit)
            .into_iter()
            .map(|h| {
                json!({
                    "iri": h.iri, "path": path(&h.iri), "kind": h.kind, "label": h.label,
                    "scope": h.scope, "articles": h.articles, "score": h.score,
                })
            })
            .collect();
        json!({ "q": q, "hits": hits, "answer": self.role_place(q).unwrap_or(Value::Null) })
    }

    /// A search that names a role and a place or a body (`bi thu nghe an`, `chủ tịch ubnd hà
    /// tĩnh`): the holders of that post there (current ones, the main bodies first), each with
    /// the evidence of the last article that states it. `None` when the search is no such thing.
    fn role_place(&self, q: &str) -> Option<Value> {
        let mut words: Vec<String> = Vec::new();
        for w in fold(q).split_whitespace() {
            match abbreviations().iter().find(|(a, _)| a == w) {
                Some((_, long)) => words.extend(long.split(' ').map(String::from)),
                None => words.push(w.to_string()),
            }
        }
        let roles = self.index.roles();
        // The longest role the search begins with (`pho bi thu`, not `pho`), and something after.
        let (role, rest) = (1..words.len()).rev().find_map(|i| {
            let head = words[..i].join(" ");
            let role = roles.iter().find(|r| fold(r) == head)?;
            Some((role.clone(), words[i..].join(" ")))
        })?;
        // A place or body with every word typed, and whose name ends as typed (`ha tinh`: not
        // `tỉnh Hà Nam`, whose level word is a `tinh` too).
        let typed: Vec<&str> = rest.split(' ').collect();
        let tail = typed[typed.len().saturating_sub(2)..].join(" ");
        // Of those, the one of fewest other words (`tỉnh Hà Tĩnh`, not `Tỉnh ủy Hà Tĩnh`).
        let best = self
            .index
            .find(&rest, &[Kind::Place, Kind::Body], 50)
            .into_iter()
            .filter(|h| {
                let label = fold(&h.label);
                h.score >= 60
                    && label.ends_with(&tail)
                    && typed.iter().all(|w| label.split(' ').any(|x| x == *w))
            })
            .min_by_key(|h| (fold(&h.label).split(' ').count(), h.kind != Kind::Place))?;
        let mut holders: Vec<Value> = match best.kind {
            Kind::Body => self
                .holders(&best.iri, true)
                .ok()?
                .into_iter()
                .filter(|h| h["role"] == role.as_str())
                .map(|mut h| {
                    h["organization"] = json!(best.label);
                    h["org_path"] = json!(path(&best.iri));
                    h
                })
                .collect(),
            _ => {
                let vi = |s: &str| {
                    Term::from(
                        oxigraph::model::Literal::new_language_tagged_literal_unchecked(s, "vi"),
                    )
                };
                let params = vec![
                    ("role".to_string(), vi(&role)),
                    ("place".to_string(), vi(&best.label)),
                ];
                let rows = self.rows(HOLDERS_IN, &params).ok()?;
                let mut orgs: Vec<(String, String)> = rows
                    .iter()
                    .filter_map(|r| {
                        Some((
                            r.get("organization_id")?.clone(),
                            r.get("organization")?.clone(),
                        ))
                    })
                    .collect();
                orgs.sort();
                orgs.dedup();
                let name = best
                    .label
                    .split_whitespace()
                    .skip_while(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .collect::<Vec<_>>()
                    .join(" ");
                orgs.sort_by_key(|(_, label)| {
                    (!label.ends_with(&name), body_rank(label), label.clone())
                });
                let mut out = Vec::new();
                for (org, label) in orgs {
                    for mut h in self.holders(&org, true).ok()? {
                        if h["role"] == role.as_str() {
                            h["organization"] = json!(label);
                            h["org_path"] = json!(path(&org));
                            out.push(h);
                        }
                    }
                }
                out
            }
        };
        holders.truncate(20);
        for h in &mut holders {
            let Some(t) = h["tenure"].as_str().map(String::from) else {
                continue;
            };
            let Some(p) = h["person"].as_str().map(String::from) else {
                continue;
            };
            let rows = self
                .rows(PERSON_STATEMENTS, &iri_param("p", &p).ok()?)
                .ok()?;
            if let Some(r) = rows.iter().find(|r| r.get("tenure") == Some(&t)) {
                let mut s = Self::article_of(r);
                s["evidence"] = self.evidence(r);
                h["statement"] = s;
            }
        }
        Some(json!({
            "role": role,
            "kind": best.kind,
            "label": best.label,
            "path": path(&best.iri),
            "holders": holders,
        }))
    }

    /// The evidence of a fact: its sentence when the article's text is at hand, else its words.
    fn evidence(&self, r: &Row) -> Value {
        let (Some(start), Some(end)) = (int(r, "start"), int(r, "end")) else {
            return Value::Null;
        };
        let surface = r.get("surface").map_or("", String::as_str);
        let doc = r.get("doc").map_or("", String::as_str);
        let found = self
            .texts
            .text_for(doc, start, end, surface, || self.article_text(doc))
            .and_then(|t| sentence(&t, start, end));
        let sentence = found.is_some();
        let s = found.unwrap_or_else(|| InSentence {
            before: String::new(),
            mark: surface.to_string(),
            after: String::new(),
        });
        json!({
            "before": s.before, "mark": s.mark, "after": s.after, "sentence": sentence,
            "start": start, "end": end, "rule": text(r, "rule"),
        })
    }

    fn article_of(r: &Row) -> Value {
        json!({
            "doc": text(r, "doc"),
            "path": r.get("doc").map(|d| path(&crate::rdf::iri::article(d)).to_string()),
            "title": text(r, "title"),
            "date": text(r, "date"),
        })
    }

    /// The people a person's IRI is linked to in the identity graph (see
    /// [`crate::rdf::identity`]): `samePerson` and `possiblySame`, each with its name and province.
    fn identity(&self, iri: &str) -> std::result::Result<(Vec<Value>, Vec<Value>), Miss> {
        let mut same = Vec::new();
        let mut possibly = Vec::new();
        for r in self.rows(IDENTITY_OF, &iri_param("p", iri)?)? {
            let Some(other) = r.get("other") else {
                continue;
            };
            let v = json!({
                "iri": other, "path": path(other), "name": text(&r, "name"),
                "scope": self.index.get(other).and_then(|h| h.scope),
            });
            match r.get("link").map(String::as_str) {
                Some("samePerson") => same.push(v),
                Some("possiblySame") => possibly.push(v),
                _ => {}
            }
        }
        Ok((same, possibly))
    }

    /// A person: a summary (the latest post stated), the posts as a timeline in time order
    /// (`since` where the text gives it, else the first date stated; never "current": a post is
    /// stated on a date in an article), each with its statements (article, date, the sentence
    /// with the span marked), the other mentions, the sources, and the other IRIs of the same
    /// person (merged in) or possibly the same (listed).
    pub fn person(&self, iri: &str) -> std::result::Result<Value, Miss> {
        let p = iri_param("p", iri)?;
        let mut mentions = self.rows(PERSON, &p)?;
        let Some(name) = mentions.first().and_then(|r| r.get("name")).cloned() else {
            return Err(Miss::NotFound(format!("no person {iri} in the store")));
        };
        let (same, possibly) = self.identity(iri)?;
        let ids: Vec<String> = std::iter::once(iri.to_string())
            .chain(
                same.iter()
                    .filter_map(|v| v["iri"].as_str().map(String::from)),
            )
            .collect();
        let mut statements: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        let mut posts: Vec<Value> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let p = iri_param("p", id)?;
            if i > 0 {
                mentions.extend(self.rows(PERSON, &p)?);
            }
            for r in self.rows(PERSON_STATEMENTS, &p)? {
                let mut s = Self::article_of(&r);
                s["evidence"] = self.evidence(&r);
                s["since"] = text(&r, "since");
                s["until"] = text(&r, "until");
                statements.entry(r["tenure"].clone()).or_default().push(s);
            }
            for r in self.rows(PERSON_POSTS, &p)? {
                posts.push(json!({
                    "role": text(&r, "role"),
                    "organization": text(&r, "organization"),
                    "org": text(&r, "org"),
                    "org_path": r.get("org").map(|o| path(o).to_string()),
                    "former": r.get("former").is_some_and(|f| f == "true"),
                    "first_stated": text(&r, "first_stated"),
                    "last_stated": text(&r, "last_stated"),
                    "since": text(&r, "since"),
                    "until": text(&r, "until"),
                    "articles": int(&r, "articles"),
                    "last_doc": text(&r, "last_doc"),
                    "person": id,
                    "statements": statements.remove(&r["tenure"]).unwrap_or_default(),
                }));
            }
        }
        // A post stated of two IRIs of one person: one post, its statements together.
        let mut merged: Vec<Value> = Vec::new();
        for p in posts {
            let same = |m: &Value| {
                m["role"] == p["role"] && m["org"] == p["org"] && m["former"] == p["former"]
            };
            match merged.iter_mut().find(|m| same(m)) {
                Some(m) => {
                    let n =
                        m["articles"].as_u64().unwrap_or(0) + p["articles"].as_u64().unwrap_or(0);
                    m["articles"] = json!(n);
                    for (k, earliest) in [
                        ("first_stated", true),
                        ("since", true),
                        ("last_stated", false),
                        ("until", false),
                    ] {
                        let (a, b) = (m[k].as_str(), p[k].as_str());
                        let pick = match (a, b) {
                            (Some(a), Some(b)) => Some(if (a < b) == earliest { a } else { b }),
                            (a, b) => a.or(b),
                        };
                        m[k] = pick.map_or(Value::Null, |v| json!(v));
                    }
                    if let (Some(to), Some(from)) = (
                        m["statements"].as_array().cloned(),
                        p["statements"].as_array(),
                    ) {
                        m["statements"] = json!(to
                            .into_iter()
                            .chain(from.iter().cloned())
                            .collect::<Vec<_>>());
                    }
                }
                None => merged.push(p),
            }
        }
        let mut posts = merged;
        by_time(&mut posts);
        let main = posts.iter().find(|p| p["former"] == false).cloned();
        let mut sources: BTreeMap<String, Value> = BTreeMap::new();
        for s in posts
            .iter()
            .flat_map(|p| p["statements"].as_array().cloned().unwrap_or_default())
        {
            if let Some(doc) = s["doc"].as_str() {
                sources.entry(doc.to_string()).or_insert_with(|| {
                    json!({ "doc": doc, "path": s["path"], "title": s["title"], "date": s["date"] })
                });
            }
        }
        let mentions: Vec<Value> = mentions
            .iter()
            .map(|r| {
                let mut m = Self::article_of(r);
                m["evidence"] = self.evidence(r);
                sources.entry(m["doc"].as_str().unwrap_or_default().to_string()).or_insert_with(|| {
                    json!({ "doc": m["doc"], "path": m["path"], "title": m["title"], "date": m["date"] })
                });
                m
            })
            .collect();
        let mut sources: Vec<Value> = sources.into_values().collect();
        // The latest first; undated last.
        sources.sort_by_key(|s| {
            (
                s["date"].is_null(),
                std::cmp::Reverse(s["date"].as_str().map(String::from)),
                s["doc"].as_str().map(String::from),
            )
        });
        let hit = self.index.get(iri);
        Ok(json!({
            "iri": iri, "path": path(iri), "name": name,
            "scope": hit.and_then(|h| h.scope),
            "main": main,
            "posts": posts, "mentions": mentions, "sources": sources,
            "same": same, "possibly": possibly,
        }))
    }

    fn holders(&self, org: &str, current_only: bool) -> Result<Vec<Value>> {
        let params = vec![("org".to_string(), Term::from(NamedNode::new_unchecked(org)))];
        Ok(self
            .rows(HOLDERS, &params)?
            .into_iter()
            .filter(|r| !current_only || r.get("former").is_none_or(|f| f != "true"))
            .map(|r| {
                json!({
                    "tenure": text(&r, "t"),
                    "person": text(&r, "person"),
                    "path": r.get("person").map(|p| path(p).to_string()),
                    "name": text(&r, "name"),
                    "role": text(&r, "role"),
                    "former": r.get("former").is_some_and(|f| f == "true"),
                    "first_stated": text(&r, "first_stated"),
                    "last_stated": text(&r, "last_stated"),
                    "since": text(&r, "since"),
                    "until": text(&r, "until"),
                    "articles": int(&r, "articles"),
                    "last_doc": text(&r, "last_doc"),
                    "last_path": r.get("last_doc").map(|d| path(&crate::rdf::iri::article(d)).to_string()),
                })
            })
            .collect())
    }

    /// Rows of a page query that relate a node to others: `self` and the related, by relation.
    fn related(rows: &[Row]) -> (Option<&Row>, BTreeMap<&str, Vec<Value>>) {
        let mut by: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        let mut own = None;
        for r in rows {
            match r.get("rel").map(String::as_str) {
                Some("self") => own = own.or(Some(r)),
                Some(rel) => by.entry(rel).or_default().push(json!({
                    "iri": text(r, "node"),
                    "path": r.get("node").map(|n| path(n).to_string()),
                    "label": text(r, "label"),
                    "kind": text(r, "kind"),
                })),
                None => {}
            }
        }
        (own, by)
    }

    /// A body: who holds which post in it, its place, its parent and its sub-bodies.
    pub fn body(&self, iri: &str) -> std::result::Result<Value, Miss> {
        let rows = self.rows(BODY, &iri_param("o", iri)?)?;
        let (own, mut by) = Self::related(&rows);
        let Some(own) = own else {
            return Err(Miss::NotFound(format!("no body {iri} in the store")));
        };
        Ok(json!({
            "iri": iri, "path": path(iri),
            "label": text(own, "label"), "kind": text(own, "kind"),
            "scope": self.index.get(iri).and_then(|h| h.scope),
            "place": by.remove("place").and_then(|p| p.into_iter().next()),
            "parents": by.remove("parent").unwrap_or_default(),
            "parts": by.remove("part").unwrap_or_default(),
            "holders": self.holders(iri, false)?,
        }))
    }

    /// A place: the unit it is part of, its units, and the bodies whose jurisdiction it is with
    /// their current holders.
    pub fn place(&self, iri: &str) -> std::result::Result<Value, Miss> {
        let rows = self.rows(PLACE, &iri_param("u", iri)?)?;
        let (own, mut by) = Self::related(&rows);
        let Some(own) = own else {
            return Err(Miss::NotFound(format!("no place {iri} in the store")));
        };
        let mut bodies = by.remove("body").unwrap_or_default();
        for b in &mut bodies {
            let org = b["iri"].as_str().unwrap_or_default().to_string();
            b["holders"] = Value::Array(self.holders(&org, true)?);
        }
        // The main bodies and their heads first, the bodies of no holder last.
        bodies.sort_by_key(|b| {
            let label = b["label"].as_str().unwrap_or_default().to_string();
            let empty = b["holders"].as_array().is_none_or(Vec::is_empty);
            (empty, body_rank(&label), label)
        });
        Ok(json!({
            "iri": iri, "path": path(iri),
            "label": text(own, "label"), "level": text(own, "kind"),
            "scope": self.index.get(iri).and_then(|h| h.scope),
            "parents": by.remove("parent").unwrap_or_default(),
            "parts": by.remove("part").unwrap_or_default(),
            "bodies": bodies,
        }))
    }

    /// An article: its facts by kind, and its text with each fact marked (as displaCy shows
    /// entities) when the text is at hand, else the words of the facts, in order.
    pub fn article(&self, iri: &str) -> std::result::Result<Value, Miss> {
        let a = iri_param("a", iri)?;
        let rows = self.rows(ARTICLE, &a)?;
        let Some(doc) = rows.first().and_then(|r| r.get("doc")).cloned() else {
            return Err(Miss::NotFound(format!("no article {iri} in the store")));
        };
        let mut head = json!({ "iri": iri, "path": path(iri), "doc": doc });
        let mut authors = Vec::new();
        for r in &rows {
            for k in ["title", "date", "source", "page"] {
                if let Some(v) = r.get(k) {
                    head[k] = Value::String(v.clone());
                }
            }
            // The article's address becomes a link on the page: http or https only (a
            // `javascript:` address was a link, stopped only by the CSP).
            if let Some(page) = r.get("page") {
                if !is_web_address(page) {
                    head["page"] = Value::Null;
                    head["address"] = Value::String(page.clone());
                }
            }
            if let Some(a) = r.get("author") {
                authors.push(a.clone());
            }
        }
        let mut facts: Vec<Value> = Vec::new();
        let mut spans = Vec::new();
        let mut surfaces = Vec::new();
        for r in self.rows(ARTICLE_FACTS, &a)? {
            let kind = match (
                r.get("type").map(String::as_str),
                r.get("class").map(String::as_str),
            ) {
                (Some(vocab::pg::OFFICE_HOLDING), _) => "office",
                (_, Some(vocab::foaf::PERSON)) => "person",
                (_, Some(vocab::org::ORGANIZATION)) => "organization",
                (_, Some(vocab::pg::ADMINISTRATIVE_UNIT)) => "locality",
                (_, Some(vocab::pg::DOCUMENT)) => "document",
                (_, Some(vocab::pg::EVENT)) => "event",
                _ => continue,
            };
            let (Some(s), Some(e)) = (int(&r, "start"), int(&r, "end")) else {
                continue;
            };
            spans.push((s, e));
            surfaces.push(r.get("surface").cloned().unwrap_or_default());
            facts.push(json!({
                "kind": kind, "start": s, "end": e,
                "surface": text(&r, "surface"), "rule": text(&r, "rule"),
                "entity": text(&r, "entity"),
                "path": r.get("entity").map(|n| path(n).to_string()),
                "label": text(&r, "label"),
            }));
        }
        head["authors"] = json!(authors);
        // The text, if the one at hand still holds every fact's words where the store says.
        let whole = self
            .texts
            .get(&doc, || self.article_text(&doc))
            .filter(|t| {
                spans.iter().zip(&surfaces).all(|(&(s, e), w)| {
                    self.texts
                        .text_for(&doc, s, e, w, || Some(t.to_string()))
                        .is_some()
                })
            });
        head["text"] = match whole {
            Some(t) => json!(segments(&t, &spans)),
            None => Value::Null,
        };
        head["fragments"] = json!(fragments(&spans, &surfaces));
        head["facts"] = Value::Array(facts);
        Ok(head)
    }

    /// The network around a node: its nodes and links for the page to draw (see below), and
    /// its DOT as `polgraph graph --around` writes it (a neighbourhood too large to read one
    /// step less).
    pub fn graph(
        &self,
        iri: &str,
        depth: usize,
        lang: dot::Lang,
    ) -> std::result::Result<Value, Miss> {
        let net = self.network()?;
        let Some(seed) = net.g.node_indices().find(|&i| net.g[i].iri == iri) else {
            return Err(Miss::NotFound(format!("no node {iri} in the network")));
        };
        let label = net.g[seed].label.clone();
        let asked = depth.clamp(1, 4);
        let mut depth = asked;
        let around = loop {
            let mut n = Network { g: net.g.clone() };
            n.around(&[seed], depth);
            if n.g.node_count() <= MAX_NODES || depth == 1 {
                break n;
            }
            depth -= 1;
        };
        let vi = lang == dot::Lang::Vi;
        let title = format!(
            "polgraph: {} {label} ({depth} {})",
            if vi { "quanh" } else { "around" },
            if vi { "bước" } else { "steps" }
        );
        let text = dot::write(&around, lang, &title);
        // The picture the page draws itself: nodes and links, a hub (a node of more links in
        // the whole network than [`HUB`], Ban Chấp hành Trung ương, Quốc hội) not opened past
        // itself but shown with its count.
        let mut keep: Vec<petgraph::stable_graph::NodeIndex> = vec![seed];
        let mut seen: std::collections::BTreeSet<_> = keep.iter().copied().collect();
        let mut frontier = vec![seed];
        let degree = |n| net.g.neighbors_undirected(n).count();
        for _ in 0..asked {
            let mut next = Vec::new();
            for &n in &frontier {
                if n != seed && degree(n) > HUB {
                    continue;
                }
                let mut around: Vec<_> = net.g.neighbors_undirected(n).collect();
                around.sort_by_key(|&m| net.g[m].iri.clone());
                for m in around {
                    if seen.len() >= MAX_NODES {
                        break;
                    }
                    if seen.insert(m) {
                        keep.push(m);
                        next.push(m);
                    }
                }
            }
            frontier = next;
        }
        let at: BTreeMap<_, usize> = keep.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let nodes: Vec<Value> = keep
            .iter()
            .map(|&n| {
                let node = &net.g[n];
                let d = degree(n);
                json!({
                    "label": node.label, "path": path(&node.iri), "kind": format!("{:?}", node.kind).to_lowercase(),
                    "seed": n == seed,
                    "hub": (n != seed && d > HUB).then_some(d),
                })
            })
            .collect();
        let mut links: Vec<Value> = Vec::new();
        for e in net.g.edge_indices() {
            let Some((a, b)) = net.g.edge_endpoints(e) else {
                continue;
            };
            if let (Some(&i), Some(&j)) = (at.get(&a), at.get(&b)) {
                links.push(json!({ "source": i, "target": j, "role": net.g[e].role, "former": net.g[e].former }));
            }
        }
        Ok(json!({
            "picture": { "nodes": nodes, "links": links },
            "dot": text,
            "depth": asked,
            "dot_depth": depth,
            "nodes": around.g.node_count(),
            "edges": around.g.edge_count(),
        }))
    }
}

/// The most nodes a picture shows.
const MAX_NODES: usize = 250;

/// A node of more links than this is a hub: shown, not opened (see [`Site::graph`]).
const HUB: usize = 40;

/// Without the text: the words of each outermost fact, in order, with the facts within it
/// marked where its words are as long as its span (normalisation may have changed a length).
fn fragments(spans: &[(usize, usize)], surfaces: &[String]) -> Vec<Value> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1)));
    let mut done = vec![false; spans.len()];
    let mut out = Vec::new();
    for &outer in &order {
        if done[outer] {
            continue;
        }
        let (s, e) = spans[outer];
        let inner: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&j| !done[j] && spans[j].0 >= s && spans[j].1 <= e)
            .collect();
        for &j in &inner {
            done[j] = true;
        }
        let words = &surfaces[outer];
        let fits = words.chars().count() == e - s;
        let local: Vec<(usize, usize)> = inner
            .iter()
            .filter(|&&j| fits || j == outer)
            .map(|&j| (spans[j].0 - s, spans[j].1 - s))
            .collect();
        let global: Vec<usize> = inner
            .iter()
            .copied()
            .filter(|&j| fits || j == outer)
            .collect();
        let segs: Vec<Value> = segments(words, &local)
            .into_iter()
            .map(|seg| {
                json!({
                    "text": seg.text,
                    "facts": seg.facts.iter().map(|&k| global[k]).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.push(json!({ "start": s, "segments": segs }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::vocab::{dcterms, pg, rdf};
    use oxigraph::model::{Literal, Quad};

    #[test]
    fn the_list_of_articles_is_read_from_its_file_latest_first_an_article_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let n = |s: &str| NamedNode::new_unchecked(s);
        let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
        for a in 0..30 {
            let id = format!("a{a}");
            let g = crate::rdf::iri::article(&id);
            let art = format!("{g}#it");
            let q = |p: &str, o: Term| Quad::new(n(&art), n(p), o, n(&g));
            let mut quads = vec![
                q(rdf::TYPE, n(pg::ARTICLE).into()),
                q(dcterms::IDENTIFIER, lit(&id)),
            ];
            // Tied dates, a date that begins a later one, none.
            match a % 4 {
                0 => quads.push(q(dcterms::DATE, lit("2020-01"))),
                1 => quads.push(q(dcterms::DATE, lit("2020-01-05"))),
                2 => quads.push(q(dcterms::DATE, lit(&format!("2019-12-{:02}", a)))),
                _ => {}
            }
            if a != 7 {
                let title = if a == 5 {
                    "Tin 0\tmột\ndòng \\ hai".to_string()
                } else {
                    format!("Tin {}", a % 5)
                };
                quads.push(q(dcterms::TITLE, lit(&title)));
            }
            for author in 0..(a % 3) {
                quads.push(q(pg::AUTHOR_NAME, lit(&format!("W{author}"))));
            }
            store.set_graph(&g, &quads).unwrap();
        }
        let site = Site::new(store).unwrap();
        // What the page listed when it held the list in memory: the query's rows, an article
        // once, sorted by date (the latest first) then id.
        let mut rows = query::rows(&site.store, "articles").unwrap();
        rows.dedup_by(|a, b| a.get("doc") == b.get("doc"));
        rows.sort_by(|a, b| (b.get("date"), a.get("doc")).cmp(&(a.get("date"), b.get("doc"))));
        let all = site.articles("", 500).unwrap();
        assert_eq!(all["total"], 30);
        assert_eq!(
            all["articles"],
            Value::Array(rows.iter().map(Site::article_of).collect())
        );
        assert_eq!(all["articles"][0]["date"], "2020-01-05");
        assert_eq!(all["articles"][29]["date"], Value::Null);
        let five = all["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["doc"] == "a5")
            .unwrap();
        assert_eq!(five["title"], "Tin 0\tmột\ndòng \\ hai");
        // A word of the title, of the id; the first `limit` of those matched.
        let tin2 = site.articles("tin 2", 2).unwrap();
        assert_eq!(tin2["total"], 5);
        assert_eq!(tin2["articles"].as_array().unwrap().len(), 2);
        assert_eq!(site.articles("mot dong", 5).unwrap()["total"], 1);
        assert_eq!(site.articles("a1", 50).unwrap()["total"], 11);
        assert_eq!(site.articles("nothing", 5).unwrap()["total"], 0);
    }
}
