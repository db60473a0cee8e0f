# Sourced by the bench scripts: bench_postgres DIR PORT starts a throwaway PostgreSQL cluster in DIR (as the postgres
# user when run as root, since PostgreSQL refuses root), with durable commits (fsync on) as in production, and sets
# $postgres to a connection string for database broadsheet_bench. The caller stops it with bench_postgres_stop DIR.
bench_postgres() {
  local dir=$1 port=$2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  as_pg=""; if [ "$(id -u)" -eq 0 ]; then as_pg="runuser -u postgres --"; fi
  mkdir -p "$dir"; [ -z "$as_pg" ] || chown postgres "$dir"
  $as_pg "$pg_bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
  $as_pg "$pg_bin/pg_ctl" -D "$dir" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=broadsheet_bench"
}

bench_postgres_stop() {
  [ -n "${pg_bin:-}" ] && $as_pg "$pg_bin/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true
}
