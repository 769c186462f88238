#!/usr/bin/env python3
"""Main-text extraction: quality and speed of `dossier extract` against peers.

Quality, each with its benchmark's published metric (../shared/bench/README.md):
- Zyte Article Extraction Benchmark (181 pages): 4-token shingles of \\w+ tokens
  (case kept), per-page tp/fp/fn normalised to sum 1, precision = mean of
  tp/(tp+fp) over pages, recall = mean of tp/(tp+fn), F1 = harmonic mean of the
  two means (the upstream evaluate.py's definition).
- WCXB dev (1,497 pages of 7 types): lower-cased \\w+ bag of words, P/R/F1 per
  page, averaged over pages; over all pages and per page type. Plus title
  exact match (whitespace folded) and publish_date same-day accuracy over the
  pages whose ground truth states them.

Speed, single process each, same pages, same run: dossier (wall time of the
whole command, start-up included), Readability.js (@mozilla/readability on
jsdom, installed by this script into bench/.node from npm) and readability-lxml
(Debian's python3-readability, run by /usr/bin/python3); peers are timed on
their extraction loop only, which favours them. Pages/s and ratios printed.

Usage: bench/extraction_bench.py [--dossier build/dossier] [--no-peers] [--only zyte|wcxb]
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "bench", "extraction")
NODE_DIR = os.path.join(HERE, ".node")

PUBLISHED_ZYTE = [("Zyte AutoExtract", .970), ("rs_trafilatura", .970), ("go_trafilatura", .960),
                  ("trafilatura 2.0", .958), ("newspaper4k", .949), ("readability.js", .947),
                  ("resiliparse", .941), ("readability-lxml", .922), ("goose3", .896),
                  ("boilerpipe", .860), ("jusText", .804), ("whole page", .665)]
PUBLISHED_WCXB = [("rs-trafilatura", .859), ("trafilatura", .791), ("newspaper4k", .720),
                  ("readability", .675)]

WORD = re.compile(r"\w+", re.UNICODE)


# ---- Zyte AEB metric (as upstream evaluate.py) ----
def shingles(text, n=4):
    tokens = WORD.findall(text or "")
    out = collections.Counter()
    for i in range(0, max(1, len(tokens) - n + 1)):
        s = tuple(tokens[i:i + n])
        if s:
            out[s] += 1
    return out


def zyte_tp_fp_fn(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def zyte_metrics(triples):
    def prec(tp, fp, fn):
        if fp == fn == 0:
            return 1.0
        if tp == fp == 0:
            return 0.0
        return tp / (tp + fp)

    def rec(tp, fp, fn):
        if fp == fn == 0:
            return 1.0
        if tp == fn == 0:
            return 0.0
        return tp / (tp + fn)

    ps = [prec(*x) for x in triples if x[0] + x[1] > 0]
    rs = [rec(*x) for x in triples if x[0] + x[2] > 0]
    p = sum(ps) / len(ps)
    r = sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# ---- WCXB metric: lower-cased bag of words per page ----
def bow_prf(true, pred):
    t = collections.Counter(w.lower() for w in WORD.findall(true or ""))
    p = collections.Counter(w.lower() for w in WORD.findall(pred or ""))
    if not t and not p:
        return 1.0, 1.0, 1.0
    if not t or not p:
        return 0.0, 0.0, 0.0
    common = sum((t & p).values())
    prec = common / sum(p.values())
    rec = common / sum(t.values())
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def fold(s):
    return " ".join((s or "").split())


# ---- runners ----
def run_dossier(binary, paths):
    start = time.perf_counter()
    p = subprocess.run([binary, "--json", "extract"] + paths, capture_output=True, text=True)
    wall = time.perf_counter() - start
    out = {}
    # Not splitlines(): page text may hold U+2028 and other line breaks.
    for line in p.stdout.split("\n"):
        if line.strip():
            j = json.loads(line)
            out[j["path"]] = j
    return out, wall


def run_peer(cmd, paths, env=None):
    p = subprocess.run(cmd, input="\n".join(paths) + "\n", capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit("peer %s failed:\n%s" % (cmd[0], p.stderr[-2000:]))
    m = re.search(r"seconds ([0-9.]+)", p.stderr)
    out = {}
    for line in p.stdout.split("\n"):
        if line.strip():
            j = json.loads(line)
            out[j["path"]] = j
    return out, float(m.group(1))


def ensure_readability_js():
    if not shutil.which("node") or not shutil.which("npm"):
        return "node/npm not installed"
    if not os.path.isdir(os.path.join(NODE_DIR, "node_modules", "@mozilla", "readability")):
        os.makedirs(NODE_DIR, exist_ok=True)
        p = subprocess.run(["npm", "install", "--prefix", NODE_DIR, "--no-audit", "--no-fund",
                            "@mozilla/readability", "jsdom"], capture_output=True, text=True)
        if p.returncode != 0:
            return "npm install failed: " + p.stderr[-500:]
    return None


def ensure_readability_lxml():
    p = subprocess.run(["/usr/bin/python3", "-c", "import readability"], capture_output=True)
    if p.returncode != 0:
        return "python3-readability not installed (apt-get install python3-readability)"
    return None


def peers(paths):
    results = {}
    err = ensure_readability_js()
    if err:
        print("Readability.js skipped:", err)
    else:
        env = dict(os.environ, NODE_PATH=os.path.join(NODE_DIR, "node_modules"))
        script = os.path.join(NODE_DIR, "readability_js.mjs")
        shutil.copy(os.path.join(HERE, "extractors", "readability_js.mjs"), script)
        results["Readability.js"] = run_peer(["node", script], paths, env)
    err = ensure_readability_lxml()
    if err:
        print("readability-lxml skipped:", err)
    else:
        results["readability-lxml"] = run_peer(
            ["/usr/bin/python3", os.path.join(HERE, "extractors", "readability_lxml.py")], paths)
    return results


def bench_zyte(args):
    base = os.path.join(DATA, "zyte-aeb")
    truth = json.load(open(os.path.join(base, "ground-truth.json"), encoding="utf-8"))
    ids = sorted(truth)
    paths = [os.path.join(base, "html", i + ".html.gz") for i in ids]
    systems = {"dossier": run_dossier(args.dossier, paths)}
    if not args.no_peers:
        systems.update(peers(paths))
    print("\n== Zyte Article Extraction Benchmark: %d pages" % len(ids))
    print("%-18s %9s %9s %9s %9s %9s" % ("system", "precision", "recall", "F1", "pages/s", "x peer"))
    speeds = {}
    rows = []
    for name, (out, seconds) in systems.items():
        triples = [zyte_tp_fp_fn(truth[i].get("articleBody", ""),
                                 (out.get(p) or {}).get("text") or "") for i, p in zip(ids, paths)]
        prec, rec, f1 = zyte_metrics(triples)
        speeds[name] = len(ids) / seconds
        rows.append((name, prec, rec, f1))
    for name, prec, rec, f1 in rows:
        print("%-18s %9.3f %9.3f %9.3f %9.1f" % (name, prec, rec, f1, speeds[name]))
    for peer in speeds:
        if peer != "dossier":
            print("dossier / %s speed: %.1fx" % (peer, speeds["dossier"] / speeds[peer]))
    print("published F1: " + ", ".join("%s %.3f" % x for x in PUBLISHED_ZYTE))
    if args.worst:
        worst = sorted(((zyte_metrics([zyte_tp_fp_fn(truth[i].get("articleBody", ""),
                        (systems["dossier"][0].get(p) or {}).get("text") or "")])[2], i)
                        for i, p in zip(ids, paths)))[:args.worst]
        print("worst pages:", " ".join("%s:%.2f" % (i[:10], f) for f, i in worst))


def bench_wcxb(args):
    base = os.path.join(DATA, "wcxb-dev")
    meta = json.load(open(os.path.join(base, "metadata.json"), encoding="utf-8"))["files"]
    items = []
    for f in sorted(glob.glob(os.path.join(base, "ground-truth", "*.json"))):
        fid = os.path.basename(f)[:-5]
        doc = json.load(open(f, encoding="utf-8"))
        gt = doc["ground_truth"]
        if gt.get("main_content") is None:
            continue
        # metadata.json misses 139 pages; their ground truth names the type.
        ptype = (meta.get(fid, {}).get("page_type") or
                 doc.get("_internal", {}).get("page_type", {}).get("primary") or "unknown")
        items.append((fid, gt, ptype))
    paths = [os.path.join(base, "html", fid + ".html.gz") for fid, _, _ in items]
    out, seconds = run_dossier(args.dossier, paths)
    by_type = collections.defaultdict(list)
    titles = [0, 0]
    dates = [0, 0]
    for (fid, gt, ptype), path in zip(items, paths):
        got = out.get(path) or {}
        prf = bow_prf(gt["main_content"], got.get("text") or "")
        by_type[ptype].append(prf)
        by_type["all"].append(prf)
        if gt.get("title"):
            titles[1] += 1
            titles[0] += fold(gt["title"]) == fold(got.get("title"))
        if gt.get("publish_date"):
            dates[1] += 1
            dates[0] += (got.get("published") or "")[:10] == gt["publish_date"][:10]
    print("\n== WCXB dev: %d pages (%.1f pages/s)" % (len(items), len(items) / seconds))
    print("%-14s %6s %9s %9s %9s" % ("page type", "pages", "precision", "recall", "F1"))
    for t in ["all"] + sorted(k for k in by_type if k != "all"):
        v = by_type[t]
        print("%-14s %6d %9.3f %9.3f %9.3f" % (t, len(v), sum(x[0] for x in v) / len(v),
                                               sum(x[1] for x in v) / len(v),
                                               sum(x[2] for x in v) / len(v)))
    print("title exact match: %.1f%% of %d pages; publish_date same day: %.1f%% of %d pages" %
          (100.0 * titles[0] / max(1, titles[1]), titles[1], 100.0 * dates[0] / max(1, dates[1]),
           dates[1]))
    print("published dev F1 (all pages): " + ", ".join("%s %.3f" % x for x in PUBLISHED_WCXB))
    if args.worst:
        worst = sorted((bow_prf(gt["main_content"], (out.get(p) or {}).get("text") or "")[2], fid,
                        ptype) for (fid, gt, ptype), p in zip(items, paths))[:args.worst]
        print("worst pages:", " ".join("%s/%s:%.2f" % (i, t, f) for f, i, t in worst))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--no-peers", action="store_true", help="measure dossier only")
    ap.add_argument("--only", choices=["zyte", "wcxb"])
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages of each set")
    args = ap.parse_args()
    os.sched_setaffinity(0, {0})  # one core for every system, children included
    if args.only in (None, "zyte"):
        bench_zyte(args)
    if args.only in (None, "wcxb"):
        bench_wcxb(args)


if __name__ == "__main__":
    main()
