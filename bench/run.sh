#!/usr/bin/env bash
# Article-page load benchmark: Broadsheet (Release) on loopback with the demo content, one article page loaded with
# wrk through the output cache and with it off, on SQLite and on PostgreSQL, next to nginx serving the same page
# pre-compressed from disk in the same run. For each case: requests/s, latency percentiles, server CPU milliseconds
# per request (user+system time of the server's processes over the run, from /proc, divided by the requests served)
# and peak RSS (VmHWM; for nginx its worker's, the master holds no page).
#
#   bench/run.sh [seconds] [connections]
#
# BENCH_APP: an existing Release build's output folder (src/Broadsheet/bin/Release/net10.0) instead of publishing.
# BENCH_PROVIDERS: "Sqlite PostgreSQL" (default) or one of them; BENCH_CACHE: "true false" (default) or one of them. BENCH_PORT (61812), BENCH_NGINX_PORT (61811),
# BENCH_PG_PORT (61813): a throwaway PostgreSQL cluster like test.sh's, or BENCH_POSTGRES (a connection string).
# BENCH_ENV: extra environment for the server (e.g. "DOTNET_GCHeapHardLimit=0x6000000").
# BENCH_WEB_ENV: the environment docs/deployment.md's web unit sets (the default below); BENCH_BASELINE_WEB_ENV: the
# baseline's instead (default: the same), so that a change of that environment is measured against what it replaces.
# BENCH_BASELINE: another build's output folder (with BENCH_BASELINE_ROOT, its content root), measured right after
# each case of this one on the same data, so that a change is compared with what it replaces in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
port=${BENCH_PORT:-61812}
nginx_port=${BENCH_NGINX_PORT:-61811}
providers=${BENCH_PROVIDERS:-Sqlite PostgreSQL}
caches=${BENCH_CACHE:-true false}
# The web unit's environment (docs/deployment.md): a 4 MB young-generation budget, and the framework's methods compiled
# by the JIT instead of run from their precompiled (ReadyToRun) code.
web_env=${BENCH_WEB_ENV-DOTNET_GCgen0size=0x400000 DOTNET_ReadyToRun=0}
baseline_web_env=${BENCH_BASELINE_WEB_ENV-$web_env}

sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
command -v wrk >/dev/null || $sudo apt-get install -y -qq wrk >/dev/null
nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
if [ -z "$nginx_bin" ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
  nginx_bin=/usr/sbin/nginx
fi

out=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
chmod 755 "$out"
cleanup() {
  kill "${server:-}" 2>/dev/null || true
  [ -f "$out/nginx/nginx.pid" ] && kill "$(cat "$out/nginx/nginx.pid")" 2>/dev/null || true
  bench_postgres_stop "$out/pg"
  rm -rf "$out"
}
trap cleanup EXIT
app=${BENCH_APP:-$out/app}
content_root=$out/app
if [ -n "${BENCH_APP:-}" ]; then content_root=$PWD/src/Broadsheet; else dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null; fi
ticks=$(getconf CLK_TCK)

postgres=${BENCH_POSTGRES:-}
# shellcheck source=bench/postgres.sh
. bench/postgres.sh
if [[ " $providers " == *" PostgreSQL "* ]] && [ -z "$postgres" ]; then bench_postgres "$out/pg" "${BENCH_PG_PORT:-61813}"; fi

# CPU ticks (user+system) of the given processes together.
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

start_server() {
  local provider=$1 cache=$2 app=${3:-$app} content_root=${4:-$content_root} unit_env=${5-$web_env}
  # A web-only process (no background job, no speech engine): this measures page serving alone (bench/listen.sh measures pages while audio is made).
  # With the environment docs/deployment.md gives web processes (web_env above; BENCH_ENV can override it).
  # Nothing the benchmark requests touches a speech engine.
  # shellcheck disable=SC2086
  (cd "$app" && exec env ASPNETCORE_CONTENTROOT="$content_root" Broadsheet__DataPath="$out/data-$provider" Broadsheet__Cache__OutputCache="$cache" \
    Broadsheet__Role=web $unit_env Broadsheet__Database__Provider="$provider" \
    ConnectionStrings__Broadsheet="$([ "$provider" = PostgreSQL ] && echo "$postgres" || true)" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ${BENCH_ENV:-} ./Broadsheet) >>"$out/server.log" 2>&1 &
  server=$!
  # First start seeds the demo publication (images and renditions): allow it up to ten minutes on a busy machine.
  local ready=""
  for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=1" >/dev/null 2>&1 && { ready=1; break; }; kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  [ -n "$ready" ] || { echo "Broadsheet did not start:"; tail -40 "$out/server.log"; exit 1; }
}

stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }

