#!/usr/bin/env bash
# The cluster fault test at full size: three `sitrep serve --cluster` silos on loopback over a throwaway PostgreSQL
# server, 2,000 reports sent with retries, the story grain's silo killed (SIGKILL) a third of the way through; checks
# that every acknowledged report is stored exactly once and that the picture converges to a single node's.
#   scripts/cluster-fault.sh [REPORTS]      (default 2000; the test suite runs the same test with 60)
# SITREP_CLUSTER_LOGS=DIR keeps each silo's output there.
set -euo pipefail
cd "$(dirname "$0")/.."
export SITREP_CLUSTER_REPORTS="${1:-2000}"
dotnet build tests/Sitrep.Tests -c Release
# xUnit's own runner (the test project is an executable): -diagnostics prints the test's summary line (counts, rates,
# times). `dotnet test` with Microsoft.Testing.Platform refuses VSTest's --logger, and hides that line.
nice -n 10 dotnet tests/Sitrep.Tests/bin/Release/net10.0/Sitrep.Tests.dll \
  -method 'Sitrep.Tests.Cluster.ClusterFaultTests.AtFullSize_*' -diagnostics
