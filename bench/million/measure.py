#!/usr/bin/env python3
"""Times the pages of a large publication one request at a time over one keep-alive connection (uncached: the server
runs with the output cache off) and prints p50/p90/p99 per kind of page. Used by bench/million/measure.sh, which starts
the server; URLs are drawn from the database with psql.

    measure.py BASE-URL PSQL-ARGS API-KEY [requests-per-kind=200] [server-pid]
"""
import http.client, json, os, random, re, subprocess, sys, time, urllib.parse

base, psql_args, key = sys.argv[1], sys.argv[2].split(), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
pid = sys.argv[5] if len(sys.argv) > 5 else None
host = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
random.seed(7)
PAGE = 20  # the reader's and the API's page size

def sql(query):
    out = subprocess.run(["psql", *psql_args, "-AtF", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]

def get(path, method="GET", body=None, headers=None):
    global conn
    path = urllib.parse.quote(path, safe="/?=&%+:")  # the demo has Chinese slugs
    start = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
    except (http.client.HTTPException, OSError):
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
    return (time.perf_counter() - start) * 1000, response.status, data

# BENCH_ONLY: a regular expression; only the kinds whose label matches it are timed ("publish" for publishing).
only = re.compile(os.environ.get("BENCH_ONLY", ""))
# BENCH_SLOWEST: print that many of each kind's slowest requests (what is in the tail).
slowest = int(os.environ.get("BENCH_SLOWEST", "0"))

def measure(label, paths, expect=200, warm=3):
    if not only.search(label):
        return
    for p in paths[:warm]:
        get(p)
    times, bad, timed = [], 0, []
    for p in paths:
        ms, status, _ = get(p)
        times.append(ms)
        timed.append((ms, p))
        if status != expect:
            bad += 1
            if bad <= 2:
                print(f"  ! {p} answered {status}, expected {expect}", file=sys.stderr)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(len(times) * q))]
    print(f"| {label} | {len(times)} | {pick(0.5):.1f} ms | {pick(0.9):.1f} ms | {pick(0.99):.1f} ms | {times[-1]:.1f} ms |" + (f" {bad} not {expect}" if bad else ""), flush=True)
    for ms, p in sorted(timed, reverse=True)[:slowest]:
        print(f"  (slow: {ms:.1f} ms {p})", flush=True)

print("| request | requests | p50 | p90 | p99 | max |")
print("|---|---|---|---|---|---|")
total = int(sql("""SELECT "Count" FROM "ListingCount" WHERE "Listing" = 'all' AND "Day" = 0""")[0][0])
articles = sql(f"""SELECT a."Id", a."Slug", s."Path" FROM "Articles" a JOIN "Sections" s ON s."Id" = a."SectionId"
    WHERE a."Id" IN (SELECT (random() * {total})::int + 1 FROM generate_series(1, {n * 2})) AND a."Status" = 'Published' LIMIT {n}""")
articles = (articles * n)[:n]  # a small publication (the demo) repeats its articles
measure("article page", [f"/news/{p}/article/{i}/{s}" for i, s, p in articles])
sections = sql("""SELECT s."Path", c."Count" FROM "Sections" s JOIN "ListingCount" c ON c."Listing" = 's' || s."Id" AND c."Day" = 0""")
measure("section, page 1", [f"/news/{p}" for p, _ in random.choices(sections, k=n)])
deep = []
for p, c in random.choices(sections, k=n):
    last = (int(c) + PAGE - 1) // PAGE
    deep.append(f"/news/{p}?page={random.randint(max(1, last // 2), last)}")
