#!/usr/bin/env bash
# P2 and P4, endpoint throughput: every contender serves the Cases API on 127.0.0.1 (a free port each, logging
# off, Release build); wrk sends each the same workload with the same threads, connections and duration,
# interleaved and repeated; results go to build/results/<date>-load[-<workload>].{md,csv} with the CPU,
# runtime and settings. Never part of the test command: throughput is measured, not asserted.
#
# Usage: build/load.sh [contender ids...]    (default: all; e.g. `build/load.sh a b`)
# Workloads (LOAD_WORKLOAD): create (default: POST /api/cases with the API page's example, every contender);
#   find (GET /api/cases/_find, one tag of 10, 20 per page, over LOAD_SEED_CASES=10000 seeded cases) and patch
#   (PATCH /api/cases, one seeded case at a time with its current version): CaseServer contenders (d e f f3) only.
#        build/load.sh g h i                   (the GET row: GET /api/cases/{case_id}?includeComments=false; (i) its limit)
# Settings (environment): LOAD_THREADS=1 LOAD_CONNECTIONS=32 LOAD_DURATION=10s LOAD_WARMUP=5s LOAD_ROUNDS=3
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${LOAD_THREADS:-1}"
connections="${LOAD_CONNECTIONS:-32}"
duration="${LOAD_DURATION:-10s}"
warmup="${LOAD_WARMUP:-5s}"
rounds="${LOAD_ROUNDS:-3}"
workload="${LOAD_WORKLOAD:-create}"
seed_cases="${LOAD_SEED_CASES:-10000}"
seed_tags=10
export LOAD_WORKLOAD="$workload" LOAD_TAGS="$seed_tags" LOAD_THREADS="$threads"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ASPNETCORE_ENVIRONMENT=Production

servers_project="$repo_root/tests/CaseContracts.LoadServers"
servers_dll="$servers_project/bin/Release/net10.0/CaseContracts.LoadServers.dll"
bodies="$servers_project/bin/Release/net10.0/bodies"
work="$(mktemp -d)"

# ---------------------------------------------------------------------------------------------------
# The contenders. Each has a label and a start_<id> function that runs its server in the foreground on
# the URL given as $1. Adding one = a start_<id> function, a label, its id in all_contenders (and its
# project in build_contenders when it is not in CaseContracts.LoadServers).
# ---------------------------------------------------------------------------------------------------
declare -A label=(
  [a]="bare Kestrel endpoint: reads the body, canned 200"
  [b]="generated endpoint: one-pass parse + validate, no-op handler"
  [c]="hand-written minimal API: [FromBody] DTOs + AddValidation"
  [d]="CaseServer: Basic auth, kbn-xsrf, durable SQLite (WAL, synchronous=FULL), group commit"
  [e]="CaseServer: as (d), one commit per request (CaseServer:GroupCommit=false)"
  [f]="CaseServer: as (d), on PostgreSQL (one host; a local throwaway cluster, fsync on)"
  [f3]="CaseServer: as (f), three hosts on one PostgreSQL database (wrk's connections split evenly over them)"
  [f3b]="(f3)'s second host"
  [f3c]="(f3)'s third host"
  [g]="generated GET endpoint: path + query parameters parsed and validated, no-op handler"
  [h]="hand-written minimal API GET: [FromRoute]/[FromQuery] + AddValidation"
  [i]="bare Kestrel GET on the same route: no parameter read, canned 200 (the GET row's limit)"
)
all_contenders=(a b c d e f f3)
# The contenders that serve the whole Cases API (find, patch): CaseServer's.
case_server_contenders=" d e f f3 "
# What wrk asks each contender in the create workload: the POST rows post the API page's example to /api/cases; the
# GET row (g, h) reads one case with both parameters given (compare them with each other: `build/load.sh g h i`;
# (i) is their limit, the same route answered with the canned case).
declare -A request_kind=([a]=post [b]=post [c]=post [d]=post [e]=post [f]=post [f3]=post [f3b]=post [f3c]=post [g]=get [h]=get [i]=get)
get_path="/api/cases/2d2cc8b0-3f43-11ec-9bbc-0242ac130002?includeComments=false"

case_server_dll="$repo_root/samples/CaseServer/bin/Release/net10.0/CaseServer.dll"
# (d) runs as deployed: authentication on, one configured user. Every request carries that user's Basic
# credentials (the other contenders ignore the header). Its hash is made once, by the server's own command.
load_user="load"
load_password="load-test-password"
export LOAD_AUTHORIZATION="${LOAD_AUTHORIZATION:-Basic $(printf '%s:%s' "$load_user" "$load_password" | base64 -w0)}"

