#!/usr/bin/env bash
# Writing a 12-block article with a heading and a picture inserted in the middle, reordering it and publishing:
# today's form editor (every add or move is a whole-form post; measured without JavaScript, the only way the form's
# block fields are still used) against the block editor, in the same run on the same server, alternately.
#
#   bench/editor.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
port=${BENCH_PORT:-5089}
out=$(mktemp -d /tmp/broadsheet-editor-bench.XXXXXX)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$out"' EXIT
# BENCH_APP: an app folder already built (e.g. src/Broadsheet/bin/Release/net10.0 with content root src/Broadsheet).
app=${BENCH_APP:-$out/app}
[ -n "${BENCH_APP:-}" ] || dotnet publish src/Broadsheet -c Release -o "$out/app" -nologo -v q >/dev/null
export Broadsheet__DataPath="$out/data" Broadsheet__Role=web Logging__LogLevel__Default=Warning ASPNETCORE_CONTENTROOT="${BENCH_CONTENTROOT:-$app}"
password="bench-$(date +%s)-Password!"
echo "$password" | "$app/Broadsheet" user create bench@example.org --role Editor --name "Bench Editor" --password-stdin >/dev/null
ASPNETCORE_URLS="http://127.0.0.1:$port" "$app/Broadsheet" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
nice -n 10 dotnet run -c Release bench/editor/EditorBench.cs -- "http://127.0.0.1:$port" bench@example.org "$password" "$rounds"
