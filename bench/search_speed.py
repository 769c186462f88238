#!/usr/bin/env python3
"""Search latency of `dossier search` on a store of N articles, for one or two
binaries (say, before and after a change to the search query), and whether
they return the same hits.

Builds the store like bench/api_load.py (the real articles of
../shared/bench/clustering/ replayed to N, stored with --no-analyze), unless
--db names an existing one. Queries: broad words that most articles hold
("the", "said", "de"), a two-word query, a rarer word, and a deep page of a
broad one (--offset 500). Each is run --repeat times per binary; the figure
is the median wall time of the whole process; a word no article holds gives
the floor every search pays (process start, stemmers, opening the store).

Usage: bench/search_speed.py [--articles 20000] [--db PATH] [--repeat 5]
       [--limit 20] BINARY [BINARY2]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ingest_throughput import real_articles, write_corpus  # noqa: E402

QUERIES = [
    ("floor: a word no article has", ["zqxjvw"]),
    ("broad: the", ["the"]),
    ("broad: said", ["said"]),
    ("broad: de (fr)", ["de"]),
    ("two words: police said", ["police", "said"]),
    ("rarer: earthquake", ["earthquake"]),
    ("deep page: the, offset 500", ["--offset", "500", "the"]),
]


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr[-500:]))
    return elapsed, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--db")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()

    db = args.db
    if not db:
        work = tempfile.mkdtemp(prefix="search_speed_")
        corpus = os.path.join(work, "corpus.jsonl")
        write_corpus(corpus, real_articles(), args.articles)
        db = os.path.join(work, "store.db")
        subprocess.run([args.binaries[0], "--db", db, "ingest", "--quiet", "--no-analyze", corpus],
                       check=False, capture_output=True)
    print("store: %s" % db)
    print("%-30s" % "query" + "".join("%14s" % os.path.basename(b)[-14:]
                                      for b in args.binaries) + ("   same hits" if len(args.binaries) > 1 else ""))
    for name, words in QUERIES:
        times, outputs = [], []
        for b in args.binaries:
            cmd = [b, "--db", db, "--json", "search", "--limit", str(args.limit)] + words
            runs = [timed(cmd) for _ in range(args.repeat)]
            times.append(statistics.median(t for t, _ in runs))
            outputs.append(runs[0][1])
        line = "%-30s" % name + "".join("%11.1f ms" % (t * 1000) for t in times)
        if len(args.binaries) > 1:
            line += "   %s" % ("yes" if all(o == outputs[0] for o in outputs) else "NO")
        print(line)


if __name__ == "__main__":
    main()
