#!/usr/bin/env bash
# The article page with its reading-on lists at scale, on SQLite: seeds the demo publication, adds N published
# articles (default 1,000,000) straight into the database with one SQL statement (each in a demo section, with two demo
# topics, published over the five years before the demo's stories), then loads one demo article uncached (output cache
# off) with wrk and prints the query plans of the two reading-on queries.
#
#   bench/reading-scale.sh [articles] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-1000000}
duration=${2:-10}
connections=${3:-4}
port=${BENCH_PORT:-5089}

out=$(mktemp -d /tmp/broadsheet-scale.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
db="$out/data/broadsheet.db"

start_server() {
  Broadsheet__DataPath="$out/data" Broadsheet__Cache__OutputCache=false Broadsheet__Listen__Worker=false \
    Broadsheet__ScheduledPublishing__Enabled=false Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_CONTENTROOT="$out/app" "$out/app/Broadsheet" >"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=1" >/dev/null 2>&1 && return; kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  echo "Broadsheet did not start:"; cat "$out/server.log"; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; }

start_server
path=$(curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=50" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([a["url"] for a in d["items"] if a["language"].startswith("en") and a["type"]=="news"][0])')
stop_server

started=$(date +%s)
# Ticks (100 ns since 0001-01-01 UTC), as EF stores DateTimeOffset on SQLite; the synthetic stories end a year ago.
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
CREATE TEMP TABLE s AS SELECT Id, row_number() OVER (ORDER BY Id) - 1 AS n FROM Sections;
CREATE TEMP TABLE t AS SELECT Id, row_number() OVER (ORDER BY Id) - 1 AS n FROM Topics;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $articles)
INSERT INTO Articles (Slug, Headline, Summary, Body, SectionId, Type, Language, Status, CreatedAt, ModifiedAt, FirstPublishedAt, IsSample, Version)
SELECT 'archive-story-' || i, 'Archive story ' || i, '["An archived story."]', '[]',
       (SELECT Id FROM s WHERE n = i % (SELECT COUNT(*) FROM s)), 'News', 'en', 'Published',
       t0, t0, t0, 0, 1
FROM (SELECT i, (strftime('%s','now') - 31536000 - (i * 157680000 / $articles) + 62135596800) * 10000000 AS t0 FROM k);
INSERT INTO ArticleTopics (ArticleId, TopicId, Position)
SELECT a.Id, (SELECT Id FROM t WHERE n = a.Id % (SELECT COUNT(*) FROM t)), 0 FROM Articles a WHERE a.Slug LIKE 'archive-story-%';
INSERT INTO ArticleTopics (ArticleId, TopicId, Position)
SELECT a.Id, (SELECT Id FROM t WHERE n = (a.Id / 7 + 1) % (SELECT COUNT(*) FROM t)), 1 FROM Articles a
WHERE a.Slug LIKE 'archive-story-%' AND (a.Id / 7 + 1) % (SELECT COUNT(*) FROM t) <> a.Id % (SELECT COUNT(*) FROM t);
COMMIT;
ANALYZE;
SQL
echo "Inserted $articles articles in $(( $(date +%s) - started )) s: $(sqlite3 "$db" 'SELECT COUNT(*) FROM Articles') articles, $(sqlite3 "$db" 'SELECT COUNT(*) FROM ArticleTopics') topic rows"

id=$(echo "$path" | awk -F/ '{print $(NF-1)}')
echo
echo "Query plans (the SQL the compiled queries send, with this article's values):"
sqlite3 "$db" <<SQL
.timer on
EXPLAIN QUERY PLAN
SELECT a.Id, a.Slug, a.Headline, s.Path, a.Language, a.FirstPublishedAt
FROM (SELECT ArticleId FROM ArticleTopics WHERE TopicId = (SELECT TopicId FROM ArticleTopics WHERE ArticleId = $id ORDER BY Position LIMIT 1) AND ArticleId <> $id ORDER BY ArticleId DESC LIMIT 64) c
JOIN Articles a ON a.Id = c.ArticleId JOIN Sections s ON s.Id = a.SectionId
WHERE a.Status = 'Published' ORDER BY a.FirstPublishedAt DESC, a.Id DESC LIMIT 4;
EXPLAIN QUERY PLAN
SELECT a.Id, a.Slug, a.Headline, s.Path, a.Language, a.FirstPublishedAt FROM Articles a JOIN Sections s ON s.Id = a.SectionId
WHERE a.SectionId = (SELECT SectionId FROM Articles WHERE Id = $id) AND a.Status = 'Published' AND a.Id <> $id
ORDER BY a.FirstPublishedAt DESC, a.Id DESC LIMIT 8;
SQL

start_server
echo
echo "Article page $path, uncached, $articles extra articles, wrk -t1 -c$connections -d${duration}s; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
url="http://127.0.0.1:$port$path"
curl -fs "$url" | grep -o '<aside class="reading-on".*</aside>' | sed 's/<[^>]*>/ /g; s/  */ /g' | cut -c1-400
wrk -t1 -c"$connections" -d5s -H 'Accept-Encoding: br, gzip' "$url" >/dev/null
before=$(awk '{print $14 + $15}' "/proc/$server/stat")
wrk -t1 -c"$connections" -d"${duration}s" --latency -H 'Accept-Encoding: br, gzip' "$url" | tee "$out/wrk.txt" | grep -E 'Requests/sec|50%|90%|99%'
after=$(awk '{print $14 + $15}' "/proc/$server/stat")
requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
python3 -c "print(f'server CPU ms/request: {($after-$before)/$(getconf CLK_TCK)*1000/$requests:.3f}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