start_a() { exec dotnet "$servers_dll" bare --urls "$1"; }
start_b() { exec dotnet "$servers_dll" generated --urls "$1"; }
start_c() { exec dotnet "$servers_dll" minimal-api --urls "$1"; }
start_g() { exec dotnet "$servers_dll" generated-get --urls "$1"; }
start_h() { exec dotnet "$servers_dll" minimal-api-get --urls "$1"; }
start_i() { exec dotnet "$servers_dll" bare-get --urls "$1"; }
start_d() {
  exec dotnet "$case_server_dll" --urls "$1" \
    --ConnectionStrings:Cases="Data Source=$work/cases.db" --Logging:LogLevel:Default=None \
    --CaseServer:Users:$load_user:PasswordHash="$load_password_hash"
}

start_e() {
  exec dotnet "$case_server_dll" --urls "$1" \
    --ConnectionStrings:Cases="Data Source=$work/cases-e.db" --Logging:LogLevel:Default=None --CaseServer:GroupCommit=false \
    --CaseServer:Users:$load_user:PasswordHash="$load_password_hash"
}
start_f() { start_on_postgres "$1" postgres; }
# (f3): three processes on one database of their own; start_server starts f3b and f3c after f3.
start_f3() { start_on_postgres "$1" cases_f3; }
start_f3b() { start_f3 "$1"; }
start_f3c() { start_f3 "$1"; }
start_on_postgres() {
  exec dotnet "$case_server_dll" --urls "$1" --CaseServer:Store=postgres \
    --ConnectionStrings:Cases="Host=127.0.0.1;Port=$pg_port;Username=caseserver;Database=$2;Maximum Pool Size=64" \
    --Logging:LogLevel:Default=None --CaseServer:Users:$load_user:PasswordHash="$load_password_hash"
}

# (f)'s database: a throwaway cluster in $work, as a non-root user, on 127.0.0.1, stopped by cleanup.
pg_port=""
pg_user=""
pg_bin=""
start_postgres() {
  [[ -n "$pg_port" ]] && return 0
  bash "$repo_root/build/postgres.sh" >&2
  pg_bin="$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls -1d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")")"
  pg_user=""
  if [[ "$(id -u)" == "0" ]]; then pg_user="$(getent passwd postgres >/dev/null && echo postgres || echo nobody)"; fi
  as_pg() { if [[ -n "$pg_user" ]]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
  # Its own folder ($work is private to this user); removed by cleanup.
  pg_dir="$(mktemp -d)"
  if [[ -n "$pg_user" ]]; then chown "$pg_user" "$pg_dir"; fi
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U caseserver --auth=trust -E UTF8 --locale=C >/dev/null
  pg_port="$(free_port)"
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
    -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300" >/dev/null
  as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U caseserver cases_f3
  pg_ctl_stop() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
}

build_contenders() {
  dotnet build "$servers_project" -c Release -p:UseSharedCompilation=true -nologo -v:q
  dotnet build "$repo_root/samples/CaseServer" -c Release -p:UseSharedCompilation=true -nologo -v:q
  load_password_hash="$(printf '%s' "$load_password" | dotnet "$case_server_dll" hash-password | tail -n 1)"
}

# ---------------------------------------------------------------------------------------------------

log() { echo "==> $*" >&2; }

# Installs Debian packages when a command is missing: as root directly, else through passwordless sudo.
require_command() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null 2>&1 && return 0
  local sudo=""
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      echo "!! '$command' is missing and this user cannot install it: run 'apt-get install -y $package' as root, then retry" >&2
      exit 2
    fi
  fi
  log "installing $package (Debian)"
  if ! $sudo apt-get install -y "$package" >"$work/apt.log" 2>&1; then
    $sudo apt-get update >>"$work/apt.log" 2>&1 || true
    $sudo apt-get install -y "$package" >>"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; echo "!! could not install $package" >&2; exit 2; }
  fi
}

declare -A server_pid=() server_url=()

stop_servers() {
  local id
  for id in "${!server_pid[@]}"; do
    kill "${server_pid[$id]}" 2>/dev/null || true
  done
  for id in "${!server_pid[@]}"; do
    wait "${server_pid[$id]}" 2>/dev/null || true
  done
}

cleanup() {
  stop_servers
  if declare -F pg_ctl_stop >/dev/null; then pg_ctl_stop; fi
  rm -rf "$work"
  if [[ "${CASECONTRACTS_KEEP_BUILD_SERVERS:-}" != "1" ]]; then
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

free_port() { dotnet "$servers_dll" free-port; }

# POSTs a body; prints the HTTP status (000 when nothing answered).
post_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    -H 'Content-Type: application/json' -H 'kbn-xsrf: true' ${LOAD_AUTHORIZATION:+-H "Authorization: $LOAD_AUTHORIZATION"} \
    --data-binary "@$2" "$1/api/cases" || true
}

