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
# Starts the app on database $1 (seeding the demo when $2 is true) and waits for its first answer; sets $server.
start() {
  local db_connection=$1 seed=$2
  started=$(date +%s.%N)
  (cd "$app" && exec env ASPNETCORE_CONTENTROOT="$content_root" Broadsheet__Database__Provider=PostgreSQL ConnectionStrings__Broadsheet="$db_connection" Broadsheet__DataPath="$out/data" \
    Broadsheet__BootstrapApiKey=$key Broadsheet__Cache__OutputCache=false Broadsheet__Role=web Broadsheet__SeedDemoContent=$seed \
    Broadsheet__RateLimits__Search__PermitLimit=1000000 Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$http_port" \
    ./Broadsheet) >"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 3000); do curl -fs -o /dev/null "http://127.0.0.1:$http_port/robots.txt" && break; kill -0 "$server" || { cat "$out/server.log"; exit 1; }; sleep 0.05; done
  startup=$(echo "$(date +%s.%N) - $started" | bc)
  [ -n "${BENCH_NO_SETTLE:-}" ] || settle
}
# The app warms its code paths in the background once it serves (Articles/StartupWarmup): pages timed meanwhile share
# the two cores with it, and at a million articles they were most of the article page's tail. Waits until the server
# is idle (under 6% of a core over half a second, at most a minute). BENCH_NO_SETTLE=1 times from the first answer.
settle() {
  local hz a b
  hz=$(getconf CLK_TCK)
  for _ in $(seq 1 120); do
    a=$(awk '{print $14 + $15}' "/proc/$server/stat"); sleep 0.5; b=$(awk '{print $14 + $15}' "/proc/$server/stat")
    [ $(( (b - a) * 100 / hz )) -lt 3 ] && return
  done
}
rss() { awk -v k="$1" '$1 == k":" {printf "%.0f MB", $2/1024}' /proc/$server/status; }
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }

# The same start-up on the demo publication (14 articles, seeded into a fresh database of the same cluster), for
# "start-up and memory unchanged by the size"; the demo's home and an article page are requested ten times each.
if [ -z "${SKIP_DEMO:-}" ]; then
  demo_db=million_demo_$$
  psql $psql_args -qc "CREATE DATABASE $demo_db" >/dev/null
  demo_connection=$(echo "$connection" | sed "s/Database=[^;]*/Database=$demo_db/")
  start "$demo_connection" true; stop   # the first start seeds the demo; the second is the one timed, as at 1M
  start "$demo_connection" false
  demo_startup=$startup; demo_rss=$(rss VmRSS)
  demo_psql_args=$(echo "$psql_args" | sed "s/ [^ ]*\$/ $demo_db/")
  echo "demo publication ($(psql $demo_psql_args -Atc "SELECT count(*) FROM \"Articles\"") articles): start-up to first answer $demo_startup s; RSS after start-up $demo_rss"
  echo
  echo "The same pages on the demo, as the floor of this run's machine (CPU per page whatever the size):"
  BENCH_ONLY='^(article page|section, page 1|home|/api/v1/articles\?page=1)$' python3 bench/million/measure.py "http://127.0.0.1:$http_port" "$demo_psql_args" "$key" "$n" "$server"
  echo "demo RSS at the end: $(rss VmRSS); peak: $(rss VmHWM)"
  echo
  stop
  psql $psql_args -qc "DROP DATABASE $demo_db" >/dev/null
fi
start "$connection" false
echo "this database ($(psql $psql_args -Atc "SELECT count(*) FROM \"Articles\"") articles): start-up to first answer $startup s; RSS after start-up $(rss VmRSS)"
echo
python3 bench/million/measure.py "http://127.0.0.1:$http_port" "$psql_args" "$key" "$n" "$server"
echo
echo "RSS at the end: $(rss VmRSS); peak: $(rss VmHWM)"
[ -z "${SKIP_EXPLAIN:-}" ] || exit 0
bench/million/explain.sh "$connection"
