#!/usr/bin/env bash
# Builds the generator and fills an empty PostgreSQL database with N published articles (docs/benchmarks.md,
# "A million articles"). With BENCH_PG_DATA set, first starts a throwaway PostgreSQL 15 cluster there (port
# BENCH_PG_PORT, default 55527; fsync off: it is a benchmark fixture, rebuilt by this command) and creates the database.
#
#   BENCH_PG_DATA=/path/to/cluster bench/million/load.sh [articles=1000000]
#   bench/million/load.sh [articles] "Host=...;Port=...;Username=postgres;Database=million"
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-1000000}
port=${BENCH_PG_PORT:-55527}
connection=${2:-"Host=127.0.0.1;Port=$port;Username=postgres;Database=million;Timeout=60;Command Timeout=0"}
if [ -n "${BENCH_PG_DATA:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  as_pg=""; [ "$(id -u)" -ne 0 ] || as_pg="runuser -u postgres --"
  if [ ! -f "$BENCH_PG_DATA/pg/PG_VERSION" ]; then
    mkdir -p "$BENCH_PG_DATA"; [ -z "$as_pg" ] || chown postgres "$BENCH_PG_DATA"
    $as_pg "$pg_bin/initdb" -D "$BENCH_PG_DATA/pg" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  fi
  # Sized for the benchmark: the listing and search indexes of a million articles stay in shared buffers.
  $as_pg "$pg_bin/pg_ctl" -D "$BENCH_PG_DATA/pg" -l "$BENCH_PG_DATA/pg.log" -w status >/dev/null 2>&1 || \
    $as_pg "$pg_bin/pg_ctl" -D "$BENCH_PG_DATA/pg" -l "$BENCH_PG_DATA/pg.log" -w -o "-p $port -k $BENCH_PG_DATA \
      -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=2GB \
      -c maintenance_work_mem=1GB -c work_mem=32MB -c max_wal_size=8GB -c checkpoint_timeout=30min" start
  psql -h 127.0.0.1 -p "$port" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'million'" | grep -q 1 || \
    psql -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE million" >/dev/null
fi
time dotnet run -c Release bench/million/Million.cs -- "$connection" "$articles"
