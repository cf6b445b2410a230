//! GraphViz DOT for a [`Network`]: shapes and colours by kind, bodies and places clustered under
//! their province (central bodies together), edge labels in Vietnamese or English, a legend.
//! Deterministic: the same store gives byte-identical DOT.

use super::{Kind, Network, Rel};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Vietnamese
    Vi,
    /// English
    En,
}

/// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Shape and fill of a node, and its name in the legend.
fn style(kind: Kind, sub: &str, lang: Lang) -> (&'static str, &'static str, &'static str) {
    use crate::extract::BodyKind;
    let vi = lang == Lang::Vi;
    let body = BodyKind::parse(sub);
    match (kind, body) {
        (Kind::Person, _) => ("ellipse", "#fff2cc", if vi { "Người" } else { "Person" }),
        (Kind::Organization, Some(BodyKind::Party)) => (
            "box",
            "#f4cccc",
            if vi {
                "Tổ chức đảng"
            } else {
                "Party body"
            },
        ),
        (Kind::Organization, Some(BodyKind::State)) => (
            "box",
            "#cfe2f3",
            if vi {
                "Cơ quan nhà nước"
            } else {
                "State body"
            },
        ),
        (Kind::Organization, Some(BodyKind::Front)) => (
            "box",
            "#d9ead3",
            if vi {
                "Mặt trận, đoàn thể"
            } else {
                "Front, mass organisation"
            },
        ),
        (Kind::Organization, Some(BodyKind::Media)) => {
            ("box", "#e6d8f0", if vi { "Báo chí" } else { "Media" })
        }
        (Kind::Organization, _) => (
            "box",
            "#eeeeee",
            if vi {
                "Tổ chức khác"
            } else {
                "Other body"
            },
        ),
        (Kind::Locality, _) => (
            "tab",
            "#fce5cd",
            if vi {
                "Đơn vị hành chính"
            } else {
                "Administrative unit"
            },
        ),
        (Kind::Document, _) => ("note", "#ffffff", if vi { "Văn bản" } else { "Document" }),
        (Kind::Event, _) => ("hexagon", "#d0e0e3", if vi { "Sự kiện" } else { "Event" }),
    }
}

/// The label of a relation (the role stands on a holding instead).
pub fn rel_label(rel: Rel, lang: Lang) -> &'static str {
    let vi = lang == Lang::Vi;
    match rel {
        Rel::Holds => "",
        Rel::PartOf => {
            if vi {
                "trực thuộc"
            } else {
                "part of"
            }
        }
        Rel::LocatedIn => {
            if vi {
                "địa bàn"
            } else {
                "located in"
            }
        }
        Rel::IssuedBy => {
            if vi {
                "ban hành bởi"
            } else {
                "issued by"
            }
        }
        Rel::Attended => {
            if vi {
                "dự"
            } else {
                "attended"
            }
        }
        Rel::Chaired => {
            if vi {
                "chủ trì"
            } else {
                "chaired"
            }
        }
        Rel::OrganizedBy => {
            if vi {
                "tổ chức bởi"
            } else {
                "organized by"
            }
        }
    }
}

