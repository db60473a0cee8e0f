#!/usr/bin/env bash
# Rebuilds the InitialCreate migration for both providers from the current model, folding in every later one.
# Only while nothing is deployed anywhere: a database made by an earlier build would not migrate. Otherwise add a
# migration per provider (dotnet ef migrations add NAME --project src/Broadsheet --context SqliteBroadsheetDb
# --output-dir Data/Migrations/Sqlite, and the same for PostgresBroadsheetDb).
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