measure("section, a page in the second half (any depth)", deep)
measure("section, last page", [f"/news/{p}?page={(int(c) + PAGE - 1) // PAGE}" for p, c in random.choices(sections, k=n // 4)])
measure("section, page past the end (404)", [f"/news/{p}?page={(int(c) + PAGE - 1) // PAGE + 1}" for p, c in random.choices(sections, k=n // 4)], expect=404)
measure("home", ["/"] * n)
last = (total + PAGE - 1) // PAGE
measure("/api/v1/articles?page=1", ["/api/v1/articles?page=1"] * (n // 2))
measure("/api/v1/articles?page=N (random N)", [f"/api/v1/articles?page={random.randint(1, last)}" for _ in range(n)])
measure("/api/v1/articles?section=&page=N", [f"/api/v1/articles?section={p}&page={random.randint(1, (int(c) + PAGE - 1) // PAGE)}" for p, c in random.choices(sections, k=n)])
topics = sql("""SELECT t."Slug", c."Count" FROM "Topics" t JOIN "ListingCount" c ON c."Listing" = 't' || t."Id" AND c."Day" = 0""")
measure("/api/v1/articles?topic=&page=N", [f"/api/v1/articles?topic={s}&page={random.randint(1, (int(c) + PAGE - 1) // PAGE)}" for s, c in random.choices(topics, k=n)])
measure("topic page, page N", [f"/topics/{s}?page={random.randint(1, (int(c) + PAGE - 1) // PAGE)}" for s, c in random.choices(topics, k=n)])
measure("/topics", ["/topics"] * 20)
months = sql(f"""SELECT to_char(a."FirstPublishedAt" AT TIME ZONE 'UTC', 'YYYY-MM') FROM "Articles" a WHERE a."Status" = 'Published'
    ORDER BY a."FirstPublishedAt" DESC LIMIT 1 OFFSET {total // 3}""")
def rss():
    if not pid:
        return ""
    with open(f"/proc/{pid}/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    mb = lambda k: f"{int(fields[k].split()[0]) / 1024:.0f} MB"
    return f"RSS {mb('VmRSS')}, peak {mb('VmHWM')}"

before = rss()
measure("/sitemap.xml", ["/sitemap.xml"] * 20)
measure(f"/sitemaps/articles-{months[0][0]}.xml", [f"/sitemaps/articles-{months[0][0]}.xml"] * 20)
if pid and only.search("/sitemaps/articles-"):
    _, _, body = get(f"/sitemaps/articles-{months[0][0]}.xml")
    print(f"  (a month's sitemap: {body.count(b'<url>')} URLs, {len(body) // 1024} KB; server {before} before the sitemaps, {rss()} after)", flush=True)
if only.search("/search"):
    words = [w for (w,) in sql("""SELECT word FROM ts_stat('SELECT "Vector" FROM "SearchDocument" TABLESAMPLE SYSTEM (1)') WHERE length(word) > 3""")]
    common = [w for (w,) in sql("""SELECT word FROM ts_stat('SELECT "Vector" FROM "SearchDocument" TABLESAMPLE SYSTEM (1)') WHERE length(word) > 3 ORDER BY ndoc DESC LIMIT 50""")]
    measure("/search, one word", [f"/search?q={random.choice(words)}" for _ in range(n)])
    measure("/search, one common word (top 50)", [f"/search?q={random.choice(common)}" for _ in range(n // 2)])
    measure("/search, three words", [f"/search?q={'+'.join(random.sample(words, 3))}" for _ in range(n)])

# Publishing: create a draft through the admin API, then time the publish call alone. The first three are not counted
# (like the pages' first requests): with tiered compilation off the first publish after start-up compiles the whole
# write path (about a second of CPU on the loaded machine); it is printed apart.
auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
section = sections[0][0]
times = []
for i in range(33 if only.search("publish (admin API)") else 0):
    draft = json.dumps({"headline": f"Bench publication {i} {time.time()}", "section": section, "summary": ["A summary."],
                        "body": {"markdown": "One paragraph of text for the benchmark."}, "topics": ["Bench topic"],
                        "language": "en", "type": "news"})
    _, status, data = get("/api/admin/articles", "POST", draft, auth)
    if status != 201:
        print(f"  ! create answered {status}: {data[:300]!r}", file=sys.stderr)
        break
    article = json.loads(data)["id"]
    ms, status, _ = get(f"/api/admin/articles/{article}/publish", "POST", None, {"Authorization": f"Bearer {key}"})
    if i == 0:
        print(f"  (the first publish after start-up, not counted: {ms:.1f} ms)", flush=True)
    if i >= 3:
        times.append(ms)
if times:
    times.sort()
    print(f"| publish (admin API) | {len(times)} | {times[len(times) // 2]:.1f} ms | {times[int(len(times) * 0.9)]:.1f} ms | {times[-1]:.1f} ms (max) | {times[-1]:.1f} ms |")
