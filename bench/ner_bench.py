#!/usr/bin/env python3
"""Named-entity benchmark: entity-level F1 (conlleval) and tagging speed.

Runs `dossier ner --conll` on
  - CoNLL-2003 English eng.testa (the development split; the model must be
    trained on eng.train only), and
  - WikiNEuRal French val.conllu (silver labels),
scores the output itself with the conlleval definition, and measures the
tagger's speed on one core.

conlleval rules, as implemented in chunks() below:
  - tags are O or X-TYPE with X in {B, I} (IOB1 and IOB2 read alike);
  - a chunk starts at a B- tag, or at an I- tag whose previous tag is O or
    has another type (so "I-PER I-PER" is one chunk, and in IOB1
    "I-PER B-PER" is two);
  - a chunk ends before O, before any B-, or before a tag of another type;
  - a predicted chunk is correct only if its first token, last token and
    type equal those of a gold chunk;
  - precision = correct / predicted, recall = correct / gold, F1 their
    harmonic mean, micro-averaged over all chunks (per type: over the
    chunks of that type).

Speed: `dossier ner --conll FILE --stats` reports the tagger's own time
(features, two Viterbi passes, span building; not the file reading or the
model loading, which are reported apart) under `taskset -c 0` (one core).
Same-run baseline: the time this script's Python conlleval pass takes over
the same tokens. Published anchor: spaCy's ~8,500 words/s figure for its
2015 CPU NER.

Usage: bench/ner_bench.py [--dossier build/dossier] [--models DIR] [--repeat N]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench", "ner")
TYPES = ["PER", "ORG", "LOC", "MISC"]

# Published F1 on the CoNLL-2003 English *test* split (eng.testb), for scale.
ANCHORS = [("Stanford CRF (Finkel et al. 2005)", 86.9, "test"),
           ("Florian et al. 2003", 88.8, "test"),
           ("Ratinov & Roth 2009", 90.8, "test"),
           ("dossier bar", 91.0, "testa")]
SPACY_WORDS_PER_S = 8500


def chunks(tags):
    """Set of (first, last, type) chunks of a tag sequence (conlleval rules)."""
    out = []
    start, typ = None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag == "":
            prefix, t = "O", None
        else:
            prefix, _, t = tag.partition("-")
        starts = prefix == "B" or (prefix == "I" and (typ is None or t != typ))
        if start is not None and (prefix == "O" or starts):
            out.append((start, i - 1, typ))
            start, typ = None, None
        if prefix in ("B", "I") and starts:
            start, typ = i, t
    return set(out)


def read_pairs(text):
    """(gold tags, predicted tags) per sentence: the last two columns."""
    sentences, gold, pred = [], [], []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("-DOCSTART-") or line.startswith("#"):
            if gold:
                sentences.append((gold, pred))
                gold, pred = [], []
            continue
        cols = line.split()
        gold.append(cols[-2])
        pred.append(cols[-1])
    if gold:
        sentences.append((gold, pred))
    return sentences


def score(sentences, types=TYPES):
    counts = {t: [0, 0, 0] for t in types + ["ALL"]}  # gold, predicted, correct
    for gold, pred in sentences:
        g, p = chunks(gold), chunks(pred)
        for c in g:
            if c[2] in counts:
                counts[c[2]][0] += 1
                counts["ALL"][0] += 1
        for c in p:
            if c[2] in counts:
                counts[c[2]][1] += 1
                counts["ALL"][1] += 1
                if c in g:
                    counts[c[2]][2] += 1
                    counts["ALL"][2] += 1
    result = {}
    for t, (ng, np_, nc) in counts.items():
        prec = 100.0 * nc / np_ if np_ else 0.0
        rec = 100.0 * nc / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[t] = (prec, rec, f1, ng, np_, nc)
    return result


def run_ner(dossier, path, lang, env, repeat):
    """Tagged output and the best tagger-only speed over `repeat` runs."""
    cmd = [dossier, "ner", "--conll", path, "--lang", lang, "--stats"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0"] + cmd
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return None, proc.stderr.strip()
        out = proc.stdout
        stats = proc.stderr.strip().split("\n")[-1]
        # "ner: N tokens tagged in S s (X tokens/s); model loaded in L s"
        words = stats.split()
        tokens, secs, load = int(words[1]), float(words[5]), float(words[-2])
        if best is None or secs < best[1]:
            best = (tokens, secs, load, wall)
    return out, best


def print_scores(name, res, types):
    print("\n%s" % name)
    print("  %-5s %7s %7s %7s %7s" % ("type", "P", "R", "F1", "gold"))
    for t in types + ["ALL"]:
        p, r, f, ng, _, _ = res[t]
        print("  %-5s %7.2f %7.2f %7.2f %7d" % (t, p, r, f, ng))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--models", default=None, help="directory with ner-en.bin, ner-fr.bin")
    ap.add_argument("--repeat", type=int, default=3, help="speed runs (the best is kept)")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.models:
        env["DOSSIER_MODELS"] = args.models

    testa = os.path.join(SHARED, "conll2003-en", "eng.testa")
    out, speed = run_ner(args.dossier, testa, "en", env, args.repeat)
    if out is None:
        sys.exit("dossier ner failed on eng.testa: %s" % speed)
    tokens, secs, load, wall = speed
    sentences = read_pairs(out)
    t0 = time.perf_counter()
    en = score(sentences)
    py_secs = time.perf_counter() - t0
    print_scores("CoNLL-2003 English eng.testa (model trained on eng.train only)", en, TYPES)

    fr_path = os.path.join(SHARED, "fr", "wikineural", "val.conllu")
    fr_out, fr_speed = None, "no file " + fr_path
    if os.path.exists(fr_path):
        fr_out, fr_speed = run_ner(args.dossier, fr_path, "fr", env, 1)
    if fr_out is None:
        print("\nFrench: not run (%s)" % fr_speed)
    else:
        fr_sent = read_pairs(fr_out)
        fr = score(fr_sent)
        fr3 = score(fr_sent, ["PER", "ORG", "LOC"])
        print_scores("French WikiNEuRal val (silver)", fr, TYPES)
        print("  without MISC (PER, ORG, LOC only): F1 %.2f" % fr3["ALL"][2])

    print("\nAnchors (entity F1)")
    for name, f1, split in ANCHORS:
        print("  %-36s %5.1f  (%s)" % (name, f1, split))
    print("  %-36s %5.2f  (testa)" % ("dossier (this run)", en["ALL"][2]))

    tps = tokens / secs
    print("\nSpeed on one core (taskset -c 0), eng.testa, %d tokens, best of %d" %
          (tokens, args.repeat))
    print("  tagger:                  %9.0f tokens/s  (%.3f s)" % (tps, secs))
    print("  whole command:           %9.0f tokens/s  (%.3f s wall; model load %.3f s)" %
          (tokens / wall, wall, load))
    print("  baseline, Python conlleval pass over the same tokens: %.0f tokens/s (%.3f s);"
          " tagger is %.1fx that" % (tokens / py_secs, py_secs, tps / (tokens / py_secs)))
    print("  anchor, spaCy (published, 2015): %d words/s; tagger is %.1fx that" %
          (SPACY_WORDS_PER_S, tps / SPACY_WORDS_PER_S))
    ok = en["ALL"][2] >= 91.0 and tps >= 100000
    print("\nbar (testa F1 >= 91.0 and >= 100,000 tokens/s): %s" % ("MET" if ok else "NOT MET"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
