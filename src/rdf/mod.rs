//! Facts to RDF: one named graph per article, holding the article, everything it says and the
//! provenance of each statement (the character span in the original text and the rule id).

pub mod described;
pub mod identity;
pub mod iri;
mod nquads;
pub mod tenure;
pub mod vocab;

use crate::extract::gazetteer::GAZETTEER as G;
use crate::extract::when::Partial;
use crate::extract::Org;
use crate::normalize::Text;
use crate::read::meta::Meta;
use crate::read::Article;
use crate::resolve::Resolved;
use oxigraph::model::{GraphNameRef, LiteralRef, NamedNode, NamedNodeRef, Quad, QuadRef, TermRef};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use vocab::*;

/// Quads of one article, deduplicated, in the order the mapping wrote them (deterministic).
/// Every term's text lives in one buffer: a graph is a handful of allocations, not one per term
/// (extraction runs on every core, and the allocator was a fifth of its time).
pub struct Graph {
    pub name: NamedNode,
    buf: String,
    /// Deduplicated by [`Graph::finish`].
    quads: Vec<Stored>,
    /// The holdings the article states, one a tenure, for the tenures graph.
    pub tenures: Vec<Stated>,
    /// The gazetteer units the article names, in the order named: described in the
    /// descriptions graph ([`described`]), not in the article's.
    pub units: Vec<usize>,
}

/// A holding as the tenures graph needs it (see [`crate::rdf::tenure`]): its terms, as byte ranges of
/// the graph's buffer (no allocation), the unit of its body and whether it is a former one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    pub tenure: Span,
    pub person: Span,
    pub name: Span,
    pub role: Span,
    pub role_label: Span,
    pub org: Span,
    pub org_label: Span,
    pub post: Span,
    /// The gazetteer unit of the body's jurisdiction.
    pub unit: Option<usize>,
    pub former: bool,
    pub date: Option<chrono::NaiveDate>,
    /// The time of the post the article states.
    pub since: Option<Partial>,
    pub until: Option<Partial>,
}

/// The datatype of a partial date by its precision: xsd:gYear, xsd:gYearMonth or xsd:date.
pub fn datatype(t: &Partial) -> &'static str {
    match (t.month, t.day) {
        (Some(_), Some(_)) => xsd::DATE,
        (Some(_), None) => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    }
}

/// A byte range of a graph's buffer.
pub type Span = (u32, u32);

#[derive(Clone, Copy)]
struct Stored {
    s: Span,
    p: &'static str,
    o: Span,
    kind: Kind,
}

