//! Tenures: a person's holding of a post across the articles that state it as current, and
//! apart from it, across those that state it as former ("nguyên Bí thư"). One node a tenure, in a
//! graph of its own (`…/id/graph/tenures`) beside the article graphs, with the first and the last
//! date stated, the number of articles and the last of them: "who holds a post in a place" and
//! "which posts does this person hold" read a few tenures instead of every article that names
//! the holders, and a person's statements are reached from their tenures.
//!
//! The tenures graph is derived from the article graphs and kept with them: an ingest adds what
//! its articles state to the tenures they name; an article replaced takes its statements back
//! (its tenures are counted again from the articles that still state them). An article graph
//! links each holding to its tenure (`pg:tenure`).

use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::when::Partial;
use crate::rdf::vocab::{foaf, org, pg, rdf, skos, xsd};
use crate::rdf::{iri, Graph};
use chrono::NaiveDate;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;

/// What the articles say of one tenure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Articles that state it.
    pub statements: u64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// The article of the latest date (of the greatest IRI among equals; undated articles come
    /// before dated ones).
    pub last_article: String,
    /// The earliest `since` and the latest `until` the articles state (EXTRACTION.md §4 "When").
    pub since: Option<Partial>,
    pub until: Option<Partial>,
}

impl Tally {
    /// One article's statement.
    pub fn one(article: &str, date: Option<NaiveDate>) -> Tally {
        Tally {
            statements: 1,
            first: date,
            last: date,
            last_article: article.to_string(),
            since: None,
            until: None,
        }
    }

    /// With the time of the post the statement gives.
    pub fn timed(self, since: Option<Partial>, until: Option<Partial>) -> Tally {
        Tally {
            since,
            until,
            ..self
        }
    }

    /// Both tallies together.
    pub fn merge(&self, other: &Tally) -> Tally {
        fn min<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
            match (a, b) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
        let later = (other.last, &other.last_article) > (self.last, &self.last_article);
        Tally {
            statements: self.statements + other.statements,
            first: min(self.first, other.first),
            last: self.last.max(other.last),
            last_article: if later {
                other.last_article.clone()
            } else {
                self.last_article.clone()
            },
            since: min(self.since, other.since),
            until: self.until.max(other.until),
        }
    }

    /// The tally's statements about `tenure`, in the tenures graph.
    pub fn quads(&self, tenure: &NamedNode) -> Vec<Quad> {
        let g = graph_name();
        let mut out = vec![Quad::new(
            tenure.clone(),
            NamedNode::new_unchecked(pg::STATEMENTS),
            Literal::new_typed_literal(
                self.statements.to_string(),
                NamedNode::new_unchecked(xsd::INTEGER),
            ),
            g.clone(),
        )];
        for (p, d) in [(pg::FIRST_STATED, self.first), (pg::LAST_STATED, self.last)] {
            if let Some(d) = d {
                out.push(Quad::new(
                    tenure.clone(),
                    NamedNode::new_unchecked(p),
                    Literal::new_typed_literal(d.to_string(), NamedNode::new_unchecked(xsd::DATE)),
                    g.clone(),
                ));
            }
        }
        for (p, t) in [(pg::SINCE, self.since), (pg::UNTIL, self.until)] {
            if let Some(t) = t {
                out.push(Quad::new(
                    tenure.clone(),
                    NamedNode::new_unchecked(p),
                    Literal::new_typed_literal(
                        t.lexical(),
                        NamedNode::new_unchecked(crate::rdf::datatype(&t)),
                    ),
                    g.clone(),
                ));
            }
        }
        out.push(Quad::new(
            tenure.clone(),
            NamedNode::new_unchecked(pg::LAST_ARTICLE),
            NamedNode::new_unchecked(&self.last_article),
            g,
        ));
        out
    }

    /// Reads a tally back from a tenure's statements (the predicates of [`Tally::quads`]);
    /// `None` when there is no count.
    pub fn from_quads<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> Option<Tally> {
        let mut t = Tally {
            statements: 0,
            first: None,
            last: None,
            last_article: String::new(),
            since: None,
            until: None,
        };
        let mut counted = false;
        for q in quads {
            let (p, o) = (q.predicate.as_str(), &q.object);
            let value = match o {
                Term::Literal(l) => l.value(),
                Term::NamedNode(n) => n.as_str(),
                _ => continue,
            };
            match p {
                pg::STATEMENTS => {
                    t.statements = value.parse().ok()?;
                    counted = true;
                }
                pg::FIRST_STATED => t.first = value.parse().ok(),
                pg::LAST_STATED => t.last = value.parse().ok(),
                pg::LAST_ARTICLE => t.last_article = value.to_string(),
                pg::SINCE => t.since = Partial::parse(value),
                pg::UNTIL => t.until = Partial::parse(value),
                _ => {}
            }
        }
        counted.then_some(t)
    }

