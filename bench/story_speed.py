#!/usr/bin/python3
"""Stories clusterer speed: articles/s with 100,000 articles in the active window.

Runs story_speed_tool (src/stories/story_speed_tool.cc) over the ECB+ dev
articles (and any JSON Lines files given): their StoryDocuments are built once
(untimed), replayed with shifted dates (3,000 articles a day; rare features
renamed per replay round so each round is new happenings, frequent words
shared) to fill the window, then --measure articles are clustered with the
inverted index (--repeats times: the median is the figure, a shared machine
varies by some 20% from run to run) and --scan-measure with the brute-force
scan of the active window, from the same saved state, in CPU seconds of one
thread. Prints the
ratio, the agreement of the two on the scanned sample, and memory per article.

usage: bench/story_speed.py [--tool PATH] [--window N] [--measure N] [--scan-measure N] [--repeats N]
       [--set name=value]... [FILE...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ECB = os.path.join(os.path.dirname(ROOT), "shared", "bench", "clustering", "ecbplus-dev",
                   "documents.jsonl")


def find_tool():
    for build in ("build", "build-identity", "build-release"):
        p = os.path.join(ROOT, build, "src", "stories", "story_speed_tool")
        if os.path.exists(p):
            return p
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", default=find_tool())
    ap.add_argument("--window", type=int, default=100000)
    ap.add_argument("--measure", type=int, default=20000)
    ap.add_argument("--scan-measure", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3, help="timed indexed runs (median reported)")
    ap.add_argument("--set", action="append", default=[], help="clusterer option name=value, or document.lead_decay=X")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not args.tool or not os.path.exists(args.tool):
        sys.exit("story_speed_tool not found: build it (ninja story_speed_tool) or pass --tool")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for line in open(ECB, encoding="utf-8"):
            d = json.loads(line)
            f.write(json.dumps({"id": d["doc_id"], "text": d["text"], "language": "en"}) + "\n")
        path = f.name
    try:
        sets = [x for s in args.set for x in ("--set", s)]
        out = subprocess.run([args.tool, "--window", str(args.window), "--measure", str(args.measure),
                              "--scan-measure", str(args.scan_measure), "--repeats", str(args.repeats)]
                             + sets + [path] + args.files,
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    r = json.loads(out)
    print(f"base articles {r['base_articles']}, replayed to a window of {r['window_articles']} "
          f"({r['active_events']} active events, {r['storylines']} storylines)")
    runs = ", ".join(f"{x:.0f}" for x in r["indexed_runs_articles_per_s"])
    print(f"indexed clusterer   {r['indexed_articles_per_s']:10.0f} articles/s (CPU, one thread; "
          f"median of {len(r['indexed_runs_articles_per_s'])} runs: {runs})")
    print(f"brute-force scan    {r['scan_articles_per_s']:10.0f} articles/s "
          f"(sample of {r['scan_sample']})")
    print(f"ratio               {r['speedup']:10.1f}x   (agreement with the scan on the sample: "
          f"{r['scan_agreement']:.2f})")
    print(f"index bytes/article {r['index_bytes_per_article_half']:10.0f} at half window, "
          f"{r['index_bytes_per_article_full']:.0f} at full window")
    print(f"RSS KB/article      {r['rss_kb_per_article']:10.2f}   saved state bytes/article "
          f"{r['saved_state_bytes_per_article']:.0f}")
    print("bar: >= 5000 articles/s:", "met" if r["indexed_articles_per_s"] >= 5000 else "NOT met")


if __name__ == "__main__":
    main()
