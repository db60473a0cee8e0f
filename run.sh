#!/usr/bin/env bash
# Runs Broadsheet on http://localhost:5000 with the embedded SQLite database and demo content under ./data.
set -euo pipefail
cd "$(dirname "$0")"
# The build bundles the newsroom's block editor with npm and esbuild (src/Broadsheet/Client).
if ! command -v npm >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
exec dotnet run --project src/Broadsheet -c Release -- --urls "${URLS:-http://localhost:5000}" "$@"
