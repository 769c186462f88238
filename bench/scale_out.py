#!/usr/bin/env python3
"""Scale-out over NATS JetStream: throughput with 1 and 2 workers, the
clusterer's cost, a 20,000-article fault run, and the ECB+ dev equivalence.

Starts a throwaway nats-server -js and PostgreSQL (the tests' fixture
scripts), then:

1. Throughput. A corpus of N articles (default 20,000: the real articles of
   ../shared/bench/clustering/, ECB+ dev in English and ml-crisis-fr in
   French, replayed with one distinct closing sentence per copy, as
   bench/ingest_throughput.py does) is published, then drained by 1 worker,
   and again (another stream and store) by 2 workers, each run alone: articles
   per second of wall time, the workers' CPU seconds per article, and the
   ratio 2 workers / 1 worker. The clusterer then analyses the second store:
   its articles per second are the ceiling of one stream.
2. Faults. The same N articles through 2 workers and 2 clusterers (one
   active, one standby) while a worker and a clusterer are SIGKILLed and
   restarted every few seconds: the store must hold every article once, all
   analysed, and export what the fault-free store of step 1 exports (articles
   ordered by id: a date's articles come in storage order).
3. Equivalence. ECB+ dev through 3 workers and a clusterer into PostgreSQL
   exports what one `dossier ingest` of it into SQLite exports (modulo ids and
   storage order, as above).

Usage: bench/scale_out.py [--articles 20000] [--dossier build/dossier] [--skip-faults]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import ingest_throughput  # noqa: E402  (its corpus builder)
from ingest_throughput import write_corpus  # noqa: E402
SHARED = os.path.join(ROOT, "..", "shared", "bench", "clustering")
ECB_DEV = os.path.join(SHARED, "ecbplus-dev", "documents.jsonl")


# Longer texts are left out: ml-crisis-fr holds one page of 2.1 MB whose
# per-article stages alone take minutes (they grow faster than the text), which
# would measure that page rather than the pipeline.
MAX_TEXT_BYTES = 100_000


def real_articles():
    # bench/ingest_throughput.py's articles, less the longest.
    return [t for t in ingest_throughput.real_articles()
            if len(t.encode("utf-8")) <= MAX_TEXT_BYTES]


class Servers:
    def __init__(self, tmp):
        self.pg_state = os.path.join(tmp, "pg")
        self.nats_state = os.path.join(tmp, "nats")

    def __enter__(self):
        for script, state in (("pg/postgres_fixture.sh", self.pg_state),
                              ("nats/nats_fixture.sh", self.nats_state)):
            subprocess.run(["bash", os.path.join(ROOT, "tests", script), "start", state],
                           check=True, stdout=subprocess.DEVNULL)
        self.pg = open(os.path.join(self.pg_state, "url")).read().strip()
        self.nats = open(os.path.join(self.nats_state, "url")).read().strip()
        return self

    def __exit__(self, *exc):
        for script, state in (("pg/postgres_fixture.sh", self.pg_state),
                              ("nats/nats_fixture.sh", self.nats_state)):
            subprocess.run(["bash", os.path.join(ROOT, "tests", script), "stop", state])

    def store(self, schema):
        subprocess.run(["psql", self.pg, "-qc", "CREATE SCHEMA %s" % schema], check=True)
        return self.pg + "?options=-csearch_path%3D" + schema

    def count(self, db, sql, missing_ok=False):
        """The integer `sql` returns; with missing_ok, 0 while the first
        process to open the store has not yet made its tables."""
        p = subprocess.run(["psql", db, "-tAc", sql], capture_output=True, text=True)
        if p.returncode != 0:
            if missing_ok and "does not exist" in p.stderr:
                return 0
            sys.exit("psql %s failed: %s" % (sql, p.stderr.strip()))
        return int(p.stdout.strip())


class Dossier:
    def __init__(self, binary, servers, log):
        self.binary = binary
        self.servers = servers
        self.log = log

    def nats(self, stream):
        return ["--nats", self.servers.nats, "--stream", stream, "--ack-wait-ms", "5000"]

    def run(self, db, args, check=True):
        p = subprocess.run([self.binary, "--db", db] + args, capture_output=True, text=True,
                           cwd=ROOT)
        if check and p.returncode != 0:
            sys.exit("dossier %s failed (%d):\n%s" % (" ".join(args), p.returncode,
                                                      p.stderr[-3000:]))
        return p.stdout

    def spawn(self, db, args):
        return subprocess.Popen([self.binary, "--db", db] + args, cwd=ROOT,
                                stdout=self.log, stderr=self.log)


class FreezeWatch:
    """Seconds during which any of the watched processes was stopped (state
    T): on a shared machine another job's benchmark may SIGSTOP everything
    else while it measures. Wall times are given with that time left out too."""

    def __init__(self, pids):
        self.pids = list(pids)
        self.frozen = 0.0
        self.done = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def stopped(self):
        for pid in self.pids:
            try:
                with open("/proc/%d/stat" % pid) as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "T":
                        return True
            except OSError:
                pass
        return False

    def run(self):
        last = time.perf_counter()
        while not self.done:
            time.sleep(0.1)
            now = time.perf_counter()
            if now - last > 0.5:  # this process was stopped too
                self.frozen += now - last
            elif self.stopped():
                self.frozen += now - last
            last = now

    def stop(self):
        self.done = True
        self.thread.join()
        return self.frozen


def server_pids():
    p = subprocess.run(["pgrep", "-f", "nats-server|postgres"], capture_output=True, text=True)
    return [int(x) for x in p.stdout.split()]


def wait_all(procs):
    """Waits for every process; returns (wall seconds, CPU seconds of them)."""
    start = time.perf_counter()
    cpu = 0.0
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit("a dossier process failed (%d); see the log" % p.returncode)
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu


def drain(d, db, stream, corpus, workers):
    d.run(db, ["publish", corpus] + d.nats(stream))
    start = time.perf_counter()
    procs = [d.spawn(db, ["worker", "--exit-when-idle"] + d.nats(stream)) for _ in range(workers)]
    watch = FreezeWatch([p.pid for p in procs] + server_pids())
    _, cpu = wait_all(procs)
    frozen = watch.stop()
    return time.perf_counter() - start, cpu, frozen


def cluster(d, db, stream, extra=()):
    start = time.perf_counter()
    procs = [d.spawn(db, ["cluster", "--exit-when-idle", "--idle-ms", "500"] + list(extra) +
                     d.nats(stream))]
    watch = FreezeWatch([p.pid for p in procs] + server_pids())
    _, cpu = wait_all(procs)
    frozen = watch.stop()
    # Less the idle time it waits before its last (partial) window.
    return time.perf_counter() - start - frozen - 0.5, cpu


def normalised(doc):
    """The export with articles by id, ids renamed by position, and each
    entity's per-article lists sorted (tests/export_compare.h does the same)."""
    doc["articles"].sort(key=lambda a: a["id"])
    ids = {}
    for coll in ("articles", "entities"):
        for i, x in enumerate(doc[coll]):
            ids[x["id"]] = "%s#%d" % (coll, i)

    def rename(v):
        if isinstance(v, str):
            return ids.get(v, v)
        if isinstance(v, list):
            return [rename(x) for x in v]
        if isinstance(v, dict):
            return {k: rename(x) for k, x in v.items()}
        return v

    doc = rename(doc)
    for e in doc["entities"]:
        for k, v in e.items():
            if isinstance(v, list) and v and isinstance(v[0], dict) and "article" in v[0]:
                v.sort(key=lambda x: json.dumps(x, sort_keys=True))
    return doc


