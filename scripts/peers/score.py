"""Scores peer predictions (JSON lines) and Sitrep's --predictions TimeML on the same gold, same metric.

usage: score.py GOLD_DIR --peer NAME FILE.jsonl ... --sitrep DIR SECONDS
Prints a Markdown table: strict and relaxed extent F1, value accuracy where comparable (count of comparable gold
timexes matched), system expressions, expressions/s.
"""
import json
import os
import sys

import timeml


def gold_by_name(folder):
    return {os.path.basename(p): timeml.read(p) for p in timeml.files(folder)}


def main(argv):
    gold = gold_by_name(argv[0])
    rows = []
    i = 1
    while i < len(argv):
        if argv[i] == "--peer":
            name, path = argv[i + 1], argv[i + 2]
            scorer, seconds = timeml.Scorer(), 0.0
            for line in open(path, encoding="utf-8"):
                doc = json.loads(line)
                _, _, g = gold[os.path.basename(doc["file"])]
                scorer.add(g, [tuple(s) for s in doc["spans"]])
                seconds += doc["seconds"]
            rows.append(scorer.row(name, scorer.system / seconds if seconds else 0))
            i += 3
        elif argv[i] == "--sitrep":
            folder, seconds = argv[i + 1], float(argv[i + 2])
            scorer = timeml.Scorer()
            for path in timeml.files(folder):
                _, _, predicted = timeml.read(path)
                _, _, g = gold[os.path.basename(path)]
                scorer.add(g, [(s, e, v) for s, e, _, v in predicted])
            rows.append(scorer.row("Sitrep (time.rules.v2)", scorer.system / seconds if seconds else 0))
            i += 3
        else:
            raise SystemExit(f"unknown argument {argv[i]}")
    print("| System | strict extent F1 | relaxed extent F1 | value accuracy where comparable (n) | expressions | expressions/s |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main(sys.argv[1:])
