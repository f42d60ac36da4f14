#!/usr/bin/env bash
# Import/export benchmark (issue 6, point 7). Usage: bench/import.sh [--rows N] [--nation-db FILE] [--phases]
#  1. make-roster writes a Guangzhou-sized roster (about 40,000 rows over the six sheets) and
#     the real `import` verb loads it into a fresh, empty SQLite database (migrated first, not
#     timed): rows, seconds and peak memory of the whole process; then the same file again
#     (every row unchanged). --phases: also the time of each import stage (读取/校验/写入), in
#     process (bench import-phases).
#  2. The enrollment list (报名名单) of the nation-scale database is written by the export job's
#     writer: rows, seconds and peak memory. The database (default
#     $TMPDIR/training-bench-nation.db, made by `bench/run.sh --nation`) is opened read-only
#     and never seeded here: without it this part is skipped.
# Targets: import 3 s and 200 MB (bound 20 s on 2 cores); export memory bounded. The CPU
# seconds are printed beside the wall time: on a busy machine they are the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=40000
nation_db="${TMPDIR:-/tmp}/training-bench-nation.db"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --nation-db) nation_db="$2"; shift 2 ;;
    --phases) phases=1; shift ;;
    *) echo "usage: bench/import.sh [--rows N] [--nation-db FILE] [--phases]" >&2; exit 2 ;;
  esac
done

dotnet build -c Release src/Training.Web >/dev/null
dotnet build -c Release bench/Training.Bench >/dev/null
bench=bench/Training.Bench/bin/Release/net10.0/Training.Bench.dll
work=$(mktemp -d "${TMPDIR:-/tmp}/training-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
timed() { /usr/bin/time -f "%e s (cpu %U s user + %S s sys), peak %M KB" -o "$work/time" "$@"; }
# `web [wrapper]` runs the site's program with the verb in $verb from its own folder, as
# deployed: its appsettings.json (log levels) is read from there.
webdir=src/Training.Web/bin/Release/net10.0
web() { (cd "$webdir" && "$@" dotnet Training.Web.dll "${verb[@]}"); }

echo "== roster import"
dotnet "$bench" make-roster --out "$work/roster.xlsx" --rows "$rows"
export ConnectionStrings__Training="Data Source=$work/training.db"
export Keys__Folder="$work/keys"
export Hangfire__SqliteFile="$work/hangfire.db"
# A program without the verb would start the web server instead: ask its usage first.
verb=(help)
if ! web >"$work/help" 2>&1 || ! grep -q '^ *import ' "$work/help"; then
  echo "import: the 'import' verb is not in this build (Training.Web help does not list it): skipped" >&2
  import_status=missing
else
  verb=(migrate); web >/dev/null
  verb=(import "$work/roster.xlsx")
  for pass in "first import (empty database)" "same file again (every row unchanged)"; do
    echo "-- $pass"
    if web timed >"$work/out" 2>"$work/err"; then
      grep -v -e '^info: ' -e '^      ' "$work/out" | sed 's/^/   /' # the figures, not the startup log
      echo "   import: $(cat "$work/time")"
    else
      echo "   import FAILED (exit $?): $(cat "$work/time" | tail -1)" >&2
      head -20 "$work/err" | sed 's/^/   /' >&2
      import_status=failed
      break
    fi
  done
fi
if [ -n "${phases:-}" ]; then
  echo "-- stages, in process (first import, then unchanged)"
  dotnet "$bench" import-phases --roster "$work/roster.xlsx" | sed 's/^/   /'
fi

echo "== nation enrollment list export"
if [ ! -f "$nation_db" ]; then
  echo "export: $nation_db is missing (seed it with bench/run.sh --nation): skipped" >&2
else
  timed dotnet "$bench" export-enrollments --db "$nation_db" --out "$work/enrollments.xlsx"
  echo "   export: $(cat "$work/time")"
fi
[ "${import_status:-ok}" = ok ]
