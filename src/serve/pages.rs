//! What the web page shows, as JSON, independent of HTTP: a search, a person with the evidence of
//! each post, a body, a place, an article with its facts, the network around a node. Each reads
//! the store through the queries of `queries/internal/`.

use super::text::{segments, sentence, InSentence, Texts};
use crate::error::{Error, Result};
use crate::export::graph::{dot, Network};
use crate::query;
use crate::query::search::{Index, Kind};
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
);

type Row = BTreeMap<String, String>;

/// The store, its name index and the texts, read once: the store does not change while served.
pub struct Site {
    pub store: Store,
    pub index: Index,
    pub texts: Texts,
    /// The network of the whole store, read once (see [`Site::network`]).
    network: OnceLock<std::result::Result<Network, String>>,
    /// Where to open a handle of the store without the queries' timeout, to read the network
    /// (37 s at 10,000 articles: longer than a query may take).
    network_store: Option<std::path::PathBuf>,
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
    pub fn new(store: Store) -> Result<Site> {
        let index = Index::build(&store)?;
        Ok(Site {
            store,
            index,
            texts: Texts::default(),
            network: OnceLock::new(),
            network_store: None,
        })
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

    /// Counts for the page's header, and what the server can do.
    pub fn info(&self) -> Value {
        json!({
            "base": ID,
            "names": self.index.len(),
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
        json!({ "q": q, "hits": hits })
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

    /// A person: the posts as a timeline (current first, the last stated first), each with its
    /// statements (article, date, the sentence with the span marked), and the other mentions.
    pub fn person(&self, iri: &str) -> std::result::Result<Value, Miss> {
        let p = iri_param("p", iri)?;
        let mentions = self.rows(PERSON, &p)?;
        let Some(name) = mentions.first().and_then(|r| r.get("name")).cloned() else {
            return Err(Miss::NotFound(format!("no person {iri} in the store")));
        };
        let mut statements: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for r in self.rows(PERSON_STATEMENTS, &p)? {
            let mut s = Self::article_of(&r);
            s["evidence"] = self.evidence(&r);
            statements.entry(r["tenure"].clone()).or_default().push(s);
        }
        let posts: Vec<Value> = self
            .rows(PERSON_POSTS, &p)?
            .into_iter()
            .map(|r| {
                json!({
                    "role": text(&r, "role"),
                    "organization": text(&r, "organization"),
                    "org": text(&r, "org"),
                    "org_path": r.get("org").map(|o| path(o).to_string()),
                    "former": r.get("former").is_some_and(|f| f == "true"),
                    "first_stated": text(&r, "first_stated"),
                    "last_stated": text(&r, "last_stated"),
                    "articles": int(&r, "articles"),
                    "last_doc": text(&r, "last_doc"),
                    "statements": statements.remove(&r["tenure"]).unwrap_or_default(),
                })
            })
            .collect();
        let mentions: Vec<Value> = mentions
            .iter()
            .map(|r| {
                let mut m = Self::article_of(r);
                m["evidence"] = self.evidence(r);
                m
            })
            .collect();
        let hit = self.index.get(iri);
        Ok(json!({
            "iri": iri, "path": path(iri), "name": name,
            "scope": hit.and_then(|h| h.scope),
            "posts": posts, "mentions": mentions,
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
                    "person": text(&r, "person"),
                    "path": r.get("person").map(|p| path(p).to_string()),
                    "name": text(&r, "name"),
                    "role": text(&r, "role"),
                    "former": r.get("former").is_some_and(|f| f == "true"),
                    "first_stated": text(&r, "first_stated"),
                    "last_stated": text(&r, "last_stated"),
                    "articles": int(&r, "articles"),
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

    /// The network around a node, as `polgraph graph --around` draws it: DOT, and SVG where
    /// GraphViz's `dot` is installed. A neighbourhood too large to read is drawn one step less.
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
        let mut depth = depth.clamp(1, 4);
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
        Ok(json!({
            "svg": svg(&text),
            "dot": text,
            "depth": depth,
            "nodes": around.g.node_count(),
            "edges": around.g.edge_count(),
        }))
    }
}

/// The most nodes a picture shows.
const MAX_NODES: usize = 250;

/// DOT to SVG through GraphViz's `dot`, if it is installed.
fn svg(text: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = text.to_string();
    // Written from a thread: `dot` may fill its output pipe before it has read all its input.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    let _ = writer.join();
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).ok())
        .flatten()
}

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
