#!/usr/bin/env python3
"""How many search documents one-word searches read on PostgreSQL, by the windows of publication time they read:
the strategy before the `search` branch and ArticleSearch.NewestAsync's, for words drawn as measure.py draws them.
Each window's matches are counted with count(*), so the figures do not depend on the machine's load.

    search_windows.py PSQL-ARGS [words=60]
"""
import statistics, subprocess, sys

psql = ["psql", *sys.argv[1].split(), "-At", "-c"]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 60
CANDIDATES = 500

def sql(query):
    return subprocess.run(psql + [query], capture_output=True, text=True, check=True).stdout.strip()

def count(word, since_days, until_days):
    """Matches published since `since_days` ago (None: no bound) and before `until_days` ago (None: up to now)."""
    cond = "" if since_days is None else f""" AND "PublishedAt" >= now() - interval '{since_days} days'"""
    cond += """ AND "PublishedAt" <= now()""" if until_days is None else f""" AND "PublishedAt" < now() - interval '{until_days} days'"""
    return int(sql(f"""SELECT count(*) FROM "SearchDocument" WHERE "Vector" @@ to_tsquery('simple', '{word}'){cond}"""))

def before(word, first):
    """3 days; then 3 x 2 x 500 / found days (unbounded past 730); then unbounded when short. Windows overlap."""
    read, statements = first, 1
    if first < CANDIDATES:
        days = 3 * 2.0 * CANDIDATES / max(first, 0.5)
        found = count(word, None if days > 730 else days, None)
        read, statements = read + found, 2
        if found < CANDIDATES and days <= 730:
            read, statements = read + count(word, None, None), 3
    return read, statements

def after(word, first):
    """ArticleSearch.NewestAsync: each window ends where the one before began."""
    read, statements, days = first, 1, 3.0
    while read < CANDIDATES:
        if days < 90 and read < 8:
            wider = 90.0
        elif read > 0:
            wider = max(1.5 * days, days + 1.25 * (CANDIDATES - read) * days / read)
        else:
            wider = float("inf")
        since = None if wider > 3650 else wider
        read, statements, days = read + count(word, since, days), statements + 1, wider
        if since is None:
            break
    return read, statements

words = sql(f"""SELECT string_agg(word, ' ') FROM (SELECT word FROM ts_stat('SELECT "Vector" FROM "SearchDocument" TABLESAMPLE SYSTEM (1)')
    WHERE length(word) > 3 ORDER BY random() LIMIT {n}) w""").split()
rows = []
for word in words:
    first = count(word, 3, None)
    rows.append((before(word, first), after(word, first)))

def summary(label, pairs):
    docs = sorted(p[0] for p in pairs)
    pick = lambda q: docs[min(len(docs) - 1, int(len(docs) * q))]
    print(f"| {label} | {pick(0.5)} | {pick(0.9)} | {pick(0.99)} | {statistics.median(p[1] for p in pairs):.0f} / {max(p[1] for p in pairs)} |")

print(f"| {len(rows)} one-word searches | documents read p50 | p90 | p99 | statements p50 / max |")
print("|---|---|---|---|---|")
summary("before", [r[0] for r in rows])
summary("ArticleSearch.NewestAsync", [r[1] for r in rows])