# measure NAME URL RSS-PID PID...: warm-up, then the measured wrk run; prints a table row and leaves the CPU ms in $cpu_ms.
measure() {
  local name=$1 url=$2 rss_pid=$3; shift 3
  # Warm up: JIT, caches, connection pools.
  wrk -t1 -c"$connections" -d5s --timeout 30s -H 'Accept-Encoding: br, gzip' "$url" >/dev/null
  local before after
  before=$(cpu_ticks "$@")
  wrk -t1 -c"$connections" -d"${duration}s" --timeout 30s --latency -H 'Accept-Encoding: br, gzip' "$url" >"$out/wrk.txt"
  after=$(cpu_ticks "$@")
  grep -q "Non-2xx" "$out/wrk.txt" && { echo "non-2xx responses in $name run:"; cat "$out/wrk.txt"; exit 1; }
  # On an overloaded machine a run can end before any uncached request does (every request waits up to 30 s).
  [ "$(awk '/requests in/ {print $1}' "$out/wrk.txt")" != 0 ] || { echo "no request completed in the $name run:"; cat "$out/wrk.txt"; exit 1; }
  local requests rps p50 p90 p99 rss bytes
  requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$out/wrk.txt")
  p90=$(awk '$1=="90%" {print $2}' "$out/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$out/wrk.txt")
  rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$rss_pid/status")
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: br, gzip' "$url")
  cpu_ms=$(python3 -c "print(f'{($after-$before)/$ticks*1000/$requests:.4f}')")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p90" "$p99" "$cpu_ms" "$rss" "$bytes"
}

article_path() {
  # An English news article of ordinary length, like the reference page.
  curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=50" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([a["url"] for a in d["items"] if a["language"].startswith("en") and a["type"]=="news"][0])'
}

start_nginx() {
  # The same page, saved from Broadsheet compressed as it serves it, sent by nginx from disk (gzip_static: the .gz
  # file beside the page; Debian's nginx has no Brotli module, so the client gets gzip).
  local path=$1
  mkdir -p "$out/nginx/root$(dirname "$path")" "$out/nginx/tmp"
  local file="$out/nginx/root$path"
  curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$path" -o "$file.gz"
  gunzip -c "$file.gz" >"$file"
  cat >"$out/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path $out/nginx/tmp; proxy_temp_path $out/nginx/tmp; fastcgi_temp_path $out/nginx/tmp;
  uwsgi_temp_path $out/nginx/tmp; scgi_temp_path $out/nginx/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/nginx/root;
    gzip_static on;
    etag on;
    add_header Cache-Control "public, max-age=60";
    location / { try_files \$uri =404; }
  }
}
CONF
  "$nginx_bin" -c "$out/nginx/nginx.conf" -e "$out/nginx/error.log"
  for _ in $(seq 1 50); do [ -s "$out/nginx/nginx.pid" ] && break; sleep 0.1; done
}

echo "Article page, wrk -t1 -c$connections -d${duration}s, Accept-Encoding: br, gzip; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | requests/s | p50 | p90 | p99 | server CPU ms/request | peak RSS MB | page bytes |"
echo "|---|---|---|---|---|---|---|---|"
nginx_ms=""
summary=""
breakdown=""
for provider in $providers; do
  # Seed the demo publication once, in a process of its own, so that the figures are of serving alone.
  start_server "$provider" true
  stop_server
  for cache in $caches; do
    start_server "$provider" "$cache"
    path=$(article_path)
    if [ -z "$nginx_ms" ]; then
      # nginx first, with the same page, while the machine is in the same state.
      start_nginx "$path"
      master=$(cat "$out/nginx/nginx.pid")
      worker=$(pgrep -P "$master" | head -1)
      measure "nginx, pre-compressed file" "http://127.0.0.1:$nginx_port$path" "$worker" "$master" "$worker"
      nginx_ms=$cpu_ms
      kill "$master"
    fi
    label=$([ "$cache" = true ] && echo "output cache on" || echo "output cache off")
    if [ -n "${BENCH_BASELINE:-}" ]; then
      stop_server
      start_server "$provider" "$cache" "$BENCH_BASELINE" "${BENCH_BASELINE_ROOT:-$content_root}" "$baseline_web_env"
      measure "baseline: $provider, $label" "http://127.0.0.1:$port$path" "$server" "$server"
      stop_server
      start_server "$provider" "$cache"
    fi
    measure "$provider, $label" "http://127.0.0.1:$port$path" "$server" "$server"
    # Where the resident memory is at the end of the run: anonymous (GC heap, native heaps, stacks), file-backed
    # (mapped assemblies and native libraries, shared through the page cache) and shared memory (the JIT's
    # double-mapped code).
    breakdown+="$provider, $label: $(awk '/^(VmRSS|RssAnon|RssFile|RssShmem)/ {printf "%s %.0f MB  ", $1, $2/1024}' "/proc/$server/status")"$'\n'
    if [ "$cache" = true ]; then
      summary+="$provider cached / nginx: $(python3 -c "print(f'{$cpu_ms/$nginx_ms:.2f}')")x (target at most 2x)"$'\n'
    else
      summary+="$provider uncached: $cpu_ms ms (target at most 0.5 ms)"$'\n'
    fi
    stop_server
  done
done
echo
printf '%s' "$summary"
echo
echo "Resident memory at the end of each Broadsheet run:"
printf '%s' "$breakdown"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
