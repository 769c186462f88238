#!/usr/bin/python3
"""How far bag-of-words linking of perfect events can go on ECB+ storylines.

The engine's storylines are scored against ECB+ `topic` (bench/story_bench.py).
This bench asks what the best possible linking of the *gold* events
(`subtopic`) by their words reaches: each gold event is the centroid of its
articles' TF-IDF vectors (simple stems, English stop words out), events are
clustered by average linkage on cosine at every threshold, and the best
storyline BCubed F1 is printed, with how often an event's nearest event is in
its own topic and where the first false pair ranks. Offline, with gold
events and a threshold chosen on the answers, it is an upper bound for an
online engine using the same evidence; the bar of issue 5 is 0.95.

Representations: all words; all words with an idf-weighted centroid; names
removed (capitalised words not at a sentence start); the words most of an
event's articles share (each word's share of the event's articles, squared,
times idf, kept from 30%); the event's heaviest 32 words, as the engine's
merging compares events (ClustererOptions::storyline_merge_terms).

usage: /usr/bin/python3 bench/storyline_oracle.py (Debian python3: scikit-learn, numpy)
"""
import collections
import itertools
import json
import math
import os
import re

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ECB = os.path.join(os.path.dirname(ROOT), "shared", "bench", "clustering", "ecbplus-dev",
                   "documents.jsonl")
STOP = set(CountVectorizer(stop_words="english").get_stop_words())


def stem(w):
    for suffix in ("ings", "ing", "edly", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[:-len(suffix)]
    return w


def words(text, without_names):
    out = []
    for sentence in text.split("\n"):
        for k, w in enumerate(re.findall(r"[A-Za-z][A-Za-z\-']+", sentence)):
            if without_names and k > 0 and w[0].isupper():
                continue
            lw = w.lower()
            if lw not in STOP and len(lw) >= 3:
                out.append(stem(lw))
    return out


def bcubed(pred, gold):
    joint = collections.Counter(zip(pred, gold))
    ps, gs = collections.Counter(pred), collections.Counter(gold)
    p = sum(joint[(a, b)] / ps[a] for a, b in zip(pred, gold)) / len(pred)
    r = sum(joint[(a, b)] / gs[b] for a, b in zip(pred, gold)) / len(pred)
    return 2 * p * r / (p + r)


def event_vectors(docs, event, events, without_names, mode):
    counts = [collections.Counter(words(t, without_names)) for t in docs]
    df = collections.Counter()
    for c in counts:
        df.update(c.keys())
    idf = {w: math.log(len(docs) / n) for w, n in df.items()}
    size = collections.Counter(event)
    index = {e: i for i, e in enumerate(events)}
    sums = [collections.Counter() for _ in events]
    for c, e in zip(counts, event):
        if mode == "shared":
            for w in c:
                sums[index[e]][w] += 1.0 / size[e]
        else:
            norm = math.sqrt(sum((tf * idf[w]) ** 2 for w, tf in c.items())) or 1.0
            for w, tf in c.items():
                sums[index[e]][w] += tf * idf[w] / norm / size[e]
    out = []
    for v in sums:
        if mode == "shared":
            v = {w: x * x * idf[w] for w, x in v.items() if x >= 0.3}
        elif mode == "idf":
            v = {w: x * idf[w] for w, x in v.items()}
        elif mode == "heaviest":  # as the engine's merging (storyline_merge_terms)
            v = dict(sorted(v.items(), key=lambda wx: (-wx[1], wx[0]))[:32])
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def main():
    docs, event, topic = [], [], []
    with open(ECB, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append(d["text"])
            event.append(d["subtopic"])
            topic.append(d["topic"])
    events = sorted(set(event))
    topic_of = dict(zip(event, topic))
    print(f"ECB+ dev: {len(docs)} articles, {len(events)} gold events, "
          f"{len(set(topic))} gold storylines (topics)")
    for name, without_names, mode in (("all words", False, "plain"),
                                      ("all words, idf-weighted centroid", False, "idf"),
                                      ("names removed", True, "plain"),
                                      ("words most of the event's articles share", False,
                                       "shared"),
                                      ("the event's heaviest 32 words", False, "heaviest")):
        v = event_vectors(docs, event, events, without_names, mode)
        n = len(events)
        sim = np.zeros((n, n))
        for i, j in itertools.combinations(range(n), 2):
            a, b = (v[i], v[j]) if len(v[i]) < len(v[j]) else (v[j], v[i])
            sim[i, j] = sim[j, i] = sum(x * b.get(w, 0.0) for w, x in a.items())
        nearest = sum(topic_of[events[int(np.argmax(sim[i]))]] == topic_of[events[i]]
                      for i in range(n)) / n
        best, at = 0.0, 0.0
        for t in np.arange(0.02, 0.9, 0.01):
            m = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                        distance_threshold=1 - t).fit(1 - sim)
            label = {events[i]: m.labels_[i] for i in range(n)}
            f = bcubed([label[e] for e in event], topic)
            if f > best:
                best, at = f, t
        pairs = sorted(((sim[i, j], topic_of[events[i]] == topic_of[events[j]])
                        for i, j in itertools.combinations(range(n), 2)), reverse=True)
        first_false = next(k for k, (_, same) in enumerate(pairs) if not same) + 1
        print(f"{name:<42} best storyline BCubed F1 {best:.4f} (cosine >= {at:.2f})   "
              f"nearest event in its topic {100 * nearest:.0f}%   first false pair at rank "
              f"{first_false}")


if __name__ == "__main__":
    main()
