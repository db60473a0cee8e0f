#!/usr/bin/env bash
# Resident memory of a web-only process (Broadsheet__Role=web, SQLite, the demo content, started as bench/run.sh starts
# its servers, with the web unit's environment) right after start-up: by kind of mapping (file-backed: mapped assemblies and native libraries;
# doublemapper: the runtime's loader heaps and JIT code; [heap]: the main native heap; anon: the GC heap, the other
# threads' native heaps and the rest), and how many assemblies it mapped. Several starts, since RSS moves by ±5 MB.
#
#   bench/memory.sh [APP] [starts] [ENV=VALUE...]
#
# APP: a Release build's output folder (src/Broadsheet/bin/Release/net10.0); default: publishes this tree.
# BENCH_PORT (61812). The first start seeds the demo publication and is not reported.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-61812}
root=$PWD
out=$(mktemp -d /tmp/broadsheet-memory.XXXXXX)
cleanup() { kill "${server:-}" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
app=${1:-}
starts=${2:-3}
shift $(($# < 2 ? $# : 2))
if [ -z "$app" ]; then dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null; app=$out/app; fi

start() {
  (cd "$app" && exec env ASPNETCORE_CONTENTROOT="$root/src/Broadsheet" Broadsheet__DataPath="$out/data" Broadsheet__Role=web \
    DOTNET_GCgen0size=0x400000 DOTNET_ReadyToRun=0 Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" ./Broadsheet) >>"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && return; kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  echo "Broadsheet did not start:"; tail -40 "$out/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }

start "$@"
stop
echo "| start | RSS MB | file-backed | doublemapper | [heap] | anon | assemblies | load |"
echo "|---|---|---|---|---|---|---|---|"
for i in $(seq 1 "$starts"); do
  start "$@"
  sleep 2
  python3 - "$server" "$i" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import re, sys
pid, n, load = sys.argv[1:]
kinds, kind, dlls = {}, None, set()
for line in open(f"/proc/{pid}/smaps"):
    m = re.match(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$", line)
    if m:
        name = m.group(1).strip()
        kind = "doublemapper" if "doublemapper" in name else "heap" if name == "[heap]" else "file" if name.startswith("/") else "anon"
        if name.endswith(".dll"):
            dlls.add(name)
    elif line.startswith("Rss:"):
        kinds[kind] = kinds.get(kind, 0) + int(line.split()[1]) / 1024
total = sum(kinds.values())
print(f"| {n} | {total:.0f} | {kinds.get('file', 0):.1f} | {kinds.get('doublemapper', 0):.1f} | {kinds.get('heap', 0):.1f} | {kinds.get('anon', 0):.1f} | {len(dlls)} | {load} |")
PY
  stop
done
