#!/usr/bin/env bash
# Article-page load benchmark: starts Broadsheet (Release) on loopback with the demo content, loads one
# article page with wrk, once through the output cache and once with it off, and prints requests/s,
# latency percentiles, server CPU milliseconds per request (from /proc: user+system time of the server
# process over the run, divided by the requests served) and the server's peak RSS (VmHWM).
#
#   bench/run.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
port=${BENCH_PORT:-5088}

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }

out=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_server() {
  local cache=$1
  # The audio worker is off: this measures page serving alone (bench/listen.sh measures pages while audio is made).
  Broadsheet__DataPath="$out/data" Broadsheet__Cache__OutputCache=$cache Broadsheet__Listen__Worker=false Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_CONTENTROOT="$out/app" "$out/app/Broadsheet" >"$out/server.log" 2>&1 &
  server=$!
  wait_ready
}

wait_ready() {
  # First start seeds the demo publication (images and renditions): allow it a few minutes on a busy machine.
  local ready=""
  for _ in $(seq 1 360); do curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=1" >/dev/null 2>&1 && { ready=1; break; }; kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  [ -n "$ready" ] || { echo "Broadsheet did not start:"; cat "$out/server.log"; exit 1; }
}

stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }

run_case() {
  local name=$1 cache=$2
  start_server "$cache"
  local path
  # An English news article of ordinary length, like the reference page.
  path=$(curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=50" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([a["url"] for a in d["items"] if a["language"].startswith("en") and a["type"]=="news"][0])')
  local url="http://127.0.0.1:$port$path"
  # Warm up: JIT, caches, connection pools.
  wrk -t1 -c"$connections" -d5s -H 'Accept-Encoding: br, gzip' "$url" >/dev/null
  local before after
  before=$(cpu_ticks "$server")
  wrk -t1 -c"$connections" -d"${duration}s" --latency -H 'Accept-Encoding: br, gzip' "$url" >"$out/wrk.txt"
  after=$(cpu_ticks "$server")
  local requests rps p50 p90 p99 rss bytes
  requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$out/wrk.txt")
  p90=$(awk '$1=="90%" {print $2}' "$out/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$out/wrk.txt")
  rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$server/status")
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: br' "$url")
  local cpu_ms
  cpu_ms=$(python3 -c "print(f'{($after-$before)/$ticks*1000/$requests:.4f}')")
  grep -q "Non-2xx" "$out/wrk.txt" && { echo "non-2xx responses in $name run:"; cat "$out/wrk.txt"; exit 1; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p90" "$p99" "$cpu_ms" "$rss" "$bytes"
  stop_server
}

# Seed the demo publication once, in a process of its own, so that the figures are of serving alone.
start_server true
stop_server

# The machine is shared: CPU ms per request is the figure to compare, and the load says how much to trust it.
echo "Article page, wrk -t1 -c$connections -d${duration}s, Accept-Encoding: br, gzip; $(nproc) cores; $(date -u +%Y-%m-%d); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | requests/s | p50 | p90 | p99 | server CPU ms/request | peak RSS MB | page bytes (br) |"
echo "|---|---|---|---|---|---|---|---|"
run_case "output cache on" true
run_case "output cache off" false
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
