#!/usr/bin/env python3
"""Quote extraction on PolNeAR: content-span and source P/R/F1.

Runs src/quotes/quotes_bench_tool (TextSegmenter + ArticleNer +
FindArticleEntities + QuoteExtractor) over the texts of a PolNeAR split
(brat standoff: Source/Cue/Content spans joined by Attribution events) and
scores what it finds.

Matching (the partial-match criterion of quote-extraction evaluations, at a
0.3 threshold):
  * Tokens are the maximal runs of word characters (Python's \\w, Unicode) of
    the text; punctuation and quote marks are not tokens. The tokens of a
    span (or of a discontinuous brat span, all its fragments) are those that
    overlap it by at least one character.
  * overlap(p, g) = |tokens(p) & tokens(g)| / max(|tokens(p)|, |tokens(g)|),
    i.e. the shared tokens must be at least 0.3 of the LONGER span, so a
    sentence-long prediction does not match a two-word gold span.
  * Content: a predicted quote matches a gold attribution when the overlap
    of their content spans is >= 0.3. Matching is one-to-one per article,
    greedy by decreasing overlap. P = matched / predicted, R = matched /
    gold, F1 = harmonic mean.
  * Source (end to end): a matched pair counts when both have a source and
    the overlap of the source spans is >= 0.3. P = counted / predicted
    quotes with a speaker, R = counted / gold attributions with a source.
    "speaker accuracy" = counted / matched pairs whose gold has a source.
  * Gold: every Attribution event (PolNeAR marks quotes and paraphrases
    alike); for an article annotated by several annotators, the file of the
    first annotator id in sorted order.

Model: with --model (default models/quotes-en.bin when it exists) the
extractor runs the trained attribution tagger (src/quotes/attribution_model.h)
plus the rules; --rules-only runs the rules alone. The model is trained on
PolNeAR train only; --split train --heldout 10 scores the slice of train that
`quotes_train_tool --heldout 10` holds out (every 10th article), for tuning
without touching dev.

Usage: bench/quote_bench.py [--split dev|train] [--heldout K] [--tool PATH]
                            [--corpus DIR] [--model FILE | --rules-only]
Prints one table; exits 1 when the content F1 is below --bar (default 75).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THRESHOLD = 0.3
TOKEN = re.compile(r"\w+", re.UNICODE)


def parse_ann(path):
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not parts or not parts[0]:
                continue
            if parts[0].startswith("T") and len(parts) >= 2:
                head = parts[1].split(" ", 1)
                if len(head) < 2:
                    continue
                frags = []
                for frag in head[1].split(";"):
                    a, b = frag.split()
                    frags.append((int(a), int(b)))
                spans[parts[0]] = (head[0], frags)
            elif parts[0].startswith("E") and len(parts) >= 2:
                roles = {}
                for item in parts[1].split():
                    k, _, v = item.partition(":")
                    roles[k] = v
                events.append(roles)
    gold = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        source = spans.get(ev.get("Source", ""))
        gold.append({"content": content[1], "source": source[1] if source else None})
    return gold


def tokens_of(token_spans, frags):
    out = set()
    for a, b in frags:
        for i, (ta, tb) in enumerate(token_spans):
            if ta < b and a < tb:
                out.add(i)
    return out


def overlap(p, g):
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def byte_to_char(text):
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def run_tool(cmd, docs):
    """Predicted quotes per file, seconds spent in Extract, tokens."""
    proc = subprocess.run(cmd + [d[0] for d in docs], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit("quotes_bench_tool failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    predicted, seconds, tokens = {}, 0.0, 0
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        predicted[obj["file"]] = obj["quotes"]
        seconds += obj["extract_seconds"]
        tokens += obj["tokens"]
    return predicted, seconds, tokens


QUOTE_MARK = re.compile("[\"“”«»]")


def match(preds, gold):
    """One-to-one greedy matching by decreasing content overlap: the matched
    prediction and gold indices, matched gold attributions with a source, and
    those whose source the prediction also found."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(gold):
            o = overlap(p["ct"], g["ct"])
            if o >= THRESHOLD:
                pairs.append((o, i, j))
    pairs.sort(reverse=True)
    used_p, used_g = set(), set()
    matched_src = counted_src = 0
    for o, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = preds[i], gold[j]
        if g["source"]:
            matched_src += 1
            if p["source"] and overlap(p["st"], g["st"]) >= THRESHOLD:
                counted_src += 1
    match.last_pairs = [(i, j) for o, i, j in pairs if i in used_p and j in used_g]
    return used_p, used_g, matched_src, counted_src


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "bench", "quotes", "polnear"))
    ap.add_argument("--tool", default=None)
    ap.add_argument("--bar", type=float, default=75.0)
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "quotes-en.bin"))
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--speaker-errors", type=int, default=0,
                    help="print this many quotes proper whose speaker is wrong or missing")
    ap.add_argument("--heldout", type=int, default=0,
                    help="score only every K-th article (index %% K == K-1), as the trainer holds out")
    args = ap.parse_args()
    tool = args.tool
    if tool is None:
        for build in ("build", "build-ner", "build-release"):
            cand = os.path.join(ROOT, build, "src", "quotes", "quotes_bench_tool")
            if os.path.exists(cand):
                tool = cand
                break
    if tool is None:
        sys.exit("quotes_bench_tool not found: build the target or pass --tool")

    text_dir = os.path.join(args.corpus, args.split, "text")
    ann_dir = os.path.join(args.corpus, args.split, "attributions")
    docs = []
    for path in sorted(glob.glob(os.path.join(text_dir, "*.txt"))):
        stem = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(ann_dir, glob.escape(stem) + "_*.ann")))
        if anns:
            docs.append((path, anns[0]))
    if args.heldout:
        docs = [d for i, d in enumerate(docs) if i % args.heldout == args.heldout - 1]
    cmd = [tool, "--lang", "en"]
    mode = "rules only"
    if not args.rules_only and os.path.exists(args.model):
        cmd += ["--model", args.model]
        mode = "model %s + rules" % os.path.relpath(args.model, ROOT)
    predicted, extract_s, n_tokens = run_tool(cmd, docs)
    # Speed baseline, measured in the same run: the rule-based extractor.
    base_s = run_tool([tool, "--lang", "en"], docs)[1] if "--model" in cmd else extract_s

    n_pred = n_gold = tp = 0
    src_pred = src_gold = src_tp = src_matched_gold = 0
    quoted_gold = quoted_found = 0
    dq_pred = dq_gold = dq_tp = dq_matched_src = dq_src_tp = 0
    errors = []
    speaker_errors = []
    for path, ann in docs:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        b2c = byte_to_char(text)
        token_spans = [m.span() for m in TOKEN.finditer(text)]
        gold = parse_ann(ann)
        preds = []
        for q in predicted.get(path, []):
            content = [(b2c[q["begin"]], b2c[q["end"]])]
            src = None
            if q["speaker_end"] > q["speaker_begin"]:
                src = [(b2c[q["speaker_begin"]], b2c[q["speaker_end"]])]
            preds.append({"content": content, "source": src, "q": q})
        for x in gold + preds:
            x["ct"] = tokens_of(token_spans, x["content"])
            x["st"] = tokens_of(token_spans, x["source"]) if x["source"] else set()
        n_pred += len(preds)
        n_gold += len(gold)
        src_pred += sum(1 for p in preds if p["source"])
        src_gold += sum(1 for g in gold if g["source"])
        used_p, used_g, matched_src, counted_src = match(preds, gold)
        tp += len(used_p)
        src_matched_gold += matched_src
        src_tp += counted_src
        # Quotes proper: gold content holding a quote mark against predicted
        # quotes that are direct or hold (or sit between) quote marks.
        quoted = [g for g in gold if QUOTE_MARK.search(text[g["content"][0][0]:g["content"][0][1]])]
        direct = [p for p in preds if p["q"].get("direct") or QUOTE_MARK.search(
            text[max(0, p["content"][0][0] - 1):p["content"][0][1] + 1])]
        d_p, _, d_msrc, d_src = match(direct, quoted)
        if args.speaker_errors:
            seen = set()
            for i, j in match.last_pairs:
                if i in seen:
                    continue
                seen.add(i)
                p, g = direct[i], quoted[j]
                if g["source"] and not (p["source"] and overlap(p["st"], g["st"]) >= THRESHOLD):
                    gs = " ".join(text[a:b] for a, b in g["source"])
                    speaker_errors.append("SPEAKER %r should be %r | %s" % (
                        p["q"]["speaker_text"], gs, p["q"]["text"][:120]))
        dq_pred += len(direct)
        dq_gold += len(quoted)
        dq_tp += len(d_p)
        dq_matched_src += d_msrc
        dq_src_tp += d_src
        for j, g in enumerate(gold):
            a, b = g["content"][0]
            if QUOTE_MARK.search(text[a:b]):
                quoted_gold += 1
                quoted_found += j in used_g
        if args.errors:
            for j, g in enumerate(gold):
                if j not in used_g:
                    errors.append("MISS  " + " / ".join(text[a:b] for a, b in g["content"])[:200])
            for i, p in enumerate(preds):
                if i not in used_p:
                    errors.append("FALSE " + p["q"]["text"][:200] + "  <= " + p["q"]["speaker_text"])

    cp, cr, cf = prf(tp, n_pred, n_gold)
    sp, sr, sf = prf(src_tp, src_pred, src_gold)
    print("PolNeAR %s%s: %d articles, %d gold attributions, %d predicted quotes" %
          (args.split, " (held-out 1/%d)" % args.heldout if args.heldout else "", len(docs),
           n_gold, n_pred))
    print("extractor: %s" % mode)
    print("matching: token overlap >= %.1f of the longer span, one-to-one" % THRESHOLD)
    print("%-28s %7s %7s %7s" % ("", "P", "R", "F1"))
    print("%-28s %7.1f %7.1f %7.1f" % ("content span", cp, cr, cf))
    print("%-28s %7.1f %7.1f %7.1f" % ("source (end to end)", sp, sr, sf))
    acc = 100.0 * src_tp / src_matched_gold if src_matched_gold else 0.0
    print("speaker accuracy on matched content: %.1f%% (%d/%d)" % (acc, src_tp, src_matched_gold))
    dp, dr, df = prf(dq_tp, dq_pred, dq_gold)
    print("%-28s %7.1f %7.1f %7.1f" % ("quotes proper (quote marks)", dp, dr, df))
    dacc = 100.0 * dq_src_tp / dq_matched_src if dq_matched_src else 0.0
    print("speaker accuracy on matched quotes proper: %.1f%% (%d/%d); published rule-based "
          "anchor on its own news set: F1 83.7, speaker accuracy 86.5%%" % (dacc, dq_src_tp, dq_matched_src))
    qr = 100.0 * quoted_found / quoted_gold if quoted_gold else 0.0
    print("recall on gold content holding a quote mark: %.1f%% (%d/%d)" % (qr, quoted_found, quoted_gold))
    print("speed: %.0f tokens/s in QuoteExtractor::Extract (%.2f s for %d tokens); "
          "%.2fx the time of the rules alone (%.2f s) in this run" %
          (n_tokens / extract_s if extract_s else 0, extract_s, n_tokens,
           extract_s / base_s if base_s else 0, base_s))
    print("bar: content F1 >= %.0f: %s" % (args.bar, "met" if cf >= args.bar else "NOT met"))
    for e in errors[: args.errors]:
        print(e)
    for e in speaker_errors[: args.speaker_errors]:
        print(e)
    return 0 if cf >= args.bar else 1


if __name__ == "__main__":
    sys.exit(main())
