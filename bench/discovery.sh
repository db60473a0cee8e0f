#!/usr/bin/env bash
# Sitemap benchmark on PostgreSQL: starts Broadsheet (Release, output cache off, so every request is built from the
# database) on a database you name, optionally fills it with generated published articles, then times /sitemap.xml
# and the largest month's sitemap with curl (p50, p99 and max of the runs) and reports the server's memory: RSS after
# start-up, after the sitemap index and after every month's sitemap, and the peak (VmHWM).
#
#   BENCH_PG='Host=127.0.0.1;Port=5432;Username=postgres;Database=broadsheet_bench' bench/discovery.sh [runs] [--fill N [months]]
#
# Without --fill it measures the database as it is (for instance one filled by the million-article generator).
# --fill N adds N published articles spread evenly over the last `months` months (default 20, so about 50,000 a month
# at a million), a third of them with a hero image, with one SQL statement (a minute or two for a million).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
fill=""; months=20
if [ "${2:-}" = "--fill" ]; then fill=${3:?--fill needs a count}; months=${4:-20}; fi
: "${BENCH_PG:?set BENCH_PG to a PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...)}"
port=${BENCH_PORT:-5089}

out=$(mktemp -d /tmp/broadsheet-sitemap-bench.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null

# psql's connection from the .NET connection string's keys.
kv() { tr ';' '\n' <<<"$BENCH_PG" | awk -F= -v k="$1" 'tolower($1)==tolower(k) { print $2 }'; }
export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username) PGDATABASE=$(kv Database)
psql -q -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PGDATABASE'" | grep -q 1 || createdb "$PGDATABASE"

Broadsheet__Database__Provider=PostgreSQL ConnectionStrings__Broadsheet="$BENCH_PG" Broadsheet__DataPath="$out/data" \
  Broadsheet__SeedDemoContent=false Broadsheet__Cache__OutputCache=false Broadsheet__Role=web Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_CONTENTROOT="$out/app" "$out/app/Broadsheet" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/robots.txt" >/dev/null 2>&1 && break; kill -0 "$server" 2>/dev/null || { cat "$out/server.log"; exit 1; }; sleep 0.5; done

if [ -n "$fill" ]; then
  echo "filling: $fill articles over $months months"
  time psql -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO "Publications" ("Name", "BaseUrl", "Language", "TimeZone")
  SELECT 'The Bench Times', 'https://bench.example', 'en', 'UTC' WHERE NOT EXISTS (SELECT 1 FROM "Publications");
INSERT INTO "Sections" ("Path", "Name", "Position")
  SELECT 'bench-' || g, 'Bench ' || g, g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING;
INSERT INTO "Images" ("Id", "OriginalPath", "ContentType", "Width", "Height", "Alt", "FocalX", "FocalY", "Renditions", "CreatedAt")
  VALUES ('00000000-0000-0000-0000-0000000000b1', 'bench/original.jpg', 'image/jpeg', 1920, 1080, 'Bench picture', 0.5, 0.5,
    '[{"width":960,"height":540,"format":"jpeg","path":"bench/960.jpg","bytes":90000},{"width":1920,"height":1080,"format":"jpeg","path":"bench/1920.jpg","bytes":300000}]', now())
  ON CONFLICT DO NOTHING;
INSERT INTO "Articles" ("Slug", "Headline", "Summary", "Body", "HeroImageId", "SectionId", "Type", "Language", "Status",
    "CreatedAt", "ModifiedAt", "FirstPublishedAt", "LastUpdatedAt", "IsSample", "Version")
  SELECT 'bench-story-' || g, 'Bench story number ' || g, '["A point of the summary."]',
    '[{"type":"paragraph","content":[{"text":"A paragraph of the body."}]}]',
    CASE WHEN g % 3 = 0 THEN '00000000-0000-0000-0000-0000000000b1'::uuid END,
    s.ids[1 + g % 20], 'News', 'en', 'Published', t, t, t, CASE WHEN g % 5 = 0 THEN t + interval '2 hours' END, false, 1
  FROM generate_series(1, $fill) g
  CROSS JOIN (SELECT array_agg("Id" ORDER BY "Id") AS ids FROM "Sections" WHERE "Path" LIKE 'bench-%') s
  CROSS JOIN LATERAL (SELECT now() - interval '1 hour' - (g::float8 / $fill) * ($months * interval '30 days') AS t) d;
VACUUM ANALYZE "Articles";
SQL
fi

echo "published articles: $(psql -At -c "SELECT count(*) FROM \"Articles\" WHERE \"Status\" = 'Published'")"
rss() { awk '/VmRSS/ { print int($2 / 1024) " MB" }' "/proc/$server/status"; }
echo "RSS after start-up: $(rss)"

url="http://127.0.0.1:$port"
index="$out/index.xml"
curl -fs "$url/sitemap.xml" -o "$index"
echo "RSS after the sitemap index: $(rss)"
# The largest month: the index names months newest first; count each one's URLs once.
largest=""; most=0
for loc in $(grep -o 'sitemaps/articles-[0-9-]*\.xml' "$index"); do
  n=$(curl -fs "$url/$loc" | grep -o '<url>' | wc -l)
  [ "$n" -gt "$most" ] && { most=$n; largest=$loc; }
done
echo "month sitemaps: $(grep -o 'sitemaps/articles-' "$index" | wc -l), largest: $largest ($most URLs)"
echo "RSS after every month's sitemap: $(rss)"

time_runs() {
  local path=$1
  for _ in $(seq 1 "$runs"); do curl -fs -o /dev/null -w '%{time_total}\n' "$url$path"; done | sort -n | awk -v path="$path" '
    { t[NR] = $1 * 1000 } END { p99 = t[int(NR * 0.99 + 0.999)]; printf "%-40s runs %d  p50 %.0f ms  p99 %.0f ms  max %.0f ms\n", path, NR, t[int((NR + 1) / 2)], p99, t[NR] }'
}
time_runs /sitemap.xml
time_runs "/$largest"
time_runs /sitemaps/news.xml
echo "RSS at the end: $(rss); peak (VmHWM): $(awk '/VmHWM/ { print int($2 / 1024) " MB" }' "/proc/$server/status")"
