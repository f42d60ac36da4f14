#!/usr/bin/env bash
# Online learning benchmark (issue 13): heartbeats of many learners at once, and a 200 MB video
# served with range requests. Usage:
#   bench/learning.sh [--learners N] [--threads T] [--connections C] [--seconds S] [--video-mb M]
#                     [--ranges R] [--range-kb K] [--breakdown|--no-breakdown]
#  1. Builds Release, seeds the demo data (the `seed-demo` verb) into a temporary folder and starts
#     the portal there in Production (logging at Warning) on a free local port.
#  2. As `city`, through the pages as a browser uses them (antiforgery tokens scraped from each
#     form): creates a course, adds a text lesson, uploads a generated MP4 (ftyp + moov/mvhd of
#     3600 s + an M MB mdat) and publishes.
#  3. N roster persons register at /Account/Register (each its own session), open the text lesson
#     (each its own playback id and token); wrk (one connection a thread, each thread its own
#     learners in turn: never two heartbeats of one playback at once) posts heartbeats for S s, and
#     then GETs /health/live with the same threads, connections and duration: the baseline.
#     Any non-2xx counts as an error. Below the target (or with --breakdown), the heartbeat is timed
#     again without its parts: answered 400 before its query (sign-in cookie + antiforgery + binding),
#     and 404 after its query (the read, no write).
#  4. R range requests of K KB at random offsets of the video as a trainee, the server's peak memory
#     (VmHWM) before and after, and one whole download.
# Targets: ≥ 2,000 heartbeats/s with no error; a range request < 50 ms; memory bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
learners=256 threads=64 connections=64 seconds=20 video_mb=200 ranges=100 range_kb=1024 breakdown=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --learners) learners=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --video-mb) video_mb=$2; shift 2 ;;
    --ranges) ranges=$2; shift 2 ;;
    --range-kb) range_kb=$2; shift 2 ;;
    --breakdown) breakdown=yes; shift ;;
    --no-breakdown) breakdown=no; shift ;;
    *) sed -n '2,5p' "$0" >&2; exit 2 ;;
  esac
done
# A playback must never have two heartbeats in flight. wrk's Lua cannot tell which connection a
# response came on, and round-robin over a thread's learners is not enough with several connections
# a thread: one slow request is overtaken by any number of fast ones on the thread's other
# connections, and its learner comes round again while it is still on the server (seen: 409s). So
# each wrk thread has one connection and its own learners, whom it serves strictly in turn.
if [ "$threads" -ne "$connections" ] || [ "$learners" -lt $((4 * connections)) ]; then
  echo "--threads must equal --connections (one connection a wrk thread), and --learners be at least 4 × --connections" >&2; exit 2
