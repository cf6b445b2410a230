//! An article's graph written as N-Quads straight from its buffer: the bytes oxigraph's
//! serializer writes for the same quads (`oxrdf`'s `Display`, one `write_char` a character),
//! without building a [`Quad`](oxigraph::model::Quad) of owned strings for each statement first.
//! `polgraph extract` spent a quarter of its time outside extraction there (issue 30).

use super::{Graph, Kind};
use crate::normalize::swar;
use oxigraph::model::vocab::xsd;
use std::io::{self, Write};

impl Graph {
    /// Writes the graph's quads as N-Quads, each `<s> <p> object <graph> .` on a line of its own,
    /// in [`Graph::quads`]' order.
    pub fn write_nquads(&self, out: &mut dyn Write) -> io::Result<()> {
        let graph = self.name.as_str();
        for q in &self.quads {
            iri(out, self.get(q.s))?;
            out.write_all(b" ")?;
            iri(out, q.p)?;
            out.write_all(b" ")?;
            let o = self.get(q.o);
            match q.kind {
                Kind::Iri => iri(out, o)?,
                Kind::Plain => quoted(out, o)?,
                Kind::Lang(l) => {
                    quoted(out, o)?;
                    out.write_all(b"@")?;
                    out.write_all(l.as_bytes())?;
                }
                // A literal typed xsd:string is a simple literal (RDF 1.1; oxrdf writes it so).
                Kind::Typed(dt) if dt == xsd::STRING.as_str() => quoted(out, o)?,
                Kind::Typed(dt) => {
                    quoted(out, o)?;
                    out.write_all(b"^^")?;
                    iri(out, dt)?;
                }
            }
            out.write_all(b" ")?;
            iri(out, graph)?;
            out.write_all(b" .\n")?;
        }
        Ok(())
    }
}

/// The bytes [`quoted`] may escape: the controls, `"`, `\`, DEL, and the lead byte of U+FFFE and
/// U+FFFF.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7f] = true;
    t[0xef] = true;
    t
};

/// `<iri>`: the IRIs are minted valid, and written as they are.
fn iri(out: &mut dyn Write, s: &str) -> io::Result<()> {
    out.write_all(b"<")?;
    out.write_all(s.as_bytes())?;
    out.write_all(b">")
}

/// A string literal in quotes, escaped as `oxrdf::literal::print_quoted_str` escapes it: `\b`,
/// `\t`, `\n`, `\f`, `\r`, `\"`, `\\`, and `\uXXXX` for the other controls, DEL, U+FFFE and
/// U+FFFF; every other character as it is.
fn quoted(out: &mut dyn Write, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // Most bytes are written as they are: skip to the next one that may not be, eight at
        // a time where none of the eight may be (an article's text is written whole).
        if let Some(x) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(x.try_into().expect("eight bytes"));
            if !(swar::any_below(x, 0x20)
                || swar::any_is(x, b'"')
                || swar::any_is(x, b'\\')
                || swar::any_is(x, 0x7f)
                || swar::any_is(x, 0xef))
            {
                i += 8;
                continue;
            }
        }
        if !SPECIAL[b[i] as usize] {
            i += 1;
            continue;
        }
        let escape: Option<&[u8]> = match b[i] {
            0x08 => Some(b"\\b"),
            b'\t' => Some(b"\\t"),
            b'\n' => Some(b"\\n"),
            0x0c => Some(b"\\f"),
            b'\r' => Some(b"\\r"),
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            c @ (0..0x20 | 0x7f) => {
                out.write_all(&b[run..i])?;
                write!(out, "\\u{:04X}", c)?;
                i += 1;
                run = i;
                continue;
            }
            // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
            0xef if b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)) => {
                out.write_all(&b[run..i])?;
                out.write_all(if b[i + 2] == 0xbe {
                    b"\\uFFFE"
                } else {
                    b"\\uFFFF"
                })?;
                i += 3;
                run = i;
                continue;
            }
            _ => None,
        };
        if let Some(e) = escape {
            out.write_all(&b[run..i])?;
            out.write_all(e)?;
            run = i + 1;
        }
        i += 1;
    }
    out.write_all(&b[run..])?;
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::vocab::{dcterms, pg, rdf, skos};
    use oxigraph::io::{RdfFormat, RdfSerializer};

    /// Every character the escaping treats apart, in every kind of object.
    const AWKWARD: &str =
        "a\u{8}b\tc\nd\u{c}e\rf\"g\\h\u{0}\u{1}\u{1f}\u{7f}i\u{fffe}\u{ffff}\u{fffd}\u{efbf}ệ \
                           Ủy ban “nhân dân” ’ \u{2028}\u{80}\u{9f}";

    fn graph() -> Graph {
        let mut g = Graph::new("a-1");
        let s = "https://example.org/id/x";
        g.a(s, pg::ARTICLE);
        g.text(s, dcterms::IDENTIFIER, AWKWARD);
        g.text(s, dcterms::TITLE, "");
        g.vi(s, skos::PREF_LABEL, AWKWARD);
        g.typed(s, dcterms::DATE, "2024-03-01", crate::rdf::vocab::xsd::DATE);
        g.typed(s, pg::FORMER, "false", crate::rdf::vocab::xsd::BOOLEAN);
        g.typed(s, pg::TERM, AWKWARD, xsd::STRING.as_str());
        g.iri(s, rdf::TYPE, "https://example.org/id/y");
        g.text("https://example.org/id/z", pg::RULE, "\\\"\"\\");
        g.finish()
    }

    #[test]
    fn the_bytes_oxigraph_writes_for_the_same_quads() {
        let g = graph();
        let mut ours = Vec::new();
        g.write_nquads(&mut ours).unwrap();
        // oxigraph's own serializer (not the store's writer: rdf comes before store).
        let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        for q in g.quads() {
            w.serialize_quad(&q).unwrap();
        }
        let theirs = w.finish().unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    /// Every character the escaping treats apart at every place in a run of eight bytes (the
    /// writer skips eight at a time where none is).
    #[test]
    fn each_awkward_character_at_each_place_of_eight_bytes() {
        for c in AWKWARD.chars() {
            for pad in 0..9 {
                let s = format!(
                    "Bí thư {}{c}{} Tỉnh ủy Hà Tĩnh",
                    "a".repeat(pad),
                    "b".repeat(pad)
                );
                let mut g = Graph::new("a-1");
                g.text("https://example.org/id/x", dcterms::TITLE, &s);
                let g = g.finish();
                let mut ours = Vec::new();
                g.write_nquads(&mut ours).unwrap();
                let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                for q in g.quads() {
                    w.serialize_quad(&q).unwrap();
                }
                assert_eq!(ours, w.finish().unwrap(), "{c:?} after {pad}");
            }
        }
    }

    #[test]
    fn escapes_as_n_quads_reads_them_back() {
        let g = graph();
        let mut ours = Vec::new();
        g.write_nquads(&mut ours).unwrap();
        let text = String::from_utf8(ours).unwrap();
        assert!(text.contains(r#""a\bb\tc\nd\fe\rf\"g\\h\u0000\u0001\u001F\u007Fi\uFFFE\uFFFF"#));
        assert!(text.contains("\"^^<http://www.w3.org/2001/XMLSchema#date>"));
        assert_eq!(text.lines().count(), g.len());
        let read: Vec<_> = oxigraph::io::RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(text.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(read, g.quads());
    }
}
