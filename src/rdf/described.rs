//! The descriptions graph (`…/id/graph/descriptions`): what the article graphs would otherwise
//! each repeat of a node they name, written once beside them (as the tenures graph is). Today it
//! holds the administrative units: a unit's class, label, level, the unit it is part of and the
//! units that replaced it come from the gazetteer alone, the same in every article, so that an
//! article graph names a unit (`pg:refersTo` of a mention, a body's `pg:jurisdiction` and
//! `pg:within`) without describing it; a district the article writes with another rank keeps its
//! `skos:altLabel` in the article's graph.
//!
//! The rule that keeps it in step: a unit is described while an article graph names it, or while
//! a unit described is part of it (a commune's district and province are described with it).
//! An ingest adds the units its articles name; an article replaced takes back those no other
//! article names (see [`crate::store::Store::replace_all`]).

use crate::extract::gazetteer::GAZETTEER as G;
use crate::rdf::iri;
use crate::rdf::vocab::{dcterms, pg, rdf, skos};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use std::collections::BTreeSet;

/// The name of the descriptions graph.
pub fn graph_name() -> GraphName {
    GraphName::NamedNode(NamedNode::new_unchecked(iri::descriptions_graph()))
}

/// The units to describe for units named: each with the units it is part of.
pub fn closure(named: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    named.into_iter().flat_map(|u| G.chain(u)).collect()
}

/// The gazetteer's unit of a unit's IRI ([`iri::place`]), `None` for another IRI.
pub fn unit_of(node: &str) -> Option<usize> {
    node.strip_prefix(&iri::place_prefix())
        .and_then(|id| G.by_id(id))
}

/// The description of one unit, in the descriptions graph (its parent's is apart: see
/// [`closure`]).
pub fn unit_quads(u: usize) -> Vec<Quad> {
    let g = graph_name();
    let unit = &G.units[u];
    let node = NamedNode::new_unchecked(iri::place(&unit.id));
    let n = NamedNode::new_unchecked;
    let mut out = vec![
        Quad::new(
            node.clone(),
            n(rdf::TYPE),
            n(pg::ADMINISTRATIVE_UNIT),
            g.clone(),
        ),
        Quad::new(
            node.clone(),
            n(skos::PREF_LABEL),
            Literal::new_language_tagged_literal_unchecked(G.canonical(u), "vi"),
            g.clone(),
        ),
        // Its official code and its period are its IRI (`…/id/place/legacy-84`: code 84, before
        // 2025; `…/id/place/2025-01`: code 01, from 2025).
        Quad::new(
            node.clone(),
            n(pg::LEVEL),
            Literal::new_simple_literal(&unit.level),
            g.clone(),
        ),
    ];
    if let Some(p) = unit.parent {
        out.push(Quad::new(
            node.clone(),
            n(dcterms::IS_PART_OF),
            NamedNode::new_unchecked(iri::place(&G.units[p].id)),
            g.clone(),
        ));
    }
    for &b in &unit.became {
        out.push(Quad::new(
            node.clone(),
            n(dcterms::IS_REPLACED_BY),
            NamedNode::new_unchecked(iri::place(&G.units[b].id)),
            g.clone(),
        ));
    }
    out
}

/// The units named by graphs, gathered (for a bulk load, a stream, a job's partition).
#[derive(Debug, Default)]
pub struct Described {
    pub units: BTreeSet<usize>,
}

impl Described {
    /// Adds what an article graph names.
    pub fn add(&mut self, g: &crate::rdf::Graph) {
        self.units.extend(closure(g.units.iter().copied()));
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The quads of the descriptions graph, in unit order.
    pub fn quads(&self) -> impl Iterator<Item = Quad> + '_ {
        self.units.iter().flat_map(|&u| unit_quads(u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_described_with_the_units_it_is_part_of() {
        let ba_be = G.by_id("legacy-061").expect("huyện Ba Bể in the gazetteer");
        let bac_kan = G.by_id("legacy-06").expect("tỉnh Bắc Kạn in the gazetteer");
        assert_eq!(
            closure([ba_be]),
            BTreeSet::from([ba_be, bac_kan]),
            "the district and its province"
        );
        let quads = unit_quads(ba_be);
        let text: Vec<String> = quads.iter().map(|q| q.to_string()).collect();
        assert!(text.contains(&format!(
            "<{ID}place/legacy-061> <{}> \"huyện Ba Bể\"@vi <{ID}graph/descriptions>",
            skos::PREF_LABEL,
            ID = crate::rdf::vocab::ID
        )));
        assert!(text.contains(&format!(
            "<{ID}place/legacy-061> <{}> <{ID}place/legacy-06> <{ID}graph/descriptions>",
            dcterms::IS_PART_OF,
            ID = crate::rdf::vocab::ID
        )));
        assert_eq!(unit_of(&iri::place("legacy-061")), Some(ba_be));
        assert_eq!(unit_of(&iri::organization("Tỉnh ủy Bắc Kạn")), None);
    }
}
