#!/usr/bin/env bash
# Runs Broadsheet on http://localhost:5000 with the embedded SQLite database and demo content under ./data.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Broadsheet -c Release -- --urls "${URLS:-http://localhost:5000}" "$@"
