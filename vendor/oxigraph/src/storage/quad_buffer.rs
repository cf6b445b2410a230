//! polgraph: a batch of quads for the bulk loader given by reference, their terms copied once
//! each into one buffer, instead of a `Quad` of owned strings a statement (its subject,
//! predicate, object, datatype and graph name allocated, copied and freed one by one).
//!
//! Within one call to [`QuadBuffer::push`]'s caller, a term given again at the same place as in
//! the quad before (an article's graph name, a node's subject), or a predicate given again from
//! the same memory, is stored once; the loader's threads then encode (hash) each stored term
//! once instead of once a quad.

use crate::model::{
    BlankNodeRef, GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, Quad, QuadRef, Term,
    TermRef,
};
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    NamedNode,
    BlankNode,
    SimpleLiteral,
    LanguageTaggedLiteral,
    TypedLiteral,
    DefaultGraph,
    #[cfg_attr(not(feature = "rdf-12"), expect(dead_code))]
    /// A term the buffer does not spell out (a triple, a literal with a direction: RDF 1.2),
    /// kept owned; `value.0` is its index in `owned`.
    Owned,
}

/// A term's kind and its text (and its language or datatype) as byte ranges of the buffer.
#[derive(Clone, Copy)]
struct Stored {
    kind: Kind,
    value: (u32, u32),
    extra: (u32, u32),
}

/// Where a borrowed term's text lives: the same key, within one call, is the same term.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    kind: Kind,
    value: (usize, usize),
    extra: (usize, usize),
}

fn key(kind: Kind, value: &str, extra: &str) -> Key {
    Key {
        kind,
        value: (value.as_ptr() as usize, value.len()),
        extra: (extra.as_ptr() as usize, extra.len()),
    }
}

/// Quads whose terms are ranges of one buffer.
#[derive(Default)]
pub struct QuadBuffer {
    text: String,
    terms: Vec<Stored>,
    /// Each quad's subject, predicate, object and graph name: indexes of `terms`.
    quads: Vec<[u32; 4]>,
    owned: Vec<Term>,
    /// The terms of the quad pushed last, by where their text lives.
    last: [Option<(Key, u32)>; 4],
    /// The predicates pushed, by where their text lives.
    predicates: FxHashMap<(usize, usize), u32>,
}

