#!/usr/bin/env bash
# Gzipped HTML of every kind of reader page, this tree against a base commit, both in one run: each tree is published and
# started with the demo content, then each page is fetched once with `Accept-Encoding: gzip` and its bytes on the wire
# counted (the inline stylesheet is part of the HTML; linked stylesheets and scripts are listed apart, as the browser
# caches them across pages).
#
#   bench/page-weight.sh [base-ref]        (default: main)
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:-main}
out=$(mktemp -d /tmp/broadsheet-weight.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; git worktree remove --force "$out/base-src" 2>/dev/null || true; rm -rf "$out"' EXIT

. bench/two-trees.sh
start_both 5093 5094

echo "# Bytes per reader page as sent (HTML gzip and Brotli, at the server's levels; linked CSS and JS gzip). load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - <<'PY'
import gzip, json, re, urllib.parse, urllib.request

def get(port, path, encoding="gzip"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}" + urllib.parse.quote(path, safe="/?=&%"), headers={"Accept-Encoding": encoding, "User-Agent": "page-weight"})
    with urllib.request.urlopen(req) as r:
        return r.read(), r.headers.get("Content-Encoding")

def pages(port):
    items = json.loads(get(port, "/api/v1/articles?pageSize=50", "identity")[0])["items"]
    en = next(a for a in items if a["language"] == "en" and a["section"]["path"] == "asia/east-asia")
    zh = next(a for a in items if a["language"] == "zh-Hant")
    path = lambda url: re.sub(r"^https?://[^/]+", "", url)
    home = get(port, "/", "identity")[0].decode()
    first = lambda pattern: re.search(pattern, home).group(1)
    article = get(port, path(en["url"]), "identity")[0].decode()
    return [("home", "/"), ("article en", path(en["url"])), ("article zh-Hant", path(zh["url"])),
            ("section", "/news/" + en["section"]["path"]),
            ("topic", re.search(r'href="(/topics/[^"]+)"', article).group(1)),
            ("author", re.search(r'href="(/authors/[^"]+)"', article).group(1)),
            ("search", "/search?q=harbour"), ("standards page", first(r'href="(/standards/[^"]+)"')),
            ("report-error", f"/report-error?article={en['id']}")]

def assets(port, html):
    total = 0
    for url in re.findall(r'<link rel="stylesheet"[^>]*href="([^"]+)"|<script src="([^"]+)"', html):
        total += len(get(port, next(u for u in url if u).replace("&amp;", "&"))[0])
    return total

rows = {}
for side, port in (("base", 5093), ("head", 5094)):
    for name, path in pages(port):
        body, encoding = get(port, path)
        html = gzip.decompress(body).decode() if encoding == "gzip" else body.decode()
        rows.setdefault(name, {})[side] = (len(body), len(get(port, path, "br")[0]), assets(port, html))
print("| page | base HTML gzip | head HTML gzip | base HTML br | head HTML br | base CSS+JS gzip | head CSS+JS gzip |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, sides in rows.items():
    b, h = sides["base"], sides["head"]
    print(f"| {name} | {b[0]:,} | {h[0]:,} | {b[1]:,} | {h[1]:,} | {b[2]:,} | {h[2]:,} |")
PY
