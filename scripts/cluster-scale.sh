#!/usr/bin/env bash
# Ingest with 1, 2 and 3 `sitrep serve --cluster` silos on loopback over a throwaway PostgreSQL server (issue 17 item 5):
# the same synthetic reports sent to a fresh cluster of each size; prints per size the time to acknowledge them all, the
# time until the picture holds them all, and the silos' CPU time. Figures go to docs/BENCHMARKS.md.
#   scripts/cluster-scale.sh [REPORTS]      (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
export SITREP_CLUSTER_SCALE="${1:-600}"
dotnet build tests/Sitrep.Tests -c Release
nice -n 10 dotnet tests/Sitrep.Tests/bin/Release/net10.0/Sitrep.Tests.dll \
  -method 'Sitrep.Tests.Cluster.ClusterFaultTests.Scaling_*' -diagnostics
