#!/usr/bin/env bash
# Learning report benchmark (issue 14, LEARNING.md §7): 学习统计 over the demo's people and 100 courses.
# Usage: bench/learning-report.sh [--scales "city province"] [--requests N] [--entries K] [--keep DIR]
#  --keep DIR: build the data in DIR/<scale> and leave it there (reused by a later run: profile its SQL with sqlite3).
#  For each scale, in a temporary folder, Production, logging at Warning:
#  1. seed-demo --scale S (city: ~56,000 persons, 20,000 两委干部; province ×10), then synthetic data by SQL:
#     100 published city courses (copies of a demo course), each assigned to every 两委干部 of the city
#     (half of them due last month: overdue), and K ledger entries (default 10) for every person holding a
#     post — 在线课程 credits of those courses on days spread over this year, 必修 and 选修 alternately.
#  2. The nightly aggregate job (`learning-figures`, the job's code run as a verb) twice: the time it
#     reports, and the process's peak memory (/usr/bin/time %M) against the same process doing nothing
#     but migrate (the baseline in the same run).
#  3. The portal started; as `city`: GET /Learning/Reports (the whole city), a district's report, the
#     persons behind 未开始, and the staff home; N requests each after two warm-ups, server time to first
#     byte; then the city's report after a save in one village (that village counted again) and after an
#     assignment (every unit counted again); /health/live as the baseline.
# Target: the report at city scale under 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scales="city province" requests=20 entries=10 keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) scales=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    --keep) keep=$(realpath -m "$2"); shift 2 ;;
    *) sed -n '2,3p' "$0" >&2; exit 2 ;;
  esac
done
command -v sqlite3 >/dev/null || { apt-get install -y sqlite3 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y sqlite3 >/dev/null; }; }

echo "== build (Release)"
dotnet build -c Release src/Training.Web >/dev/null
webdir=$repo/src/Training.Web/bin/Release/net10.0
work=
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  [ -n "$work" ] && [ -z "$keep" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
web() { (cd "$webdir" && exec dotnet Training.Web.dll "$@"); }
source bench/portal.sh

# summary LABEL: p50 / p95 / max of the times (seconds, one a line) in $work/times.
summary() {
  sort -n "$work/times" | awk -v label="$1" '{ t[NR] = $1 * 1000 } END {
    printf "   %-44s p50 %8.1f ms   p95 %8.1f ms   max %8.1f ms   (%d requests)\n", label, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.999)], t[NR], NR }'
}

# time_get LABEL URL: N requests after two warm-ups; p50 / p95 / max of the time to first byte.
time_get() {
  local label=$1 url=$2 status
  for _ in 1 2; do curl -sS -o /dev/null -c "$jar" -b "$jar" "$base$url"; done
  : >"$work/times"
  for _ in $(seq "$requests"); do
    status=$(curl -sS -o /dev/null -w '%{http_code} %{time_starttransfer}\n' -c "$jar" -b "$jar" "$base$url")
    [ "${status%% *}" = 200 ] || { echo "GET $url answered ${status%% *}" >&2; exit 1; }
    echo "${status#* }" >>"$work/times"
  done
  summary "$label"
}

# time_after LABEL URL SQL: as time_get, with SQL run on the database before every request (what a save does to the
# report's kept rows: raise their version), so each request counts those rows again.
time_after() {
  local label=$1 url=$2 sql=$3 status
  : >"$work/times"
  for _ in $(seq "$requests"); do
    sqlite3 "$db" "PRAGMA busy_timeout = 5000; $sql" >/dev/null
    status=$(curl -sS -o /dev/null -w '%{http_code} %{time_starttransfer}\n' -c "$jar" -b "$jar" "$base$url")
    [ "${status%% *}" = 200 ] || { echo "GET $url answered ${status%% *}" >&2; exit 1; }
    echo "${status#* }" >>"$work/times"
  done
  summary "$label"
}

