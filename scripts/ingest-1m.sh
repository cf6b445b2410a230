#!/usr/bin/env bash
# The 1,000,000-article ingest of issue 30 without the bulk loader's phase (that is
# scripts/bench-1m.sh, which needs some 90 GB free): press.jsonl repeated under new ids, streamed
# into `polgraph ingest` under /usr/bin/time -v, a line of load, store size and RSS every 30 s,
# then each question once (find, a folded --param, stats, people, tenures, articles), timed.
# Needs some 40 GB free under DIR (the store peaks near 40 GB before its compaction).
#
# usage: scripts/ingest-1m.sh [DIR]   (from the repository's root, after `cargo build --release`;
#        N=... for another number of articles; RAW=... for the folder of press.jsonl; EXPORT=1 to
#        export the store afterwards)
set -u
cd "$(dirname "$0")/.."
n=${N:-1000000}
raw=${RAW:-../shared/corpus/raw}
d=${1:-target/ingest-1m}
mkdir -p "$d"
bin=$d/polgraph
# A copy of the binary: a rebuild during the run would change what it runs.
cp target/release/polgraph "$bin"
git rev-parse HEAD > "$d/commit"
( while :; do
    echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg) $(du -sm "$d/db" 2>/dev/null | cut -f1)MB" \
      "$(ps -o rss= -C polgraph | sort -n | tail -1)KB"
    sleep 30
  done ) > "$d/sampler.log" 2>&1 &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT
python3 scripts/repeat-corpus.py "$raw/press.jsonl" "$n" 2> "$d/feed.log" |
  /usr/bin/time -v "$bin" ingest --store "$d/db" - > "$d/ingest.out" 2> "$d/ingest.err"
echo "rc=$?" >> "$d/ingest.err"
kill $sampler
du -sh "$d/db" > "$d/size"
q() {
  echo "== $*" >> "$d/queries.log"
  /usr/bin/time -f "%e s %M KB" "$bin" "$@" > "$d/q.out" 2>> "$d/queries.log"
  head -3 "$d/q.out" >> "$d/queries.log"
  echo "$(wc -l < "$d/q.out") lines" >> "$d/queries.log"
}
q find --store "$d/db" "nguyen thi thu lan"
q query --store "$d/db" person-posts --param "person=nguyen thi thu lan"
q stats --store "$d/db"
q query --store "$d/db" people
q query --store "$d/db" tenures
q query --store "$d/db" articles
# EXPORT=1: then the whole store exported as N-Quads, its sorted runs in DIR (TMPDIR), the output
# thrown away (`export.err`: time and peak memory).
if [ "${EXPORT:-0}" = 1 ]; then
  mkdir -p "$d/tmp"
  TMPDIR="$d/tmp" /usr/bin/time -v "$bin" export --store "$d/db" --format nq > /dev/null 2> "$d/export.err"
  echo "rc=$?" >> "$d/export.err"
  grep -E "Elapsed|Maximum resident|^rc=" "$d/export.err"
fi
grep -E "^ingested|Elapsed|Maximum resident" "$d/ingest.err"
cat "$d/queries.log"
