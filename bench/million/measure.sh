#!/usr/bin/env bash
# The million-article measurements (docs/benchmarks.md): publishes the app (or runs BENCH_APP, a Release build folder),
# starts it on the database load.sh filled with the output cache off, the audio worker off and no demo seeding, then
# times article, section (any depth), home, API, topics, sitemap and search requests over one connection
# (measure.py), publishing through the admin API, start-up time and RSS, and prints EXPLAIN of the hot queries.
#
#   bench/million/measure.sh [requests-per-kind=200] [connection]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
port=${BENCH_PG_PORT:-55527}
connection=${2:-"Host=127.0.0.1;Port=$port;Username=postgres;Database=million"}
http_port=${BENCH_PORT:-5091}
key=bench-admin-key-0123456789abcdef
out=$(mktemp -d /tmp/broadsheet-million.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
psql_args=$(echo "$connection" | tr ';' '\n' | awk -F= 'tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2} tolower($1)=="database"{d=$2} END{printf "-h %s -p %s -U %s %s", h, (p?p:5432), u, d}')
# BENCH_APP: an existing Release build's output folder (src/Broadsheet/bin/Release/net10.0) instead of publishing anew.
app=${BENCH_APP:-}
content_root=$PWD/src/Broadsheet
if [ -z "$app" ]; then
  dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
  app="$out/app"
  content_root=$out/app
fi
app=$(cd "$app" && pwd)
started=$(date +%s.%N)
(cd "$app" && exec env ASPNETCORE_CONTENTROOT="$content_root" Broadsheet__Database__Provider=PostgreSQL ConnectionStrings__Broadsheet="$connection" Broadsheet__DataPath="$out/data" \
  Broadsheet__BootstrapApiKey=$key Broadsheet__Cache__OutputCache=false Broadsheet__Listen__Worker=false Broadsheet__SeedDemoContent=false \
  Broadsheet__RateLimits__Search__PermitLimit=1000000 Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$http_port" \
  ./Broadsheet) >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 1200); do curl -fs -o /dev/null "http://127.0.0.1:$http_port/robots.txt" && break; kill -0 "$server" || { cat "$out/server.log"; exit 1; }; sleep 0.1; done
echo "start-up to first answer: $(echo "$(date +%s.%N) - $started" | bc) s; RSS after start-up: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$server/status)"
echo
python3 bench/million/measure.py "http://127.0.0.1:$http_port" "$psql_args" "$key" "$n"
echo
echo "RSS at the end: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$server/status); peak: $(awk '/VmHWM/{print $2/1024 " MB"}' /proc/$server/status)"
[ -z "${SKIP_EXPLAIN:-}" ] || exit 0
bench/million/explain.sh "$connection"
