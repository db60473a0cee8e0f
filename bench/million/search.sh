#!/usr/bin/env bash
# p50/p90/p99 of /search?q= on a PostgreSQL database filled by Million.cs: one-word and three-word queries drawn
# from the loaded articles' words (not the stop words), each sent once, one at a time, uncached (the search page is
# never output-cached), then EXPLAIN ANALYZE of the search query's plan for one query of each kind.
#
#   bench/million/search.sh "Host=127.0.0.1;Port=5432;Username=postgres;Database=million" [queries=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
connection=$1
queries=${2:-300}
port=${BENCH_PORT:-5089}
out=$(mktemp -d /tmp/broadsheet-search-bench.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
psql_args=$(echo "$connection" | tr ';' '\n' | awk -F= 'tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2} tolower($1)=="database"{d=$2} END{printf "-h %s -p %s -U %s %s", h, (p?p:5432), u, d}')

dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
Broadsheet__Database__Provider=PostgreSQL ConnectionStrings__Broadsheet="$connection" Broadsheet__DataPath="$out/data" \
  Broadsheet__Role=web Broadsheet__SeedDemoContent=false Broadsheet__RateLimits__Search__PermitLimit=1000000 \
  Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_CONTENTROOT="$out/app" \
  "$out/app/Broadsheet" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/search" >/dev/null 2>&1 && break; kill -0 "$server" || { cat "$out/server.log"; exit 1; }; sleep 0.5; done

# Words of the index with their document frequency, common ones included: what readers type.
psql $psql_args -Atc "SELECT word FROM ts_stat('SELECT \"Vector\" FROM \"SearchDocument\" TABLESAMPLE SYSTEM (1)') WHERE length(word) > 3 ORDER BY random() LIMIT 2000" > "$out/words"
measure() {
  local label=$1 n=$2
  : > "$out/times"
  for _ in $(seq 1 "$queries"); do
    q=$(shuf -n "$n" "$out/words" | paste -sd+)
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/search?q=$q" >> "$out/times"
  done
  sort -n "$out/times" | awk -v label="$label" '{ t[NR] = $1 * 1000 } END { printf "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |\n", label, NR, t[int(NR*0.5)], t[int(NR*0.9)], t[int(NR*0.99)], t[NR] }'
}
# Warm-up: the first queries load the index into the page cache.
queries_saved=$queries; queries=30; measure warm-up 1 >/dev/null; queries=$queries_saved
echo "| query | requests | p50 | p90 | p99 | max |"
echo "|---|---|---|---|---|---|"
measure "one word" 1
measure "three words" 3
w1=$(shuf -n 1 "$out/words"); w3=$(shuf -n 3 "$out/words" | paste -sd' ')
for q in "$w1" "$w3"; do
  echo; echo "EXPLAIN ANALYZE, relevance order, q=$q"
  tsq=$(echo "$q" | awk '{ for (i = 1; i <= NF; i++) printf "%s(CASE WHEN numnode(phraseto_tsquery('"'"'english'"'"', '"'"'%s'"'"')) = 0 THEN '"'"''"'"'::tsquery ELSE phraseto_tsquery('"'"'english'"'"', '"'"'%s'"'"') || phraseto_tsquery('"'"'simple'"'"', '"'"'%s'"'"') END)", (i > 1 ? " && " : ""), $i, $i, $i }')
  psql $psql_args -Atc "EXPLAIN (ANALYZE, BUFFERS) SELECT s.\"ArticleId\", s.\"Rank\", a.\"FirstPublishedAt\" FROM (SELECT \"ArticleId\", ts_rank(\"Vector\", $tsq)::float8 AS \"Rank\" FROM \"SearchDocument\" WHERE \"Vector\" @@ ($tsq)) AS s INNER JOIN \"Articles\" AS a ON s.\"ArticleId\" = a.\"Id\" WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() ORDER BY s.\"Rank\" DESC, a.\"FirstPublishedAt\" DESC, s.\"ArticleId\" DESC LIMIT 21"
done
