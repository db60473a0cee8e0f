#!/usr/bin/env python3
"""The shared buffers (hit + read: the pages PostgreSQL touches, whatever the machine's load or cache) that a one-word
relevance search's statements touch on PostgreSQL, for words drawn as measure.py draws them: ArticleSearch's windows
(NewestAsync) and the ranking of the candidates, each statement run as the app sends it and then under
EXPLAIN (ANALYZE, BUFFERS). Compares ranking the newest 500 with the newest 200 (ArticleSearch.Candidates), and the
term written as the configuration's stem OR the word itself even when the two are the same lexeme (before) with the
one lexeme (SearchQuery.ToTsQuery now).

    search_buffers.py PSQL-ARGS [words=40]
"""
import json, statistics, subprocess, sys

psql = ["psql", *sys.argv[1].split(), "-At", "-c"]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40

def sql(query):
    return subprocess.run(psql + [query], capture_output=True, text=True, check=True).stdout.strip()

def buffers(query):
    plan = json.loads(sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query))[0]["Plan"]
    return plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]

def tsquery(word, dedup):
    p = f"'{word}'"
    same = f" WHEN phraseto_tsquery('english', {p}) = phraseto_tsquery('simple', {p}) THEN phraseto_tsquery('simple', {p})" if dedup else ""
    return (f"(CASE WHEN numnode(phraseto_tsquery('english', {p})) = 0 THEN ''::tsquery{same}"
            f" ELSE phraseto_tsquery('english', {p}) || phraseto_tsquery('simple', {p}) END)")

def search(word, limit, dedup):
    """ArticleSearch.NewestAsync and RanksAsync without filters: (buffers, statements, vectors ranked)."""
    q = tsquery(word, dedup)
    ids, total, statements, days, until = [], 0, 0, 3.0, "now()"
    while True:
        since = None if days > 3650 else f"now() - interval '{days} days'"
        cond = f""""PublishedAt" {'<=' if until == 'now()' else '<'} {until}""" + ("" if since is None else f""" AND "PublishedAt" >= {since}""")
        window = (f"""WITH m AS MATERIALIZED (SELECT "ArticleId", "PublishedAt" FROM "SearchDocument" WHERE "Vector" @@ ({q}) AND {cond})"""
                  f""" SELECT "ArticleId" FROM m ORDER BY "PublishedAt" DESC, "ArticleId" DESC LIMIT {limit - len(ids)}""")
        ids += [int(i) for i in sql(window).split()]
        total, statements = total + buffers(window), statements + 1
        if len(ids) >= limit or since is None:
            break
        until = since
        days = 90.0 if days < 90 and len(ids) < 8 else max(1.5 * days, days + 1.25 * (limit - len(ids)) * days / len(ids)) if ids else float("inf")
    if ids:
        rank = f"""SELECT "ArticleId", ts_rank("Vector", {q})::float8, "PublishedAt" FROM "SearchDocument" WHERE "ArticleId" = ANY('{{{",".join(map(str, ids))}}}'::int[])"""
        total, statements = total + buffers(rank), statements + 1
    return total, statements, len(ids)

words = sql(f"""SELECT string_agg(word, ' ') FROM (SELECT word FROM ts_stat('SELECT "Vector" FROM "SearchDocument" TABLESAMPLE SYSTEM (1)')
    WHERE length(word) > 3 ORDER BY random() LIMIT {n}) w""").split()
configs = [("500 candidates, stem OR word (before)", 500, False), ("200 candidates, stem OR word", 200, False), ("200 candidates, one lexeme (this branch)", 200, True)]
results = {c[0]: [search(w, c[1], c[2]) for w in words] for c in configs}

def pick(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]

print(f"| {len(words)} one-word searches | buffers p50 | p90 | max | statements p50 / max | vectors ranked p50 |")
print("|---|---|---|---|---|---|")
for label, rows in results.items():
    b = [r[0] for r in rows]
    print(f"| {label} | {pick(b, 0.5)} | {pick(b, 0.9)} | {max(b)} | {statistics.median(r[1] for r in rows):.0f} / {max(r[1] for r in rows)} | {statistics.median(r[2] for r in rows):.0f} |")
slow = sorted(zip(words, results[configs[0][0]], results[configs[-1][0]]), key=lambda x: -x[1][0])[:5]
print("most buffers before → this branch: " + ", ".join(f"{w} {a[0]:,} → {b[0]:,}" for w, a, b in slow))
