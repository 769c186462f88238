#!/usr/bin/python3
"""Stories quality bench: events and storylines against ECB+ and ml-crisis-fr.

One engine run over ECB+ (documents in file order, no dates) is scored twice:
its events against the gold `subtopic`, its storylines against `topic`, with
pairwise and BCubed precision/recall/F1. In the same run, a baseline of
TF-IDF + agglomerative clustering (scikit-learn, average linkage, cosine) has
its distance threshold tuned on the same data (best event-level BCubed F1;
best storyline-level BCubed F1 reported separately). The French corpus
ml-crisis-fr (dates from its folders, publication order) is scored at the
storyline level against its `topic`. With --shuffles N the engine also runs
ECB+ in N seeded random orders (the file holds each topic's articles
together, which an online clusterer finds easier than a real stream) and
the mean and lowest figures are printed.

The product path is scored too: the same ECB+ file through `dossier ingest`
(clean stage, time stage, the analysis pass with its batches of 512) and
`dossier export`. The clean stage finds a publication date in the header
of some articles, and the analysis pass takes dated articles first, in
publication order, then the undated in input order. Articles the store
takes for one already stored are left out of that score (it says how many).

The engine is driven by build/.../stories_bench_tool (JSON Lines in,
assignments out) until the dossier CLI carries the stories stage. The tool
ends with StoryClusterer::Settle() and prints each article's final event
last (refinement may move articles between events of a storyline); the
bench keeps the last line of each id. Refinement defaults were tuned on
ECB+ dev itself (the corpus the bar is defined on).

usage: /usr/bin/python3 bench/story_bench.py (Debian python3: scikit-learn)
       bench/story_bench.py [--tool PATH] [--set name=value]... [--no-baseline] [--shuffles N]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench", "clustering")
ECB = os.path.join(SHARED, "ecbplus-dev", "documents.jsonl")
CRISIS = os.path.join(SHARED, "ml-crisis-fr")


def find_tool():
    for build in ("build", "build-identity", "build-release"):
        p = os.path.join(ROOT, build, "src", "stories", "stories_bench_tool")
        if os.path.exists(p):
            return p
    return None


def pairwise(pred, gold):
    """Pairwise precision/recall/F1 over all article pairs."""
    def pairs(labels):
        groups = collections.Counter(labels)
        return sum(n * (n - 1) // 2 for n in groups.values())
    both = pairs(list(zip(pred, gold)))
    p_pairs, g_pairs = pairs(pred), pairs(gold)
    p = both / p_pairs if p_pairs else 1.0
    r = both / g_pairs if g_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred, gold):
    """BCubed precision/recall/F1 (Bagga & Baldwin), averaged over articles."""
    joint = collections.Counter(zip(pred, gold))
    psize, gsize = collections.Counter(pred), collections.Counter(gold)
    n = len(pred)
    p = sum(joint[(a, b)] / psize[a] for a, b in zip(pred, gold)) / n
    r = sum(joint[(a, b)] / gsize[b] for a, b in zip(pred, gold)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def find_dossier():
    for build in ("build", "build-release"):
        p = os.path.join(ROOT, build, "dossier")
        if os.path.exists(p):
            return p
    return None


def run_cli(dossier, records):
    """Each stored article's (event, storyline, published) after `dossier ingest`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        db = os.path.join(tmp, "bench.db")
        subprocess.run([dossier, "--db", db, "ingest", path], capture_output=True, check=True)
        out = subprocess.run([dossier, "--db", db, "export"], capture_output=True, text=True,
                             check=True).stdout
    export = json.loads(out)
    published = {a["id"]: a.get("published") for a in export.get("articles", [])}
    got = {}
    for e in export["events"]:
        for a in e["articles"]:
            got[a] = (e["id"], e["storyline"], published.get(a))
    return got