/// What the object is: an IRI, a plain literal, a language-tagged or a typed one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Iri,
    Plain,
    Lang(&'static str),
    Typed(&'static str),
}

impl Graph {
    fn new(article_id: &str) -> Graph {
        Graph {
            name: NamedNode::new_unchecked(iri::article(article_id)),
            buf: String::with_capacity(32 * 1024),
            quads: Vec::with_capacity(512),
            tenures: Vec::new(),
            units: Vec::new(),
        }
    }
    fn put(&mut self, s: &str) -> Span {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        (start, self.buf.len() as u32)
    }
    /// The text of a byte range of the buffer (see [`Stated`]).
    pub fn get(&self, (a, b): Span) -> &str {
        &self.buf[a as usize..b as usize]
    }
    /// The subject and the object of the quad written last.
    fn last(&self) -> (Span, Span) {
        let q = self.quads.last().expect("a quad was written");
        (q.s, q.o)
    }
    fn push(&mut self, s: &str, p: &'static str, o: &str, kind: Kind) {
        // A node's statements come together: its IRI is stored once for them.
        let s = match self.quads.last() {
            Some(last) if self.get(last.s) == s => last.s,
            _ => self.put(s),
        };
        let o = self.put(o);
        self.quads.push(Stored { s, p, o, kind });
    }
    fn iri(&mut self, s: &str, p: &'static str, o: &str) {
        self.push(s, p, o, Kind::Iri);
    }
    fn text(&mut self, s: &str, p: &'static str, o: &str) {
        self.push(s, p, o, Kind::Plain);
    }
    fn vi(&mut self, s: &str, p: &'static str, o: &str) {
        self.push(s, p, o, Kind::Lang("vi"));
    }
    fn typed(&mut self, s: &str, p: &'static str, o: &str, dt: &'static str) {
        self.push(s, p, o, Kind::Typed(dt));
    }
    fn a(&mut self, s: &str, class: &str) {
        self.iri(s, rdf::TYPE, class);
    }

    /// Drops the repeated quads, keeping the first of each: the order stays the order the
    /// mapping wrote them in, the same on every run.
    fn finish(mut self) -> Graph {
        let keep: Vec<bool> = {
            let mut seen = rustc_hash::FxHashSet::default();
            seen.reserve(self.quads.len());
            self.quads
                .iter()
                .map(|q| seen.insert((self.get(q.s), q.p, self.get(q.o), q.kind)))
                .collect()
        };
        let mut keep = keep.into_iter();
        self.quads.retain(|_| keep.next().unwrap_or(false));
        // A chunk of graphs waits for its turn to be written or loaded: each as large as it
        // needs, not as the room `Graph::new` made (a vn-all article needs a fifth of it; the
        // memory the chunk first touched was a tenth of `extract`'s time, issue 30).
        self.buf.shrink_to_fit();
        self.quads.shrink_to_fit();
        self
    }

    pub fn quads(&self) -> Vec<Quad> {
        self.quad_refs().map(QuadRef::into_owned).collect()
    }

    /// Each quad by reference, its terms borrowed from the graph: what the bulk loader takes
    /// without a `String` made for every term (they were 5% of an ingest's CPU, issue 30).
    pub fn quad_refs(&self) -> impl Iterator<Item = QuadRef<'_>> + '_ {
        let g = GraphNameRef::NamedNode(self.name.as_ref());
        self.quads.iter().map(move |q| {
            let v = self.get(q.o);
            let o: TermRef<'_> = match q.kind {
                Kind::Iri => NamedNodeRef::new_unchecked(v).into(),
                Kind::Typed(dt) => {
                    LiteralRef::new_typed_literal(v, NamedNodeRef::new_unchecked(dt)).into()
                }
                Kind::Lang(l) => LiteralRef::new_language_tagged_literal_unchecked(v, l).into(),
                Kind::Plain => LiteralRef::new_simple_literal(v).into(),
            };
            QuadRef::new(
                NamedNodeRef::new_unchecked(self.get(q.s)),
                NamedNodeRef::new_unchecked(q.p),
                o,
                g,
            )
        })
    }

    pub fn len(&self) -> usize {
        self.quads.len()
    }

    /// Each quad's subject, predicate and object, and whether the object is an IRI, without
    /// allocating (what a bulk load counts from the graphs as it goes:
    /// [`crate::pipeline::summary::Folded`]).
    pub fn triples(&self) -> impl Iterator<Item = (&str, &'static str, &str, bool)> + '_ {
        self.quads
            .iter()
            .map(|q| (self.get(q.s), q.p, self.get(q.o), q.kind == Kind::Iri))
    }

    /// Each quad's subject, predicate and object term, without allocating (what a bulk load
    /// keeps of the listings as it goes: [`crate::query::kept::Listings`]).
    pub fn terms(
        &self,
    ) -> impl Iterator<Item = (&str, &'static str, oxigraph::model::TermRef<'_>)> {
        use oxigraph::model::{LiteralRef, NamedNodeRef};
        self.quads.iter().map(|q| {
            let v = self.get(q.o);
            let o = match q.kind {
                Kind::Iri => NamedNodeRef::new_unchecked(v).into(),
                Kind::Typed(dt) => {
                    LiteralRef::new_typed_literal(v, NamedNodeRef::new_unchecked(dt)).into()
                }
                Kind::Lang(l) => LiteralRef::new_language_tagged_literal_unchecked(v, l).into(),
                Kind::Plain => LiteralRef::new_simple_literal(v).into(),
            };
            (self.get(q.s), q.p, o)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }
}

struct Mapper<'a> {
    g: Graph,
    article: &'a Article,
    text: &'a Text,
    art: String,
    /// Units whose description is already in the graph, with their node.
    places: HashMap<usize, String>,
    /// Organizations likewise, with their label in the graph's buffer.
    orgs: HashMap<Org, (String, Span)>,
    /// The length in characters of the original text as stored (controls blanked), once a
    /// sentence needs it.
    chars: Option<usize>,
}

impl Mapper<'_> {
    /// The rule a statement node was read by. The rest of its provenance is implied, not written
    /// (a mention was 7 quads, 45% of a political article's): the article is the named graph the
    /// node is in, the span is in the node's IRI ([`iri::span`]), and the words are the article's
    /// text (`pg:text`) at the span.
    fn rule(&mut self, node: &str, rule: &str) {
        self.g.text(node, pg::RULE, rule);
    }

    /// The span of a statement in the original text, in characters.
    fn span(&self, span: &Range<usize>) -> (usize, usize) {
        self.text.original_span(span)
    }

    /// The sentence a statement was read from: the article's IRI with the sentence's span in the
    /// original text ([`iri::span`]); its words are the article's text at the span.
    fn sentence(&mut self, node: &str, span: &Range<usize>) {
        let (s, e) = self.text.original_span(&self.text.sentence(span));
        // Blanking controls keeps every character: the stored text is as long as the read one.
        let chars = *self
            .chars
            .get_or_insert_with(|| self.article.text.chars().count());
        let (s, e) = (s.min(chars), e.min(chars));
        let sentence = iri::span(&self.art, s, e);
        self.g.iri(node, pg::SENTENCE, &sentence);
    }

    fn mention(&mut self, kind: &str, entity: &str, span: &Range<usize>, rule: &str) {
        let (s, e) = self.span(span);
        let m = iri::mention(&self.article.id, kind, s, e, entity);
        // A mention is a node with `pg:refersTo` (its class is the property's domain), in the
        // article's graph. The article's `pg:mentions` of the entity is the graph's `pg:refersTo`
        // (a property chain in the ontology): not written either.
        self.g.iri(&m, pg::REFERS_TO, entity);
        self.rule(&m, rule);
    }

    /// A unit's node. The unit is described in the descriptions graph ([`described`]), once for
    /// every article: the article's graph only names it.
    fn place(&mut self, u: usize) -> String {
        if let Some(node) = self.places.get(&u) {
            return node.clone();
        }
        let node = iri::place(&G.units[u].id);
        self.places.insert(u, node.clone());
        self.g.units.push(u);
        node
    }

    fn org(&mut self, o: &Org) -> String {
        self.org_labelled(o).0
    }

    /// An organization's node and the range of its label in the graph's buffer.
    fn org_labelled(&mut self, o: &Org) -> (String, Span) {
        if let Some(node) = self.orgs.get(o) {
            return node.clone();
        }
        let node = iri::organization(&o.name);
        self.g.a(&node, org::ORGANIZATION);
        self.g.vi(&node, skos::PREF_LABEL, &o.name);
        let label = self.g.last().1;
        self.orgs.insert(o.clone(), (node.clone(), label));
        self.g.text(&node, pg::KIND, o.kind.as_str());
        if let Some(p) = &o.parent {
            let parent = self.org(p);
            self.g.iri(&node, org::SUB_ORGANIZATION_OF, &parent);
        }
        if let Some(u) = o.unit {
            let place = self.place(u);
            self.g.iri(&node, pg::JURISDICTION, &place);
            for v in G.chain(u) {
                let within = iri::place(&G.units[v].id);
                self.g.iri(&node, pg::WITHIN, &within);
            }
        }
        (node, label)
    }
}

/// The graph of one article.
pub fn article_graph(article: &Article, text: &Text, meta: &Meta, resolved: &Resolved) -> Graph {
    let (facts, scopes) = (&resolved.facts, &resolved.scopes);
    let art = iri::article(&article.id);
    let mut m = Mapper {
        g: Graph::new(&article.id),
        article,
        text,
        art: art.clone(),
        places: HashMap::default(),
        orgs: HashMap::default(),
        chars: None,
    };
    m.g.a(&art, pg::ARTICLE);
    m.g.text(&art, dcterms::IDENTIFIER, &article.id);
    let title = article.title.clone().or_else(|| meta.title.clone());
    if let Some(t) = &title {
        m.g.text(&art, dcterms::TITLE, t);
    }
    let date = article.date.or(meta.date);
    if let Some(d) = date {
        m.g.typed(&art, dcterms::DATE, &d.to_string(), xsd::DATE);
    }
    for a in &meta.authors {
        m.g.text(&art, pg::AUTHOR_NAME, a);
    }
    if let Some(s) = article.source.as_ref().or(meta.source.as_ref()) {
        m.g.text(&art, dcterms::SOURCE, s);
    }
    // The text the spans point into, as read (controls blanked, offsets kept).
    m.g.text(
        &art,
        pg::TEXT,
        &crate::normalize::blank_controls(&article.text),
    );
    if let Some(u) = &article.url {
        if let Ok(n) = NamedNode::new(u.clone()) {
            m.g.iri(&art, foaf::PAGE, n.as_str());
        }
    }
    let scope_for = |name: &str| scopes.person(name).to_string();
    for p in &facts.persons {
        let node = iri::person(&p.name, &scope_for(&p.name));
        m.g.a(&node, foaf::PERSON);
        m.g.text(&node, foaf::NAME, &p.name);
        m.mention("person", &node, &p.span, p.rule);
    }
    for o in &facts.organizations {
        let node = m.org(&o.org);
        m.mention("organization", &node, &o.span, o.rule);
    }
    for l in &facts.localities {
        let node = m.place(l.unit);
        // A district written with another rank than the gazetteer's (`huyện Mỹ Hào`): the
        // article's name for it, in the article's graph.
        if l.name != G.canonical(l.unit) {
            m.g.vi(&node, skos::ALT_LABEL, &l.name);
        }
        m.mention("locality", &node, &l.span, l.rule);
    }
    for o in &facts.offices {
        let person = iri::person(&o.person, &scope_for(&o.person));
        m.g.a(&person, foaf::PERSON);
        m.g.text(&person, foaf::NAME, &o.person);
        let (person_at, name_at) = m.g.last();
        let (org_node, org_label_at) = m.org_labelled(&o.org);
        let role = iri::role(&o.role);
        m.g.a(&role, org::ROLE);
        m.g.vi(&role, skos::PREF_LABEL, &o.role);
        let (role_at, role_label_at) = m.g.last();
        // The post's class, role and body are a function of its IRI, the same in every
        // article: written once, in the tenures graph ([`tenure::Description`]); its label is
        // the role's and the body's, which the article's graph has.
        let post = iri::post(&o.role, &o.org.name);
        let post_at = m.g.put(&post);
        let org_at = m.g.put(&org_node);
        let h = iri::holding(
            &article.id,
            &o.person,
            &o.role,
            &o.org.name,
            m.span(&o.span),
        );
        // A holding is what `pg:tenure` starts from (its class, `pg:OfficeHolding`, is the
        // property's domain, as a mention's is `pg:refersTo`'s). Its person, post and whether it
        // is former are its tenure's (`org:member`, `pg:post`, `pg:former` in the tenures graph:
        // the tenure's IRI is made of them), its role and body its post's, its date the
        // article's.
        for (p, t) in [(pg::SINCE, o.since), (pg::UNTIL, o.until)] {
            if let Some(t) = t {
                m.g.typed(&h, p, &t.lexical(), datatype(&t));
            }
        }
        let tenure = iri::tenure(&person, &post, o.former);
        m.g.iri(&h, pg::TENURE_P, &tenure);
        let tenure_at = m.g.last().1;
        if !m.g.tenures.iter().any(|t| m.g.get(t.tenure) == tenure) {
            m.g.tenures.push(Stated {
                tenure: tenure_at,
                person: person_at,
                name: name_at,
                role: role_at,
                role_label: role_label_at,
                org: org_at,
                org_label: org_label_at,
                post: post_at,
                unit: o.org.unit,
                former: o.former,
                date,
                since: o.since,
                until: o.until,
            });
        }
        m.rule(&h, o.rule);
        m.sentence(&h, &o.span);
    }
    let years = document_years(&facts.documents);
    for d in &facts.documents {
        let scope = scopes.document(d);
        let year = numbered_without_year(d)
            .then(|| {
                d.date
                    .map(|t| chrono::Datelike::year(&t))
                    .or_else(|| years.get(&document_key(d)).copied().flatten())
            })
            .flatten();
        let node = iri::document(&d.doc_type, &d.id, scope, year);
        m.g.a(&node, pg::DOCUMENT);
        m.g.text(&node, pg::DOC_TYPE, &d.doc_type);
        m.g.text(&node, pg::DOC_NUMBER, &document_number(&d.id));
        if let Some(date) = d.date {
            m.g.typed(&node, dcterms::DATE, &date.to_string(), xsd::DATE);
        }
        if let Some(t) = &d.title {
            m.g.vi(&node, dcterms::TITLE, t);
        }
        if let Some(i) = &d.issuer {
            let issuer = m.org(i);
            m.g.iri(&node, dcterms::CREATOR, &issuer);
        }
        m.mention("document", &node, &d.span, d.rule);
    }
    let person_node = |name: &str| iri::person(name, &scope_for(name));
    for (n, e) in facts.events.iter().enumerate() {
        let node = iri::event(&article.id, n, &e.event_type);
        m.g.a(&node, pg::EVENT);
        m.g.text(&node, pg::EVENT_TYPE, &e.event_type);
        m.g.vi(&node, dcterms::TITLE, &e.name);
        if let Some(w) = e.date {
            let dt = match w {
                crate::extract::date::When::Date(_) => xsd::DATE,
                crate::extract::date::When::MonthDay(..) => xsd::G_MONTH_DAY,
            };
            m.g.typed(&node, dcterms::DATE, &w.lexical(), dt);
        }
        if let Some(t) = &e.term {
            m.g.text(&node, pg::TERM, t);
        }
        if let Some(o) = &e.organizer {
            let org_node = m.org(o);
            m.g.iri(&node, pg::ORGANIZER, &org_node);
        }
        for p in &e.chairs {
            m.g.iri(&node, pg::CHAIR, &person_node(p));
        }
        for p in &e.attendees {
            m.g.iri(&node, pg::ATTENDEE, &person_node(p));
        }
        m.mention("event", &node, &e.span, e.rule);
    }
    m.g.finish()
}

/// Whether a document is known by a number that does not hold its year (`18-NQ/TW`, `25-KH/TU`;
/// not `03/2024/NQ-HĐTP`, a law's name and year, a plenum): such a number is given again in
/// another year or term, and the document's year is part of its IRI.
fn numbered_without_year(d: &crate::extract::DocumentFact) -> bool {
    matches!(
        d.rule,
        "document.number" | "document.number_list" | "document.symbol_only"
    ) && !crate::regex!(r"(?:^|\D)(?:19|20)\d\d(?:\D|$)").is_match(&d.id)
}

/// The type and number of a document, as its IRI reads them.
fn document_key(d: &crate::extract::DocumentFact) -> (String, String) {
    (iri::slug(&d.doc_type), iri::ident(&d.id))
}

/// For each numbered document of an article, the one year its dated mentions give (`None` when
/// they give two): a mention without a date is the article's same-numbered document of that year.
fn document_years(docs: &[crate::extract::DocumentFact]) -> HashMap<(String, String), Option<i32>> {
    let mut years: HashMap<(String, String), Option<i32>> = HashMap::default();
    for d in docs.iter().filter(|d| numbered_without_year(d)) {
        if let Some(t) = d.date {
            let y = chrono::Datelike::year(&t);
            years
                .entry(document_key(d))
                .and_modify(|e| {
                    if *e != Some(y) {
                        *e = None
                    }
                })
                .or_insert(Some(y));
        }
    }
    years
}

/// A party symbol written with its separators swapped (`18/NQ-TW`) as it is written elsewhere
/// (`18-NQ/TW`), so that one document has one number; any other number as written.
fn document_number(id: &str) -> std::borrow::Cow<'_, str> {
    crate::regex!(r"^(\d+)/(\p{Lu}[\p{L}]*)-(\p{Lu}+)$").replace(id, "$1-$2/$3")
}