    /// Whether a predicate is one of a tally's.
    pub fn is_tally_predicate(p: &str) -> bool {
        matches!(
            p,
            pg::STATEMENTS
                | pg::FIRST_STATED
                | pg::LAST_STATED
                | pg::LAST_ARTICLE
                | pg::SINCE
                | pg::UNTIL
        )
    }
}

/// The tally of a tenure from the holdings that state it, each its article's statement (see
/// [`Tally::one`], [`Tally::timed`]); `None` when no article states it any more.
pub fn count(stated: impl IntoIterator<Item = Tally>) -> Option<Tally> {
    stated.into_iter().reduce(|tally, one| tally.merge(&one))
}

/// The name of the tenures graph.
pub fn graph_name() -> GraphName {
    GraphName::NamedNode(NamedNode::new_unchecked(iri::tenures_graph()))
}

/// What does not change with the articles: the tenure's person, post, body and the units the
/// body is within, with their labels, and whether the articles state it as former; and the
/// post's description (class, role, body, label), which the article graphs do not repeat.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Description {
    pub tenure: String,
    pub person: String,
    pub name: String,
    pub role: String,
    pub role_label: String,
    pub org: String,
    pub org_label: String,
    pub post: String,
    /// The units the body's jurisdiction is in (itself first), with their labels.
    pub within: Vec<(String, String)>,
    pub former: bool,
}

impl Description {
    /// The description of an article graph's `i`-th tenure.
    pub fn of(g: &Graph, i: usize) -> Description {
        let s = &g.tenures[i];
        let within = s
            .unit
            .map(|u| G.chain(u))
            .unwrap_or_default()
            .into_iter()
            .map(|v| (iri::place(&G.units[v].id), G.canonical(v)))
            .collect();
        Description {
            tenure: g.get(s.tenure).to_string(),
            person: g.get(s.person).to_string(),
            name: g.get(s.name).to_string(),
            role: g.get(s.role).to_string(),
            role_label: g.get(s.role_label).to_string(),
            org: g.get(s.org).to_string(),
            org_label: g.get(s.org_label).to_string(),
            post: g.get(s.post).to_string(),
            within,
            former: s.former,
        }
    }

    /// Its quads in the tenures graph.
    pub fn quads(&self) -> Vec<Quad> {
        let s = self;
        let g = graph_name();
        let n = |s: &str| NamedNode::new_unchecked(s);
        let t = n(&s.tenure);
        let mut out = Vec::with_capacity(17 + 2 * s.within.len());
        let mut iri = |subject: &NamedNode, p: &str, o: &str| {
            out.push(Quad::new(subject.clone(), n(p), n(o), g.clone()));
        };
        iri(&t, rdf::TYPE, pg::TENURE);
        iri(&t, org::MEMBER, &s.person);
        iri(&t, org::ROLE_P, &s.role);
        iri(&t, org::ORGANIZATION_P, &s.org);
        iri(&t, pg::POST_P, &s.post);
        for (u, _) in &s.within {
            iri(&t, pg::WITHIN, u);
        }
        // The post's description, a function of its IRI: its class, role and body, once here
        // rather than in every article graph that names it (its label below).
        let post = n(&s.post);
        iri(&post, rdf::TYPE, org::POST);
        iri(&post, org::ROLE_P, &s.role);
        iri(&post, org::POST_IN, &s.org);
        out.push(Quad::new(
            t.clone(),
            n(pg::FORMER),
            Literal::from(s.former),
            g.clone(),
        ));
        let vi = |v: &str| Literal::new_language_tagged_literal_unchecked(v, "vi");
        out.push(Quad::new(
            n(&s.person),
            n(foaf::NAME),
            Literal::new_simple_literal(&s.name),
            g.clone(),
        ));
        out.push(Quad::new(
            n(&s.role),
            n(skos::PREF_LABEL),
            vi(&s.role_label),
            g.clone(),
        ));
        out.push(Quad::new(
            n(&s.org),
            n(skos::PREF_LABEL),
            vi(&s.org_label),
            g.clone(),
        ));
        // The post's label: its role's and its body's, as the article graphs have them.
        out.push(Quad::new(
            post,
            n(skos::PREF_LABEL),
            vi(&format!("{} {}", s.role_label, s.org_label)),
            g.clone(),
        ));
        for (u, label) in &s.within {
            out.push(Quad::new(n(u), n(skos::PREF_LABEL), vi(label), g.clone()));
        }
        out
    }
}

