#!/usr/bin/env python3
"""A JSON Lines corpus repeated under new ids up to N articles, on standard output (streamed,
never written whole): the first copy keeps each record's id, the k-th has `ID~k`, as
`polgraph bench --corpus` does. Progress every 50,000 articles on standard error.

usage: scripts/repeat-corpus.py FILE.jsonl N | polgraph ingest --store DB -
"""
import json
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, n = sys.argv[1], int(sys.argv[2])
    records = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{number}: not JSON: {e}")
            if not isinstance(r, dict) or "id" not in r:
                sys.exit(f"{path}:{number}: a record without an id")
            rid = str(r.pop("id"))
            # The record without its id, as the rest of a JSON object after `{"id": ..., `.
            rest = json.dumps(r, ensure_ascii=False)[1:]
            records.append((rid, rest))
    if not records:
        sys.exit(f"{path}: no records")
    out = sys.stdout
    i = copy = 0
    try:
        while i < n:
            for rid, rest in records:
                if i >= n:
                    break
                new = rid if copy == 0 else f"{rid}~{copy}"
                sep = ", " if rest != "}" else ""
                out.write('{"id": ' + json.dumps(new, ensure_ascii=False) + sep + rest + "\n")
                i += 1
                if i % 50000 == 0:
                    sys.stderr.write(f"{time.strftime('%H:%M:%S')} {i} articles\n")
            copy += 1
        out.flush()
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
