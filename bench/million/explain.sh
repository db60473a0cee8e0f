#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the hot queries of a large publication, in the shapes EF Core sends them
# (docs/benchmarks.md, "A million articles"): a deep section page found from the per-day counts, the home page's lists,
# the API's total, /topics, a month's sitemap and a search for a common word.
#
#   bench/million/explain.sh [connection]
set -euo pipefail
port=${BENCH_PG_PORT:-55527}
connection=${1:-"Host=127.0.0.1;Port=$port;Username=postgres;Database=million"}
psql_args=$(echo "$connection" | tr ';' '\n' | awk -F= 'tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2} tolower($1)=="database"{d=$2} END{printf "-h %s -p %s -U %s %s", h, (p?p:5432), u, d}')
q() { psql $psql_args -Atc "$1"; }
explain() { echo; echo "### $1"; echo '```'; psql $psql_args -Atc "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2" | grep -v '^Planning:$' | sed 's/^/  /'; echo '```'; }

section=$(q "SELECT \"Id\" FROM \"Sections\" WHERE \"ParentId\" IS NULL ORDER BY \"Id\" LIMIT 1")
tree=$(q "SELECT string_agg(\"Id\"::text, ',') FROM \"Sections\" WHERE \"Id\" = $section OR \"ParentId\" = $section")
today=$(q "SELECT current_date - date '0001-01-01'")
# The day a page half-way down the section starts in, as PageSeek finds it from the counts.
half=$(q "SELECT \"Count\" / 2 FROM \"ListingCount\" WHERE \"Listing\" = 's$section' AND \"Day\" = 0")
read -r day offset <<<"$(q "SELECT \"Day\", $half - (run - \"Count\") FROM (SELECT \"Day\", \"Count\", sum(\"Count\") OVER (ORDER BY \"Day\" DESC) AS run FROM \"ListingCount\" WHERE \"Listing\" = 's$section' AND \"Day\" > 0 AND \"Day\" < $today) d WHERE run > $half ORDER BY \"Day\" DESC LIMIT 1" | tr '|' ' ')"
explain "Section page, today's rows counted (the first statement of every listing page)" \
  "SELECT count(*) FROM \"Articles\" AS a WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() AND a.\"SectionId\" = ANY (ARRAY[$tree]) AND a.\"FirstPublishedAt\" >= current_date"
explain "Section page: the per-day counts, newest first (read until the page is covered; here all of them)" \
  "SELECT l.\"Day\", l.\"Count\" FROM \"ListingCount\" AS l WHERE l.\"Listing\" = 's$section' AND l.\"Day\" > 0 AND l.\"Day\" < $today ORDER BY l.\"Day\" DESC"
explain "Section page half-way down (row $half of the section): the ids, between two day bounds, skipping $offset rows of the day it starts in" \
  "SELECT a.\"Id\" FROM \"Articles\" AS a WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() AND a.\"SectionId\" = ANY (ARRAY[$tree])
     AND a.\"FirstPublishedAt\" < (date '0001-01-01' + $day + 1)::timestamptz AND a.\"FirstPublishedAt\" >= (date '0001-01-01' + $day - 3)::timestamptz
     ORDER BY a.\"FirstPublishedAt\" DESC, a.\"Id\" DESC LIMIT 21 OFFSET $offset"
explain "Home page: newest ids of a top section with its subsections" \
  "SELECT a.\"Id\" FROM \"Articles\" AS a WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() AND a.\"SectionId\" = ANY (ARRAY[$tree]) ORDER BY a.\"FirstPublishedAt\" DESC, a.\"Id\" DESC LIMIT 4"
explain "Home page and /api/v1/articles: newest ids of all" \
  "SELECT a.\"Id\" FROM \"Articles\" AS a WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() ORDER BY a.\"FirstPublishedAt\" DESC, a.\"Id\" DESC LIMIT 11"
explain "API total of all articles: the stored counts" \
  "SELECT COALESCE(sum(l.\"Count\"), 0)::int FROM \"ListingCount\" AS l WHERE l.\"Listing\" = 'all' AND l.\"Day\" > 0 AND l.\"Day\" < $today"
explain "/topics: the stored totals" \
  "SELECT l.\"Listing\", l.\"Count\" FROM \"ListingCount\" AS l WHERE l.\"Day\" = 0 AND l.\"Count\" > 0 AND l.\"Listing\" LIKE 't%'"
month=$(q "SELECT date_trunc('month', max(\"FirstPublishedAt\") - interval '40 days') FROM \"Articles\"")
explain "A month's sitemap (50,000 URLs at most)" \
  "SELECT a.\"Id\", a.\"Slug\", s.\"Path\", a.\"FirstPublishedAt\", a.\"LastUpdatedAt\", i.\"Renditions\" FROM \"Articles\" AS a JOIN \"Sections\" AS s ON a.\"SectionId\" = s.\"Id\" LEFT JOIN \"Images\" AS i ON a.\"HeroImageId\" = i.\"Id\"
     WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() AND a.\"FirstPublishedAt\" >= '$month' AND a.\"FirstPublishedAt\" < timestamptz '$month' + interval '1 month'
     ORDER BY a.\"FirstPublishedAt\", a.\"Id\" LIMIT 50000"
word=$(q "SELECT word FROM ts_stat('SELECT \"Vector\" FROM \"SearchDocument\" TABLESAMPLE SYSTEM (1)') WHERE length(word) > 3 ORDER BY ndoc DESC LIMIT 1")
tsq="(phraseto_tsquery('english', '$word') || phraseto_tsquery('simple', '$word'))"
explain "Search for the commonest word ('$word'): the newest 500 matches of the first window (3 days)" \
  "SELECT m.\"ArticleId\" FROM (SELECT \"ArticleId\", 0::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ $tsq AND \"PublishedAt\" >= now() - interval '3 days') AS m
     JOIN \"Articles\" AS a ON m.\"ArticleId\" = a.\"Id\" WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() ORDER BY m.\"PublishedAt\" DESC, m.\"ArticleId\" DESC LIMIT 500"
explain "Search for the commonest word: the same in the 30-day window" \
  "SELECT m.\"ArticleId\" FROM (SELECT \"ArticleId\", 0::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"Vector\" @@ $tsq AND \"PublishedAt\" >= now() - interval '30 days') AS m
     JOIN \"Articles\" AS a ON m.\"ArticleId\" = a.\"Id\" WHERE a.\"Status\" = 'Published' AND a.\"FirstPublishedAt\" <= now() ORDER BY m.\"PublishedAt\" DESC, m.\"ArticleId\" DESC LIMIT 500"
explain "Search: ranking the candidates" \
  "SELECT \"ArticleId\", ts_rank(\"Vector\", $tsq)::float8 AS \"Rank\", \"PublishedAt\" FROM \"SearchDocument\" WHERE \"ArticleId\" = ANY (ARRAY(SELECT \"ArticleId\" FROM \"SearchDocument\" ORDER BY \"PublishedAt\" DESC LIMIT 500))"
