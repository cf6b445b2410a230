#!/usr/bin/env python3
"""Reads polgraph's exports with rdflib and checks them with pyshacl, independently of polgraph.

usage: check_rdf.py SHAPES FILE.FORMAT...   (formats by extension: nq, trig, jsonld, nt, ttl, rdf)
Prints one line per file, `FILE COUNT` (quads for datasets, triples otherwise), then
`shacl conforms` or `shacl violations N` for the union of the last dataset file.
"""
import sys
import rdflib
from pyshacl import validate

FORMATS = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld", "nt": "nt", "ttl": "turtle", "rdf": "xml"}

def main():
    shapes, files = sys.argv[1], sys.argv[2:]
    union = None
    for f in files:
        fmt = FORMATS[f.rsplit(".", 1)[1]]
        if fmt in ("nquads", "trig", "json-ld"):
            ds = rdflib.Dataset()
            ds.parse(f, format=fmt)
            n = sum(1 for q in ds.quads((None, None, None, None)) if q[3] is not None and str(q[3]) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID))
            union = rdflib.Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                union.add((s, p, o))
        else:
            g = rdflib.Graph()
            g.parse(f, format=fmt)
            n = len(g)
        print(f, n)
    conforms, _, text = validate(union, shacl_graph=rdflib.Graph().parse(shapes, format="turtle"))
    if conforms:
        print("shacl conforms")
    else:
        print("shacl violations", text.count("Constraint Violation"))
        sys.stderr.write(text[:3000])

if __name__ == "__main__":
    main()