impl QuadBuffer {
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }

    /// The bytes of text held: a batch ends before its offsets (32 bits) run out.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Adds a quad. The buffer keeps the address of its terms' text to store a term given
    /// again only once: every quad pushed into one buffer must borrow from memory that lives
    /// and does not change until the buffer is taken (`QuadRef<'b>` of one iterator does).
    pub fn push(&mut self, quad: QuadRef<'_>) {
        let s = match quad.subject {
            NamedOrBlankNodeRef::NamedNode(n) => self.term(0, Kind::NamedNode, n.as_str(), ""),
            NamedOrBlankNodeRef::BlankNode(n) => self.term(0, Kind::BlankNode, n.as_str(), ""),
        };
        let p = self.predicate(quad.predicate);
        let o = match quad.object {
            TermRef::NamedNode(n) => self.term(2, Kind::NamedNode, n.as_str(), ""),
            TermRef::BlankNode(n) => self.term(2, Kind::BlankNode, n.as_str(), ""),
            TermRef::Literal(l) => self.literal(l),
            #[cfg(feature = "rdf-12")]
            TermRef::Triple(_) => self.owned(quad.object.into_owned()),
        };
        let g = match quad.graph_name {
            GraphNameRef::NamedNode(n) => self.term(3, Kind::NamedNode, n.as_str(), ""),
            GraphNameRef::BlankNode(n) => self.term(3, Kind::BlankNode, n.as_str(), ""),
            GraphNameRef::DefaultGraph => self.term(3, Kind::DefaultGraph, "", ""),
        };
        self.quads.push([s, p, o, g]);
    }

    fn literal(&mut self, l: LiteralRef<'_>) -> u32 {
        #[cfg(feature = "rdf-12")]
        if l.direction().is_some() {
            return self.owned(Term::Literal(l.into_owned()));
        }
        match l.language() {
            Some(lang) => self.term(2, Kind::LanguageTaggedLiteral, l.value(), lang),
            None if l.datatype() == crate::model::vocab::xsd::STRING => {
                self.term(2, Kind::SimpleLiteral, l.value(), "")
            }
            None => self.term(2, Kind::TypedLiteral, l.value(), l.datatype().as_str()),
        }
    }

    fn predicate(&mut self, p: NamedNodeRef<'_>) -> u32 {
        let at = (p.as_str().as_ptr() as usize, p.as_str().len());
        if let Some(&i) = self.predicates.get(&at) {
            return i;
        }
        let i = self.store(Kind::NamedNode, p.as_str(), "");
        self.predicates.insert(at, i);
        i
    }

    fn term(&mut self, place: usize, kind: Kind, value: &str, extra: &str) -> u32 {
        let k = key(kind, value, extra);
        if let Some((last, i)) = self.last[place] {
            if last == k {
                return i;
            }
        }
        let i = self.store(kind, value, extra);
        self.last[place] = Some((k, i));
        i
    }

    #[cfg(feature = "rdf-12")]
    fn owned(&mut self, term: Term) -> u32 {
        let at = self.owned.len() as u32;
        self.owned.push(term);
        self.terms.push(Stored {
            kind: Kind::Owned,
            value: (at, at),
            extra: (0, 0),
        });
        (self.terms.len() - 1) as u32
    }

    fn store(&mut self, kind: Kind, value: &str, extra: &str) -> u32 {
        let value = self.put(value);
        let extra = self.put(extra);
        self.terms.push(Stored { kind, value, extra });
        u32::try_from(self.terms.len() - 1).expect("fewer than 2^32 terms a batch")
    }

    fn put(&mut self, s: &str) -> (u32, u32) {
        let start = self.text.len();
        self.text.push_str(s);
        (
            u32::try_from(start).expect("a batch ends before 2^31 bytes of text"),
            u32::try_from(self.text.len()).expect("a batch ends before 2^31 bytes of text"),
        )
    }

    /// How many distinct terms the buffer holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The stored term `i` (`i < term_count()`).
    pub fn term_ref(&self, i: usize) -> TermOrGraph<'_> {
        let t = self.terms[i];
        let text = |(a, b): (u32, u32)| &self.text[a as usize..b as usize];
        let value = text(t.value);
        TermOrGraph::Term(match t.kind {
            Kind::NamedNode => NamedNodeRef::new_unchecked(value).into(),
            Kind::BlankNode => BlankNodeRef::new_unchecked(value).into(),
            Kind::SimpleLiteral => LiteralRef::new_simple_literal(value).into(),
            Kind::LanguageTaggedLiteral => {
                LiteralRef::new_language_tagged_literal_unchecked(value, text(t.extra)).into()
            }
            Kind::TypedLiteral => {
                LiteralRef::new_typed_literal(value, NamedNodeRef::new_unchecked(text(t.extra)))
                    .into()
            }
            Kind::DefaultGraph => return TermOrGraph::DefaultGraph,
            Kind::Owned => self.owned[t.value.0 as usize].as_ref(),
        })
    }

    /// Each quad's terms, as indexes of [`QuadBuffer::term_ref`].
    pub fn quad_terms(&self) -> &[[u32; 4]] {
        &self.quads
    }

    /// Quad `i` by reference.
    pub fn quad(&self, i: usize) -> QuadRef<'_> {
        let [s, p, o, g] = self.quads[i];
        let term = |i: u32| match self.term_ref(i as usize) {
            TermOrGraph::Term(t) => t,
            TermOrGraph::DefaultGraph => unreachable!("the default graph is a graph name only"),
        };
        QuadRef::new(
            match term(s) {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(n) => NamedOrBlankNodeRef::BlankNode(n),
                _ => unreachable!("a subject is a named or blank node"),
            },
            match term(p) {
                TermRef::NamedNode(n) => n,
                _ => unreachable!("a predicate is a named node"),
            },
            term(o),
            match self.term_ref(g as usize) {
                TermOrGraph::Term(TermRef::NamedNode(n)) => GraphNameRef::NamedNode(n),
                TermOrGraph::Term(TermRef::BlankNode(n)) => GraphNameRef::BlankNode(n),
                TermOrGraph::DefaultGraph => GraphNameRef::DefaultGraph,
                TermOrGraph::Term(_) => unreachable!("a graph name is a named or blank node"),
            },
        )
    }

    /// The quads, owned (for the in-memory store's loader).
    pub fn to_quads(&self) -> Vec<Quad> {
        (0..self.len()).map(|i| self.quad(i).into_owned()).collect()
    }
}

/// A stored term: a term, or the default graph as a graph name.
pub enum TermOrGraph<'a> {
    Term(TermRef<'a>),
    DefaultGraph,
}
