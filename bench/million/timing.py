#!/usr/bin/env python3
"""Summarises a BROADSHEET_REQUEST_TIMING log (Operations/RequestTiming) by kind of request: the server's time, the
process's CPU, the statements' time and count, the GC pause, per request. The CPU and the statement count are the least
disturbed by a loaded machine. Then, for one-word searches, the mean time per search of each class of statement
(ArticleSearch's windows, the ranking, the page's articles, the rest), and the requests that held a full collection.

    timing.py LOG [LOG...]
"""
import re, sys

def kind(path):
    if path.startswith("/search?q="):
        words = path.split("=", 1)[1].split("&")[0].count("+") + 1
        return f"/search, {words} word" + ("s" if words > 1 else "")
    if "/article/" in path:
        return "article page"
    return None

def pick(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else 0

def statement_class(text):
    if text.startswith("WITH m AS"):
        return "windows"
    if "ts_rank" in text:
        return "ranking"
    if text.startswith(('SELECT a."Id", a."Body"', "SELECT s0.", "SELECT s1.")):
        return "page's articles"
    return "rest"

for log in sys.argv[1:]:
    rows, classes, sums, searches, full = {}, {}, {}, 0, []
    for n, line in enumerate(open(log, encoding="utf-8")):
        if line.startswith("#"):
            number, text = line[1:].split(" = ", 1)
            classes[number] = statement_class(text)
            continue
        if re.search(r"collections=\d+/\d+/[1-9]", line):
            full.append(line.split("\t")[1][:40] + " " + re.search(r"gc=[0-9.]+", line).group(0))
        parts = line.rstrip("\n").split("\t")
        k = kind(parts[1])
        if k is None:
            continue
        f = dict(p.split("=", 1) for p in parts[3:9] if "=" in p)
        statements = len(re.findall(r" #\d+:", line))
        if k == "/search, 1 word":
            searches += 1
            for number, took in re.findall(r" #(\d+):[-0-9.]+/([0-9.]+)", line):
                sums[classes[number]] = sums.get(classes[number], 0) + float(took)
        rows.setdefault(k, []).append((float(f["total"]), float(f["cpu"]), float(f["db"]), statements, float(f["gc"])))
    print(f"{log}")
    print("| kind | requests | server p50 / p99 ms | CPU p50 / p99 ms | statements' time p50 / p99 ms | statements p50 / max | GC pause total ms |")
    print("|---|---|---|---|---|---|---|")
    for k, r in sorted(rows.items()):
        col = lambda i: f"{pick([x[i] for x in r], 0.5):.1f} / {pick([x[i] for x in r], 0.99):.1f}"
        print(f"| {k} | {len(r)} | {col(0)} | {col(1)} | {col(2)} | {pick([x[3] for x in r], 0.5)} / {max(x[3] for x in r)} | {sum(x[4] for x in r):.0f} |")
    if searches:
        print("one-word search, mean ms per search: " + ", ".join(f"{c} {t / searches:.1f}" for c, t in sorted(sums.items())))
    print("full collections: " + ("; ".join(full) or "none"))
