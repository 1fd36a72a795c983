#!/usr/bin/env bash
# The cluster fault test at full size: three `sitrep serve --cluster` silos on loopback over a throwaway PostgreSQL
# server, 2,000 reports sent with retries, the story grain's silo killed (SIGKILL) a third of the way through; checks
# that every acknowledged report is stored exactly once and that the picture converges to a single node's.
#   scripts/cluster-fault.sh [REPORTS]      (default 2000; the test suite runs a smaller count)
set -euo pipefail
cd "$(dirname "$0")/.."
export SITREP_CLUSTER_REPORTS="${1:-2000}"
dotnet build tests/Sitrep.Tests -c Release
nice -n 10 dotnet test tests/Sitrep.Tests -c Release --no-build \
  --filter-method 'Sitrep.Tests.Cluster.ClusterFaultTests.AtFullSize_*' \
  --logger "console;verbosity=detailed"
