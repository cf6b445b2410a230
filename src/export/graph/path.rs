//! The shortest chain between two people or bodies, through shared posts, bodies and events.

use super::Network;
use petgraph::stable_graph::NodeIndex;

/// One step of a chain: from, to, what links them, the articles that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub from: String,
    pub to: String,
    pub link: String,
    pub docs: Vec<String>,
}

/// The shortest chain from any of `from` to any of `to`, if they are connected.
pub fn shortest(net: &Network, from: &[NodeIndex], to: &[NodeIndex]) -> Option<Vec<Step>> {
    let (core, nodes) = net.core();
    let pos = |n: &NodeIndex| {
        nodes
            .iter()
            .position(|x| x == n)
            .map(petgraph::graph::NodeIndex::new)
    };
    let goals: Vec<_> = to.iter().filter_map(pos).collect();
    let mut best: Option<(usize, Vec<petgraph::graph::NodeIndex>)> = None;
    for start in from.iter().filter_map(pos) {
        if let Some((cost, path)) =
            petgraph::algo::astar(&core, start, |n| goals.contains(&n), |_| 1usize, |_| 0)
        {
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, path));
            }
        }
    }
    let (_, path) = best?;
    let g = &net.g;
    let steps = path
        .windows(2)
        .map(|w| {
            let (a, b) = (nodes[w[0].index()], nodes[w[1].index()]);
            // The edge may run either way; take the one stated by the most articles.
            let e = g
                .find_edge(a, b)
                .or_else(|| g.find_edge(b, a))
                .expect("an edge of the core network");
            let ew = &g[e];
            let link = match &ew.role {
                Some(r) if ew.former => format!("nguyên {r}"),
                Some(r) => r.clone(),
                None => super::dot::rel_label(ew.rel, super::dot::Lang::Vi).to_string(),
            };
            Step {
                from: g[a].label.clone(),
                to: g[b].label.clone(),
                link,
                docs: ew.docs.iter().cloned().collect(),
            }
        })
        .collect();
    Some(steps)
}
