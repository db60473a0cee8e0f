#!/usr/bin/env bash
# Where an uncached article render's CPU goes: starts a Release build on the demo publication (SQLite, output cache
# off, web role, JIT code visible to perf), loads the benchmark's article page with wrk, records the server with
# `perf record -g` and prints the CPU per request and the samples by shared object and by hottest symbol.
#
#   BENCH_APP=<Release build folder> bench/render-profile.sh [seconds] [connections]
#
# BENCH_PORT (61812); BENCH_DATA: a data folder to reuse (seeded on first start). perf.data is left in the data folder.
# BENCH_ENV: extra environment for the server (e.g. "Broadsheet__WarmUp=false", so that the start-up warm-up, which
# a loaded machine can stretch past wrk's warm-up, is not in the profile).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-32}
port=${BENCH_PORT:-61812}
app=${BENCH_APP:?BENCH_APP: a Release build output folder (src/Broadsheet/bin/Release/net10.0)}
data=${BENCH_DATA:-$(mktemp -d /tmp/broadsheet-profile.XXXXXX)}
root=$PWD/src/Broadsheet
command -v perf >/dev/null || { echo "perf is missing (Debian: linux-perf)"; exit 1; }
# shellcheck disable=SC2086
start() {
  (cd "$app" && exec env ASPNETCORE_CONTENTROOT="$root" Broadsheet__DataPath="$data" Broadsheet__Cache__OutputCache="$1" \
    Broadsheet__Role=web Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" \
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ${BENCH_ENV:-} ./Broadsheet) >>"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=1" >/dev/null 2>&1 && return; kill -0 "$server" || break; sleep 0.5; done
  echo "Broadsheet did not start:"; tail -20 "$data/server.log"; exit 1
}
trap 'kill "${server:-}" 2>/dev/null || true' EXIT
# W^X off: JIT code then sits in anonymous memory, where perf resolves it through /tmp/perf-PID.map.
start true; kill "$server"; wait "$server" 2>/dev/null || true
start false
path=$(curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=50" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([a["url"] for a in d["items"] if a["language"].startswith("en") and a["type"]=="news"][0])')
url="http://127.0.0.1:$port$path"
wrk -t1 -c"$connections" -d5s --timeout 30s -H 'Accept-Encoding: br, gzip' "$url" >/dev/null
before=$(awk '{print $14 + $15}' "/proc/$server/stat")
wrk -t1 -c"$connections" -d"$((duration + 2))s" --timeout 30s -H 'Accept-Encoding: br, gzip' "$url" >"$data/wrk.txt" &
load=$!
perf record -F 499 -g -p "$server" -o "$data/perf.data" -- sleep "$duration" 2>/dev/null
wait "$load"
after=$(awk '{print $14 + $15}' "/proc/$server/stat")
requests=$(awk '/requests in/ {print $1}' "$data/wrk.txt")
echo "$path: $requests requests, $(python3 -c "print(f'{($after-$before)/$(getconf CLK_TCK)*1000/$requests:.3f}')") ms of server CPU each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
perf report -i "$data/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
perf report -i "$data/perf.data" --children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -E 'Broadsheet|AspNetCoreGeneratedDocument|Brotli' | head -30 | cut -c1-180
echo "perf data: $data/perf.data"
