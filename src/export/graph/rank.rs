//! Centrality: degree and betweenness (Brandes' algorithm, unweighted, undirected), which
//! petgraph does not provide.

use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::VecDeque;

/// Betweenness of every node of an undirected graph (each shortest path counted once).
pub fn betweenness(g: &UnGraph<(), ()>) -> Vec<f64> {
    let n = g.node_count();
    let mut cb = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for w in g.neighbors(NodeIndex::new(v)).map(|w| w.index()) {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0f64; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    // Every pair was counted from both ends.
    cb.iter().map(|x| x / 2.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_three_has_its_middle_on_the_one_shortest_path() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
        assert_eq!(betweenness(&g), [0.0, 1.0, 0.0]);
    }

    #[test]
    fn a_star_centre_lies_on_every_pair_of_leaves() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(betweenness(&g)[0], 6.0);
        // A square: two shortest paths between opposite corners, half through each.
        let sq = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert_eq!(betweenness(&sq), [0.5, 0.5, 0.5, 0.5]);
    }
}
