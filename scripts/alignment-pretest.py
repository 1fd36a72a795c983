#!/usr/bin/env python3
"""Cheap pre-tests for the meaning alignment, read from the pairs `e2e --tally --pairs` and `align-gold --pairs` write.

For each lexical or word-cluster score, sets the threshold at its lowest value over the pairs above MiniLM's cosine
floor (so none of them is lost), and prints how many pairs pass and how many claim texts would still be encoded (a
claim is encoded when one of its pairs passes); then Dice at fixed thresholds, with the pairs over the floor it keeps.
Usage: scripts/alignment-pretest.py pairs-fnc5.tsv [pairs-gold.tsv ...]   (docs/BENCHMARKS.md, `perf9` section)
"""
import collections
import csv
import gzip
import math
import os
import re
import sys

FLOOR, SAME_EVENT_FLOOR = 0.6, 0.75
# The stop words of src/Sitrep.Corroboration/Stance/StanceText.cs.
STOP = set("""a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves s t said says say one two new may might must us via""".split())
CLUSTERS_FILE = os.path.join(os.path.dirname(__file__), "..", "src", "Sitrep.Syntax", "Models", "word-clusters.tsv.gz")


def main(paths):
    clusters = {}
    with gzip.open(CLUSTERS_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            clusters[parts[0]] = parts[1:]

    def words(text):
        return [w for w in re.findall(r"[^\W_]+", text.lower()) if w not in STOP]

    def cosine(x, y):
        dot = sum(v * y.get(k, 0) for k, v in x.items())
        norm = math.sqrt(sum(v * v for v in x.values()) * sum(v * v for v in y.values()))
        return dot / norm if norm else 0.0

    def bag(ws, level):
        return collections.Counter(("c", clusters[w][level]) if w in clusters else ("w", w) for w in ws)

    def scores(a, b):
        wa, wb = words(a), words(b)
        sa, sb = set(wa), set(wb)
        shared = len(sa & sb)
        return {
            "dice": 2 * shared / (len(sa) + len(sb)) if sa or sb else 0.0,
            "overlap": shared / min(len(sa), len(sb)) if sa and sb else 0.0,
            "shared": shared,
            "wordcos": cosine(collections.Counter(wa), collections.Counter(wb)),
            "c4096": cosine(bag(wa, 3), bag(wb, 3)),
            "c512": cosine(bag(wa, 2), bag(wb, 2)),
            "c128": cosine(bag(wa, 1), bag(wb, 1)),
        }

    for path in paths:
        pairs = []
        with open(path, encoding="utf-8") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            for row in reader:
                cos, same = float(row[2]), float(row[3]) if row[3] != "NaN" else float("nan")
                pairs.append((row[4], row[5], cos, same, scores(row[4], row[5])))
        texts = {t for p in pairs for t in p[:2]}
        all_words = sum(len(t.split()) for t in texts)
        over = [p for p in pairs if p[2] >= FLOOR]
        both = [p for p in over if p[3] >= SAME_EVENT_FLOOR]
        print(f"== {path}: pairs {len(pairs)}, over the cosine floor {len(over)}, over both floors {len(both)}, "
              f"distinct texts {len(texts)}, texts with a pair over the floor {len({t for p in over for t in p[:2]})}")

        def report(name, threshold):
            passing = [p for p in pairs if p[4][name] >= threshold]
            encoded = {t for p in passing for t in p[:2]}
            spared = 1 - sum(len(t.split()) for t in encoded) / all_words
            kept = sum(1 for p in over if p[4][name] >= threshold)
            kept_both = sum(1 for p in both if p[4][name] >= threshold)
            print(f"  {name} >= {threshold:.4f}: pairs passing {len(passing)} ({len(passing) / len(pairs):.1%}), texts encoded "
                  f"{len(encoded)}/{len(texts)}, words spared {spared:.1%}, pairs over the floor kept {kept}/{len(over)}, "
                  f"over both floors kept {kept_both}/{len(both)}")

        for name in ["dice", "overlap", "shared", "wordcos", "c4096", "c512", "c128"]:
            report(name, min(p[4][name] for p in over))
        for threshold in [0.08, 0.1, 0.12, 0.15, 0.2]:
            report("dice", threshold)


if __name__ == "__main__":
    main(sys.argv[1:])
