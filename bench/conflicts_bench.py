#!/usr/bin/env python3
"""Conflicts between sources on real corpora: how many the engine reports, and
which, for a reader to judge.

No public corpus annotates disagreements between news sources, so this bench
prints every conflict the engine finds, with its claims, on three corpora:
  seeds     samples/ (the five seed articles): one known conflict, the date of
            Soleimani's killing (January 2020 in two articles, 2019 in one);
  polnear   PolNeAR train+dev (../shared/bench/quotes/polnear: 923 US election
            articles of 2015-2016 by seven outlets, with publication dates);
  ecbplus   ECB+ dev (../shared/bench/clustering/ecbplus-dev: 770 articles on
            43 topics, several outlets each; no publication dates).
On the two shared corpora every conflict reported is a false alarm unless a
reader confirms it (the closing note records that judgement); on the seeds
the known conflict must be found.

usage: bench/conflicts_bench.py [--dossier build/dossier] [--only NAME]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def polnear_jsonl(path):
    base = os.path.join(SHARED, "quotes", "polnear")
    meta = {}
    with open(os.path.join(base, "metadata.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    with open(path, "w", encoding="utf-8") as out:
        for split in ("train", "dev"):
            folder = os.path.join(base, split, "text")
            for name in sorted(os.listdir(folder)):
                doc = name.rsplit(".", 1)[0]
                m = meta.get(doc, {})
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    rec = {"id": doc, "text": f.read(), "outlet": m.get("publisher"),
                           "published": m.get("publication_date"), "title": m.get("title")}
                out.write(json.dumps({k: v for k, v in rec.items() if v}) + "\n")


def ecbplus_jsonl(path):
    src = os.path.join(SHARED, "clustering", "ecbplus-dev", "documents.jsonl")
    with open(src, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        for line in f:
            d = json.loads(line)
            # ECB+ text is tokenised ("Reid , 33 ."): glue punctuation back.
            text = d["text"].replace(" ,", ",").replace(" .", ".").replace(" '", "'")
            out.write(json.dumps({"id": d["doc_id"], "text": text}) + "\n")


def run(dossier, name, inputs, tmp):
    db = os.path.join(tmp, name + ".db")
    t0 = time.perf_counter()
    ingest = subprocess.run([dossier, "--db", db, "ingest"] + inputs,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if ingest.returncode not in (0, 1):
        sys.exit(f"{name}: dossier ingest failed: {ingest.stderr[-2000:]}")
    out = subprocess.run([dossier, "--db", db, "conflicts", "--json"],
                         capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    conflicts = doc if isinstance(doc, list) else doc.get("conflicts", [])
    stats = json.loads(subprocess.run([dossier, "--db", db, "stats", "--json"],
                                      capture_output=True, text=True, check=True).stdout)
    kinds = {}
    for c in conflicts:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    print(f"\n== {name}: {stats.get('articles', '?')} articles, {len(conflicts)} conflicts "
          f"({', '.join(f'{v} {k}' for k, v in sorted(kinds.items())) or 'none'}); "
          f"ingest and analysis {seconds:.1f} s")
    for c in conflicts:
        print(f"  [{c['kind']}] {c['description']}")
        for claim in c["claims"]:
            print(f"      {claim['article']}: {claim['value']} | {claim.get('text', '')[:160]}")
    return conflicts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--only", choices=["seeds", "polnear", "ecbplus"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier_conflicts_") as tmp:
        if args.only in (None, "seeds"):
            found = run(args.dossier, "seeds", [os.path.join(ROOT, "samples")], tmp)
            ok = any(c["kind"] == "date" and "2019-01" in c["description"] and
                     "2020-01" in c["description"] for c in found)
            print(f"  known conflict (Soleimani killed 2020-01, one source 2019-01): "
                  f"{'found' if ok else 'MISSED'}")
        if args.only in (None, "polnear"):
            path = os.path.join(tmp, "polnear.jsonl")
            polnear_jsonl(path)
            run(args.dossier, "polnear", [path], tmp)
        if args.only in (None, "ecbplus"):
            path = os.path.join(tmp, "ecbplus.jsonl")
            ecbplus_jsonl(path)
            run(args.dossier, "ecbplus", [path], tmp)


if __name__ == "__main__":
    main()
