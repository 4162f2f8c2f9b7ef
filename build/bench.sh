#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks (Release) and files their results under build/results/ with the
# date, CPU and runtime in the file names and reports. Usage: build/bench.sh [BenchmarkDotNet args...]
# (default: every benchmark: P1 ParseAndValidate and CorpusValidation, P3 GeneratorCost, GeneratorCorpusCost and GeneratorScaling; e.g.
# `build/bench.sh --filter '*Generator*'` for P3 alone). Never part of the test command: timings are
# measured, not asserted.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$(mktemp -d)"
stamp="$(date -u +%Y-%m-%d)"

# As in build/test.sh: CASECONTRACTS_KEEP_BUILD_SERVERS=1 leaves the compiler server running for other
# checkouts building on the same machine.
if [[ "${CASECONTRACTS_KEEP_BUILD_SERVERS:-}" != "1" ]]; then
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
fi

dotnet run -c Release --project "$repo_root/tests/CaseContracts.Benchmarks" -p:UseSharedCompilation=true -- \
  --artifacts "$artifacts" --exporters markdown csv "${@:---filter=*}"

mkdir -p "$repo_root/build/results"
for report in "$artifacts"/results/*-report-github.md "$artifacts"/results/*-ratios.md "$artifacts"/results/*-report.csv; do
  [[ -f "$report" ]] || continue
  name="$(basename "$report")"
  cp "$report" "$repo_root/build/results/$stamp-${name#CaseContracts.Benchmarks.}"
done
echo "Results: $repo_root/build/results/ ($stamp)"
