#!/usr/bin/python3
"""People the entity resolver may have made one of: a diagnostic on PolNeAR.

No public corpus links every mention of a news archive to its person, so
this bench counts a symptom a reader can check: a PER entity whose names
include two full names with the same family name and different given names
("Hillary Clinton" and "Bill Clinton", "Ted Cruz" and "Heidi Cruz"), each
written at least twice. Some are one person under a nickname ("Bill" and
"William"); most are two relatives made one. It prints how many entities and
mentions carry such a conflict, the worst of them, and the twenty most
reported people with the name each is shown by, for a reader to judge.

Corpus: PolNeAR train+dev (../shared/bench/quotes/polnear: 924 US election
articles of 2015-2016, seven outlets), ingested by `dossier ingest` into a
temporary store, or an existing store given with --db.

usage: /usr/bin/python3 bench/resolver_bench.py [--dossier build/dossier] [--db STORE]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conflicts_bench import polnear_jsonl  # noqa: E402

MIN_COUNT = 2


def full_names(variants):
    """(given, family) of the full names written MIN_COUNT times or more."""
    out = {}
    for v in variants:
        words = [w for w in v["text"].replace("\u2019", "'").split() if w[:1].isalpha()]
        if len(words) < 2 or v["count"] < MIN_COUNT or not words[0][:1].isupper():
            continue
        given, family = words[0].lower(), words[-1].lower().removesuffix("'s")
        if len(given) <= 2 or given.endswith("."):
            continue  # an initial says nothing against a given name
        out.setdefault((given, family), 0)
        out[(given, family)] += v["count"]
    return out


def conflicts(entity):
    """The family names under which the entity has two given names."""
    by_family = collections.defaultdict(dict)
    for (given, family), n in full_names(entity["variants"]).items():
        by_family[family][given] = n
    return {f: g for f, g in by_family.items() if len(g) > 1}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--db", help="an existing store to read instead of ingesting PolNeAR")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="resolver_bench_") as tmp:
        db = args.db
        if db is None:
            path = os.path.join(tmp, "polnear.jsonl")
            polnear_jsonl(path)
            db = os.path.join(tmp, "polnear.db")
            run = subprocess.run([args.dossier, "--db", db, "ingest", path],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                sys.exit(f"dossier ingest failed: {run.stderr[-2000:]}")
        export = json.loads(subprocess.run([args.dossier, "--db", db, "export"],
                                           capture_output=True, text=True, check=True).stdout)
    people = [e for e in export["entities"] if e["type"] == "PER"]
    total = sum(sum(v["count"] for v in e["variants"]) for e in people)
    flagged = [(e, conflicts(e)) for e in people]
    flagged = [(e, c) for e, c in flagged if c]
    hit = sum(sum(v["count"] for v in e["variants"]) for e, _ in flagged)
    print(f"{len(export['articles'])} articles, {len(people)} PER entities, {total} mentions")
    print(f"entities with two given names under one family name (each written "
          f">= {MIN_COUNT} times): {len(flagged)}, holding {hit} mentions "
          f"({100.0 * hit / max(total, 1):.1f}% of PER mentions)")
    flagged.sort(key=lambda x: -x[0]["article_count"])
    for e, c in flagged[:15]:
        names = "; ".join(f"{family}: " + ", ".join(f"{g} x{n}" for g, n in sorted(
            given.items(), key=lambda x: -x[1])) for family, given in c.items())
        print(f"  {e['id']:<7} {e['name'][:40]:<40} {e['article_count']:>4} articles  {names}")
    print("the twenty most reported people, as shown:")
    people.sort(key=lambda e: -e["article_count"])
    for e in people[:20]:
        print(f"  {e['id']:<7} {e['name'][:40]:<40} {e['article_count']:>4} articles")


if __name__ == "__main__":
    main()
