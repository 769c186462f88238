#!/usr/bin/env python3
"""Temporal expression normalisation: dossier (src/time) vs chrono-node.

Gold: bench/time_gold/gold.tsv (hand-annotated; English from PolNeAR dev, ECB+ dev and the
seeds; French from ml-crisis-fr and the seeds). A case is right when the first expression a
system finds overlapping the gold span has exactly the gold value (ISO 8601 / TIMEX3:
"2016-09-30", "2016-W37", "2016-08", "2017", "199X", "2020-03/2021-01"). "found" counts
cases where some expression overlaps the gold span at all.

chrono-node is English only and gets the publication date as its reference date
(forwardDate off); its value is written at the precision chrono marks as certain.

  cmake --build build --target time_bench_tool
  bench/time_bench.py [--tool build/src/time/time_bench_tool] [--errors]

chrono-node is installed by this script from npm into bench/.node (git-ignored) when
missing, at the version pinned below.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NODE_DIR = os.path.join(HERE, ".node")
CHRONO = "chrono-node@2.10.3"


def ensure_chrono():
    if os.path.isdir(os.path.join(NODE_DIR, "node_modules", "chrono-node")):
        return
    os.makedirs(NODE_DIR, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", NODE_DIR, "--no-audit", "--no-fund", CHRONO],
                   check=True, capture_output=True)


def read_gold(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cid, lang, pub, sent, expr, value = line.rstrip("\n").split("\t")
            at = sent.find(expr)
            cases.append(dict(id=cid, lang=lang, pub=pub, sent=sent, begin=at, end=at + len(expr),
                              expr=expr, gold=value))
    return cases


def run(cmd, cases):
    data = "".join("%s\t%s\t%s\t%s\n" % (c["id"], c["lang"], c["pub"], c["sent"]) for c in cases)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, input=data.encode(), stdout=subprocess.PIPE, check=True).stdout
    return out.decode("utf-8"), time.perf_counter() - t0


def dossier_predictions(tool, cases):
    out, secs = run([tool], cases)
    by_id = {c["id"]: c for c in cases}
    preds = {}
    for line in out.splitlines():
        cid, b, e, value = line.split("\t")[:4]
        raw = by_id[cid]["sent"].encode("utf-8")
        cb = len(raw[: int(b)].decode("utf-8"))
        ce = len(raw[: int(e)].decode("utf-8"))
        preds.setdefault(cid, []).append((cb, ce, value))
    return preds, secs


def chrono_predictions(cases):
    ensure_chrono()
    out, secs = run(["node", os.path.join(HERE, "time_bench_chrono.mjs")], cases)
    preds = {}
    for line in out.splitlines():
        cid, b, e, value = line.split("\t")
        preds.setdefault(cid, []).append((int(b), int(e), value))
    return preds, secs


def score(cases, preds, errors=None, name=""):
    right = found = 0
    for c in cases:
        hit = next((p for p in preds.get(c["id"], []) if p[0] < c["end"] and p[1] > c["begin"]), None)
        if hit:
            found += 1
        if hit and hit[2] == c["gold"]:
            right += 1
        elif errors is not None:
            errors.append("%s %s [%s] %r gold=%s got=%s" % (name, c["id"], c["pub"], c["expr"], c["gold"],
                                                           hit[2] if hit else "-"))
    n = len(cases)
    return right / n if n else 0.0, found / n if n else 0.0, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "time_gold", "gold.tsv"))
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "src", "time", "time_bench_tool"))
    ap.add_argument("--errors", action="store_true", help="list the cases each system gets wrong")
    args = ap.parse_args()
    cases = read_gold(args.gold)
    en = [c for c in cases if c["lang"] == "en"]
    fr = [c for c in cases if c["lang"] == "fr"]
    errors = [] if args.errors else None
    d_preds, d_secs = dossier_predictions(args.tool, cases)
    c_preds, c_secs = chrono_predictions(en)
    d_en = score(en, d_preds, errors, "dossier")
    c_en = score(en, c_preds, errors, "chrono")
    d_fr = score(fr, d_preds, errors, "dossier")
    print("time bench: %d gold expressions (%d en, %d fr)" % (len(cases), len(en), len(fr)))
    print("%-22s %8s %8s" % ("", "accuracy", "found"))
    print("%-22s %8.3f %8.3f" % ("dossier en", d_en[0], d_en[1]))
    print("%-22s %8.3f %8.3f" % ("chrono-node en", c_en[0], c_en[1]))
    print("%-22s %8.3f %8.3f" % ("dossier fr", d_fr[0], d_fr[1]))
    print("%-22s %8s %8s" % ("chrono-node fr", "n/a", "n/a"))
    # chrono-node reads no bare year ("in 2014") nor decade: the same comparison without them.
    fine = [c for c in en if not (len(c["gold"]) == 4 or c["gold"].endswith("X") or
                                  (len(c["gold"]) == 9 and c["gold"][4] == "/"))]
    d_fine, c_fine = score(fine, d_preds), score(fine, c_preds)
    print("%-22s %8.3f %8.3f   (%d en cases finer than a year)" % ("dossier en, fine", d_fine[0], d_fine[1], len(fine)))
    print("%-22s %8.3f %8.3f" % ("chrono-node en, fine", c_fine[0], c_fine[1]))
    print("wall time incl. process start: dossier %.3fs (all), chrono-node %.3fs (en)" % (d_secs, c_secs))
    print("bar (dossier en >= chrono-node en): %s" % ("met" if d_en[0] >= c_en[0] else "NOT met"))
    if errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
