#!/usr/bin/env python3
"""Name-matcher benchmark: precision and recall on labelled name pairs.

Runs `dossier name-match` (stdin mode) on data/entities/name_pairs.tsv, a
set of pairs composed for dossier (transliteration variants, typos,
particles, short forms, acronyms, aliases, country and city names across
languages, demonyms, and hard negatives that share a given name, a family
name or most letters), and reports, counting a "match" decision as a
positive prediction:
  precision = true matches / predicted matches,
  recall    = true matches / labelled matches,
  F1        = their harmonic mean,
overall and per category, the errors, and the matcher's speed (pairs/s,
after the resources are loaded; the load time is reported apart).

The floors the unit test asserts (src/entities/name_matcher_test.cc) are
kept below the figures this prints.

Usage: bench/name_match_bench.py [--dossier build/dossier] [--pairs FILE] [--quiet] [--repeat N]
"""
import argparse
import collections
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            a, b, typ, label, cat = line.split("\t")
            pairs.append((a, b, typ, int(label), cat))
    return pairs


def run(dossier, pairs, repeat):
    data = "".join(f"{a}\t{b}\t{t}\n" for a, b, t, _, _ in pairs)
    out = subprocess.run([dossier, "name-match"], input=data, capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"name_match_bench: dossier name-match failed: {out.stderr}")
    lines = out.stdout.splitlines()
    if len(lines) != len(pairs):
        sys.exit(f"name_match_bench: {len(lines)} results for {len(pairs)} pairs")
    results = []
    for line in lines:
        f = line.split("\t")
        results.append((float(f[-3]), f[-2] == "match", f[-1]))
    # Speed: the load alone (one pair), then the set `repeat` times over.
    t0 = time.perf_counter()
    subprocess.run([dossier, "name-match", "a", "b"], capture_output=True, check=False)
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    subprocess.run([dossier, "name-match"], input=data * repeat, capture_output=True,
                   text=True, check=False)
    many = time.perf_counter() - t1
    return results, max(many - load, 1e-9) / (len(pairs) * repeat), load


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--pairs", default=os.path.join(ROOT, "data", "entities", "name_pairs.tsv"))
    ap.add_argument("--quiet", action="store_true", help="no list of errors")
    ap.add_argument("--repeat", type=int, default=40, help="passes over the set for the speed")
    args = ap.parse_args()
    dossier = args.dossier
    if not os.path.exists(dossier):
        sys.exit(f"name_match_bench: no {dossier}; build it or pass --dossier")
    pairs = read_pairs(args.pairs)
    results, per_pair, load = run(dossier, pairs, args.repeat)

    counts = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    errors = []
    for (a, b, typ, label, cat), (score, match, kind) in zip(pairs, results):
        for key in ("all", cat):
            c = counts[key]
            if match and label:
                c[0] += 1
            elif match:
                c[1] += 1
            elif label:
                c[2] += 1
            else:
                c[3] += 1
        if match != bool(label):
            errors.append((cat, a, b, typ, label, score, kind))

    n_pos = sum(1 for p in pairs if p[3])
    print(f"pairs: {len(pairs)} ({n_pos} same entity, {len(pairs) - n_pos} different)")
    print(f"{'category':22} {'n':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}  "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for key in ["all"] + sorted(k for k in counts if k != "all"):
        tp, fp, fn, tn = counts[key]
        p, r, f = prf(tp, fp, fn)
        print(f"{key:22} {tp + fp + fn + tn:4d} {tp:4d} {fp:4d} {fn:4d} {tn:4d}  "
              f"{p:6.3f} {r:6.3f} {f:6.3f}")
    tp, fp, fn, _ = counts["all"]
    p, r, f = prf(tp, fp, fn)
    print(f"\nprecision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"speed: {1 / per_pair:,.0f} pairs/s after loading; "
          f"load (ICU/CLDR, iso-codes, data files) {load * 1000:.0f} ms")
    if not args.quiet and errors:
        print("\nerrors (category, a, b, type, label, score, kind):")
        for e in errors:
            print("  " + "\t".join(str(x) for x in e))


if __name__ == "__main__":
    main()
