"""Convert trafilatura's evaluation data ({url: {file, with, without}}) to the article-extraction benchmark's truth
format ({id: {articleBody, url}}), the "with" strings joined as the body. Only shingle recall is meaningful on the
result (the body is a few sentences of the page, so every correct extra sentence lowers precision); `sitrep eval
extract` reads the original file directly and scores it by segments.
Usage: python3 scripts/trafilatura_to_benchmark.py evaldata-cache.json truth-benchmark.json"""
import json, re, sys

source, target = sys.argv[1], sys.argv[2]
data = json.load(open(source, encoding="utf-8"))
out = {re.sub(r"\.html?(\.gz)?$", "", v["file"]): {"articleBody": "\n".join(v["with"]), "url": url} for url, v in data.items()}
json.dump(out, open(target, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"{len(out)} pages")
