"""Prints each TimeML document as a JSON line {file, dct, text} for the JavaScript peer."""
import json
import sys

import timeml

for path in timeml.files(sys.argv[1]):
    text, dct, _ = timeml.read(path)
    print(json.dumps({"file": path, "dct": dct, "text": text}))
