#!/usr/bin/env bash
# The 1,000,000-article run of issue 30: `polgraph bench --corpus` on the raw political press
# (press.jsonl's 404 articles repeated under new ids, streamed: never written whole) and, with
# `all`, on vn-all.jsonl (every subject). Writes the table (OUT/CORPUS.md) and the JSON under OUT for
# docs/performance.md ("The corpus bench"), with the commit, the machine's load and what else ran.
#
# usage: scripts/bench-1m.sh [OUT] [all]      (from the repository's root, after
#        `cargo build --release`; DIR, default target/bench-1m, holds the stores meanwhile)
#
# Estimated from the 100,000-article runs (docs/performance.md, "The corpus bench"): some 1.5-2 hours
# on an idle machine, many more on a shared one; disk: the compacted store (about 170 bytes a quad),
# then, at once, the store, an N-Quads dump of it and the bulk loader's store (about 640 bytes a quad
# in all): some 85 GB at 130 quads an article, 200 GB at 304 (main today). With less (NEED_GB=...),
# the bulk loader's phase, the last, fails on a full disk; every figure before it is in OUT/CORPUS.log.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-1m}
corpora=press
[ "${2:-}" = all ] && corpora="press vn-all"
raw=${RAW:-../shared/corpus/raw}
dir=${DIR:-target/bench-1m}
need_gb=${NEED_GB:-90}
bin=target/release/polgraph
mkdir -p "$out" "$dir"
free_gb=$(df -BG --output=avail "$dir" | tail -1 | tr -dc 0-9)
if [ "$free_gb" -lt "$need_gb" ]; then
  echo "bench-1m: $free_gb GB free under $dir, the run needs some $need_gb GB (NEED_GB=... to override)" >&2
  exit 1
fi
# A copy of the binary: a rebuild during the run would change what the phases run.
cp "$bin" "$dir/polgraph"
git rev-parse HEAD > "$out/commit"
( while :; do date -u +%T; uptime; ps -eo pid,pcpu,rss,etime,args --sort=-pcpu | head -6 | cut -c1-160; sleep 300; done ) > "$out/load.log" 2>&1 &
sampler=$!
trap 'kill $sampler' EXIT
for c in $corpora; do
  "$dir/polgraph" bench --corpus "$raw/$c.jsonl" --articles 1000000 --dir "$dir/$c" --json "$out/$c.json" \
    --memory-limit "${LIMIT_MB:-8192}" > "$out/$c.md" 2> >(tee "$out/$c.log" >&2)
  echo "bench-1m: $c done, $out/$c.md" >&2
done
rm -f "$dir/polgraph"