def run_tool(tool, records, settings):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        cmd = [tool]
        for s in settings:
            cmd += ["--set", s]
        out = subprocess.run(cmd + [path], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    rows = [json.loads(l) for l in out.splitlines() if l.strip()]
    return {r["id"]: r for r in rows if "id" in r}, rows[-1]


def baseline(texts, gold_event, gold_story):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    from sklearn.metrics.pairwise import cosine_distances
    dist = cosine_distances(x)  # once: each threshold then only re-cuts the tree
    best_event, best_story = None, None
    for i in range(30, 100, 2):
        t = i / 100
        labels = AgglomerativeClustering(n_clusters=None, metric="precomputed",
                                         linkage="average", distance_threshold=t).fit_predict(dist)
        ev = bcubed(list(labels), gold_event)
        st = bcubed(list(labels), gold_story)
        if best_event is None or ev[2] > best_event[1][2]:
            best_event = (t, ev, pairwise(list(labels), gold_event))
        if best_story is None or st[2] > best_story[1][2]:
            best_story = (t, st, pairwise(list(labels), gold_story))
    return best_event, best_story


def crisis_records():
    rows = []
    with open(os.path.join(CRISIS, "labels.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            with open(os.path.join(CRISIS, r["file"]), encoding="utf-8") as t:
                text = t.read().strip()
            rows.append({"id": r["doc_id"], "text": text, "language": r["lang"],
                         "published": r["date"], "topic": r["topic"]})
    rows.sort(key=lambda r: (r["published"], r["id"]))  # publication order
    return rows


def fmt(name, prf):
    return f"{name:<34} P={prf[0]:.4f} R={prf[1]:.4f} F1={prf[2]:.4f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", default=find_tool())
    ap.add_argument("--set", action="append", default=[], help="clusterer option name=value")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--dossier", default=find_dossier(), help="the dossier CLI (product path)")
    ap.add_argument("--shuffles", type=int, default=3,
                    help="also run ECB+ in this many seeded random orders")
    args = ap.parse_args()
    if not args.tool or not os.path.exists(args.tool):
        sys.exit("stories_bench_tool not found: build it (ninja stories_bench_tool) or pass --tool")

    docs = [json.loads(l) for l in open(ECB, encoding="utf-8")]
    records = [{"id": d["doc_id"], "text": d["text"], "language": "en"} for d in docs]
    got, totals = run_tool(args.tool, records, args.set)
    gold_event = [d["subtopic"] for d in docs]
    gold_story = [d["topic"] for d in docs]
    ev = [got[d["doc_id"]]["event"] for d in docs]
    st = [got[d["doc_id"]]["storyline"] for d in docs]
    fig = {
        "ecb_docs": len(docs), "gold_events": len(set(gold_event)),
        "gold_storylines": len(set(gold_story)), "engine_events": totals["events"],
        "engine_storylines": totals["storylines"],
        "engine_event_bcubed": bcubed(ev, gold_event), "engine_event_pairwise": pairwise(ev, gold_event),
        "engine_story_bcubed": bcubed(st, gold_story), "engine_story_pairwise": pairwise(st, gold_story),
    }
    shuffled = []
    for seed in range(args.shuffles):
        order = records[:]
        random.Random(seed).shuffle(order)
        got_s, _ = run_tool(args.tool, order, args.set)
        shuffled.append((bcubed([got_s[d["doc_id"]]["event"] for d in docs], gold_event)[2],
                         bcubed([got_s[d["doc_id"]]["storyline"] for d in docs], gold_story)[2]))
    if shuffled:
        fig["shuffled_event_bcubed_f1"] = [e for e, _ in shuffled]
        fig["shuffled_story_bcubed_f1"] = [s for _, s in shuffled]
    if args.dossier and os.path.exists(args.dossier):
        cli = run_cli(args.dossier, records)
        kept = [d for d in docs if d["doc_id"] in cli]
        fig["cli_stored"] = len(kept)
        fig["cli_dated"] = sum(1 for d in kept if cli[d["doc_id"]][2])
        fig["cli_event_bcubed"] = bcubed([cli[d["doc_id"]][0] for d in kept],
                                         [d["subtopic"] for d in kept])
        fig["cli_story_bcubed"] = bcubed([cli[d["doc_id"]][1] for d in kept],
                                         [d["topic"] for d in kept])
    if not args.no_baseline:
        be, bs = baseline([d["text"] for d in docs], gold_event, gold_story)
        fig["baseline_event_threshold"], fig["baseline_event_bcubed"], fig["baseline_event_pairwise"] = be
        fig["baseline_story_threshold"], fig["baseline_story_bcubed"], fig["baseline_story_pairwise"] = bs

    crisis = crisis_records()
    got_fr, totals_fr = run_tool(args.tool, [{k: r[k] for k in ("id", "text", "language", "published")}
                                             for r in crisis], args.set)
    st_fr = [got_fr[r["id"]]["storyline"] for r in crisis]
    ev_fr = [got_fr[r["id"]]["event"] for r in crisis]
    gold_fr = [r["topic"] for r in crisis]
    fig["crisis_docs"] = len(crisis)
    fig["crisis_storylines"] = totals_fr["storylines"]
    fig["crisis_events"] = totals_fr["events"]
    fig["crisis_story_bcubed"] = bcubed(st_fr, gold_fr)
    fig["crisis_story_pairwise"] = pairwise(st_fr, gold_fr)
    fig["crisis_event_as_story_bcubed"] = bcubed(ev_fr, gold_fr)

    if args.json:
        print(json.dumps(fig))
        return
    print(f"ECB+ dev: {fig['ecb_docs']} articles, {fig['gold_events']} gold events (subtopic), "
          f"{fig['gold_storylines']} gold storylines (topic); one engine run, file order, no dates")
    print(f"engine: {fig['engine_events']} events, {fig['engine_storylines']} storylines")
    print(fmt("events      engine  BCubed", fig["engine_event_bcubed"]))
    print(fmt("events      engine  pairwise", fig["engine_event_pairwise"]))
    if "baseline_event_bcubed" in fig:
        print(fmt(f"events      baseline BCubed (t={fig['baseline_event_threshold']:.2f})",
                  fig["baseline_event_bcubed"]))
        print(fmt("events      baseline pairwise", fig["baseline_event_pairwise"]))
    print(fmt("storylines  engine  BCubed", fig["engine_story_bcubed"]))
    print(fmt("storylines  engine  pairwise", fig["engine_story_pairwise"]))
    if "baseline_story_bcubed" in fig:
        print(fmt(f"storylines  baseline BCubed (t={fig['baseline_story_threshold']:.2f})",
                  fig["baseline_story_bcubed"]))
        print(fmt("storylines  baseline pairwise", fig["baseline_story_pairwise"]))
        gap = fig["engine_event_bcubed"][2] - fig["baseline_event_bcubed"][2]
        print(f"event BCubed F1 gap engine - baseline: {gap * 100:+.2f} points")
    if "cli_stored" in fig:
        print(f"ECB+ through the dossier CLI: {fig['cli_stored']} of {fig['ecb_docs']} articles "
              f"stored (the rest taken for ones already stored), {fig['cli_dated']} dated by "
              f"their header")
        print(fmt("events      CLI     BCubed", fig["cli_event_bcubed"]))
        print(fmt("storylines  CLI     BCubed", fig["cli_story_bcubed"]))
    if shuffled:
        ev_s, st_s = fig["shuffled_event_bcubed_f1"], fig["shuffled_story_bcubed_f1"]
        print(f"ECB+ in {len(ev_s)} random orders (seeds 0-{len(ev_s) - 1}): BCubed F1 events "
              f"mean {sum(ev_s) / len(ev_s):.4f} lowest {min(ev_s):.4f}, storylines mean "
              f"{sum(st_s) / len(st_s):.4f} lowest {min(st_s):.4f}")
    print(f"ml-crisis-fr: {fig['crisis_docs']} articles, {len(set(gold_fr))} gold storylines; "
          f"engine {fig['crisis_events']} events, {fig['crisis_storylines']} storylines")
    print(fmt("storylines  engine  BCubed", fig["crisis_story_bcubed"]))
    print(fmt("storylines  engine  pairwise", fig["crisis_story_pairwise"]))


if __name__ == "__main__":
    main()
