#!/usr/bin/env bash
# Side-by-side main-content extraction on the same pages: python3-readability (Debian) and @mozilla/readability (npm,
# with linkedom as the DOM). Each writes predictions in the benchmark's JSON format; `sitrep eval extract --score`
# scores them with exactly the metric Sitrep is scored with.
# Usage: scripts/extract-peers.sh HTML_DIR TRUTH_JSON OUT_DIR
# Dependencies install into scripts/.peer-deps (git-ignored): `apt-get install python3-readability` and `npm install`.
set -euo pipefail
html=${1:?HTML_DIR}; truth=${2:?TRUTH_JSON}; out=${3:?OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
deps="$here/.peer-deps"
mkdir -p "$deps" "$out"
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  echo "python3-readability missing: apt-get install -y python3-readability" >&2; exit 1
fi
if [ ! -d "$deps/node_modules/@mozilla/readability" ]; then
  (cd "$deps" && printf '{"name":"sitrep-peer-deps","private":true}\n' > package.json && npm install --silent --no-audit --no-fund @mozilla/readability linkedom)
fi
/usr/bin/python3 "$here/peers/readability_lxml.py" "$html" "$truth" "$out/readability-lxml.json"
NODE_PATH="$deps/node_modules" node "$here/peers/readability_js.mjs" "$html" "$truth" "$out/readability-js.json"
