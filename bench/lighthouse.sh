#!/usr/bin/env bash
# Lighthouse mobile performance of article pages, this tree against a base commit, both in one run on this machine:
# each tree is published and started with the demo content (output cache on, as readers get it), then Lighthouse
# (npm, pinned 12.2.3: 13 wants Node 22) runs its default mobile emulation in Debian's Chromium against the English
# and the Chinese demo article of each, alternating, RUNS times; the median performance score and metrics are printed.
#
#   bench/lighthouse.sh [base-ref] [runs]        (default: main, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:-main}
runs=${2:-3}
out=$(mktemp -d /tmp/broadsheet-lighthouse.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; git worktree remove --force "$out/base-src" 2>/dev/null || true; rm -rf "$out"' EXIT

(cd "$out" && npm i -E --no-audit --no-fund --silent lighthouse@12.2.3 >/dev/null)
. bench/two-trees.sh
start_both 5091 5092

path() { # port language
  curl -fs "http://127.0.0.1:$1/api/v1/articles?pageSize=50" | python3 -c "
import json,sys; items=json.load(sys.stdin)['items']
print(next(a['url'] for a in items if a['language']==sys.argv[1] and (a['language']!='en' or a['section']['path']=='asia/east-asia')))" "$2"
}

echo "# Lighthouse $(cd "$out" && npx lighthouse --version), mobile emulation, Chromium $(chromium --version | awk '{print $2}'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for language in en zh-Hant; do
  for run in $(seq 1 "$runs"); do
    for side in base head; do
      port=$([ $side = base ] && echo 5091 || echo 5092)
      url="http://127.0.0.1:$port$(path $port $language)"
      (cd "$out" && CHROME_PATH=/usr/bin/chromium npx lighthouse "$url" --quiet --only-categories=performance \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$out/$side-$language-$run.json") || true
    done
  done
  for side in base head; do
    python3 - "$out" "$side" "$language" "$runs" <<'PY'
import json, statistics, sys
out, side, language, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
reports = [json.load(open(f"{out}/{side}-{language}-{r}.json")) for r in range(1, runs + 1)]
def med(f): return statistics.median(f(r) for r in reports)
score = med(lambda r: r["categories"]["performance"]["score"] * 100)
audit = lambda k: med(lambda r: r["audits"][k]["numericValue"])
print(f"{language:8} {side:5} score {score:4.0f}  FCP {audit('first-contentful-paint'):6.0f} ms  LCP {audit('largest-contentful-paint'):6.0f} ms  "
      f"TBT {audit('total-blocking-time'):5.0f} ms  CLS {audit('cumulative-layout-shift'):.3f}  bytes {audit('total-byte-weight'):8.0f}")
PY
  done
done