/// Whether a tenure's predicate points at a node whose label (a post: whose description) the
/// tenures graph carries.
pub fn is_labelled(p: &str) -> bool {
    matches!(
        p,
        org::MEMBER | org::ROLE_P | org::ORGANIZATION_P | pg::WITHIN | pg::POST_P
    )
}

/// Tenures gathered from article graphs, in IRI order.
#[derive(Debug, Default)]
pub struct Tenures {
    pub map: BTreeMap<String, (Description, Tally)>,
}

impl Tenures {
    /// Adds what an article graph states.
    pub fn add(&mut self, g: &Graph) {
        for (i, s) in g.tenures.iter().enumerate() {
            let one = Tally::one(g.name.as_str(), s.date).timed(s.since, s.until);
            match self.map.get_mut(g.get(s.tenure)) {
                Some((_, t)) => *t = t.merge(&one),
                None => {
                    let d = Description::of(g, i);
                    self.map.insert(d.tenure.clone(), (d, one));
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every quad of the tenures graph, for a store that had none; a label once, however many
    /// tenures share its node.
    pub fn quads(&self) -> impl Iterator<Item = Quad> + '_ {
        let mut labelled = std::collections::HashSet::new();
        self.map.iter().flat_map(move |(t, (s, tally))| {
            let mut q = s.quads();
            // A node described by an earlier tenure is left out, all its statements (a post has
            // three).
            let mut fresh: Vec<String> = Vec::new();
            q.retain(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => {
                    let n = n.as_str();
                    if n == t.as_str() || fresh.iter().any(|f| f == n) {
                        true
                    } else if labelled.contains(n) {
                        false
                    } else {
                        fresh.push(n.to_string());
                        true
                    }
                }
                NamedOrBlankNode::BlankNode(_) => true,
            });
            labelled.extend(fresh);
            q.extend(tally.quads(&NamedNode::new_unchecked(t)));
            q
        })
    }
}

/// Tenures as keyed facts, for a job that extracts articles on many machines and merges what
/// they say of each tenure by key (Spark's `reduceByKey`, see `jobs/spark/extract.py`): an
/// article graph gives a fact per holding, `(tenure IRI, value)`; facts of one key merge with
/// [`merge_values`], in any order and grouping; [`Tenures::from_facts`] makes of the merged facts
/// the same tenures as [`Tenures::add`] over the articles in input order.
///
/// A value is a JSON object of fields under the rule that merges them, so that the job merges
/// values without knowing what a tenure is: `sum` adds numbers, `min` and `max` keep the least
/// and the greatest value (numbers, strings, and arrays compared element by element, as Python
/// compares lists); a field one side lacks is the other side's.
/// `{"sum": {"statements": 1}, "min": {"first": DAYS, "description": [ORDER, "JSON"]},
///   "max": {"last": [DATED, DAYS, "ARTICLE IRI"]}}`: the tally's count, its first date (days from
/// the common era; none for an undated article), the description of the article first in input
/// order (`ORDER`, its line: [`Tenures::add`] keeps the first) and the latest (date, article),
/// undated before dated, as [`Tally::merge`] orders them; with `"since": [Y, M?, D?]` under `min`
/// and `"until"` under `max` where the article states them.
pub mod facts {
    use super::{Description, Tally, Tenures};
    use crate::extract::when::Partial;
    use crate::rdf::Graph;
    use chrono::{Datelike, NaiveDate};
    use serde_json::{json, Map, Value};
    use std::cmp::Ordering;

    /// How a fact's line starts: an N-Quads comment, so that a stream of N-Quads with facts among
    /// them is still N-Quads.
    pub const PREFIX: &str = "#tenure-fact\t";

    /// The facts of an article graph, `order` its place in the input.
    pub fn of(g: &Graph, order: u64) -> Vec<(String, Value)> {
        g.tenures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let d = Description::of(g, i);
                let described = serde_json::to_string(&d).expect("a description serialises");
                let days = s.date.map(|d| d.num_days_from_ce());
                let mut min = Map::new();
                if let Some(days) = days {
                    min.insert("first".into(), json!(days));
                }
                min.insert("description".into(), json!([order, described]));
                if let Some(since) = s.since {
                    min.insert("since".into(), partial(since));
                }
                let mut max = Map::new();
                max.insert(
                    "last".into(),
                    json!([u8::from(days.is_some()), days.unwrap_or(0), g.name.as_str()]),
                );
                if let Some(until) = s.until {
                    max.insert("until".into(), partial(until));
                }
                let value = json!({
                    "sum": {"statements": 1},
                    "min": min,
                    "max": max,
                });
                (d.tenure, value)
            })
            .collect()
    }

