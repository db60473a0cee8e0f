#!/usr/bin/env python3
"""How many search documents one-word searches read on PostgreSQL, by the windows of publication time they read:
the strategy before the `search` branch and ArticleSearch.NewestAsync's (ranking the newest 500, and the newest
ArticleSearch.Candidates = 200), for words drawn as measure.py draws them. Each window's matches are counted with
count(*), so the figures do not depend on the machine's load. Per search: documents read (heap rows the windows visit),
vectors ranked (each a TOAST read), GIN postings decoded (every statement decodes all of the word's postings), statements.

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

def after(word, first, candidates=CANDIDATES):
    """ArticleSearch.NewestAsync: each window ends where the one before began."""
    read, statements, days = first, 1, 3.0
    while read < candidates:
        if days < 90 and read < 8:
            wider = 90.0
        elif read > 0:
            wider = max(1.5 * days, days + 1.25 * (candidates - read) * days / read)
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
    total = count(word, None, None)
    rows.append([(read, statements, min(read, candidates), statements * total)
                 for (read, statements), candidates in ((before(word, first), CANDIDATES), (after(word, first), CANDIDATES), (after(word, first, 200), 200))])

def summary(label, runs):
    def pick(values, q):
        values = sorted(values)
        return values[min(len(values) - 1, int(len(values) * q))]
    cells = [f"{pick([r[i] for r in runs], 0.5)} / {pick([r[i] for r in runs], 0.99)}" for i in (0, 2, 3)]
    print(f"| {label} | {' | '.join(cells)} | {statistics.median(r[1] for r in runs):.0f} / {max(r[1] for r in runs)} |")

print(f"| {len(rows)} one-word searches, p50 / p99 (the max) | documents read | vectors ranked | GIN postings decoded | statements p50 / max |")
print("|---|---|---|---|---|")
summary("before the first `search` round (500)", [r[0] for r in rows])
summary("NewestAsync, 500 candidates", [r[1] for r in rows])
summary("NewestAsync, 200 candidates", [r[2] for r in rows])
