#!/usr/bin/env bash
# Rebuilds the InitialCreate migration for both providers from the current model.
# Only while nothing is deployed: after the first release, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore src/Broadsheet/Broadsheet.csproj >/dev/null
rm -rf src/Broadsheet/Data/Migrations
for ctx in SqliteBroadsheetDb PostgresBroadsheetDb; do
  folder=${ctx%BroadsheetDb}
  dotnet ef migrations add InitialCreate --project src/Broadsheet --context "$ctx" --output-dir "Data/Migrations/$folder" >/dev/null
done
rm -f src/Broadsheet/design.db
echo "migrations regenerated"
