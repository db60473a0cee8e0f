# Sourced by bench scripts that compare this tree with a base commit in one run: checks the base out beside it,
# publishes both, starts each with the demo content on its port (output cache on, as readers get it) and waits until
# both serve their articles. Needs $out (a scratch directory), $base_ref and the pids array; the caller's EXIT trap
# stops the servers and removes the checkout.
#
#   start_both BASE_PORT HEAD_PORT
start_tree() { # name source-dir port
  dotnet publish "$2/src/Broadsheet" -c Release -o "$out/$1" -nologo -v q >/dev/null
  (cd "$out/$1" && exec env Broadsheet__DataPath="$out/$1-data" Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$3" ./Broadsheet) >"$out/$1.log" 2>&1 &
  pids+=($!)
}
start_both() {
  git worktree add --detach -q "$out/base-src" "$base_ref"
  start_tree base "$out/base-src" "$1"
  start_tree head "$PWD" "$2"
  for port in "$1" "$2"; do
    for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/api/v1/articles?pageSize=50" 2>/dev/null | grep -q zh-Hant && break; sleep 1; done
  done
}
