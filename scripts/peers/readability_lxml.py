"""Extract main text with python3-readability (readability-lxml); prints pages/s; writes benchmark-format JSON."""
import gzip, json, os, re, sys, time
import lxml.html
from readability import Document

def ids_of(truth):
    for key, value in truth.items():
        if "file" in value:
            yield re.sub(r"\.html?(\.gz)?$", "", value["file"]), key
        else:
            yield key, value.get("url")

def read(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return raw

def main(html_dir, truth_path, out_path):
    truth = json.load(open(truth_path, encoding="utf-8"))
    files = {re.sub(r"\.html?(\.gz)?$", "", f): os.path.join(html_dir, f) for f in os.listdir(html_dir)}
    out, spent, n = {}, 0.0, 0
    for page_id, url in ids_of(truth):
        if page_id not in files:
            continue
        raw = read(files[page_id])
        start = time.perf_counter()
        try:
            summary = Document(raw).summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        except Exception:  # a failing page scores zero, as for any extractor
            text = ""
        spent += time.perf_counter() - start
        n += 1
        out[page_id] = {"articleBody": text, "url": url}
    json.dump(out, open(out_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"readability-lxml: {n} pages, {spent:.2f} s, {n / spent:.1f} pages/s")

if __name__ == "__main__":
    main(*sys.argv[1:4])
