#!/usr/bin/env python3
"""Load on the JSON HTTP API (`dossier serve`): search and storylines under
200 concurrent connections, with wrk.

Builds a store of N articles from the real articles of ../shared/bench/clustering/
(the corpus builder of bench/ingest_throughput.py: replayed copies with one
distinct closing sentence each). The first --analyzed articles are ingested
with the analysis (entities, quotes, figures, events, storylines), the rest
stored only (`--no-analyze`): the analysis of 100,000 articles takes longer
than a load test should, and search does not depend on it.

Then it starts `dossier serve` on a free loopback port and runs wrk for
--duration seconds at --connections connections on each of:
  stats      GET /api/stats (one small query: the server's HTTP floor, the baseline)
  search     GET /api/search?q=W1+W2 (two adjacent words of a random corpus
             sentence, 500 different queries, deterministic)
  search+lang  the same with &lang=en (a filter applied after ranking)
  storylines GET /api/storylines?limit=20 (the first page)
and prints requests/s, errors (socket errors and non-2xx responses) and
latency percentiles (p50, p99) for each, and each throughput as a ratio to
the stats baseline measured in the same run.

Usage: bench/api_load.py [--articles 100000] [--analyzed 2000] [--duration 30]
       [--connections 200] [--threads 8] [--dossier build/dossier] [--keep DIR]
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ingest_throughput import real_articles, write_corpus  # noqa: E402

ROOT = os.path.dirname(HERE)


def ingest(binary, db, corpus, analyze):
    cmd = [binary, "--db", db, "ingest", "--quiet", corpus]
    if not analyze:
        cmd.insert(-1, "--no-analyze")
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("dossier ingest failed (%d):\n%s" % (p.returncode, p.stderr[-2000:]))


def build_store(binary, workdir, n, analyzed):
    articles = real_articles()
    db = os.path.join(workdir, "api_load.db")
    corpus = os.path.join(workdir, "corpus.jsonl")
    # write_corpus numbers the replayed copies from the start of the file, so
    # the analysed part is the first `analyzed` lines of the whole corpus.
    write_corpus(corpus, articles, n)
    first = os.path.join(workdir, "first.jsonl")
    rest = os.path.join(workdir, "rest.jsonl")
    with open(corpus, encoding="utf-8") as f, open(first, "w", encoding="utf-8") as a, \
            open(rest, "w", encoding="utf-8") as b:
        for i, line in enumerate(f):
            (a if i < analyzed else b).write(line)
    start = time.perf_counter()
    if analyzed:
        ingest(binary, db, first, analyze=True)
    t_analyzed = time.perf_counter() - start
    if n > analyzed:
        ingest(binary, db, rest, analyze=False)
    print("store: %d articles (%d analysed) built in %.0f s (analysis part %.0f s)"
          % (n, min(n, analyzed), time.perf_counter() - start, t_analyzed))
    return db, articles


def search_queries(articles, count=500, seed=7):
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        words = re.findall(r"\w{3,}", rng.choice(articles))
        if len(words) < 2:
            continue
        i = rng.randrange(len(words) - 1)
        out.append(words[i] + " " + words[i + 1])
    return out


def lua_script(path, targets):
    with open(path, "w", encoding="utf-8") as f:
        f.write("local paths = {\n")
        for t in targets:
            f.write('  "%s",\n' % t.replace("\\", "\\\\").replace('"', '\\"'))
        f.write("}\nlocal i = math.random(#paths)\n"
                "request = function()\n  i = i % #paths + 1\n"
                "  return wrk.format(\"GET\", paths[i])\nend\n")


UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * UNIT[m.group(2)]


def run_wrk(port, script, args):
    cmd = ["wrk", "-t2", "-c%d" % args.connections, "-d%ds" % args.duration, "--latency",
           "--timeout", "10s", "-s", script, "http://127.0.0.1:%d" % port]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("wrk failed:\n" + p.stdout + p.stderr)
    out = p.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = parse_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return rps, total, errors, p50, p99


def wait_until_idle(port, limit_s=120):
    """Waits until the requests wrk left queued are answered, so that one
    scenario's backlog does not count against the next."""
    deadline = time.time() + limit_s
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/api/stats" % port, timeout=limit_s).read()
        except OSError:
            pass
        if time.perf_counter() - start < 0.05:
            return
        time.sleep(0.5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--analyzed", type=int, default=2000)
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--connections", type=int, default=200)
    ap.add_argument("--threads", type=int, default=8, help="server worker threads")
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--keep", help="reuse/keep the store in this directory")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing (Debian package wrk)")

    workdir = args.keep or tempfile.mkdtemp(prefix="dossier_api_load_")
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, "api_load.db")
    if args.keep and os.path.exists(db):
        articles = real_articles()
        print("store: reusing %s" % db)
    else:
        db, articles = build_store(args.dossier, workdir, args.articles, args.analyzed)

    server = subprocess.Popen([args.dossier, "--db", db, "serve", "--port", "0",
                               "--threads", str(args.threads)],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.rsplit(":", 1)[1])
        queries = search_queries(articles)
        q = [urllib.parse.quote(x) for x in queries]
        scenarios = [
            ("stats", ["/api/stats"]),
            ("search", ["/api/search?q=%s" % x for x in q]),
            ("search+lang", ["/api/search?q=%s&lang=en" % x for x in q]),
            ("storylines", ["/api/storylines?limit=20"]),
        ]
        print("wrk: %d connections, %d s per scenario, server threads %d, loopback"
              % (args.connections, args.duration, args.threads))
        print("%-12s %10s %10s %8s %9s %9s %8s" % ("scenario", "req/s", "requests", "errors",
                                                  "p50 ms", "p99 ms", "vs stats"))
        baseline = None
        for name, targets in scenarios:
            script = os.path.join(workdir, name.replace("+", "_") + ".lua")
            lua_script(script, targets)
            wait_until_idle(port)
            rps, total, errors, p50, p99 = run_wrk(port, script, args)
            baseline = baseline or rps
            print("%-12s %10.0f %10d %8d %9.1f %9.1f %8.2f" % (name, rps, total, errors, p50, p99,
                                                              rps / baseline))
            sys.stdout.flush()
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