# GETs a path; prints the HTTP status (000 when nothing answered).
get_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    ${LOAD_AUTHORIZATION:+-H "Authorization: $LOAD_AUTHORIZATION"} "$1$2" || true
}

# The status a contender gives its own valid request (the one wrk sends).
ready_status() {
  if [[ "${request_kind[$1]}" == get ]]; then get_status "$2" "$get_path"; else post_status "$2" "$bodies/api-page-example.json"; fi
}

# Starts a contender on a free port (retrying once should another process take the port first) and
# waits until it answers the API page's example with a 200.
start_server() {
  local id="$1" attempt port url status
  for attempt in 1 2; do
    port="$(free_port)"
    url="http://127.0.0.1:$port"
    ("start_$id" "$url") >"$work/server-$id.log" 2>&1 &
    server_pid[$id]=$!
    for _ in $(seq 1 120); do
      status="$(ready_status "$id" "$url")"
      [[ "$status" != "000" ]] && break
      kill -0 "${server_pid[$id]}" 2>/dev/null || break
      sleep 0.5
    done
    if [[ "$status" == "200" ]]; then
      server_url[$id]="$url"
      log "($id) ${label[$id]}: $url"
      return 0
    fi
    kill "${server_pid[$id]}" 2>/dev/null || true
    wait "${server_pid[$id]}" 2>/dev/null || true
    unset "server_pid[$id]"
    echo "!! ($id) did not answer its valid request with 200 (got $status), attempt $attempt; its output:" >&2
    tail -n 20 "$work/server-$id.log" >&2 || true
  done
  exit 1
}

# Runs wrk once against one server; prints its RESULT line. The patch workload's cases (and their versions,
# which wrk writes back) are in $work/cases-<server id>.txt.
wrk_once() {
  local id="$1" seconds="$2" conns="$3"
  LOAD_BODY_FILE="$bodies/api-page-example.json" LOAD_CASES_FILE="$work/cases-$id.txt" \
    wrk -t"$threads" -c"$conns" -d"$seconds" --timeout 5s \
    -s "$repo_root/build/load.lua" "${server_url[$id]}/api/cases" | grep '^RESULT ' || { echo "!! wrk failed against ($id)" >&2; exit 1; }
}

# Runs wrk once against a contender; prints its RESULT line. (f3) is three hosts: three wrk at once, each with a
# third of the connections; their requests add up, and the slowest host's percentiles stand for the whole.
measure() {
  local id="$1" seconds="$2"
  if [[ "${request_kind[$id]}" == get ]]; then
    LOAD_WORKLOAD=get wrk -t"$threads" -c"$connections" -d"$seconds" --timeout 5s \
      -s "$repo_root/build/load.lua" "${server_url[$id]}$get_path" | grep '^RESULT ' || { echo "!! wrk failed against ($id)" >&2; exit 1; }
    return
  fi
  if [[ "$id" != "f3" ]]; then
    wrk_once "$id" "$seconds" "$connections"
    return
  fi
  local host pids=()
  for host in f3 f3b f3c; do
    wrk_once "$host" "$seconds" $(( (connections + 2) / 3 )) >"$work/result-$host" &
    pids+=($!)
  done
  wait "${pids[@]}"
  cat "$work"/result-f3 "$work"/result-f3b "$work"/result-f3c | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] + 0
        if (kv[1] ~ /^(requests|non2xx|socket_errors)$/) sum[kv[1]] += v[kv[1]]
        else if (v[kv[1]] > max[kv[1]]) max[kv[1]] = v[kv[1]] } }
    END { printf "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
          sum["requests"], max["duration_us"], max["p50_us"], max["p90_us"], max["p99_us"], sum["non2xx"], sum["socket_errors"] }'
}

# The find and patch workloads start from $seed_cases cases on each CaseServer contender (tagged tag-0..9);
# (f3)'s are split in three, one list per host, so no case is patched through two hosts at once.
seed() {
  local id="$1"
  log "($id): seeding $seed_cases cases"
  dotnet "$servers_dll" seed "${server_url[$id]}" "$seed_cases" "$seed_tags" "$work/cases-$id.txt"
  if [[ "$id" == "f3" ]]; then
    awk -v w="$work" '{ print > (w "/cases-" (NR % 3 == 1 ? "f3" : NR % 3 == 2 ? "f3b" : "f3c") ".txt.part") }' "$work/cases-f3.txt"
    for host in f3 f3b f3c; do mv "$work/cases-$host.txt.part" "$work/cases-$host.txt"; done
  fi
}

