#!/usr/bin/python3
"""Peer extractor for bench/extraction_bench.py: readability-lxml (Debian's
python3-readability). Reads .html.gz paths on stdin, prints one JSON line per
page, and the time spent extracting on stderr. Run with Debian's /usr/bin/python3."""
import gzip
import json
import sys
import time

import lxml.html
from readability import Document


def main():
    seconds = 0.0
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        html = gzip.open(path).read().decode("utf-8", errors="replace")
        start = time.perf_counter()
        text, title = "", ""
        try:
            doc = Document(html)
            title = doc.short_title()
            summary = doc.summary(html_partial=True)
            if summary.strip():
                text = "\n\n".join(
                    p.strip() for p in lxml.html.fromstring(summary).itertext() if p.strip())
        except Exception:  # a page it cannot parse counts as empty
            pass
        seconds += time.perf_counter() - start
        sys.stdout.write(json.dumps({"path": path, "title": title, "text": text}) + "\n")
    sys.stderr.write("seconds %f\n" % seconds)


if __name__ == "__main__":
    main()