fi
for tool in wrk sqlite3; do
  command -v "$tool" >/dev/null || { echo "installing $tool"; apt-get install -y "$tool" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$tool" >/dev/null; }; }
done

echo "== build (Release)"
dotnet build -c Release src/Training.Web >/dev/null
dotnet build -c Release bench/Training.Bench >/dev/null
bench_dll=$repo/bench/Training.Bench/bin/Release/net10.0/Training.Bench.dll
webdir=$repo/src/Training.Web/bin/Release/net10.0
work=$(mktemp -d "${TMPDIR:-/tmp}/training-learning-bench.XXXXXX")
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Training="Data Source=$work/training.db"
export Keys__Folder="$work/keys"
export Hangfire__SqliteFile="$work/hangfire.db"
export Exports__Folder="$work/exports"
export Media__Folder="$work/media"
export Logging__LogLevel__Default=Warning
web() { (cd "$webdir" && exec dotnet Training.Web.dll "$@"); }
source "$repo/bench/portal.sh"
ms() { date +%s%N | cut -c1-13; }
rss() { awk '/^VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server/status"; }
hz=$(getconf CLK_TCK)

echo "== data: demo data (seed-demo, city scale) into $work, environment Production"
web migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
web seed-demo >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
grep -v -e '^warn' -e '^      ' "$work/seed.log" | sed 's/^/   /'

start_portal "$webdir"
echo "== portal: pid $server at $base (Production, Logging:LogLevel:Default=Warning), ready; peak memory $(peak_memory)"

# --- as a browser: a cookie jar, and each form's antiforgery token taken from the page it is on
mkdir -p "$work/jars"
jar=$work/jars/city
version_of() { grep -o 'name="Version" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
get() { curl -sS -c "$jar" -b "$jar" "$base$1"; }
# post URL field=value…: posts the form with the page's token; prints the status and the redirect target.
post() {
  local url=$1; shift
  local args=()
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -sS -o "$work/last.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "$base$url" "${args[@]}"
}
expect_redirect() { # what answer
  case "$2" in 302\ *) ;; *) echo "$1 answered ${2%% *}:" >&2; sed -e 's/<[^>]*>//g' "$work/last.html" | grep -v '^\s*$' | head -20 >&2; exit 1 ;; esac
}

echo "== authoring as city"
sign_in city "$jar"
answer=$(post /Learning/Courses/Create "Input.Title=基准测试课程 $(date +%H%M%S)" "Input.Category=PartyBuilding" \
  "Input.Description=bench/learning.sh" "__RequestVerificationToken=$(get /Learning/Courses/Create | token_of)")
expect_redirect "create course" "$answer"
course=$(sed 's/.*\/Learning\/Courses\/Details\///; s/[^0-9].*//' <<<"${answer#* }")
page=$(get "/Learning/Courses/Lessons/Text/$course")
body=$(for i in $(seq 40); do printf '第 %d 段：基层党组织建设的学习材料，用于测试文本课时的学习心跳。\n\n' "$i"; done)
answer=$(post "/Learning/Courses/Lessons/Text/$course" "Input.Title=文本课时" "Input.Body=$body" \
  "Version=$(version_of <<<"$page")" "__RequestVerificationToken=$(token_of <<<"$page")")
expect_redirect "add text lesson" "$answer"

# The MP4: ftyp, moov with a movie header (timescale 1000, 3600 s), then an mdat of video_mb MB.
be32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }
mp4=$work/lecture.mp4
mdat_bytes=$((video_mb * 1024 * 1024))
{
  printf "$(be32 24)ftypisom$(be32 0)isomavc1"
  printf "$(be32 116)moov$(be32 108)mvhd$(be32 0)$(be32 0)$(be32 0)$(be32 1000)$(be32 3600000)"
  head -c 80 /dev/zero
  printf "$(be32 $((mdat_bytes + 8)))mdat"
  head -c "$mdat_bytes" /dev/zero
} >"$mp4"
mp4_bytes=$(stat -c %s "$mp4")
page=$(get "/Learning/Courses/Lessons/Upload/$course?kind=Video")
t0=$(ms)
answer=$(curl -sS -o "$work/last.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
  -H "RequestVerificationToken: $(token_of <<<"$page")" \
  -F "Version=$(version_of <<<"$page")" -F "Input.Title=视频课时" -F "File=@$mp4;type=video/mp4;filename=lecture.mp4" \
  "$base/Learning/Courses/Lessons/Upload/$course?kind=Video")
t1=$(ms)
expect_redirect "upload video" "$answer"
echo "   upload: $((mp4_bytes / 1024 / 1024)) MB in $((t1 - t0)) ms ($(awk -v b="$mp4_bytes" -v t=$((t1 - t0)) 'BEGIN {printf "%.0f", b / 1048576 / (t / 1000)}') MB/s); server peak memory after it $(peak_memory)"
page=$(get "/Learning/Courses/Details/$course")
answer=$(post "/Learning/Courses/Details/$course?handler=Publish" "Version=$(version_of <<<"$page")" "__RequestVerificationToken=$(token_of <<<"$page")")
expect_redirect "publish" "$answer"
page=$(get "/Learning/Courses/Details/$course")
text_lesson=$(grep -o '<tr data-id="[0-9]*"' <<<"$page" | sed -n '1s/[^0-9]//gp')
video_lesson=$(grep -o '<tr data-id="[0-9]*"' <<<"$page" | sed -n '2s/[^0-9]//gp')
duration=$(sqlite3 "$work/training.db" "select DurationSeconds from Lessons where Id = $video_lesson")
echo "   course $course published: text lesson $text_lesson, video lesson $video_lesson (duration read from the file: $duration s)"

echo "== $learners learners: register (roster persons, each its own session) and open the text lesson"
# Persons who may register (party members of the roster) and have no account yet.
# ID numbers and phones are encrypted in the database: the bench reads them with the portal's key ($work/keys).
dotnet "$bench_dll" registrable --db "$work/training.db" --count "$learners" --keys "$work/keys" | cut -f1-3 >"$work/persons.tsv"
[ "$(wc -l <"$work/persons.tsv")" -eq "$learners" ] || { echo "not enough persons to register" >&2; exit 1; }
t0=$(ms)
seq "$learners" | xargs -P 4 -I{} bench/learning/learner.sh "$base" "$work" "$work/persons.tsv" {} "$text_lesson" >"$work/learners.tsv"
t1=$(ms)
[ "$(wc -l <"$work/learners.tsv")" -eq "$learners" ] || { echo "only $(wc -l <"$work/learners.tsv") of $learners learners are ready" >&2; exit 1; }
[ "$(cut -f2 "$work/learners.tsv" | sort -u | wc -l)" -eq "$learners" ] || { echo "two learners share a playback id" >&2; exit 1; }
echo "   $learners sessions and playbacks in $((t1 - t0)) ms"

