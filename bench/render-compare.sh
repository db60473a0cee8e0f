#!/usr/bin/env bash
# Are two builds' reader pages the same bytes? Starts the baseline build on a fresh demo publication (SQLite, output
# cache off, so every request is a render), saves every page below uncompressed with its status and headers (content
# type, Cache-Control, surrogate keys, ETag, Location, length), stops it, starts the other build on the same database
# and compares. Pages: every demo article (by the API's list), an article under an old slug (301), an unknown article
# (404), HEAD of an article, home, every section of the menu, the standards index and pages, the topic and author
# indexes and each topic's and author's page, a search, a 404 elsewhere.
#
#   BENCH_APP=<build folder> BENCH_BASELINE=<baseline build folder> bench/render-compare.sh
#
# BENCH_PORT (61814). Exit status 1 when a page differs; the differing pages' diffs are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${BENCH_APP:?BENCH_APP: a Release build output folder}
baseline=${BENCH_BASELINE:?BENCH_BASELINE: the build to compare with}
port=${BENCH_PORT:-61814}
root=$PWD/src/Broadsheet
out=$(mktemp -d /tmp/broadsheet-compare.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
base="http://127.0.0.1:$port"

start() {
  (cd "$1" && exec env ASPNETCORE_CONTENTROOT="$root" Broadsheet__DataPath="$out/data" Broadsheet__Cache__OutputCache=false \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="$base" ./Broadsheet) >>"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1200); do curl -fs "$base/api/v1/articles?pageSize=50" 2>/dev/null | grep -q zh-Hant && return; kill -0 "$server" || break; sleep 0.5; done
  echo "the server did not start:"; tail -20 "$out/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }

# fetch DIR: every page into DIR, one file each: the chosen headers, a blank line, the body.
fetch() {
  mkdir -p "$1"
  local i=0 path method
  while IFS=' ' read -r method path; do
    i=$((i + 1))
    curl -s -o "$out/body" -D "$out/headers" -X "$method" $([ "$method" = HEAD ] && echo --head) -H 'Accept-Encoding: identity' "$base$path" || true
    {
      echo "$method $path"
      head -1 "$out/headers" | tr -d '\r'
      grep -iE '^(content-type|cache-control|surrogate-key|cache-tag|etag|location|content-length|vary|allow|content-security-policy|x-content-type-options|referrer-policy|permissions-policy|x-frame-options):' "$out/headers" | tr -d '\r' | sort
      echo
      [ "$method" = HEAD ] || cat "$out/body"
    } >"$1/$(printf '%03d' "$i")"
  done <"$out/pages"
}

start "$baseline"
python3 - "$base" >"$out/pages" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(base + p))
articles = get("/api/v1/articles?pageSize=50")["items"]
pages = ["/" + a["url"].split("://", 1)[-1].split("/", 1)[1] if "://" in a["url"] else a["url"] for a in articles]
lines = [f"GET {p}" for p in pages]
first = pages[0]
lines.append("HEAD " + first)
lines.append("GET " + first.rsplit("/", 1)[0] + "/an-old-slug?x=1")
lines.append("GET " + first.rsplit("/", 3)[0] + "/article/999999/nothing")
lines.append("GET /")
def sections(items):
    for s in items:
        yield s["path"]
        yield from sections(s.get("children") or [])
data = get("/api/v1/sections")
lines += [f"GET /news/{p}" for p in sections(data["items"] if isinstance(data, dict) else data)]
lines += ["GET /standards", "GET /topics", "GET /authors", "GET /search?q=city", "GET /no/such/page"]
html = urllib.request.urlopen(base + "/standards").read().decode()
import re
lines += [f"GET {m}" for m in sorted(set(re.findall(r'href="(/standards/[^"]+)"', html)))]
for index, pattern in (("/topics", r'href="(/topics/[^"]+)"'), ("/authors", r'href="(/authors/[^"]+)"')):
    html = urllib.request.urlopen(base + index).read().decode()
    lines += [f"GET {m}" for m in sorted(set(re.findall(pattern, html)))]
print("\n".join(lines))
PY
fetch "$out/baseline"
stop
start "$app"
fetch "$out/app"
stop
total=$(wc -l <"$out/pages")
if diff -r "$out/baseline" "$out/app" >"$out/diff"; then
  echo "all $total pages identical (status, headers, bytes)"
else
  cat "$out/diff" | head -200
  echo "$(grep -c '^diff' "$out/diff" || true) of $total pages differ"
  exit 1
fi
