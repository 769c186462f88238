#!/usr/bin/env python3
"""Collects candidate temporal expressions from the shared corpora for hand annotation.

Prints TSV lines "<id> <lang> <published> <sentence> <candidate>" for short sentences
holding a date-like phrase, found by a deliberately plain regular expression (not by
dossier, so the gold set does not inherit its choices). The annotated result is
bench/time_gold/gold.tsv (same columns plus the gold ISO value); this script documents
where its sentences came from.

  bench/time_gold/collect.py [--per-source N] > /tmp/time_candidates.tsv
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))  # bench/time_gold
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))

EN_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
EN_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
EN = re.compile(
    r"\b(?:(?:last|next|this|early|late|mid-|earlier this|later this)\s+)?"
    r"(?:" + EN_DAYS + r"(?:,? " + EN_MONTHS + r" \d{1,2}(?:, \d{4})?)?"
    r"|" + EN_MONTHS + r"(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? \d{4})?"
    r"|yesterday|today|tomorrow|tonight"
    r"|(?:week|month|year|weekend)\b"
    r"|(?:\w+ )?(?:days|weeks|months|years) ago|an? (?:week|month|year) ago"
    r"|(?:the )?(?:19|20)\d0s|(?:19|20)\d\d)\b")
FR_MONTHS = r"(?:[jJ]anvier|[fF]évrier|[mM]ars|[aA]vril|[mM]ai|[jJ]uin|[jJ]uillet|[aA]oût|[sS]eptembre|[oO]ctobre|[nN]ovembre|[dD]écembre)"
FR_DAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
FR = re.compile(
    r"(?:\b(?:le |du |au |en |fin |début |mi-)?(?:\d{1,2}(?:er)? )?" + FR_MONTHS + r"(?: \d{4})?"
    r"|\b" + FR_DAYS + r"(?: (?:dernier|prochain|soir|matin))?"
    r"|\bhier(?: soir)?|\baujourd'hui|\bavant-hier|\bdemain"
    r"|\b(?:la semaine|le mois|l'an|l'année) (?:dernière|dernier|prochaine|prochain)"
    r"|\bcette (?:semaine|année)|\bil y a \w+ (?:jours|semaines|mois|ans)"
    r"|\b(?:en |depuis |fin |début )?(?:19|20)\d\d)\b")

SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“])")


def sentences(text):
    for para in text.split("\n"):
        for s in SENT.split(para.strip()):
            s = s.strip()
            if 30 <= len(s) <= 200:
                yield s


def polnear():
    d = os.path.join(SHARED, "bench/quotes/polnear/dev/text")
    for name in sorted(os.listdir(d)):
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        with open(os.path.join(d, name), encoding="utf-8") as f:
            yield "pn:" + name[:30], "en", m.group(1) if m else "", f.read()


def ecbplus():
    with open(os.path.join(SHARED, "bench/clustering/ecbplus-dev/documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = re.sub(r" ([,.;:!?'])", r"\1", doc["text"])
            yield "ecb:" + doc["doc_id"], "en", "", text


def crisis():
    root = os.path.join(SHARED, "bench/clustering/ml-crisis-fr")
    for topic in sorted(os.listdir(root)):
        tdir = os.path.join(root, topic)
        if not os.path.isdir(tdir) or topic == "reference":
            continue
        for day in sorted(os.listdir(tdir)):
            for name in sorted(os.listdir(os.path.join(tdir, day))):
                with open(os.path.join(tdir, day, name), encoding="utf-8", errors="replace") as f:
                    yield "mc:%s/%s/%s" % (topic, day, name), "fr", day, f.read()


def seeds():
    d = os.path.join(SHARED, "seeds")
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            text = f.read()
        yield "seed:" + name[:3], "fr" if name.startswith("004") else "en", "", text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-source", type=int, default=400)
    args = ap.parse_args()
    rng = random.Random(6)
    for source in (polnear, ecbplus, crisis, seeds):
        rows = []
        for doc_id, lang, published, text in source():
            rx = EN if lang == "en" else FR
            for s in sentences(text):
                for m in rx.finditer(s):
                    cand = m.group(0)
                    # Without a publication date only expressions stating a year are gradable.
                    if not published and not re.search(r"\d{4}", cand):
                        continue
                    rows.append((doc_id, lang, published, s, cand))
        rng.shuffle(rows)
        for r in rows[: args.per_source]:
            print("\t".join(r))


if __name__ == "__main__":
    sys.exit(main())
