#!/usr/bin/env python3
"""Packs the WordNet 3.0 database (Debian's wordnet-base, /usr/share/wordnet) into the one file Sitrep.Meaning embeds.

Keeps index.*, data.* and *.exc for the four parts of speech; drops the licence header lines (they start with two
spaces) and the glosses (after " | "), which the pair features never read. Each file becomes a section that opens with
a line "@@ NAME". The WordNet licence travels with the file (src/Sitrep.Meaning/Models/wordnet-LICENSE.txt).

    python3 scripts/pack-wordnet.py [/usr/share/wordnet] > /dev/null   # writes src/Sitrep.Meaning/Models/wordnet-3.0.txt.gz
"""
import gzip, os, sys

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
target = os.path.join(os.path.dirname(__file__), "..", "src", "Sitrep.Meaning", "Models", "wordnet-3.0.txt.gz")
parts = ["noun", "verb", "adj", "adv"]
names = [f"index.{p}" for p in parts] + [f"data.{p}" for p in parts] + [f"{p}.exc" for p in parts]
with gzip.GzipFile(target, "wb", mtime=0) as out:
    for name in names:
        out.write(f"@@ {name}\n".encode())
        with open(os.path.join(source, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("  "):
                    continue
                if name.startswith("data."):
                    bar = line.find(" | ")
                    if bar >= 0:
                        line = line[:bar] + "\n"
                out.write(line.encode())
print(target)
