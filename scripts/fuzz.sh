#!/usr/bin/env bash
# The ingest fuzz campaign (issue 18): COUNT mutated inputs (default 10,000) through every reader, the whole ingest and
# (per binary format, DocumentReaderFuzzTests: PDF, Word, mbox, Markdown) mutated valid files through their reader, and
# the first analysis stages, each under its own cancellation bound. Prints and writes the result line
# (inputs, crashes, hangs, invalid outputs); record it in docs/reliability.md.
#   scripts/fuzz.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
seed="${2:-18}"
report="$(mktemp)"
SITREP_FUZZ_COUNT="$count" SITREP_FUZZ_SEED="$seed" SITREP_FUZZ_REPORT="$report" \
  dotnet test tests/Sitrep.Tests -c Release --filter "FullyQualifiedName~FuzzTests.TheFuzzCampaign|FullyQualifiedName~DocumentReaderFuzzTests" || status=$?
cat "$report"
rm -f "$report"
exit "${status:-0}"