/// Writes the network as DOT.
pub fn write(net: &Network, lang: Lang, title: &str) -> String {
    let g = &net.g;
    let mut order: Vec<NodeIndex> = g.node_indices().collect();
    order.sort_by(|&a, &b| {
        (g[a].kind, &g[a].label, &g[a].iri).cmp(&(g[b].kind, &g[b].label, &g[b].iri))
    });
    let id: BTreeMap<NodeIndex, usize> = order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let node_line = |i: NodeIndex| -> String {
        let n = &g[i];
        let (shape, fill, _) = style(n.kind, &n.sub, lang);
        format!(
            "n{} [label={}, shape={shape}, fillcolor=\"{fill}\"];",
            id[&i],
            quote(&wrap(&n.label, 28))
        )
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph polgraph {{");
    let _ = writeln!(out, "  graph [rankdir=LR, fontname=\"DejaVu Sans\", fontsize=12, labelloc=t, label={}, newrank=true];", quote(title));
    let _ = writeln!(out, "  node [fontname=\"DejaVu Sans\", fontsize=10, style=\"filled,rounded\", color=\"#555555\"];");
    let _ = writeln!(
        out,
        "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\"];"
    );
    // Bodies and places under their province; central bodies together.
    let mut clusters: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
    let mut loose = Vec::new();
    for &i in &order {
        match g[i].kind {
            Kind::Organization | Kind::Locality => {
                let name = match &g[i].province {
                    Some(p) => p.clone(),
                    None => {
                        if lang == Lang::Vi {
                            "Trung ương".to_string()
                        } else {
                            "Central".to_string()
                        }
                    }
                };
                clusters.entry(name).or_default().push(i);
            }
            _ => loose.push(i),
        }
    }
    for (k, (name, members)) in clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{k} {{");
        let _ = writeln!(
            out,
            "    label={}; style=\"rounded,dashed\"; color=\"#999999\"; fontcolor=\"#555555\";",
            quote(name)
        );
        for &i in members {
            let _ = writeln!(out, "    {}", node_line(i));
        }
        let _ = writeln!(out, "  }}");
    }
    for &i in &loose {
        let _ = writeln!(out, "  {}", node_line(i));
    }
    let mut edges: Vec<(usize, usize, String, String)> = g
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let label = match (&w.role, w.former) {
                (Some(r), true) => format!(
                    "{} {r}",
                    if lang == Lang::Vi {
                        "nguyên"
                    } else {
                        "former"
                    }
                ),
                (Some(r), false) => r.clone(),
                (None, _) => rel_label(w.rel, lang).to_string(),
            };
            let docs = w.docs.iter().cloned().collect::<Vec<_>>().join(", ");
            (id[&e.source()], id[&e.target()], label, docs)
        })
        .collect();
    edges.sort();
    for (a, b, label, docs) in &edges {
        let style = if label.starts_with("nguyên") || label.starts_with("former") {
            ", style=dashed"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  n{a} -> n{b} [label={}, tooltip={}{style}];",
            quote(label),
            quote(docs)
        );
    }
    // The legend: one sample of each kind drawn.
    let mut kinds: Vec<(Kind, String)> = g
        .node_indices()
        .map(|i| {
            (
                g[i].kind,
                if g[i].kind == Kind::Organization {
                    g[i].sub.clone()
                } else {
                    String::new()
                },
            )
        })
        .collect();
    kinds.sort();
    kinds.dedup_by(|a, b| style(a.0, &a.1, lang).2 == style(b.0, &b.1, lang).2);
    if !kinds.is_empty() {
        let _ = writeln!(out, "  subgraph cluster_legend {{");
        let _ = writeln!(
            out,
            "    label={}; style=\"rounded\"; color=\"#cccccc\"; fontcolor=\"#555555\";",
            quote(if lang == Lang::Vi {
                "Chú giải"
            } else {
                "Legend"
            })
        );
        for (k, (kind, sub)) in kinds.iter().enumerate() {
            let (shape, fill, name) = style(*kind, sub, lang);
            let _ = writeln!(
                out,
                "    legend{k} [label={}, shape={shape}, fillcolor=\"{fill}\"];",
                quote(name)
            );
        }
        let _ = writeln!(out, "  }}");
    }
    let _ = writeln!(out, "}}");
    out
}

/// Breaks a long label into lines of about `width` characters, at spaces.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in s.split(' ') {
        let n = w.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_wrapping() {
        assert_eq!(
            quote("Văn bản \"về\" \\ x"),
            "\"Văn bản \\\"về\\\" \\\\ x\""
        );
        assert_eq!(
            wrap("Phòng Chính sách cán bộ Ban Tổ chức Tỉnh ủy Hà Tĩnh", 28),
            "Phòng Chính sách cán bộ Ban\nTổ chức Tỉnh ủy Hà Tĩnh"
        );
    }

    /// One list of body kinds: every kind of `data/lexicon/bodies.tsv` is one, the SHACL shapes
    /// allow exactly these, and the legend gives each its own style and name.
    #[test]
    fn the_kinds_of_the_data_the_shapes_and_the_legend_agree() {
        use crate::extract::BodyKind;
        let all: std::collections::BTreeSet<&str> =
            BodyKind::ALL.iter().map(|k| k.as_str()).collect();
        for row in crate::extract::lexicon::rows(crate::extract::lexicon::BODIES) {
            assert!(
                all.contains(row[2]),
                "bodies.tsv: kind {:?} of {:?}",
                row[2],
                row[0]
            );
        }
        let shapes = crate::export::validate::SHAPES;
        let line = shapes
            .lines()
            .find(|l| l.contains("sh:path pg:kind"))
            .expect("a shape of pg:kind");
        let listed: std::collections::BTreeSet<&str> = line.split('"').skip(1).step_by(2).collect();
        assert_eq!(listed, all, "ontology/shapes.ttl lists other kinds");
        for lang in [Lang::Vi, Lang::En] {
            let styles: std::collections::BTreeSet<_> = BodyKind::ALL
                .iter()
                .map(|k| style(Kind::Organization, k.as_str(), lang))
                .collect();
            assert_eq!(
                styles.len(),
                BodyKind::ALL.len(),
                "two kinds share a legend entry"
            );
        }
    }
}