    /// A partial date as a fact's value: `[year]`, `[year, month]`, `[year, month, day]`, which
    /// compare as [`Partial`] does (a year before any of its months).
    fn partial(p: Partial) -> Value {
        let mut v = vec![json!(p.year)];
        v.extend(p.month.map(|m| json!(m)));
        v.extend(p.day.map(|d| json!(d)));
        Value::Array(v)
    }

    /// The partial date of a fact's value, `None` when it has none.
    fn partial_of(v: Option<&Value>) -> Result<Option<Partial>, String> {
        let Some(v) = v else { return Ok(None) };
        let a = v
            .as_array()
            .ok_or_else(|| format!("a partial date that is no list: {v}"))?;
        let n = |i: usize| a.get(i).and_then(Value::as_i64);
        let year = n(0).and_then(|y| i32::try_from(y).ok());
        let month = n(1).and_then(|m| u32::try_from(m).ok());
        let day = n(2).and_then(|d| u32::try_from(d).ok());
        match (year, a.len()) {
            (Some(year), 1..=3) => Ok(Some(Partial { year, month, day })),
            _ => Err(format!(
                "a partial date that is not [year, month?, day?]: {v}"
            )),
        }
    }

    /// A fact as a line (without its newline): [`PREFIX`], the key, a tab, the value.
    pub fn line(key: &str, value: &Value) -> String {
        format!("{PREFIX}{key}\t{value}")
    }

    /// The fact of a line, `None` for a line that is not one (a quad, a blank line).
    pub fn parse(line: &str) -> Option<Result<(String, Value), String>> {
        let rest = line.strip_prefix(PREFIX)?;
        let Some((key, value)) = rest.split_once('\t') else {
            return Some(Err(
                "a tenure fact without a tab between key and value".into()
            ));
        };
        Some(
            serde_json::from_str(value.trim_end())
                .map(|v| (key.to_string(), v))
                .map_err(|e| format!("a tenure fact whose value is not JSON: {e}")),
        )
    }

