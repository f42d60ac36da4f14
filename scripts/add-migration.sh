#!/usr/bin/env bash
# Adds a migration with the same name to both provider assemblies: ./scripts/add-migration.sh Name
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for p in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project "src/Training.Migrations.$p" --startup-project "src/Training.Migrations.$p" -o Migrations
done
