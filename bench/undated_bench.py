#!/usr/bin/python3
"""Dating events whose articles carry no publication date, on dated corpora.

A quarter of the articles of each corpus (chosen by a hash of their id) lose
their publication date; `dossier ingest` analyses the corpus, and each such
article's event date (`dossier export`) is compared with the article's real
publication date. An event of undated articles is placed in its storyline
(engine/event_dates.h). The baseline, from the same run, is the bound that
placement starts from (`not_before` in the export): the latest date the
articles name as past, which is what the engine dated such an event by
before placement. An undated article that joined an event with dated
articles takes that event's date, and is counted apart. An article given no
date counts as a miss in every window; medians are over those dated.

Corpora: ml-crisis-fr (../shared/bench/clustering: 469 French articles on
four crises, 2011-2013, dates from the folders) and PolNeAR train+dev
(../shared/bench/quotes/polnear: 924 US election articles, 2015-2016).

usage: /usr/bin/python3 bench/undated_bench.py [--dossier build/dossier] [--share 4]
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conflicts_bench import polnear_jsonl  # noqa: E402


def crisis_records():
    base = os.path.join(SHARED, "clustering", "ml-crisis-fr")
    rows = []
    with open(os.path.join(base, "labels.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            with open(os.path.join(base, r["file"]), encoding="utf-8") as t:
                rows.append({"id": r["doc_id"].replace("/", "_"), "text": t.read().strip(),
                             "language": r["lang"], "published": r["date"]})
    return rows


def polnear_records(tmp):
    path = os.path.join(tmp, "polnear.jsonl")
    polnear_jsonl(path)
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def hidden(doc_id, share):
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % share == 0


def day(iso):
    """An ISO date of any precision as a date (a month or year: its first day)."""
    parts = [int(p) for p in iso[:10].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime.date(*parts)


def summary(name, errors):
    """Errors in days; None where no date was given (a miss in every window)."""
    if not errors:
        return f"  {name:<36} no article"
    a = [abs(e) for e in errors if e is not None]
    n = len(errors)
    within = lambda d: 100.0 * sum(x <= d for x in a) / n  # noqa: E731
    median = f"{statistics.median(a):6.0f} d" if a else "     -  "
    return (f"  {name:<36} dated {len(a):3d}/{n:<3d}  median |error| {median}   "
            f"within 7 d {within(7):5.1f}%   30 d {within(30):5.1f}%   90 d {within(90):5.1f}%   "
            f"365 d {within(365):5.1f}%")


def run(dossier, name, records, share, tmp):
    truth = {}
    path = os.path.join(tmp, name + ".jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for r in records:
            r = dict(r)
            r["id"] = name + "-" + r["id"]
            if hidden(r["id"], share):
                truth[r["id"]] = r.pop("published")
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    db = os.path.join(tmp, name + ".db")
    ingest = subprocess.run([dossier, "--db", db, "ingest", path], capture_output=True, text=True)
    if ingest.returncode not in (0, 1):
        sys.exit(f"{name}: dossier ingest failed: {ingest.stderr[-2000:]}")
    export = json.loads(subprocess.run([dossier, "--db", db, "export"], capture_output=True,
                                       text=True, check=True).stdout)
    event_of = {}
    for e in export["events"]:
        for a in e["articles"]:
            event_of[a] = e
    placed, bound, joined, lost = [], [], [], 0
    for doc_id, real in truth.items():  # JSON Lines ids are kept as article ids
        e = event_of.get(doc_id)
        if e is None:
            lost += 1
            continue
        err = lambda iso: None if not iso else (day(iso) - day(real)).days  # noqa: E731
        if e.get("date_estimated") or not e.get("date"):
            placed.append(err(e.get("date")))
            bound.append(err(e.get("not_before")))
        else:
            joined.append(err(e["date"]))
    print(f"\n== {name}: {len(records)} articles, {len(truth)} without their date "
          f"(1 in {share}): {len(placed)} in events of undated articles, {len(joined)} joined "
          f"a dated event" + (f", {lost} not in any event" if lost else ""))
    print(summary("baseline: the bound the text gives", bound))
    print(summary("placed in the storyline", placed))
    later = sum(1 for p in placed if p is not None and p > 0)
    print(f"  {'':<36} after the real date: placed {later}, "
          f"bound {sum(1 for b in bound if b is not None and b > 0)}")
    print(summary("joined a dated event", joined))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--share", type=int, default=4, help="1 article in SHARE loses its date")
    args = ap.parse_args()
    if not os.path.exists(args.dossier):
        sys.exit(f"no {args.dossier}: build first (scripts/run.sh demo)")
    with tempfile.TemporaryDirectory(prefix="undated_bench_") as tmp:
        run(args.dossier, "ml-crisis-fr", crisis_records(), args.share, tmp)
        run(args.dossier, "polnear", polnear_records(tmp), args.share, tmp)


if __name__ == "__main__":
    main()
