#!/usr/bin/env python3
"""Ingest throughput of plain-text articles on one core, and its peak memory.

Builds a JSON Lines corpus from the real articles of ../shared/bench/clustering/
(ECB+ dev in English, ml-crisis-fr in French) replayed until it holds N
articles; each replayed copy gets one distinct closing sentence so that the
store's de-duplication keeps it (identical texts are stored once by design).
Then, pinned to one core, it runs `dossier ingest` (clean + language +
segmentation + stems + SQLite/FTS5) on corpora of two sizes and prints
articles/s and peak RSS for each: peak memory must not grow with the number
of articles.

Baseline, measured in the same run on the same texts: Python's sqlite3
inserting the raw texts into a bare FTS5 table in one transaction (no
cleaning, no language, no segmentation). The ratio says what the whole
pipeline costs against storing and indexing alone.

Each size is run --repeat times (default 3), dossier and baseline in turn;
every run is printed, and the summary takes the median run by dossier's
throughput: on a shared machine one run of the same binary varied by a
fifth from the next.

Usage: bench/ingest_throughput.py [--articles 100000] [--small 20000] [--repeat 3]
       [--dossier build/dossier]
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench", "clustering")


def real_articles():
    out = []
    with open(os.path.join(SHARED, "ecbplus-dev", "documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            out.append(doc["text"])
    crisis = os.path.join(SHARED, "ml-crisis-fr")
    for dirpath, _, files in sorted(os.walk(crisis)):
        for name in sorted(files):
            if name.endswith(".txt"):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    out.append(f.read())
    return [t for t in out if t.strip()]


def write_corpus(path, articles, n):
    total = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = articles[i % len(articles)]
            if i >= len(articles):
                text = text + "\nReplayed copy %d of this article." % (i // len(articles))
            total += len(text.encode("utf-8"))
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return total


def run_dossier(binary, corpus, db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cmd = ["taskset", "-c", "0", "/usr/bin/time", "-v", binary, "--db", db, "--json",
           "ingest", "--quiet", "--no-analyze", corpus]
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit("dossier ingest failed (%d):\n%s" % (p.returncode, p.stderr[-2000:]))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    # CPU time (user + system) as well as wall time: on a shared machine the
    # wall time also counts the other processes' share of the core.
    cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % kind, p.stderr).group(1))
              for kind in ("User", "System"))
    report = json.loads(p.stdout)
    return wall, cpu, rss_kb, report


def run_baseline(corpus, db):
    if os.path.exists(db):
        os.remove(db)
    # Same core as dossier, so the ratio compares like with like.
    os.sched_setaffinity(0, {0})
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    with open(corpus, encoding="utf-8") as f:
        con.execute("BEGIN")
        for line in f:
            con.execute("INSERT INTO t(text) VALUES (?)", (json.loads(line)["text"],))
        con.execute("COMMIT")
    con.close()
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--small", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    args = ap.parse_args()

    articles = real_articles()
    work = tempfile.mkdtemp(prefix="dossier-bench-")
    print("real articles: %d (ECB+ dev and ml-crisis-fr), replayed to %d" %
          (len(articles), args.articles))
    header = ("%-9s %4s %8s %10s %9s %9s %9s %12s %12s %14s %7s" %
              ("articles", "run", "MB", "stored", "seconds", "art/s", "CPU s", "CPU us/art",
               "peak RSS MB", "FTS5-only art/s", "ratio"))

    def line(row, run):
        n, nbytes, wall, rss_kb, report, base, cpu = row
        return ("%-9d %4s %8.1f %10d %9.2f %9.0f %9.2f %12.0f %12.1f %14.0f %7.2f" %
                (n, run, nbytes / 1e6, report["stored"], wall, n / wall, cpu, cpu / n * 1e6,
                 rss_kb / 1024.0, n / base, (n / wall) / (n / base)))

    print()
    print(header)
    rows = []
    for n in (args.small, args.articles):
        corpus = os.path.join(work, "corpus-%d.jsonl" % n)
        nbytes = write_corpus(corpus, articles, n)
        runs = []
        for r in range(args.repeat):
            wall, cpu, rss_kb, report = run_dossier(args.dossier, corpus, os.path.join(work, "d.db"))
            base = run_baseline(corpus, os.path.join(work, "b.db"))
            runs.append((n, nbytes, wall, rss_kb, report, base, cpu))
            print(line(runs[-1], str(r + 1)), flush=True)
        runs.sort(key=lambda row: row[2])
        rows.append(runs[len(runs) // 2])
        os.remove(corpus)

    print()
    print("median run of %d by dossier's time:" % args.repeat)
    print(header)
    for row in rows:
        print(line(row, "med"))
    small, large = rows[0], rows[-1]
    print()
    print("throughput at %d articles: %.0f articles/s on one core (bar: 2000); "
          "%.0f articles per CPU second (user + system)" %
          (large[0], large[0] / large[2], large[0] / large[6]))
    print("peak memory: %.1f MB at %d articles, %.1f MB at %d articles (x%.2f for x%.1f articles)" %
          (small[3] / 1024, small[0], large[3] / 1024, large[0], large[3] / small[3],
           large[0] / small[0]))
    print("ratio to bare SQLite FTS5 insert of the same texts: %.2f" %
          ((large[0] / large[2]) / (large[0] / large[5])))
    for f in os.listdir(work):
        os.remove(os.path.join(work, f))
    os.rmdir(work)


if __name__ == "__main__":
    main()