field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<" $1"; }

median() { LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------------------------------------------

contenders=("$@")
(( ${#contenders[@]} > 0 )) || contenders=("${all_contenders[@]}")
for id in "${contenders[@]}"; do
  declare -F "start_$id" >/dev/null || { echo "!! unknown contender '$id' (known: ${all_contenders[*]})" >&2; exit 2; }
  if [[ "$workload" != "create" && "$case_server_contenders" != *" $id "* ]]; then
    echo "!! ($id) serves only POST /api/cases: the $workload workload runs on CaseServer's contenders ($case_server_contenders)" >&2
    exit 2
  fi
done
[[ "$workload" =~ ^(create|find|patch)$ ]] || { echo "!! unknown LOAD_WORKLOAD '$workload' (create, find or patch)" >&2; exit 2; }

require_command wrk wrk
require_command curl curl
log "building the servers (Release)"
build_contenders
# Started here, not in (f)'s subshell, so that cleanup knows to stop it.
if [[ " ${contenders[*]} " == *" f "* || " ${contenders[*]} " == *" f3 "* ]]; then
  log "starting a throwaway PostgreSQL cluster for (f) and (f3)"
  start_postgres
fi

stamp="$(date -u +%Y-%m-%d)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
cores="$(nproc)"
runtime="$(dotnet --list-runtimes | sed -n 's/^Microsoft.AspNetCore.App \([^ ]*\).*/ASP.NET Core \1/p' | tail -n 1)"
sdk="$(dotnet --version)"
wrk_version="$( (wrk -v 2>&1 || true) | head -n 1 | awk '{ print $2 }')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

for id in "${contenders[@]}"; do
  start_server "$id"
  if [[ "$id" == "f3" ]]; then
    start_server f3b
    start_server f3c
  fi
  if [[ "$workload" != "create" ]]; then
    seed "$id"
  fi
done

# Which contender accepts what: every probe body is valid or invalid by the schema (its file name says
# which). A contender that checks fewer rules would otherwise look faster for the wrong reason.
probe_rows=()
for probe in "$bodies"/probes/*.json; do
  [[ "$workload" == "create" ]] || break
  name="$(basename "$probe" .json)"
  row="| \`$name\` |"
  for id in "${contenders[@]}"; do
    if [[ "${request_kind[$id]}" == get ]]; then row+=" — |"; continue; fi
    status="$(post_status "${server_url[$id]}" "$probe")"
    mark=""
    if [[ "$id" != "a" ]]; then
      if [[ "$name" == valid-* && "$status" != 2* ]] || [[ "$name" == invalid-* && "$status" != 4* ]]; then
        mark=" ✗"
      fi
    fi
    row+=" $status$mark |"
  done
  probe_rows+=("$row")
done
# The GET row's probes: query values the schema accepts (valid-*) or not (invalid-*).
declare -A get_probes=([valid-include-comments-true]="?includeComments=true" [valid-include-comments-absent]=""
  [invalid-include-comments-not-boolean]="?includeComments=maybe")
for name in $([[ "$workload" == create ]] && printf '%s\n' "${!get_probes[@]}" | sort); do
  row="| \`GET $name\` |"
  for id in "${contenders[@]}"; do
    if [[ "${request_kind[$id]}" != get ]]; then row+=" — |"; continue; fi
    status="$(get_status "${server_url[$id]}" "/api/cases/2d2cc8b0-3f43-11ec-9bbc-0242ac130002${get_probes[$name]}")"
    mark=""
    # (i), like (a), checks nothing: it is the limit, not a contender.
    if [[ "$id" != "i" ]] && { [[ "$name" == valid-* && "$status" != 2* ]] || [[ "$name" == invalid-* && "$status" != 4* ]]; }; then mark=" ✗"; fi
    row+=" $status$mark |"
  done
  probe_rows+=("$row")
done

log "warm-up: $warmup per contender"
for id in "${contenders[@]}"; do
  measure "$id" "$warmup" >/dev/null
done

csv="$work/load.csv"
runs="$work/runs.tsv"   # id, req/s, p50, p99, non-2xx: what the summary is computed from
: >"$runs"
echo "date,round,contender,label,threads,connections,duration,requests,seconds,requests_per_second,p50_us,p90_us,p99_us,non2xx,socket_errors" >"$csv"
for round in $(seq 1 "$rounds"); do
  # Interleaved, and the order rotates each round, so slow drift on a shared machine is spread evenly.
  count=${#contenders[@]}
  for offset in $(seq 0 $((count - 1))); do
    id="${contenders[$(( (offset + round - 1) % count ))]}"
    result="$(measure "$id" "$duration")"
    requests="$(field "$result" requests)"
    micros="$(field "$result" duration_us)"
    rps="$(awk -v r="$requests" -v us="$micros" 'BEGIN { printf "%.0f", r / (us / 1e6) }')"
    seconds="$(awk -v us="$micros" 'BEGIN { printf "%.2f", us / 1e6 }')"
    non2xx="$(field "$result" non2xx)"
    log "round $round ($id): $rps req/s, p50 $(field "$result" p50_us) us, p99 $(field "$result" p99_us) us, non-2xx $non2xx"
    echo "$started,$round,$id,\"${label[$id]}\",$threads,$connections,$duration,$requests,$seconds,$rps,$(field "$result" p50_us),$(field "$result" p90_us),$(field "$result" p99_us),$non2xx,$(field "$result" socket_errors)" >>"$csv"
    printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$rps" "$(field "$result" p50_us)" "$(field "$result" p99_us)" "$non2xx" >>"$runs"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# One measure (2 req/s, 3 p50, 4 p99, 5 non-2xx) of one contender, one value per round.
column_of() { awk -F'\t' -v id="$1" -v col="$2" '$1 == id { print $col }' "$runs"; }

baseline="${contenders[0]}"
base_rps="$(column_of "$baseline" 2 | median)"
base_p99="$(column_of "$baseline" 4 | median)"

mkdir -p "$repo_root/build/results"
suffix=""
[[ "$workload" == "create" ]] || suffix="-$workload"
md="$repo_root/build/results/$stamp-load$suffix.md"
{
  echo "# P2/P4 — endpoint throughput, workload: $workload ($started)"
  echo
  echo "- Command: \`bash build/load.sh${*:+ $*}\`"
  echo "- Machine: $cpu, $cores cores (wrk and the server share them); load average $load_before before, $load_after after"
  echo "- Runtime: $runtime (SDK $sdk), Release builds, logging off, Production environment; wrk $wrk_version"
  echo "- wrk: $threads thread(s), $connections connections, $duration per run after a $warmup warm-up; $rounds rounds, interleaved (order rotating)"
  case "$workload" in
    create) echo "- Request: (a)–(f3) POST /api/cases with the API page's example (strict JSON: its trailing comma removed, so every contender can read it); (g), (h), (i) GET $get_path; every contender answers 200 with the same case JSON" ;;
    find) echo "- Request: GET /api/cases/_find?tags=tag-<n>&perPage=20 over $seed_cases seeded cases tagged tag-0..tag-$((seed_tags - 1)) (20 of about $((seed_cases / seed_tags)) matches, with the total and the three status counts)" ;;
    patch) echo "- Request: PATCH /api/cases with one of $seed_cases seeded cases (taken in turn) and its current version, a new title each time: every patch is written (200)" ;;
  esac
  echo
  echo "Medians over the rounds; ratios to ($baseline). Every run is in \`$stamp-load.csv\`."
  echo
  echo "| contender | req/s | ratio | p50 (µs) | p99 (µs) | p99 ratio | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for id in "${contenders[@]}"; do
    rps="$(column_of "$id" 2 | median)"
    p50="$(column_of "$id" 3 | median)"
    p99="$(column_of "$id" 4 | median)"
    non2xx="$(column_of "$id" 5 | awk '{ s += $1 } END { print s + 0 }')"
    awk -v id="$id" -v l="${label[$id]}" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v brps="$base_rps" -v bp99="$base_p99" -v n="$non2xx" \
      'BEGIN { printf "| (%s) %s | %.0f | %.2f | %.0f | %.0f | %.2f | %d |\n", id, l, rps, rps / brps, p50, p99, p99 / bp99, n }'
  done
  echo
  if [[ "$workload" == "create" ]]; then
  echo "Rules check: the HTTP status each contender gives each probe body (\`bodies/probes/\` of"
  echo "CaseContracts.LoadServers; the name says whether the schema accepts it). ✗ marks a verdict that differs"
  echo "from the schema's ((a) checks nothing by design)."
  echo
  header="| probe |"
  rule="|---|"
  for id in "${contenders[@]}"; do header+=" ($id) |"; rule+="---:|"; done
  echo "$header"
  echo "$rule"
  printf '%s\n' "${probe_rows[@]}"
  fi
} >"$md"
cp "$csv" "$repo_root/build/results/$stamp-load$suffix.csv"
cat "$md"
log "results: build/results/$stamp-load$suffix.md and .csv"
