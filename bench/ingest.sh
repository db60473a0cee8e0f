#!/usr/bin/env bash
# Wire ingest benchmark: items ingested per second through push (POST /api/admin/ingest) and through a drop folder,
# and the time from delivery to a published page, on SQLite and on PostgreSQL. Items are ninjs 2.x documents made by
# bench/ingest.py (a headline, a standfirst, eight paragraphs), one item per delivery, auto-published by their source.
# Beside items/s it prints the CPU each item cost (user+system time from /proc over the case, divided by the items):
# the server's, and PostgreSQL's (the cluster's postmaster and its backends) when the script runs the cluster. On a
# shared machine items/s falls with the load; CPU per item is the figure that holds.
#
#   bench/ingest.sh [items] [push-concurrency]
#
# PostgreSQL: a throwaway cluster on BENCH_PG_PORT (55433) like test.sh's, or BENCH_POSTGRES (a connection string).
# BENCH_PORT (5090): the server's HTTP port.
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-1000}
concurrency=${2:-8}
port=${BENCH_PORT:-5090}
key=bench-admin-key-0123456789abcdef
base="http://127.0.0.1:$port"

out=$(mktemp -d /tmp/broadsheet-ingest-bench.XXXXXX)
chmod 755 "$out"
cleanup() {
  kill "${server:-}" 2>/dev/null || true
  bench_postgres_stop "$out/pg"
  rm -rf "$out"
}
trap cleanup EXIT
# BENCH_APP: an existing Release build's output folder (src/Broadsheet/bin/Release/net10.0) instead of publishing anew.
app=${BENCH_APP:-$out/app}
content_root=$out/app
if [ -n "${BENCH_APP:-}" ]; then content_root=$PWD/src/Broadsheet; else dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null; fi

postgres=${BENCH_POSTGRES:-}
# shellcheck source=bench/postgres.sh
. bench/postgres.sh
[ -n "$postgres" ] || bench_postgres "$out/pg" "${BENCH_PG_PORT:-55433}"

# start_server PROVIDER [sources...]: the app with the audio worker off (ingest alone is measured), logs at warning.
start_server() {
  local provider=$1; shift
  (cd "$app" && exec env ASPNETCORE_CONTENTROOT="$content_root" Broadsheet__DataPath="$out/data-$provider" Broadsheet__BootstrapApiKey=$key \
    Broadsheet__SeedDemoContent=false Broadsheet__Listen__Worker=false Broadsheet__Database__Provider="$provider" \
    ConnectionStrings__Broadsheet="$([ "$provider" = PostgreSQL ] && echo "$postgres" || true)" \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="$base" "$@" ./Broadsheet) >>"$out/server-$provider.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "$base/api/v1/sections" >/dev/null 2>&1 && return; kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  echo "the server did not start:"; grep -v '^ *at ' "$out/server-$provider.log" | tail -20; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }

# cpu_ticks: the server's CPU ticks, and PostgreSQL's (the postmaster with its reaped children, and its live backends;
# 0 for a cluster this script does not run).
cpu_ticks() {
  local db=0 pm
  if [ -z "${BENCH_POSTGRES:-}" ] && [ -f "$out/pg/postmaster.pid" ]; then
    pm=$(head -n 1 "$out/pg/postmaster.pid")
    db=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
    for child in $(cat "/proc/$pm/task/$pm/children" 2>/dev/null); do
      db=$((db + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
    done
  fi
  echo "$(awk '{print $14 + $15}' "/proc/$server/stat") $db"
}
# cpu_per_item BEFORE-SERVER BEFORE-DB ITEMS: "server ms | PostgreSQL ms" per item since the ticks given.
cpu_per_item() {
  local now; read -r -a now < <(cpu_ticks)
  python3 -c "import os; t = os.sysconf('SC_CLK_TCK'); print(f'{(${now[0]} - $1) / t * 1000 / $3:.1f} | {(${now[1]} - $2) / t * 1000 / $3:.1f}')"
}

echo "Wire ingest, $items items per case, push with $concurrency connections; $(nproc) cores; $(date -u +%Y-%m-%d); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| database | door | items | seconds | items/s | server CPU ms/item | PostgreSQL CPU ms/item | notes |"
echo "|---|---|---|---|---|---|---|---|"
latencies=""
for provider in Sqlite PostgreSQL; do
  folder="$out/drop-$provider"
  mkdir -p "$folder"
  # First start: the section the source files into (sources are seeded at start-up and name an existing section).
  start_server "$provider"
  curl -fs -X PUT -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"name":"Bench wire"}' "$base/api/admin/sections/bench" >/dev/null
  stop_server
  source_settings=(Broadsheet__Ingest__Sources__0__Name=Bench Broadsheet__Ingest__Sources__0__Section=bench
    Broadsheet__Ingest__Sources__0__AutoPublish=true Broadsheet__Ingest__Sources__0__Folder="$folder"
    Broadsheet__Ingest__Doors__StableSeconds="${BENCH_STABLE_SECONDS:-0.2}" Broadsheet__Ingest__Doors__SweepSeconds=1)
  start_server "$provider" "${source_settings[@]}"

  python3 bench/ingest.py generate "$out/warm" 50 warm$provider bench
  python3 bench/ingest.py push "$base" "$key" "$out/warm" "$concurrency" >/dev/null

  python3 bench/ingest.py generate "$out/push-$provider" "$items" push$provider bench
  read -r server_ticks db_ticks < <(cpu_ticks)
  read -r n secs rate statuses < <(python3 bench/ingest.py push "$base" "$key" "$out/push-$provider" "$concurrency")
  echo "| $provider | push | $n | $secs | $rate | $(cpu_per_item "$server_ticks" "$db_ticks" "$n") | $statuses |"

  python3 bench/ingest.py generate "$out/drop-src-$provider" "$items" drop$provider bench
  read -r server_ticks db_ticks < <(cpu_ticks)
  read -r n secs rate quarantined < <(python3 bench/ingest.py drop "$folder" "$out/drop-src-$provider")
  echo "| $provider | drop folder | $n | $secs | $rate | $(cpu_per_item "$server_ticks" "$db_ticks" "$n") | $quarantined quarantined |"

  read -r count p50 p95 worst < <(python3 bench/ingest.py latency "$base" "$key" bench 30)
  latencies+="| $provider | push | $count | $p50 ms | $p95 ms | $worst ms |"$'\n'
  read -r count p50 p95 worst < <(python3 bench/ingest.py latency "$base" "$key" bench 10 "$folder")
  latencies+="| $provider | drop folder | $count | $p50 ms | $p95 ms | $worst ms |"$'\n'
  stop_server
done
echo
echo "Delivery to published page (the push's request sent, or the file renamed into the folder, until the article's page answers 200):"
echo
echo "| database | door | deliveries | p50 | p95 | worst |"
echo "|---|---|---|---|---|---|"
printf '%s' "$latencies"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
