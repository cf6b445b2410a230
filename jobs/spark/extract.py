"""polgraph's extraction on Apache Spark.

    spark-submit [--master local[2]] [--files target/release/polgraph] jobs/spark/extract.py \
        --input URI --output URI [--partitions N] [--polgraph PATH]

reads articles as JSON Lines (a record a line: id, text, and optional title, date, url, source)
from any file system Hadoop reads (a local path, hdfs://, s3a://; a folder or a glob too),
streams each partition through `polgraph extract --out - --tenure-facts -` on the executors,
merges what the articles say of each tenure by key (reduceByKey) and makes the tenures graph of
the merged facts with `polgraph extract --merge-tenures`: N-Quads part files in --output
(part-00000.nq, ...; the last holds the tenures graph and the descriptions graph), for `polgraph load --store DB OUTPUT` or
a triple store's bulk loader.

Every rule, of extraction and of tenures, is the binary's: this job only moves lines. A tenure
fact's value is a JSON object of fields under the rule that merges them (sum, min, max; see
`polgraph::rdf::tenure::facts`), so that merging needs no knowledge of tenures.

An article that fails is reported on the executor's standard error with its line in the input
(counted across the input's files in order) and skipped, as `polgraph ingest` does; the job says
how many at the end.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading

FACT = "#tenure-fact\t"
# How a quad of the descriptions graph ends (`polgraph::rdf::described`): each partition describes
# the units its articles name, and the job keeps one copy of each quad.
DESCRIBED = "<https://w3id.org/polgraph/id/graph/descriptions> ."


def merge(a, b):
    """Two values of one tenure's facts merged: `sum` fields added, `min` and `max` fields the
    least and the greatest (lists compared element by element); a field one side lacks is the
    other's. Associative and commutative, as reduceByKey needs."""
    out = {}
    for rule, pick in (("sum", lambda x, y: x + y), ("min", min), ("max", max)):
        x, y = a.get(rule, {}), b.get(rule, {})
        merged = dict(y)
        for k, v in x.items():
            merged[k] = pick(v, y[k]) if k in y else v
        if merged:
            out[rule] = merged
    return out


def binary(path):
    """The polgraph binary on this machine: a path that exists, else the file that `--files`
    shipped (in the task's SparkFiles), else a command on the PATH."""
    from pyspark import SparkFiles

    if os.path.isfile(path):
        return os.path.abspath(path)
    try:
        shipped = SparkFiles.get(os.path.basename(path))
        if os.path.isfile(shipped):
            if not os.access(shipped, os.X_OK):
                os.chmod(shipped, 0o755)
            return shipped
    except Exception:  # no SparkContext files here: try the PATH
        pass
    found = shutil.which(path)
    if found:
        return found
    raise RuntimeError(
        f"polgraph binary {path!r} not found on this executor: ship it with "
        f"`spark-submit --files {path}` or install it on the PATH"
    )


def run(args, lines, skipped=None, threads=1):
    """Streams `lines` through `polgraph ARGS`, yielding its standard output a line at a time.
    Its standard error goes to the executor's; the lines that say an article was skipped are
    counted in `skipped`. Exit code 1 (some articles skipped) is not a failure of the task."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    tail = []

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8"))
                proc.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    def report():
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace")
            sys.stderr.write(line)
            tail.append(line)
            del tail[:-20]
            if skipped is not None and line.startswith("polgraph: skipped"):
                skipped.add(1)

    threads_ = [threading.Thread(target=feed, daemon=True), threading.Thread(target=report, daemon=True)]
    for t in threads_:
        t.start()
    for raw in proc.stdout:
        yield raw.decode("utf-8").rstrip("\n")
    for t in threads_:
        t.join()
    code = proc.wait()
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed (exit code {code}):\n{''.join(tail)}")


def first_lines(lines):
    """The line each partition starts at (from 1), so that messages and the order of articles
    (the first article describing a tenure wins, as in ingest) are those of the input: one pass
    that counts lines, in the JVM (zipWithIndex counts each partition as it is made: 4 s on
    30 MB where counting in Python takes 12-28 s), else in Python."""
    try:
        zipped = lines._jrdd.zipWithIndex().rdd()
        return [p.startIndex() + 1 for p in zipped.partitions()]
    except Exception:  # not a JVM RDD of lines (another pyspark): count in Python
        counts = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
        starts = [1]
        for n in counts[:-1]:
            starts.append(starts[-1] + n)
        return starts


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="JSON Lines: a path or URI, a folder or a glob")
    p.add_argument("--output", required=True, help="a folder (path or URI) that must not exist")
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="partitions of the input (default: Spark's default parallelism)",
    )
    p.add_argument(
        "--polgraph",
        default="polgraph",
        help="the polgraph binary: a path, the name of a file shipped with --files, or a command",
    )
    args = p.parse_args(argv)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("polgraph extract").getOrCreate()
    sc = spark.sparkContext
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    partitions = args.partitions or sc.defaultParallelism
    lines = sc.textFile(args.input, minPartitions=partitions)

    starts = first_lines(lines)

    skipped = sc.accumulator(0)
    polgraph, name = args.polgraph, args.input

    def extract(index, it):
        it = iter(it)
        first = next(it, None)
        if first is None:  # an empty partition: nothing to run
            return

        def all_lines():
            yield first
            yield from it

        cmd = [
            binary(polgraph),
            "extract",
            "--out",
            "-",
            "--tenure-facts",
            "--first-line",
            str(starts[index]),
            "--stdin-name",
            name,
            "-",
        ]
        yield from run(cmd, all_lines(), skipped, threads)

    out = lines.mapPartitionsWithIndex(extract).persist(StorageLevel.MEMORY_AND_DISK)
    quads = out.filter(
        lambda line: line and not line.startswith("#") and not line.endswith(DESCRIBED)
    )
    described = out.filter(lambda line: line.endswith(DESCRIBED)).distinct()

    def fact(line):
        key, value = line[len(FACT):].split("\t", 1)
        return key, json.loads(value)

    def tenures(it):
        merged = (
            FACT + k + "\t" + json.dumps(v, ensure_ascii=False, separators=(",", ":")) for k, v in it
        )
        yield from run([binary(polgraph), "extract", "--merge-tenures", "--out", "-", "-"], merged)

    # One task makes the tenures graph of the merged facts: a label written once however many
    # tenures share its node, as in ingest.
    graph = (
        out.filter(lambda line: line.startswith(FACT))
        .map(fact)
        .reduceByKey(merge, numPartitions=partitions)
        .coalesce(1)
        .mapPartitions(tenures)
    )
    # The last part file holds the tenures graph and the descriptions graph.
    quads.union(graph.union(described).coalesce(1)).saveAsTextFile(args.output)
    out.unpersist()

    # Part files named .nq, so that a bulk loader (Virtuoso's ld_dir) reads them as N-Quads.
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(args.output)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    renamed = 0
    for status in fs.listStatus(path):
        p = status.getPath()
        if p.getName().startswith("part-") and not p.getName().endswith(".nq"):
            fs.rename(p, jvm.org.apache.hadoop.fs.Path(p.getParent(), p.getName() + ".nq"))
            renamed += 1
    print(
        f"polgraph: wrote {renamed} part files to {args.output}; "
        f"{skipped.value} input(s) skipped (see the executors' standard error)",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