# wrk stops with requests still in flight: before the next run, wait until the server is idle, so that
# no playback ever has a request of one run and one of the next on the server at once.
drain() {
  local a b
  for _ in $(seq 60); do
    a=$(cpu_ticks); sleep 0.5; b=$(cpu_ticks)
    [ $((b - a)) -le $((hz / 20)) ] && return
  done
}
# load NAME MODE SECONDS URL [VAR=value…]: runs wrk with the script; keeps its RESULT line and the server's CPU.
declare -A result cpu
load() {
  local name=$1 mode=$2 secs=$3 url=$4; shift 4
  local c0 c1
  drain
  c0=$(cpu_ticks)
  env "$@" MODE="$mode" THREADS="$threads" LEARNERS="$work/learners.tsv" \
    /usr/bin/time -f 'wrk cpu %U+%S s' -o "$work/wrk-$name.time" \
    wrk -t"$threads" -c"$connections" -d"${secs}s" --timeout 10s --latency -s bench/learning/wrk.lua "$url" >"$work/wrk-$name.out"
  c1=$(cpu_ticks)
  result[$name]=$(grep '^RESULT' "$work/wrk-$name.out")
  cpu[$name]=$(awk -v t=$((c1 - c0)) -v hz="$hz" -v s="$secs" 'BEGIN {printf "%.1f", t / hz}')
}
field() { grep -o " $2=[^ ]*" <<<"${result[$1]}" | cut -d= -f2; }
show() { # name label
  local r=$1
  printf '   %-34s %8.0f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   non-2xx %s   socket errors %s\n' "$2" \
    "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" non2xx)" "$(field "$r" socket_errors)"
  printf '   %-34s statuses %s; server cpu %s s (%.0f%% of %d cores, %.2f ms a request); %s\n' "" \
    "$(field "$r" statuses)" "${cpu[$r]}" "$(awk -v c="${cpu[$r]}" -v s="$(field "$r" seconds)" -v n="$(nproc)" 'BEGIN {print 100 * c / s / n}')" "$(nproc)" \
    "$(awk -v c="${cpu[$r]}" -v q="$(field "$r" requests)" 'BEGIN {print q ? 1000 * c / q : 0}')" "$(cat "$work/wrk-$r.time")"
}

echo "== heartbeats: wrk -t$threads -c$connections -d${seconds}s, each thread one connection and its own $((learners / threads)) learners in turn"
load warmup heartbeat 3 "$base/Learning/Heartbeat"
load heartbeat heartbeat "$seconds" "$base/Learning/Heartbeat"
load live live "$seconds" "$base/health/live"
show heartbeat "POST /Learning/Heartbeat"
show live "GET /health/live (baseline)"
hb_rps=$(field heartbeat rps)
ratio=$(awk -v a="$hb_rps" -v b="$(field live rps)" 'BEGIN {printf "%.2f", a / b}')
errors=$(( $(field heartbeat non2xx) + $(field heartbeat socket_errors) ))
met=$(awk -v r="$hb_rps" -v e="$errors" 'BEGIN {print (r >= 2000 && e == 0) ? "met" : "NOT met"}')
echo "   heartbeat / live: $ratio; target ≥ 2,000 heartbeats/s with 0 errors: $met"
credited=$(sqlite3 "$work/training.db" "select count(*), sum(Beats), max(Beats) from Playbacks where LessonId = $text_lesson")
echo "   database: playbacks, heartbeats recorded, most on one playback: ${credited//|/, } (wrk's 2xx: $(( $(field warmup requests) - $(field warmup non2xx) + $(field heartbeat requests) - $(field heartbeat non2xx) )))"

if [ "$breakdown" = yes ] || { [ "$breakdown" = auto ] && [ "$met" != met ]; }; then
  echo "== where a heartbeat's time goes: the same load, the heartbeat cut short by the app's own early answers"
  bsecs=$(( seconds / 2 ))
  load bad heartbeat "$bsecs" "$base/Learning/Heartbeat" STATE=bogus
  load unknown heartbeat "$bsecs" "$base/Learning/Heartbeat" PLAYBACK=unknown
  show bad "400 before the query (cookie+af)"
  show unknown "404 after the query (no write)"
  echo "   (heartbeat in full above: the query, the update of playback and progress, the commit)"
