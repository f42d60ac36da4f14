#!/usr/bin/env bash
# Statistics benchmark (issue 5): seeds --scale city and province (nation with --nation) into
# files under $TMPDIR (kept and reused between runs) and prints the times to compute every
# figure for the city and every figure for every unit. Usage: bench/run.sh [--nation]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Training.Bench >/dev/null
scales=(city province)
[ "${1:-}" = "--nation" ] && scales+=(nation)
for scale in "${scales[@]}"; do
  echo "== $scale"
  /usr/bin/time -f "peak memory %M KB" dotnet bench/Training.Bench/bin/Release/net10.0/Training.Bench.dll --scale "$scale" --as-of 2019-12-31
done
