# The SPARQL Update that `polgraph push --protocol update` sends for each article: its graph
# dropped and its triples inserted, in the same request (the articles of a batch joined by ` ;`),
# so that no store is left with half an article. `{graph}` is the article graph's IRI,
# `{ntriples}` its N-Triples as oxigraph serializes them (each line ending in a line break).
DROP SILENT GRAPH <{graph}> ;
INSERT DATA { GRAPH <{graph}> {
{ntriples}
} }
