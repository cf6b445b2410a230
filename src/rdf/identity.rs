//! One person per person: the people of different IRIs that the articles may describe as one.
//! Each article is extracted alone, and a person's IRI is minted from the name and a scope (the
//! province of the posts, `vn` for the centre), so one man can have two IRIs (Trần Lưu Quang,
//! once scoped by his home province and once as central). Computed from the tenures graph after
//! a load, as tenures are, into a graph of its own (`…/id/graph/identity`):
//!
//! - `pg:samePerson`: the same name and a post in common (the same role in the same body): one
//!   person (symmetric, closed under transitivity: every pair of a group is linked).
//! - `pg:possiblySame`: the same name and weaker evidence, a body or a province in common (a
//!   post in the same body, or posts within the same province): shown as candidates, not merged.

use crate::rdf::iri;
use crate::rdf::vocab::pg;
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::collections::{BTreeMap, BTreeSet};

/// A person's post as the tenures graph has it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Post {
    pub person: String,
    pub name: String,
    pub role: String,
    pub org: String,
    /// The province the body is within, where known.
    pub province: Option<String>,
}

/// The links between people, both ways, sorted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub same: BTreeSet<(String, String)>,
    pub possibly: BTreeSet<(String, String)>,
}

/// The province scope of a person's IRI (`…/id/person/ha-tinh/…`: `ha-tinh`).
fn scope(person: &str) -> &str {
    person
        .rsplit_once("/person/")
        .map(|(_, rest)| rest.split('/').next().unwrap_or(""))
        .unwrap_or("")
}

/// The links the posts give (see the module's documentation).
pub fn links(posts: &[Post]) -> Links {
    let mut by_name: BTreeMap<&str, BTreeMap<&str, Vec<&Post>>> = BTreeMap::new();
    for p in posts {
        by_name
            .entry(p.name.as_str())
            .or_default()
            .entry(p.person.as_str())
            .or_default()
            .push(p);
    }
    let mut out = Links::default();
    for people in by_name.values() {
        if people.len() < 2 {
            continue;
        }
        let ids: Vec<&str> = people.keys().copied().collect();
        // Groups of one person: a union-find over the pairs with a post in common.
        let mut parent: Vec<usize> = (0..ids.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut weak = Vec::new();
        for i in 0..ids.len() {
            for j in i + 1..ids.len() {
                let (a, b) = (&people[ids[i]], &people[ids[j]]);
                let post = a
                    .iter()
                    .any(|x| b.iter().any(|y| x.role == y.role && x.org == y.org));
                if post {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                    continue;
                }
                let body = a.iter().any(|x| b.iter().any(|y| x.org == y.org));
                let provinces = |ps: &[&Post], id: &str| -> BTreeSet<String> {
                    ps.iter()
                        .filter_map(|p| p.province.clone())
                        .chain(
                            [scope(id).to_string()]
                                .into_iter()
                                .filter(|s| !s.is_empty() && s != "vn"),
                        )
                        .collect()
                };
                let place = !provinces(a, ids[i]).is_disjoint(&provinces(b, ids[j]));
                if body || place {
                    weak.push((i, j));
                }
            }
        }
        let groups: Vec<usize> = (0..ids.len()).map(|i| root(&mut parent, i)).collect();
        for i in 0..ids.len() {
            for j in 0..ids.len() {
                if i != j && groups[i] == groups[j] {
                    out.same.insert((ids[i].to_string(), ids[j].to_string()));
                }
            }
        }
        for (i, j) in weak {
            if groups[i] != groups[j] {
                out.possibly
                    .insert((ids[i].to_string(), ids[j].to_string()));
                out.possibly
                    .insert((ids[j].to_string(), ids[i].to_string()));
            }
        }
    }
    out
}

impl Links {
    /// The links as quads of the identity graph.
    pub fn quads(&self) -> Vec<Quad> {
        let g = GraphName::NamedNode(NamedNode::new_unchecked(iri::identity_graph()));
        let quad = |(a, b): &(String, String), p: &str| {
            Quad::new(
                NamedNode::new_unchecked(a),
                NamedNode::new_unchecked(p),
                NamedNode::new_unchecked(b),
                g.clone(),
            )
        };
        self.same
            .iter()
            .map(|l| quad(l, pg::SAME_PERSON))
            .chain(self.possibly.iter().map(|l| quad(l, pg::POSSIBLY_SAME)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(person: &str, role: &str, org: &str, province: Option<&str>) -> Post {
        Post {
            person: format!("https://w3id.org/polgraph/id/person/{person}"),
            name: person.rsplit('/').next().unwrap().to_string(),
            role: role.into(),
            org: org.into(),
            province: province.map(String::from),
        }
    }

    fn id(p: &str) -> String {
        format!("https://w3id.org/polgraph/id/person/{p}")
    }

    #[test]
    fn a_name_and_a_post_in_common_make_one_person() {
        // Trần Lưu Quang: scoped by his home province in one article, as central in another,
        // Trưởng ban of Ban Kinh tế Trung ương in both.
        let posts = [
            post("tay-ninh/tlq", "Trưởng ban", "bktw", None),
            post("tay-ninh/tlq", "Bí thư", "tu-hai-phong", Some("hai-phong")),
            post("vn/tlq", "Trưởng ban", "bktw", None),
            post("vn/tlq", "Ủy viên", "bchtw", None),
        ];
        let l = links(&posts);
        assert_eq!(
            l.same,
            BTreeSet::from([
                (id("tay-ninh/tlq"), id("vn/tlq")),
                (id("vn/tlq"), id("tay-ninh/tlq"))
            ])
        );
        assert!(l.possibly.is_empty());
        // Closed under transitivity: a third IRI sharing a post with the second only.
        let mut more = posts.to_vec();
        more.push(post("thanh-hoa/tlq", "Ủy viên", "bchtw", None));
        let l = links(&more);
        assert!(l.same.contains(&(id("tay-ninh/tlq"), id("thanh-hoa/tlq"))));
        assert_eq!(l.same.len(), 6);
    }

    #[test]
    fn weaker_evidence_gives_candidates_and_none_gives_nothing() {
        // The same body, another role: possibly the same.
        let l = links(&[
            post("ha-tinh/nvh", "Bí thư", "tu-ha-tinh", Some("ha-tinh")),
            post("vn/nvh", "Ủy viên", "tu-ha-tinh", None),
        ]);
        assert!(l.same.is_empty());
        assert_eq!(l.possibly.len(), 2);
        // The same province (of the IRI's scope and of a post): possibly the same.
        let l = links(&[
            post("ha-tinh/nvh", "Bí thư", "huyen-uy-a", Some("ha-tinh")),
            post("vn/nvh", "Chủ tịch", "ubnd-ha-tinh", Some("ha-tinh")),
        ]);
        assert_eq!(l.possibly.len(), 2);
        // Namesakes with nothing in common: no link.
        let l = links(&[
            post("ha-tinh/nvh", "Bí thư", "huyen-uy-a", Some("ha-tinh")),
            post(
                "lam-dong/nvh",
                "Chủ tịch",
                "ubnd-lam-dong",
                Some("lam-dong"),
            ),
        ]);
        assert_eq!(l, Links::default());
        // Another name, the same post: no link.
        let mut a = post("ha-tinh/nvh", "Bí thư", "x", None);
        let b = post("ha-tinh/nva", "Bí thư", "x", None);
        a.name = "nvh".into();
        assert_eq!(links(&[a, b]), Links::default());
    }
}
