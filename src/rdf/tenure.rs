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
/// body is within, with their labels, and whether the articles state it as former.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        let mut out = Vec::with_capacity(13 + 2 * s.within.len());
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
        for (u, label) in &s.within {
            out.push(Quad::new(n(u), n(skos::PREF_LABEL), vi(label), g.clone()));
        }
        out
    }
}

/// Whether a tenure's predicate points at a node whose label the tenures graph carries.
pub fn is_labelled(p: &str) -> bool {
    matches!(
        p,
        org::MEMBER | org::ROLE_P | org::ORGANIZATION_P | pg::WITHIN
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
            q.retain(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) => {
                    n.as_str() == t.as_str() || labelled.insert(n.as_str().to_string())
                }
                NamedOrBlankNode::BlankNode(_) => true,
            });
            q.extend(tally.quads(&NamedNode::new_unchecked(t)));
            q
        })
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
