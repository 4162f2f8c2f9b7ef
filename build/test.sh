#!/usr/bin/env bash
# The one test command: builds the solution once, runs every tests/**/*.Tests.csproj, and ends with
#   N passed, N failed, N skipped
# Exits non-zero if any test failed or the build / any test project failed to run.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results_dir="$repo_root/.test-results"
solution="$repo_root/CaseContracts.sln"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The shared compiler server makes the build much faster here; stop it (and MSBuild nodes) on the way
# out, silently, so the summary stays the last line. CASECONTRACTS_KEEP_BUILD_SERVERS=1 leaves them
# running, for machines where several checkouts build at once (a shutdown would break their builds).
if [[ "${CASECONTRACTS_KEEP_BUILD_SERVERS:-}" != "1" ]]; then
  trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
fi

cd "$repo_root"
rm -rf "$results_dir"
mkdir -p "$results_dir"

# Test projects are discovered, so projects added later run without editing this script.
mapfile -t test_projects < <(
  find "$repo_root/tests" -type f -name '*.Tests.csproj' \
    -not -path '*/bin/*' -not -path '*/obj/*' -not -name '*.Benchmarks.csproj' | LC_ALL=C sort
)

build_failed=0
# The CaseServer store tests run against SQLite and a throwaway PostgreSQL cluster: make sure PostgreSQL is here.
echo "==> build/postgres.sh"
if ! bash "$repo_root/build/postgres.sh"; then
  build_failed=1
  echo "!! PostgreSQL could not be installed; the PostgreSQL store tests will fail" >&2
fi

# The served OpenAPI documents are linted with @redocly/cli (pinned, into .tools/), and the API reference page is
# opened in headless Chromium: make sure both are here.
echo "==> build/redocly.sh"
if ! bash "$repo_root/build/redocly.sh"; then
  build_failed=1
  echo "!! @redocly/cli could not be installed; the OpenAPI lint tests will fail" >&2
fi
echo "==> build/chromium.sh"
if ! bash "$repo_root/build/chromium.sh"; then
  build_failed=1
  echo "!! Chromium could not be installed; the API reference page test will fail" >&2
fi

echo "==> dotnet build $(basename "$solution")"
if ! dotnet build "$solution" -c Debug -p:UseSharedCompilation=true -nologo; then
  build_failed=1
  echo "!! solution build failed" >&2
fi

# A test project missing from the solution would otherwise be run unbuilt.
solution_projects="$(dotnet sln "$solution" list 2>/dev/null | tr '\\' '/' || true)"
for project in "${test_projects[@]}"; do
  relative="${project#"$repo_root"/}"
  if ! grep -qxF "$relative" <<<"$solution_projects"; then
    echo "==> $relative is not in $(basename "$solution"); building it separately"
    if ! dotnet build "$project" -c Debug -p:UseSharedCompilation=true -nologo; then
      build_failed=1
    fi
  fi
done

declare -a summary_lines=()
total_passed=0
total_failed=0
total_skipped=0

# Reads one attribute of the <Counters .../> element of a .trx file; 0 when absent.
counter() {
  local counters="$1" name="$2" value
  value="$(sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
  echo "${value:-0}"
}

# One run of a test project: "<project> <label> [extra dotnet test arguments...]"; its counts join the summary.
run_tests() {
  local project="$1" label="$2"
  shift 2
  local trx="$results_dir/$label.trx"
  echo "==> dotnet test $label"
  exit_code=0
  dotnet test "$project" -c Debug --no-build \
    --logger "trx;LogFileName=$label.trx" \
    --results-directory "$results_dir" \
    --blame-hang-timeout 20m --blame-hang-dump-type none \
    "$@" \
    || exit_code=$?

  counters=""
  if [[ -f "$trx" ]]; then
    counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  fi

  if [[ -z "$counters" ]]; then
    passed=0 failed=1 skipped=0
    note=" (no test results: the project failed to build or run; counted as 1 failed)"
  else
    passed="$(counter "$counters" passed)"
    failed=$(( $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted) ))
    # VSTest leaves notExecuted at 0 for skipped xunit tests; they show as total - executed.
    skipped=$(( $(counter "$counters" total) - $(counter "$counters" executed) ))
    if (( $(counter "$counters" notExecuted) > skipped )); then
      skipped="$(counter "$counters" notExecuted)"
    fi
    note=""
    if (( exit_code != 0 && failed == 0 )); then
      failed=1
      note=" (dotnet test exited with $exit_code; counted as 1 failed)"
    fi
  fi

  total_passed=$(( total_passed + passed ))
  total_failed=$(( total_failed + failed ))
  total_skipped=$(( total_skipped + skipped ))
  summary_lines+=("  $label: $passed passed, $failed failed, $skipped skipped$note")
}

for project in "${test_projects[@]}"; do
  name="$(basename "$project" .csproj)"
  run_tests "$project" "$name"
  if [[ "$name" == "CaseServer.Tests" ]]; then
    # The same server tests again on PostgreSQL (a throwaway cluster the tests start and remove), leaving out the
    # tests about SQLite's own files and the store-level classes that choose their store themselves.
    CASESERVER_TEST_STORE=postgres run_tests "$project" "$name.Postgres" --filter "Store!=SqliteOnly&Store!=ChoosesItsOwn"
  fi
done

if (( build_failed )) && (( total_failed == 0 )); then
  total_failed=1
  summary_lines+=("  build: failed (counted as 1 failed)")
fi

echo
echo "Test results (trx files in ${results_dir#"$repo_root"/}/):"
if (( ${#summary_lines[@]} > 0 )); then
  printf '%s\n' "${summary_lines[@]}"
else
  echo "  no test projects found under tests/"
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"

if (( total_failed > 0 || build_failed )); then
  exit 1
fi