def compare(a, b):
    out = {}
    for k in ("articles", "entities", "quotes", "figures", "conflicts", "events", "storylines"):
        out[k] = "equal (%d)" % len(a[k]) if a[k] == b[k] else "DIFFER (%d vs %d)" % (
            len(a[k]), len(b[k]))
    return out, all(a[k] == b[k] for k in out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--skip-faults", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(ECB_DEV):
        sys.exit("needs ../shared/bench/clustering/ (ECB+ dev, ml-crisis-fr)")
    tmp = tempfile.mkdtemp(prefix="scale_out_bench.")
    log = open(os.path.join(tmp, "log"), "w")
    corpus = os.path.join(tmp, "corpus.jsonl")
    real = real_articles()
    write_corpus(corpus, real, args.articles)
    print("corpus: %d articles (%d real ones, ECB+ dev and ml-crisis-fr up to 100 kB, replayed); "
          "machine: %d cores" % (args.articles, len(real), os.cpu_count()))
    ok = True
    with Servers(tmp) as s:
        d = Dossier(args.dossier, s, log)
        # 1. Throughput.
        rates = {}
        for workers in (1, 2):
            db = s.store("w%d" % workers)
            wall, cpu, frozen = drain(d, db, "w%d" % workers, corpus, workers)
            n = s.count(db, "SELECT count(*) FROM articles")
            rates[workers] = n / (wall - frozen)
            print("%d worker%s: %d articles in %.1f s = %.0f articles/s (%.1f s stopped by other "
                  "jobs left out: %.0f articles/s); worker CPU %.2f ms/article"
                  % (workers, "s" if workers > 1 else "", n, wall, n / wall, frozen,
                     rates[workers], 1000 * cpu / n))
        print("ratio 2 workers / 1 worker: %.2f" % (rates[2] / rates[1]))
        calm = s.pg + "?options=-csearch_path%3Dw2"
        wall, cpu = cluster(d, calm, "w2")
        n = s.count(calm, "SELECT count(*) FROM analysed")
        print("clusterer: %d articles in %.1f s = %.0f articles/s; CPU %.2f ms/article" %
              (n, wall, n / wall, 1000 * cpu / n))

        # 2. Faults.
        if not args.skip_faults:
            db = s.store("faults")
            stream = "faults"
            d.run(db, ["publish", corpus] + d.nats(stream))
            worker = ["worker", "--exit-when-idle", "--batch", "16"] + d.nats(stream)
            clus = ["cluster", "--exit-when-idle", "--idle-ms", "500"] + d.nats(stream)
            start = time.perf_counter()
            steady, victim = d.spawn(db, worker), d.spawn(db, worker)
            clusterers = [d.spawn(db, clus), d.spawn(db, clus)]
            kills = {"worker": 0, "clusterer": 0}
            rnd = random.Random(8)
            while s.count(db, "SELECT count(*) FROM analysed", missing_ok=True) < args.articles * 0.9:
                time.sleep(rnd.uniform(2, 6))
                if rnd.random() < 0.5:
                    victim.kill()
                    victim.wait()
                    victim = d.spawn(db, worker)
                    kills["worker"] += 1
                else:
                    i = rnd.randrange(2)
                    clusterers[i].kill()
                    clusterers[i].wait()
                    clusterers[i] = d.spawn(db, clus)
                    kills["clusterer"] += 1
            wait_all([steady, victim] + clusterers)
            wall = time.perf_counter() - start
            stored = s.count(db, "SELECT count(*) FROM articles")
            distinct = s.count(db, "SELECT count(DISTINCT content_hash) FROM articles")
            analysed = s.count(db, "SELECT count(*) FROM analysed")
            print("faults: %d SIGKILLs of a worker, %d of a clusterer in %.0f s; %d articles "
                  "stored (%d distinct), %d analysed, of %d published (%d in the fault-free store: "
                  "the replayed corpus repeats a few texts)" %
                  (kills["worker"], kills["clusterer"], wall, stored, distinct, analysed,
                   args.articles, s.count(calm, "SELECT count(*) FROM articles")))
            a = normalised(json.loads(d.run(calm, ["export"])))
            b = normalised(json.loads(d.run(db, ["export"])))
            table, same = compare(a, b)
            print("faults: export vs the fault-free run: %s" %
                  ", ".join("%s %s" % kv for kv in table.items()))
            expected = s.count(calm, "SELECT count(*) FROM articles")
            ok = ok and same and stored == distinct == analysed == expected

        # 3. ECB+ dev equivalence.
        sqlite = os.path.join(tmp, "ecb.db")
        d.run(sqlite, ["ingest", "--quiet", ECB_DEV])
        db = s.store("ecb")
        d.run(db, ["publish", ECB_DEV] + d.nats("ecb"))
        procs = [d.spawn(db, ["worker", "--exit-when-idle"] + d.nats("ecb")) for _ in range(3)]
        procs.append(d.spawn(db, ["cluster", "--exit-when-idle", "--idle-ms", "500"] +
                             d.nats("ecb")))
        wait_all(procs)
        a = normalised(json.loads(d.run(sqlite, ["export"])))
        b = normalised(json.loads(d.run(db, ["export"])))
        table, same = compare(a, b)
        print("ECB+ dev, 3 workers + clusterer vs one ingest: %s" %
              ", ".join("%s %s" % kv for kv in table.items()))
        ok = ok and same
    print("log: %s" % os.path.join(tmp, "log"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