for scale in $scales; do
  if [ -n "$keep" ]; then work=$keep/$scale; mkdir -p "$work"; else work=$(mktemp -d "${TMPDIR:-/tmp}/training-report-bench.XXXXXX"); fi
  db=$work/training.db
  export ConnectionStrings__Training="Data Source=$db"
  export Keys__Folder="$work/keys"
  export Hangfire__SqliteFile="$work/hangfire.db"
  export Exports__Folder="$work/exports"
  export Media__Folder="$work/media"

  if [ -f "$work/ready" ]; then
    echo "== $scale: the data kept in $work"
    web migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
  else
  rm -f "$work"/*.db*
  echo "== $scale: demo data (seed-demo --scale $scale)"
  web migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
  web seed-demo --scale "$scale" >"$work/seed.log" 2>&1 || { tail -20 "$work/seed.log" >&2; exit 1; }
  grep -v -e '^warn' -e '^      ' "$work/seed.log" | tail -1 | sed 's/^/   /'

  echo "== $scale: 100 courses assigned to every 两委干部, $entries ledger entries a post holder"
  year=$(date +%Y)
  start=$(date +%s%N)
  sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100) INSERT INTO n SELECT i FROM c;
CREATE TEMP TABLE k(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $entries) INSERT INTO k SELECT i FROM c;
CREATE TEMP TABLE base AS SELECT MAX(Id) AS course FROM Courses;
INSERT INTO Courses (Title, Category, Description, OwnerId, State, QuizEarnsHours, Version)
  SELECT '基准课程 ' || n.i, c.Category, c.Description, c.OwnerId, 1, 0, lower(hex(randomblob(16)))
  FROM n, Courses c WHERE c.Id = (SELECT MIN(Id) FROM Courses WHERE State = 1 AND OwnerId = (SELECT Id FROM OrgUnits WHERE Level = 1 ORDER BY Id LIMIT 1));
INSERT INTO Assignments (CourseId, OwnerId, Required, StartOn, DueOn, Target, UnitId, Category, CreatedBy, CreatedAt, Cancelled, Version)
  SELECT c.Id, a.OwnerId, 1, '$year-01-01',
         CASE WHEN c.Id % 2 = 0 THEN date('now', 'start of month', '-1 day') ELSE '$year-12-31' END,
         a.Target, a.UnitId, a.Category, 'bench', a.CreatedAt, 0, lower(hex(randomblob(16)))
  FROM Courses c, (SELECT * FROM Assignments WHERE Target = 3 AND Category = 0 ORDER BY Id LIMIT 1) a
  WHERE c.Id > (SELECT course FROM base);
INSERT INTO StudyLedger (PersonId, "On", Hours, Required, Source, SourceId, RecordedBy, RecordedAt, ReversesId, Reason)
  SELECT p.PersonId, date('$year-01-01', '+' || ((p.PersonId * 31 + k.i * 37) % 330) || ' days'),
         CASE (p.PersonId + k.i) % 4 WHEN 0 THEN '0.25' WHEN 1 THEN '0.5' WHEN 2 THEN '1.0' ELSE '2.0' END,
         k.i % 2, 0, (SELECT course FROM base) + 1 + ((p.PersonId + k.i * 13) % 100), 'bench', '$year-01-01 00:00:00', NULL, NULL
  FROM (SELECT DISTINCT PersonId FROM Posts) p, k;
SQL
  echo "   $(sqlite3 "$db" "SELECT printf('%,d persons, %,d courses, %,d assignments, %,d ledger entries', (SELECT COUNT(*) FROM Persons), (SELECT COUNT(*) FROM Courses), (SELECT COUNT(*) FROM Assignments), (SELECT COUNT(*) FROM StudyLedger))") in $(( ($(date +%s%N) - start) / 1000000 )) ms"

  touch "$work/ready"
  fi

  echo "== $scale: the nightly aggregate job (learning-figures) and a process doing nothing (migrate) as the baseline"
  for run in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/time" bash -c "cd '$webdir' && exec dotnet Training.Web.dll learning-figures" >"$work/job.log" 2>&1 \
      || { cat "$work/job.log" >&2; exit 1; }
    read -r wall kb <"$work/time"
    echo "   run $run: $(grep -v '^warn' "$work/job.log" | tail -1)   process ${wall} s, peak memory $((kb / 1024)) MB"
  done
  /usr/bin/time -f "%e %M" -o "$work/time" bash -c "cd '$webdir' && exec dotnet Training.Web.dll migrate" >/dev/null 2>&1
  read -r wall kb <"$work/time"
  echo "   baseline (migrate, nothing to do): process ${wall} s, peak memory $((kb / 1024)) MB"
  echo "   aggregate rows: $(sqlite3 "$db" "SELECT printf('%,d', COUNT(*)) FROM StudyHoursTotals")"

  start_portal "$webdir"
  jar=$work/jar
  sign_in city "$jar"
  city=$(sqlite3 "$db" "SELECT Id FROM OrgUnits WHERE Code = '440100'")
  district=$(sqlite3 "$db" "SELECT Id FROM OrgUnits WHERE Code = '440111'")
  echo "== $scale: the portal (pid $server), as city"
  time_get "GET /Learning/Reports (the whole city)" "/Learning/Reports"
  time_get "GET /Learning/Reports?unit= (白云区)" "/Learning/Reports?unit=$district"
  time_get "GET /Learning/Reports/People 未开始 (city)" "/Learning/Reports/People?figure=NotStarted&unit=$city"
  time_get "GET / (city's home, with the learning card)" "/"
  village=$(sqlite3 "$db" "SELECT UnitId FROM LearningTallies t JOIN OrgUnits o ON o.Id = t.UnitId WHERE o.Level = 4 AND t.Learners > 0 ORDER BY UnitId LIMIT 1")
  time_after "GET /Learning/Reports after a save in one village" "/Learning/Reports" \
    "UPDATE LearningTallies SET Version = Version + 1 WHERE UnitId = $village"
  time_after "GET /Learning/Reports after an assignment (all rows)" "/Learning/Reports" \
    "UPDATE LearningTallies SET Version = Version + 1"
  time_get "GET /health/live (baseline)" "/health/live"
  echo "   server peak memory (VmHWM): $(peak_memory)"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  [ -n "$keep" ] || rm -rf "$work"
  work=
done
