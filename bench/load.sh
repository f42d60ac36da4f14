#!/usr/bin/env bash
# Load benchmark (issue 15): every page of bench/load-pages.txt under wrk, signed in as the role that uses it.
# Usage: bench/load.sh [--connections N] [--seconds T] [--mixed-seconds M] [--keep DIR] [--only REGEX] [--scale city|province]
#                      [--quick] [--no-build] [--no-mixed] [--page-warm W]
#  --quick: the short mode CI runs (test.sh): 4 connections, 1 s a page, the mixed scenario with one user of each
#  role for 3 s; fails (exit 1) when any page or step answers anything but 2xx/3xx (409 and 422 in the mixed
#  scenario are the portal's answers to two people acting at once) or a request errs or times out. It never judges timings.
#  --no-build: publish what the last Release build made (test.sh has just built it).
#  1. Publishes the portal (Release) and seeds the demo (seed-demo --scale S, city by default; province is ×10)
#     in a temporary folder, or in DIR/S when --keep DIR is given (reused by a later run).
#  2. Starts it (Production, logging at Warning), signs in every demo account through the real form.
#  3. A warming pass: every page W s (default 3; none in --quick) under the same load, unmeasured.
#     /health/live as the baseline, then each page: a GET to warm it and one timed alone that must answer 200
#     (otherwise the page is listed as not run; a line marked "limited" may answer 302, its limit reached), then wrk with N connections (default 100) for T seconds
#     (default 15), 2 threads, 2 s timeout.
#  4. The mixed scenario (bench/Training.Bench/Mixed): the portal restarted on a copy of the data, N users (60% trainees
#     registering, applying, studying with heartbeats; township, village, district, city and school staff reading their
#     pages, approving, recommending, taking attendance) each with its own session, one request at a time, for M s
#     (default 60) after a 60 s warm-up (under full load the runtime is still compiling its hot code for a minute:
#     a tenth of the CPU after 40 s); per step requests/s, p50/p90/p99, 409/422 and errors, and the POSTs a second.
#  Prints requests/s, p50 / p90 / p99, errors (socket errors, timeouts and non-2xx/3xx answers), the
#  share of the baseline's requests/s and the server's CPU ms a request, and the server's peak memory.
# Targets (issue 15): every page ≥ 1,000 requests/s with 0 errors and p99 < 300 ms at 100 connections; POST steps ≥ 200/s.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
connections=100 seconds=15 keep= only=. quick= build= scale=city mixed_seconds=60 warm=60 mixed=1 page_warm=3
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 connections=4 seconds=1 mixed_seconds=3 warm=2 page_warm=0; shift ;;
    --page-warm) page_warm=$2; shift 2 ;;
    --mixed-seconds) mixed_seconds=$2; shift 2 ;;
    --no-mixed) mixed=; shift ;;
    --no-build) build=--no-build; shift ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --keep) keep=$(realpath -m "$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    *) sed -n '2,4p' "$0" >&2; exit 2 ;;
  esac
done
need() { command -v "$1" >/dev/null || { apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need wrk wrk
need sqlite3 sqlite3

case "$scale" in city|province) ;; *) echo "--scale: city or province" >&2; exit 2 ;; esac
if [ -n "$keep" ]; then work=$keep/$scale; mkdir -p "$work"; else work=$(mktemp -d "${TMPDIR:-/tmp}/training-load.XXXXXX"); fi
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  [ -z "$keep" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== publish (Release)"
dotnet publish -c Release $build -o "$work/publish" src/Training.Web >/dev/null
[ -n "$build" ] || dotnet build -c Release bench/Training.Bench >/dev/null
bench_dll=$repo/bench/Training.Bench/bin/Release/net10.0/Training.Bench.dll
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
db=$work/training.db
export ConnectionStrings__Training="Data Source=$db"
export Hangfire__SqliteFile="$work/hangfire.db"
export Exports__Folder="$work/exports"
export Media__Folder="$work/media"
# Before the key store, the chain's key and head lay in audit/.
[ -d "$work/audit" ] && [ ! -d "$work/keys" ] && mv "$work/audit" "$work/keys"
export Keys__Folder="$work/keys"
web() { (cd "$work/publish" && exec dotnet Training.Web.dll "$@"); }
source bench/portal.sh

# A kept demo is reused while the demo's code is the one it was made by (a new demo account needs a new seed).
demo_version=$(git -C "$repo" log -1 --format=%H -- src/Training.Web/Features/Demo 2>/dev/null || echo unknown)
if [ -f "$work/seeded" ] && [ "$(cat "$work/seeded")" != "$demo_version" ]; then
  echo "== $scale demo in $work was made by older demo code: seeding again"
  rm -f "$db" "$db-wal" "$db-shm" "$work/hangfire.db" "$work/hangfire.db-wal" "$work/hangfire.db-shm" "$work/seeded" "$work"/jar-*
fi
web migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
if [ -f "$work/seeded" ]; then
  echo "== $scale demo: kept in $work"
else
  echo "== $scale demo (seed-demo --scale $scale)"
  web seed-demo --scale "$scale" >"$work/seed.log" 2>&1 || { tail -20 "$work/seed.log" >&2; exit 1; }
  grep -v -e '^warn' -e '^      ' "$work/seed.log" | tail -1 | sed 's/^/   /'
  echo "$demo_version" > "$work/seeded"
fi

# Ids within each account's scope, for the {name} of bench/load-pages.txt.
declare -A ids=(
  [person]="SELECT p.Id FROM Persons p JOIN OrgUnits o ON o.Id = p.VillageId WHERE o.Code = '440111103201' ORDER BY p.Id LIMIT 1"
  [reserve]="SELECT r.Id FROM Reserves r JOIN OrgUnits o ON o.Id = r.VillageId WHERE o.Path LIKE '/440100/440111/440111103/%' ORDER BY r.Id LIMIT 1"
  [enrollment]="SELECT e.Id FROM Enrollments e JOIN OrgUnits o ON o.Id = e.VillageId WHERE o.Path LIKE '/440100/440111/%' ORDER BY e.Id LIMIT 1"
  [class]="SELECT c.Id FROM TrainingClasses c JOIN OrgUnits o ON o.Id = c.OwnerId WHERE o.Code = '440111' ORDER BY c.Id LIMIT 1"
  [assignment]="SELECT Id FROM Assignments ORDER BY Id LIMIT 1"
  [notice]="SELECT n.Id FROM Notices n WHERE n.State = 1 ORDER BY n.Pinned DESC, n.Id LIMIT 1"
  [district]="SELECT Id FROM OrgUnits WHERE Code = '440111'"
)
resolve() {
  local path=$1 name value
  while [[ $path =~ \{([a-z]+)\} ]]; do
    name=${BASH_REMATCH[1]}
    [ -n "${ids[$name]:-}" ] || { echo "bench/load-pages.txt: unknown {$name}" >&2; exit 2; }
    value=$(sqlite3 "$db" "${ids[$name]}")
    [ -n "$value" ] || { echo "no {$name} in the demo data" >&2; exit 1; }
    path=${path//\{$name\}/$value}
  done
  echo "$path"
}

start_portal "$work/publish"

# The Cookie header of each account's session (signed in when first needed); anonymous has none. Later calls
# take the session again through one page, as a browser's next click does: past the security stamp's minute the
# portal re-issues the cookie then (wrk sends one cookie throughout; an older one would have its principal rebuilt on
# every request). Signing in again instead would spend a code of the city's and districts' authenticator each time,
# each good once.
declare -A cookies=([anonymous]="")
remember_session() {
  local jar=$work/jar-$1
  # A kept session may have ended (idle lifetime, a restarted key store): signed in again then.
  if [ ! -s "$jar" ] || [ "$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/Menu")" != 200 ]; then
    rm -f "$jar"
    sign_in "$1" "$jar"
  fi
  cookies[$1]=$(cookie_header "$jar")
}
# as ACCOUNT: sets $header to the curl / wrk arguments carrying the account's session.
as() {
  header=()
  [ -z "${cookies[$1]}" ] || header=(-H "Cookie: ${cookies[$1]}")
}

# wrk's --latency figures, in ms; "12.5us", "3.1ms", "1.2s".
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
baseline=
failing=()
load() {
  local account=$1 path=$2 single=${3:-} out rps p50 p90 p99 socket non2xx errors share c0 c1 cpu
  as "$account"
  c0=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 2s --latency "${header[@]}" "$base$path")
  c1=$(cpu_ticks)
  # The server's CPU time a request: steadier than requests/s on a VM whose speed moves from hour to hour.
  cpu=$(cpu_ms_a_request "$c0" "$c1" "$(awk '/requests in/ { print $1 }' <<<"$out")")
  rps=$(awk '/^Requests\/sec:/ { print int($2) }' <<<"$out")
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p90=$(ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  errors=$(( ${socket:-0} + ${non2xx:-0} ))
  # A run in which no request completed (wrk then reports no timeouts it could time) is an error too.
  [ "${rps:-0}" -gt 0 ] || errors=$(( errors + 1 ))
  [ -z "$baseline" ] && baseline=$rps
  [ "$errors" = 0 ] || failing+=("$account $path: $errors errors (timeouts, socket errors or answers other than 2xx/3xx)")
  share=$(awk -v r="$rps" -v b="$baseline" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * r / b : 0) }')
  printf "| %-58s | %-20s | %8s | %9s | %8s | %8s | %8s | %6s | %7s | %6s |\n" "$path" "$account" "$single" "$rps" "$p50" "$p90" "$p99" "$errors" "$share" "$cpu"
}

# The pages to load: "account path" lines of bench/load-pages.txt that --only keeps.
pages() {
  local account path flag
  while read -r account path flag; do
    [[ -z "$account" || "$account" == \#* ]] && continue
    [[ "$account $path" =~ $only ]] && echo "$account $path $flag"
  done <bench/load-pages.txt
}
# A warming pass first: a freshly started runtime compiles its hot code again, optimised, in its first minutes
# (the same page measured 461 requests/s as the third page of a run and 1,556/s once the server had run every
# page once); the table is the portal as it runs all day, not its first minutes.
if [ "$page_warm" -gt 0 ]; then
  echo "== warming: every page ${page_warm} s at $connections connections"
  while read -r account path _; do
    [ "$account" = anonymous ] || remember_session "$account"
    as "$account"
    wrk -t2 -c"$connections" -d"${page_warm}s" --timeout 2s "${header[@]}" "$base$(resolve "$path")" >/dev/null
  done < <(pages)
fi

echo "== $connections connections, ${seconds} s a page, 2 wrk threads, on the same machine"
printf "| %-58s | %-20s | %8s | %9s | %8s | %8s | %8s | %6s | %7s | %6s |\n" "page" "account" "alone ms" "req/s" "p50 ms" "p90 ms" "p99 ms" "errors" "of base" "cpu ms"
printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n" "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..22})" "---------:" "----------:" "---------:" "---------:" "---------:" "-------:" "--------:" "-------:"
load anonymous /health/live
skipped=()
while read -r account path flag; do
  # The session taken again for each page (remember_session): wrk sends the same cookie throughout, and a cookie
  # older than the security stamp's minute would have its principal rebuilt on every request, where a browser takes
  # the refreshed cookie once a minute.
  [ "$account" = anonymous ] || remember_session "$account"
  url=$(resolve "$path")
  as "$account"
  # One request alone, after one to warm it: its answer must be 200, its time to first byte is the "alone" column.
  curl -sS -o /dev/null "${header[@]}" "$base$url"
  read -r status single < <(curl -sS -o /dev/null -w '%{http_code} %{time_starttransfer}\n' "${header[@]}" "$base$url")
  single=$(awk -v t="$single" 'BEGIN { printf "%.1f", t * 1000 }')
  # A page limited per account (its line says "limited") answers past its limit with a redirect and a message:
  # then the row measures that answer, marked in the "alone" column.
  if [ "$status" = 302 ] && [ "$flag" = limited ]; then single="302 ${single}"
  elif [ "$status" != 200 ]; then skipped+=("$account $url → $status"); continue; fi
  load "$account" "$url" "$single"
done < <(pages)
echo "server peak memory (VmHWM): $(peak_memory)"

# The mixed scenario writes (registrations, applications, attendance…): on a copy, so that a kept demo stays as seeded.
mixed_failed=
if [ -n "$mixed" ]; then
  kill "$server"; wait "$server" 2>/dev/null || true
  copy=$work/mixed
  rm -rf "$copy"; mkdir -p "$copy"
  sqlite3 "$db" ".backup '$copy/training.db'"
  [ -d "$work/keys" ] && cp -r "$work/keys" "$copy/keys"  # the certificate of its Data Protection keys and the chain's key go with the database
  export ConnectionStrings__Training="Data Source=$copy/training.db" Hangfire__SqliteFile="$copy/hangfire.db" Exports__Folder="$copy/exports" Keys__Folder="$copy/keys"
  start_portal "$work/publish"
  users=$connections
  [ -z "$quick" ] || users=1 # Mix gives every role at least one user: 1 trainee and one of each staff role
  dotnet "$bench_dll" mixed --base "$base" --db "$copy/training.db" --users "$users" --seconds "$mixed_seconds" --warm "$warm" --server-pid "$server" || mixed_failed=1
  echo "server peak memory in the mixed scenario (VmHWM): $(peak_memory)"
fi

if [ ${#skipped[@]} -gt 0 ]; then
  echo "not run (the first GET did not answer 200):"
  printf '   %s\n' "${skipped[@]}"
  exit 1
fi
if [ -n "$quick" ] && [ ${#failing[@]} -gt 0 ]; then
  echo "pages with errors:"
  printf '   %s\n' "${failing[@]}"
  exit 1
fi
if [ -n "$quick" ] && [ -n "$mixed_failed" ]; then
  echo "the mixed scenario had errors (see its table)"
  exit 1
fi
[ -z "$quick" ] || echo "quick run: every page and every step of the mixed scenario answered without an error"
