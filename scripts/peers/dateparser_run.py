"""python3-dateparser over TimeML: search_dates on each document's text with the DCT as RELATIVE_BASE.

Writes one JSON line per document: {"file", "seconds", "spans": [[start, end, "YYYY-MM-DDTHH:MM"], ...]}.
search_dates returns the matched substrings; their offsets are recovered by searching forward in the text.
"""
import datetime
import json
import sys
import time

import timeml
from dateparser.search import search_dates


def base(dct):
    if not dct:
        return None
    return datetime.datetime.strptime(dct[:10], "%Y-%m-%d")


def main(folder, out):
    with open(out, "w", encoding="utf-8") as sink:
        for path in timeml.files(folder):
            text, dct, _ = timeml.read(path)
            settings = {"RELATIVE_BASE": base(dct)} if dct else {}
            started = time.perf_counter()
            try:
                found = search_dates(text, languages=["en"], settings=settings) or []
            except Exception as error:  # a peer failing on one document must not stop the comparison
                print(f"{path}: {error}", file=sys.stderr)
                found = []
            seconds = time.perf_counter() - started
            spans, at = [], 0
            for substring, when in found:
                start = text.find(substring, at)
                if start < 0:
                    start = text.find(substring)
                if start < 0:
                    continue
                at = start + len(substring)
                spans.append([start, at, when.strftime("%Y-%m-%dT%H:%M")])
            sink.write(json.dumps({"file": path, "seconds": seconds, "spans": spans}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
