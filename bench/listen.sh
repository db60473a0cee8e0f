#!/usr/bin/env bash
# Listen benchmark: (1) real-time factor per engine and voice (bench/listen-rtf.cs); (2) publish-to-audio-ready time
# of a 1,000-word article through the real app (publish with the admin API, poll the status endpoint as the player
# does); (3) article-page latency with wrk, first idle, then while audio in several voices is being generated.
#
#   bench/listen.sh [wrk-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-16}
port=${BENCH_PORT:-5089}
key=bench-admin-key-0123456789abcdef
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
out=$(mktemp -d /tmp/broadsheet-listen-bench.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT

echo "## Real-time factor (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
[ "${SKIP_RTF:-}" = 1 ] || dotnet run -c Release bench/listen-rtf.cs 2>/dev/null

dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
# Output cache off: every page request renders, the hardest case for sharing the CPU with the generator.
(cd "$out/app" && exec env Broadsheet__DataPath="$out/data" Broadsheet__BootstrapApiKey=$key Broadsheet__Cache__OutputCache=false \
  Broadsheet__SeedDemoContent=false Broadsheet__Listen__WorkerNiceness=${LISTEN_NICENESS:-10} \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Broadsheet.Listen.AudioWorker=Information ASPNETCORE_URLS="$base" ./Broadsheet) >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/api/v1/articles" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$server" 2>/dev/null || { echo "the server did not start:"; grep -v '^ *at ' "$out/server.log" | head -20; exit 1; }

auth=(-H "Authorization: Bearer $key" -H "Content-Type: application/json")
curl -fs -X PUT "${auth[@]}" "$base/api/admin/sections/bench" -d '{"name":"Bench"}' >/dev/null

# A 1,000-word article: varied sentences so the engine does real work, numbers and quotes included.
article() {
  python3 - "$1" <<'PY'
import json, random, sys
random.seed(int(sys.argv[1]))
subjects = ["The council", "Ministers", "The harbour authority", "Local traders", "Engineers", "The mayor", "Residents", "Analysts"]
verbs = ["said on Tuesday that", "warned that", "argued that", "confirmed that", "told reporters that", "suggested that"]
objects = ["the ferry would carry 300 passengers", "the budget of £12m was enough", "work would start in May",
           "the bridge had been closed since the spring", "tenders would open in March", "costs had risen by 14%",
           "the timetable was too ambitious", "the vote would be held again next year"]
paragraphs, words = [], 0
while words < 1000:
    sentences = [f"{random.choice(subjects)} {random.choice(verbs)} {random.choice(objects)}." for _ in range(random.randint(2, 4))]
    paragraph = " ".join(sentences)
    words += len(paragraph.split())
    paragraphs.append(paragraph)
print(json.dumps({"headline": f"Benchmark story {sys.argv[1]}: the ferry, the bridge and the budget",
                  "summary": ["A thousand words to read aloud"], "section": "bench",
                  "byline": [{"name": "Bench Desk", "kind": "agency"}],
                  "body": {"markdown": "\n\n".join(paragraphs)}, "language": "en"}))
PY
}

publish() {
  local id
  id=$(article "$1" | curl -fs -X POST "${auth[@]}" "$base/api/admin/articles" -d @- | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fs -X POST "${auth[@]}" "$base/api/admin/articles/$id/publish" >/dev/null
  echo "$id"
}

echo
echo "## Publish to audio ready (1,000 words, default voice, MP3 + timings)"
times=()
for n in 1 2 3 4 5; do
  # Each article is published to an idle queue: the previous one's second voice and Opus pass have finished.
  [ "$n" = 1 ] || sleep "${LISTEN_GAP:-10}"
  id=$(article "$n" | curl -fs -X POST "${auth[@]}" "$base/api/admin/articles" -d @- | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # One keep-alive connection polls every 20 ms, as the player would, without starting a process per poll (which
  # would take CPU from the niceness-10 worker being measured).
  ms=$(python3 - "$base" "$id" "$key" <<'PY'
import http.client, json, sys, time, urllib.parse
base, article, key = sys.argv[1], sys.argv[2], sys.argv[3]
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)
start = time.monotonic()
conn.request("POST", f"/api/admin/articles/{article}/publish", headers={"Authorization": f"Bearer {key}"})
assert conn.getresponse().read() is not None
while True:
    conn.request("GET", f"/listen/{article}/default")
    if json.loads(conn.getresponse().read())["status"] == "ready":
        break
    time.sleep(0.02)
print(round((time.monotonic() - start) * 1000))
PY
)
  times+=("$ms")
  dur=$(curl -fs "$base/listen/$id/default" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["durationMs"]/1000))')
  echo "article $id: ready ${ms} ms after publish (${dur} s of audio)"
  last=$id
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "publish to ready, median: " a[int((NR+1)/2)] " ms, best: " a[1] " ms"}'
grep 'voice espeak-en-gb,' "$out/server.log" | grep -o 'made in [0-9]* ms' | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print "generation (synthesis + MP3 + timings, in the worker), median: " a[int((NR+1)/2)] " ms, best: " a[1] " ms"}'
sleep 5 # let the Opus passes finish

page=$(curl -fs "$base/api/v1/articles/$last" | python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
echo
echo "## Article page latency (output cache off, $connections connections, ${duration}s)"
run_wrk() { wrk -t1 -c"$connections" -d"${duration}s" --latency "$base$page" | awk -v label="$1" '
  /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
  END {printf "| %s | %s | %s | %s | %s |\n", label, rps, p50, p90, p99}'; }
wrk -t1 -c"$connections" -d3s "$base$page" >/dev/null
echo "| case | requests/s | p50 | p90 | p99 |"
echo "|---|---|---|---|---|"
run_wrk "idle"
# Three new articles in four voices each: 12 jobs, queued at once, while wrk runs.
ids=()
for n in 11 12 13; do ids+=("$(publish "$n")"); done
for id in "${ids[@]}"; do for v in espeak-en-us flite-kal flite-slt; do curl -fs "$base/listen/$id/$v" >/dev/null; done; done
run_wrk "while generating"
pending=0
for id in "${ids[@]}"; do for v in default espeak-en-us flite-kal flite-slt; do curl -fs "$base/listen/$id/$v" | grep -q '"ready"' || pending=$((pending+1)); done; done
echo
echo "jobs still pending when wrk finished: $pending of 12"