fi

echo "== video: /Learning/Media/File/$video_lesson ($((mp4_bytes / 1024 / 1024)) MB) as a trainee"
cookie=$(head -1 "$work/learners.tsv" | cut -f4)
echo "   server peak memory (VmHWM) before: $(peak_memory), resident now $(rss)"
awk -v n="$ranges" -v max=$((mp4_bytes - range_kb * 1024)) 'BEGIN {srand(13); for (i = 0; i < n; i++) printf "%d\n", int(rand() * max)}' >"$work/offsets"
bad=0
while read -r start; do
  end=$((start + range_kb * 1024 - 1))
  read -r code size total < <(curl -sS -o /dev/null -H "Cookie: $cookie" -r "$start-$end" -w '%{http_code} %{size_download} %{time_total}\n' "$base/Learning/Media/File/$video_lesson")
  { [ "$code" = 206 ] && [ "$size" = $((range_kb * 1024)) ]; } || bad=$((bad + 1))
  echo "$total" >>"$work/range-times"
done <"$work/offsets"
sort -g -o "$work/range-times" "$work/range-times"
awk -v bad="$bad" -v kb="$range_kb" '{t[NR] = $1 * 1000} END {
  p = t[int((NR - 1) * 0.50) + 1]; q = t[int((NR - 1) * 0.95) + 1];
  printf "   %d range requests of %d KB at random offsets: p50 %.1f ms, p95 %.1f ms, max %.1f ms; not 206 or short: %d; target < 50 ms: %s\n",
    NR, kb, p, q, t[NR], bad, (q < 50 && bad == 0) ? "met" : "NOT met" }' "$work/range-times"
echo "   server peak memory (VmHWM) after the range requests: $(peak_memory), resident now $(rss)"
read -r code size total speed < <(curl -sS -o /dev/null -H "Cookie: $cookie" -w '%{http_code} %{size_download} %{time_total} %{speed_download}\n' "$base/Learning/Media/File/$video_lesson")
awk -v c="$code" -v s="$size" -v t="$total" -v v="$speed" 'BEGIN {printf "   whole file (status %s): %.0f MB in %.2f s, %.0f MB/s\n", c, s / 1048576, t, v / 1048576}'
echo "   server peak memory (VmHWM) after the whole download: $(peak_memory), resident now $(rss)"

echo "== the learner's home at city scale (trainee-demo: assignments of the city and its class, ledger, demo progress of ~3,000 cadres)"
jar=$work/jars/trainee-demo
expect_redirect "sign-in as trainee-demo" "$(post /Account/Login "Input.UserName=trainee-demo" "Input.Password=Gz-Cadre-2019" "__RequestVerificationToken=$(get /Account/Login | token_of)")"
grep -q 'data-testid="year-hours"' <(get /) || { echo "trainee-demo's home shows no learning card" >&2; exit 1; }
# Server time: from the request sent to the first byte back, on this machine (time_starttransfer − time_pretransfer).
home_times() { # path label
  : >"$work/home-times"
  for _ in $(seq 1 20); do curl -sS -o /dev/null -c "$jar" -b "$jar" "$base$1"; done # warm-up
  for _ in $(seq 1 200); do
    curl -sS -o /dev/null -c "$jar" -b "$jar" -w '%{time_pretransfer} %{time_starttransfer}\n' "$base$1" | awk '{print ($2 - $1) * 1000}' >>"$work/home-times"
  done
  sort -g -o "$work/home-times" "$work/home-times"
  awk -v label="$2" '{t[NR] = $1} END {printf "   %-34s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%d requests)\n", label, t[int((NR - 1) * 0.5) + 1], t[int((NR - 1) * 0.95) + 1], t[NR], NR}' "$work/home-times"
}
home_times / "GET / (trainee-demo's home)"
home_p50=$(awk '{t[NR] = $1} END {print t[int((NR - 1) * 0.5) + 1]}' "$work/home-times")
home_times /health/live "GET /health/live (baseline)"
echo "   target: the learner's home under 10 ms server time: $(awk -v p="$home_p50" 'BEGIN {print (p < 10) ? "met (p50)" : "NOT met"}')"

if grep -q -E '^(fail|crit)' "$work/server.log"; then
  echo "== the portal logged errors:"; grep -A3 -E '^(fail|crit)' "$work/server.log" | head -30 | sed 's/^/   /'
fi
[ "$met" = met ]