    /// Orders JSON values as Python orders the values of a fact: numbers, strings, arrays element
    /// by element; values of different kinds cannot be compared.
    fn compare(a: &Value, b: &Value) -> Result<Ordering, String> {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
                (Some(x), Some(y)) => Ok(x.cmp(&y)),
                _ => x
                    .as_f64()
                    .zip(y.as_f64())
                    .and_then(|(x, y)| x.partial_cmp(&y))
                    .ok_or_else(|| format!("cannot compare {x} and {y}")),
            },
            (Value::String(x), Value::String(y)) => Ok(x.cmp(y)),
            (Value::Array(x), Value::Array(y)) => {
                for (x, y) in x.iter().zip(y) {
                    let o = compare(x, y)?;
                    if o != Ordering::Equal {
                        return Ok(o);
                    }
                }
                Ok(x.len().cmp(&y.len()))
            }
            _ => Err(format!("cannot compare {a} and {b}")),
        }
    }

    /// Two values of one key merged: see the [module](self).
    pub fn merge_values(a: &Value, b: &Value) -> Result<Value, String> {
        let mut out = Map::new();
        for rule in ["sum", "min", "max"] {
            let empty = Map::new();
            let field = |v: &Value| -> Result<Map<String, Value>, String> {
                match v.get(rule) {
                    None => Ok(empty.clone()),
                    Some(Value::Object(m)) => Ok(m.clone()),
                    Some(other) => Err(format!("{rule:?} is not an object: {other}")),
                }
            };
            let (x, mut merged) = (field(a)?, field(b)?);
            for (k, v) in x {
                let Some(w) = merged.get(&k) else {
                    merged.insert(k, v);
                    continue;
                };
                let m = match rule {
                    "sum" => match (v.as_u64(), w.as_u64()) {
                        (Some(v), Some(w)) => json!(v + w),
                        _ => return Err(format!("cannot add {v} and {w}")),
                    },
                    "min" if compare(&v, w)? == Ordering::Less => v,
                    "max" if compare(&v, w)? == Ordering::Greater => v,
                    _ => w.clone(),
                };
                merged.insert(k, m);
            }
            if !merged.is_empty() {
                out.insert(rule.into(), Value::Object(merged));
            }
        }
        Ok(Value::Object(out))
    }

    /// The description and the tally of a tenure's merged value.
    fn read(key: &str, v: &Value) -> Result<(Description, Tally), String> {
        let bad = |what: &str| format!("tenure {key}: {what}");
        let date = |days: &Value| {
            days.as_i64()
                .and_then(|d| i32::try_from(d).ok())
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or_else(|| bad("a day that is no date"))
        };
        let statements = v["sum"]["statements"]
            .as_u64()
            .ok_or_else(|| bad("no count"))?;
        let first = match v["min"].get("first") {
            Some(d) => Some(date(d)?),
            None => None,
        };
        let last = v["max"]["last"].as_array().ok_or_else(|| bad("no last"))?;
        let [dated, days, article] = &last[..] else {
            return Err(bad("a last that is not [dated, days, article]"));
        };
        let last = match dated.as_u64() {
            Some(1) => Some(date(days)?),
            Some(0) => None,
            _ => return Err(bad("a last that is not [dated, days, article]")),
        };
        let described = v["min"]["description"][1]
            .as_str()
            .ok_or_else(|| bad("no description"))?;
        let d: Description =
            serde_json::from_str(described).map_err(|e| bad(&format!("description: {e}")))?;
        if d.tenure != key {
            return Err(bad(&format!(
                "the description of another tenure, {}",
                d.tenure
            )));
        }
        let tally = Tally {
            statements,
            first,
            last,
            last_article: article
                .as_str()
                .ok_or_else(|| bad("a last article that is no IRI"))?
                .to_string(),
            since: partial_of(v["min"].get("since")).map_err(|e| bad(&e))?,
            until: partial_of(v["max"].get("until")).map_err(|e| bad(&e))?,
        };
        Ok((d, tally))
    }

    impl Tenures {
        /// The tenures of facts, merged or not (those of one key are merged here).
        pub fn from_facts(
            facts: impl IntoIterator<Item = (String, Value)>,
        ) -> Result<Tenures, String> {
            let mut merged: std::collections::BTreeMap<String, Value> = Default::default();
            for (k, v) in facts {
                let m = match merged.get(&k) {
                    Some(w) => merge_values(w, &v)?,
                    None => v,
                };
                merged.insert(k, m);
            }
            let mut out = Tenures::default();
            for (k, v) in merged {
                let described = read(&k, &v)?;
                out.map.insert(k, described);
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn tallies_merge_in_any_order() {
        let a = Tally::one("a:1", d("2020-05-01"));
        let b = Tally::one("a:2", d("2018-01-09"));
        let c = Tally::one("a:3", None);
        let e = Tally::one("a:4", d("2020-05-01"));
        let all = a.merge(&b).merge(&c).merge(&e);
        assert_eq!(all, e.merge(&c).merge(&b.merge(&a)));
        assert_eq!(all.statements, 4);
        assert_eq!(all.first, d("2018-01-09"));
        assert_eq!(all.last, d("2020-05-01"));
        // Same latest date: the greater IRI.
        assert_eq!(all.last_article, "a:4");
        // Undated only: the greatest IRI.
        assert_eq!(c.merge(&Tally::one("a:0", None)).last_article, "a:3");
    }

    fn described(tenure: &str, label: &str) -> Description {
        Description {
            tenure: tenure.into(),
            person: "https://example.org/p".into(),
            name: "Nguyễn Văn Hải".into(),
            role: "https://example.org/r".into(),
            role_label: "Chủ tịch".into(),
            org: "https://example.org/o".into(),
            org_label: label.into(),
            post: "https://example.org/post".into(),
            within: vec![],
            former: false,
        }
    }

    fn fact(
        t: &str,
        order: u64,
        label: &str,
        date: Option<&str>,
        article: &str,
    ) -> serde_json::Value {
        let days = date
            .and_then(d)
            .map(|d| chrono::Datelike::num_days_from_ce(&d));
        let mut min = serde_json::json!({
            "description": [order, serde_json::to_string(&described(t, label)).unwrap()]
        });
        if let Some(days) = days {
            min["first"] = days.into();
        }
        serde_json::json!({
            "sum": {"statements": 1},
            "min": min,
            "max": {"last": [u8::from(days.is_some()), days.unwrap_or(0), article]},
        })
    }

    #[test]
    fn tenure_facts_merge_as_tallies_do_and_keep_the_first_description() {
        let t = "https://example.org/t";
        let all = [
            fact(t, 7, "later", Some("2020-05-01"), "a:7"),
            fact(t, 3, "first", None, "a:3"),
            fact(t, 9, "last", Some("2018-01-09"), "a:9"),
            fact(t, 5, "tie", Some("2020-05-01"), "a:5"),
        ];
        let expected = Tally::one("a:7", d("2020-05-01"))
            .merge(&Tally::one("a:3", None))
            .merge(&Tally::one("a:9", d("2018-01-09")))
            .merge(&Tally::one("a:5", d("2020-05-01")));
        // Every order, merged pairwise from the left and from the right.
        let orders = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
        for o in orders {
            let left = o[1..].iter().fold(all[o[0]].clone(), |acc, &i| {
                facts::merge_values(&acc, &all[i]).unwrap()
            });
            let right = facts::merge_values(
                &all[o[0]],
                &facts::merge_values(
                    &all[o[1]],
                    &facts::merge_values(&all[o[2]], &all[o[3]]).unwrap(),
                )
                .unwrap(),
            )
            .unwrap();
            assert_eq!(left, right);
            let tenures = Tenures::from_facts([(t.to_string(), left)]).unwrap();
            let (desc, tally) = &tenures.map[t];
            assert_eq!(tally, &expected);
            assert_eq!(tally.last_article, "a:7");
            // The description of the article first in the input (line 3).
            assert_eq!(desc.org_label, "first");
        }
        // Unmerged facts are merged by from_facts too.
        let unmerged = Tenures::from_facts(all.iter().map(|v| (t.to_string(), v.clone()))).unwrap();
        assert_eq!(unmerged.map[t].1, expected);
    }

    #[test]
    fn tenure_facts_that_do_not_read_are_refused() {
        let t = "https://example.org/t";
        let a = fact(t, 1, "x", Some("2020-01-01"), "a:1");
        // Values of different kinds under one field cannot be merged.
        let mut b = a.clone();
        b["max"]["last"] = "late".into();
        assert!(facts::merge_values(&a, &b).is_err());
        // The description of another tenure under this key.
        assert!(Tenures::from_facts([("https://example.org/u".to_string(), a.clone())]).is_err());
        assert!(facts::parse("#tenure-fact\tno-tab").unwrap().is_err());
        assert!(facts::parse("<a> <b> <c> .").is_none());
        let line = facts::line(t, &a);
        assert_eq!(facts::parse(&line).unwrap().unwrap(), (t.to_string(), a));
    }

    #[test]
    fn a_tally_reads_back_from_its_quads() {
        let t = Tally::one("https://example.org/a", d("2021-03-04"))
            .merge(&Tally::one("https://example.org/b", None));
        let node = NamedNode::new_unchecked("https://example.org/t");
        assert_eq!(Tally::from_quads(&t.quads(&node)), Some(t.clone()));
        let undated = Tally::one("https://example.org/c", None);
        assert_eq!(Tally::from_quads(&undated.quads(&node)), Some(undated));
        assert_eq!(Tally::from_quads(&[]), None);
        let timed = Tally::one("https://example.org/d", None)
            .timed(Partial::parse("2019-02"), Partial::parse("2024-07-17"));
        assert_eq!(Tally::from_quads(&timed.quads(&node)), Some(timed));
    }

    #[test]
    fn a_tenure_spans_from_the_earliest_since_to_the_latest_until() {
        let p = |s: &str| Partial::parse(s);
        let a = Tally::one("a:1", None).timed(p("2019-02"), None);
        let b = Tally::one("a:2", None).timed(p("2015"), p("2020"));
        let c = Tally::one("a:3", None).timed(None, p("2024-07-17"));
        let all = a.merge(&b).merge(&c);
        assert_eq!(all, c.merge(&b.merge(&a)));
        assert_eq!((all.since, all.until), (p("2015"), p("2024-07-17")));
        assert_eq!(
            Tally::one("a:4", None)
                .merge(&Tally::one("a:5", None))
                .since,
            None
        );
    }
}
