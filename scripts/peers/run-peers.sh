#!/usr/bin/env bash
# Side-by-side comparison of Sitrep's temporal tagger with python3-dateparser (Debian package) and chrono-node (npm)
# on TimeML data. Peers are installed into .tools/peers (git-ignored); nothing is installed system-wide.
#   scripts/peers/run-peers.sh [TIMEML_DIR]    default: ../shared/datasets/tempeval3-tbaq-cleaned
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-$repo/../shared/datasets/tempeval3-tbaq-cleaned}"
tools="$repo/.tools/peers"
mkdir -p "$tools/deb" "$tools/chrono" "$tools/out"

# python3-dateparser and its dependencies, unpacked (not installed) from the Debian archive.
if [ ! -d "$tools/deb/usr/lib/python3/dist-packages/dateparser" ]; then
  (cd "$tools/deb" && apt-get download python3-dateparser python3-dateutil python3-regex python3-tz python3-tzlocal python3-pytz-deprecation-shim python3-six 2>/dev/null >/dev/null)
  for deb in "$tools"/deb/*.deb; do dpkg -x "$deb" "$tools/deb"; done
fi
export PYTHONPATH="$tools/deb/usr/lib/python3/dist-packages:$here"

# chrono-node from npm, into its own prefix.
if [ ! -d "$tools/chrono/node_modules/chrono-node" ]; then
  npm install --silent --prefix "$tools/chrono" chrono-node@2 >/dev/null
fi

python3 "$here/dateparser_run.py" "$data" "$tools/out/dateparser.jsonl"
python3 "$here/dump_texts.py" "$data" > "$tools/out/texts.jsonl"
CHRONO_DIR="$tools/chrono/node_modules" node "$here/chrono_run.mjs" "$tools/out/texts.jsonl" "$tools/out/chrono.jsonl"

# Sitrep writes its TIMEX3 back as TimeML; its tagging time comes from its own report (one thread).
dotnet build -c Release "$repo/src/Sitrep.Cli" -v q >/dev/null
report="$(dotnet "$repo/src/Sitrep.Cli/bin/Release/net10.0/sitrep.dll" eval timex --timeml "$data" --predictions "$tools/out/sitrep")"
echo "$report"
seconds="$(echo "$report" | awk '/tagging speed/ { gsub(",", "", $3); gsub(/[(,]/, "", $5); print $5 / $3 }')"
python3 "$here/score.py" "$data" --peer "python3-dateparser (search_dates)" "$tools/out/dateparser.jsonl" \
  --peer "chrono-node (parse)" "$tools/out/chrono.jsonl" --sitrep "$tools/out/sitrep" "$seconds"
