#!/usr/bin/env bash
# Runs Broadsheet's whole test suite: unit, integration (SQLite and a real PostgreSQL server)
# and browser tests (Playwright in the machine's Chromium). Installs the Debian packages the
# tests need when they are missing, starts a throwaway PostgreSQL and Redis, and stops them after.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

packages=(postgresql redis-server varnish varnish-modules chromium chromium-headless-shell wrk curl espeak-ng libespeak-ng1 flite libflite1 libmp3lame0 fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/broadsheet-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  # A setup still running (the build failed first) finishes before the cluster it may be starting is stopped.
  [ -n "${postgres_setup:-}" ] && wait "$postgres_setup" 2>/dev/null || true
  [ -n "${npm_setup:-}" ] && wait "$npm_setup" 2>/dev/null || true
  [ -n "${pg_bin:-}" ] && $as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null || true
  [ -n "${smtp_pid:-}" ] && kill -- "-$smtp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg=""
if [ "$(id -u)" -eq 0 ]; then as_pg="runuser -u postgres --"; fi
mkdir -p "$work/pg"; [ -z "$as_pg" ] || chown postgres "$work/pg"
pg_port=${BROADSHEET_TEST_PG_PORT:-55432}
export BROADSHEET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=true"

redis_port=${BROADSHEET_TEST_REDIS_PORT:-56379}
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!
export BROADSHEET_TEST_REDIS="127.0.0.1:$redis_port"

# smtp4dev, a real SMTP server that keeps what it receives and shows it through a web API, for the mail tests (a .NET
# tool pinned in .config/dotnet-tools.json), in a process group of its own so that cleanup stops all of it. Its SMTP
# port and its web port are the test run's own, like PostgreSQL's.
smtp_port=${BROADSHEET_TEST_SMTP_PORT:-57025}
smtp_web_port=${BROADSHEET_TEST_SMTP_WEB_PORT:-58025}
dotnet tool restore >"$work/tool-restore.log" 2>&1 || { echo "test.sh: dotnet tool restore failed"; cat "$work/tool-restore.log"; exit 1; }
setsid dotnet tool run smtp4dev --urls "http://127.0.0.1:$smtp_web_port" --smtpport "$smtp_port" --imapport 0 --pop3port 0 --bindaddress 127.0.0.1 \
  --db "" --nousersettings --baseappdatapath "$work/smtp4dev" >"$work/smtp4dev.log" 2>&1 &
smtp_pid=$!
export BROADSHEET_TEST_SMTP="127.0.0.1:$smtp_port"
export BROADSHEET_TEST_SMTP_WEB="http://127.0.0.1:$smtp_web_port"

# The cluster and axe-core (from npm, exactly as locked) are made while the solution builds; each logs to a file of
# its own and the script stops on the first that fails.
(
  $as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  $as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
) >"$work/postgres-setup.log" 2>&1 &
postgres_setup=$!
(cd "$root/tests/Broadsheet.BrowserTests" && npm ci --no-audit --no-fund --silent) >"$work/npm.log" 2>&1 &
npm_setup=$!

dotnet build "$root/Broadsheet.slnx" -c Release -warnaserror -nologo -v q
wait "$postgres_setup" || { echo "test.sh: PostgreSQL did not start"; cat "$work/postgres-setup.log" "$work/pg/log" 2>/dev/null; exit 1; }
wait "$npm_setup" || { echo "test.sh: npm ci failed"; cat "$work/npm.log"; exit 1; }
for _ in $(seq 1 120); do
  curl -sf "$BROADSHEET_TEST_SMTP_WEB/api/messages" >/dev/null 2>&1 && break
  kill -0 "$smtp_pid" 2>/dev/null || break
  sleep 0.5
done
curl -sf "$BROADSHEET_TEST_SMTP_WEB/api/messages" >/dev/null 2>&1 || { echo "test.sh: smtp4dev did not start"; cat "$work/smtp4dev.log"; exit 1; }
set +e
# All three projects at once (dotnet test would run as many as the machine has cores, and a short project left
# waiting until a long one ends only lengthens the run).
dotnet test --solution "$root/Broadsheet.slnx" -c Release --no-build --max-parallel-test-modules 3 "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e
# Each failed test again at the end, with its message and the top of its stack, so a CI log that
# keeps only the last part of the output still names what failed.
if grep -q '^failed ' "$work/test.log"; then
  echo "--- failed tests ---"
  awk '/^failed / { key = $0; sub(/ \([^()]*\)$/, "", key); n = seen[key]++ ? 0 : 14 } /^[^ ]/ && !/^failed / { n = 0 } n > 0 { print; n-- }' "$work/test.log"
fi
# One plain closing line for CI: the runner's own summary, added up over the test assemblies.
awk '/^  (succeeded|failed|skipped):/ { n[$1] += $2 } END { printf "Tests: %d passed, %d failed, %d skipped\n", n["succeeded:"], n["failed:"], n["skipped:"] }' "$work/test.log"
exit "$status"
