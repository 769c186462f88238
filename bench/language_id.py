#!/usr/bin/env python3
"""Language identification of ingested articles, against what each corpus is.

Every article text of ../shared/bench whose language is known from its corpus
is ingested with `dossier ingest --no-analyze` (clean + language: CLD2 on a
sample of the text, see src/clean/language.cc), and the stored `language` and
`mixed_language` are compared with the corpus's language:
  - English: ECB+ dev, WCXB dev (main content), PolNeAR (train and dev);
  - French: ml-crisis-fr, Europeana 1906 newspapers (OCR, cut into 400-token
    pieces; the OCR noise makes it the hard case);
  - Zyte AEB article bodies (mostly English, some other languages): reported
    by detected language only, no gold;
  - mixed: an ECB+ article followed by an ml-crisis-fr article (real text,
    both halves whole); the article should be flagged mixed.
For each set it prints the share detected as the set's language and the share
flagged mixed (a single-language article flagged mixed is a false alarm).
Give several --dossier binaries to compare them on the same texts.

Usage: bench/language_id.py [--dossier build/dossier]...
"""
import argparse
import collections
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench")
MIN_BYTES = 200  # shorter texts are below what language identification is for
OCR_PIECE_TOKENS = 400
MIXED_PAIRS = 200


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def corpora():
    """Yields (set name, gold language or None, text)."""
    with open(os.path.join(SHARED, "clustering", "ecbplus-dev", "documents.jsonl")) as f:
        ecb = [json.loads(line)["text"] for line in f]
    crisis = [read(p) for p in sorted(glob.glob(
        os.path.join(SHARED, "clustering", "ml-crisis-fr", "*", "*", "*.txt")))]
    for t in ecb:
        yield "ecbplus", "en", t
    for p in sorted(glob.glob(os.path.join(SHARED, "extraction", "wcxb-dev", "ground-truth",
                                           "*.json"))):
        with open(p, encoding="utf-8") as f:
            g = json.load(f)
        yield "wcxb", "en", (g.get("ground_truth") or {}).get("main_content") or ""
    for p in sorted(glob.glob(os.path.join(SHARED, "quotes", "polnear", "*", "text", "*"))):
        yield "polnear", "en", read(p)
    for t in crisis:
        yield "ml-crisis-fr", "fr", t
    tokens = []
    with open(os.path.join(SHARED, "ner", "fr", "europeana", "enp_FR.bnf.bio"),
              encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if parts:
                tokens.append(parts[0])
            if len(tokens) >= OCR_PIECE_TOKENS:
                yield "europeana-ocr", "fr", " ".join(tokens)
                tokens = []
    with open(os.path.join(SHARED, "extraction", "zyte-aeb", "ground-truth.json")) as f:
        for _, v in sorted(json.load(f).items()):
            yield "zyte-aeb", None, v.get("articleBody") or ""
    ecb_long = [t for t in ecb if len(t.encode()) >= MIN_BYTES]
    crisis_long = [t for t in crisis if len(t.encode()) >= MIN_BYTES]
    for e, c in list(zip(ecb_long, crisis_long))[:MIXED_PAIRS]:
        yield "mixed en+fr", "mixed", e + "\n\n" + c


def detect(binary, records, work):
    corpus = os.path.join(work, "lang.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for i, (_, _, text) in enumerate(records):
            f.write(json.dumps({"id": "a%d" % i, "text": text}, ensure_ascii=False) + "\n")
    db = os.path.join(work, "lang.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    p = subprocess.run([binary, "--db", db, "ingest", "--quiet", "--no-analyze", corpus],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("dossier ingest failed (%d):\n%s" % (p.returncode, p.stderr[-2000:]))
    con = sqlite3.connect(db)
    rows = {r[0]: (r[1] or "", bool(r[2]))
            for r in con.execute("SELECT id, language, mixed_language FROM articles")}
    con.close()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", action="append")
    args = ap.parse_args()
    binaries = args.dossier or [os.path.join(ROOT, "build", "dossier")]

    records = [r for r in corpora() if len(r[2].strip().encode()) >= MIN_BYTES]
    sets = list(dict.fromkeys(name for name, _, _ in records))
    work = tempfile.mkdtemp(prefix="dossier-lang-")
    for binary in binaries:
        rows = detect(binary, records, work)
        print("%s: %d articles of at least %d bytes" % (binary, len(records), MIN_BYTES))
        print("%-14s %8s %9s %12s %14s  %s" %
              ("set", "gold", "articles", "as gold", "flagged mixed", "detected"))
        for name in sets:
            got = [(gold, rows.get("a%d" % i)) for i, (n, gold, _) in enumerate(records)
                   if n == name]
            gold = got[0][0]
            stored = [r for _, r in got if r is not None]
            langs = collections.Counter(r[0] or "?" for r in stored)
            mixed = sum(r[1] for r in stored)
            if gold in ("en", "fr"):
                right = "%.4f" % (langs[gold] / len(stored))
            else:
                right = "-"
            top = ", ".join("%s %d" % kv for kv in langs.most_common(6))
            print("%-14s %8s %9d %12s %14.4f  %s" %
                  (name, gold or "-", len(stored), right, mixed / len(stored), top))
        print()


if __name__ == "__main__":
    main()
