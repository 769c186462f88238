#!/usr/bin/python3
"""Long-article bench: does the article stages' cost grow with an article's
length, or with its square?

Crawls sometimes keep a whole site's page (menus, every headline) as one
"article" of megabytes. This bench makes such pages from ml-crisis-fr
(../shared/bench/clustering/ml-crisis-fr: its articles, concatenated in
publication order up to each size) and runs stories_bench_tool (NER, entity
grouping and resolution, story features, clustering) twice per size, in the
same run: on the text as one page, and on the same text as the separate
articles it was made of (the baseline). It prints both times and their ratio;
a ratio that stays flat as the size doubles means linear cost.

usage: /usr/bin/python3 bench/long_article.py [--tool PATH] [--sizes 262144,524288,1048576]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from story_bench import crisis_records  # ml-crisis-fr in publication order

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_tool():
    for build in ("build", "build-release"):
        p = os.path.join(ROOT, build, "src", "stories", "stories_bench_tool")
        if os.path.exists(p):
            return p
    return None


def articles():
    # The corpus's own giant pages would skew the baseline.
    return [(r["published"], r["id"], r["text"]) for r in crisis_records() if len(r["text"]) < 100_000]


def timed(tool, records):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        start = time.perf_counter()
        subprocess.run([tool, path], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", default=find_tool())
    ap.add_argument("--sizes", default="262144,524288,1048576")
    args = ap.parse_args()
    if not args.tool or not os.path.exists(args.tool):
        sys.exit("stories_bench_tool not found: build it (ninja stories_bench_tool) or pass --tool")
    rows = articles()
    print(f"{'bytes':>9} {'articles':>8} {'separate s':>10} {'one page s':>10} {'page/separate':>13}")
    for size in (int(s) for s in args.sizes.split(",")):
        parts, total = [], 0
        for date, doc_id, text in rows:
            if total >= size:
                break
            parts.append({"id": doc_id, "text": text, "language": "fr", "published": date})
            total += len(text.encode("utf-8")) + 1
        page = [{"id": "page", "language": "fr", "published": parts[-1]["published"],
                 "text": "\n".join(p["text"] for p in parts)}]
        separate = timed(args.tool, parts)
        one = timed(args.tool, page)
        print(f"{total:>9} {len(parts):>8} {separate:>10.2f} {one:>10.2f} {one / separate:>13.2f}")


if __name__ == "__main__":
    main()
