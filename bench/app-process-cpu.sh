#!/usr/bin/env bash
# CPU of one `dotnet Broadsheet.dll` process as the tests start it (Faults/AppProcess: SQLite, a migrated database,
# the audio worker off): at start-up (until Kestrel listens) and after a short workload (a section, then ten articles
# created, published and read as a page and through the API, then the home page). Each variant is a build folder and
# runtime settings; the variants run interleaved, RUNS times each, so that the machine's load falls on all alike.
#
#   bench/app-process-cpu.sh 'shortlived=src/Broadsheet/bin/Release/net10.0 DOTNET_TieredCompilation=1 DOTNET_TieredPGO=0 DOTNET_TC_CallCounting=0' \
#     'shipped=src/Broadsheet/bin/Release/net10.0'
#
# RUNS (3), BENCH_PORT (5261). Prints one line per run: variant, CPU seconds at listening, CPU seconds after the
# workload, wall seconds to listening; and the load average before each run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
port=${BENCH_PORT:-5261}
base="http://127.0.0.1:$port"
key=bench-admin-key-0123456789abcdef
root=$PWD/src/Broadsheet
out=$(mktemp -d /tmp/broadsheet-app-cpu.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
tick=$(getconf CLK_TCK)

cpu() { awk -v t="$tick" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

# start DIR [VAR=VALUE...]: the app from DIR on the database in $out/data, as AppProcess starts it.
start() {
  local dir=$1
  shift
  (cd "$dir" && exec env DOTNET_ENVIRONMENT=Testing ASPNETCORE_ENVIRONMENT=Testing ASPNETCORE_URLS="$base" \
    ASPNETCORE_CONTENTROOT="$root" Logging__Console__FormatterName=simple Broadsheet__BootstrapApiKey=$key \
    Broadsheet__SeedDemoContent=false Broadsheet__Listen__Worker=false Broadsheet__DataPath="$out/data" "$@" \
    dotnet Broadsheet.dll) >"$out/server.log" 2>&1 &
  server=$!
  started=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    grep -q "Now listening on" "$out/server.log" && return
    kill -0 "$server" 2>/dev/null || break
    sleep 0.05
  done
  echo "the server did not start:"; tail -20 "$out/server.log"; exit 1
}
stop() { kill -9 "$server"; wait "$server" 2>/dev/null || true; server=""; }

workload() {
  local admin=(-s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json')
  curl "${admin[@]}" -X PUT "$base/api/admin/sections/bench" -d '{"name":"Bench desk"}' | grep -q '^20' || { echo "section refused"; exit 1; }
  for n in $(seq 1 10); do
    id=$(curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -X POST "$base/api/admin/articles" \
      -d "{\"section\":\"bench\",\"headline\":\"Bench story $n $RANDOM\",\"summary\":[\"First point.\"],\"topics\":[\"Bench\"],\"byline\":[{\"name\":\"Wire Desk\",\"kind\":\"agency\"}],\"body\":{\"markdown\":\"The envoy spoke on **Thursday**.\"},\"language\":\"en\",\"type\":\"news\"}" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    url=$(curl -s -H "Authorization: Bearer $key" -X POST "$base/api/admin/articles/$id/publish" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlsplit(json.load(sys.stdin)["url"]).path)')
    curl -s -o /dev/null "$base$url"
    curl -s -o /dev/null "$base/api/v1/articles/$id"
  done
  curl -s -o /dev/null "$base/"
}

# A migrated database, made once by the first variant's build; each run starts on a copy.
first=${1%% *}
start "${first#*=}"
stop
cp -r "$out/data" "$out/template"

for run in $(seq 1 "$runs"); do
  for variant in "$@"; do
    read -r -a words <<<"$variant"
    name=${words[0]%%=*}
    dir=${words[0]#*=}
    rm -rf "$out/data"
    cp -r "$out/template" "$out/data"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start "$dir" "${words[@]:1}"
    listening=$(cpu "$server")
    wall=$(echo "$(date +%s.%N) - $started" | bc)
    workload
    after=$(cpu "$server")
    stop
    printf '%s run %d: %s s CPU at listening, %s s after the workload, %.1f s wall to listening (load %s)\n' "$name" "$run" "$listening" "$after" "$wall" "$load"
  done
done
