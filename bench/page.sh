#!/usr/bin/env bash
# One page under the microscope, on data a load run kept (bench/load.sh --keep DIR): what it costs and why.
# Usage: DATA=DIR/city bench/page.sh WHAT PUBLISH_DIR ARGS...
#   cpu  PUB WARM SECS "account path"...  each page warmed WARM s, then 2 rounds of SECS s at CONNS connections (100):
#                                         requests/s, p99 and the server's CPU ms a request (the figure to trust
#                                         when the machine's speed moves: compare two builds in the same hour,
#                                         alternating A B A B)
#   ab   PUB PUB_B WARM SECS "account path"...  two builds side by side on the same data (the same keys: one sign-in
#                                         serves both): each page warmed WARM s on each, then 3 rounds of SECS s
#                                         alternating A, B; the mean CPU ms a request of each and B/A. The machine's
#                                         speed moves from minute to minute here: only a comparison made within the
#                                         same minute says whether a change helped
#   sql  PUB account path                 the SQL the 4th GET of the page sends (3 GETs warm what is kept)
#   perf PUB account path                 perf record of the server under load (WARM s of warming first, default 15);
#                                         then: perf report -i $OUT/perf.data --children --sort symbol --stdio -g none
#   jit  PUB account path SECS            dotnet-counters (JIT, CPU, GC heap, working set) every 5 s beside SECS s of load
# DATA defaults to bench/.data/city; OUT (perf's folder) to /tmp/page-perf. PUB is a `dotnet publish -c Release` folder.
set -euo pipefail
what=$1 pub=$(realpath "$2"); shift 2
here=$(cd "$(dirname "$0")" && pwd)
data=$(realpath "${DATA:-$here/.data/city}")
[ -f "$data/training.db" ] || { echo "no seeded data in $data: run bench/load.sh --keep DIR first and set DATA=DIR/city" >&2; exit 1; }
work=$(mktemp -d /tmp/page.XXXX)
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
export ConnectionStrings__Training="Data Source=$data/training.db"
export Hangfire__SqliteFile="$work/hangfire.db" Exports__Folder="$work/exports" Media__Folder="$data/media" Keys__Folder="$data/keys"
source "$here/portal.sh"
trap 'for s in ${server:-} ${server_a:-} ${server_b:-}; do kill "$s" 2>/dev/null; wait "$s" 2>/dev/null; done; rm -rf "$work"' EXIT

# sign_in_all PAGE...: the cookie header of every account the pages name, in ck (anonymous: none needed). Against $base.
sign_in_all() {
  local p
  for p in "$@"; do set -- $p; [ "$1" = anonymous ] && { ck[$1]="x=1"; continue; }; [ -n "${ck[$1]:-}" ] || { sign_in "$1" "$work/jar-$1"; ck[$1]=$(cookie_header "$work/jar-$1"); }; done
}

# warm_page BASE ACCOUNT PATH: one GET (its status printed), then $warm s at $conns connections, unmeasured.
warm_page() {
  echo "warm $1 $2 $3 $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${ck[$2]}" "$1$3")"
  wrk -t2 -c"$conns" -d"${warm}s" --timeout 2s -H "Cookie: ${ck[$2]}" "$1$3" >/dev/null
}

# timed BASE ACCOUNT PATH: $secs s at $conns connections against the server $server; sets rps, p99, err and ms (its CPU ms a request).
timed() {
  local c0 c1 out n
  c0=$(cpu_ticks)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 2s --latency -H "Cookie: ${ck[$2]}" "$1$3")
  c1=$(cpu_ticks)
  n=$(awk '/requests in/ {print $1}' <<<"$out"); rps=$(awk '/^Requests\/sec:/ {print int($2)}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out"); err=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  ms=$(cpu_ms_a_request "$c0" "$c1" "$n")
}

case $what in
  cpu)
    warm=$1 secs=$2 conns=${CONNS:-100}; shift 2
    pages=("$@")
    start_portal "$pub"
    declare -A ck
    sign_in_all "${pages[@]}"
    for p in "${pages[@]}"; do set -- $p; warm_page "$base" "$1" "$2"; done
    for round in 1 2; do
      for p in "${pages[@]}"; do set -- $p
        timed "$base" "$1" "$2"
        printf "r%d %-22s %-50s %6s/s p99 %8s cpu %s ms/req err %s\n" "$round" "$1" "$2" "$rps" "$p99" "$ms" "${err:-0}"
      done
    done
    echo "peak working set $(peak_memory)" ;;
  ab)
    pub_b=$(realpath "$1") warm=$2 secs=$3 conns=${CONNS:-100}; shift 3
    pages=("$@")
    start_portal "$pub"; server_a=$server base_a=$base
    wb=$work/b; mkdir -p "$wb"
    work=$wb Hangfire__SqliteFile="$wb/hangfire.db" start_portal "$pub_b"; server_b=$server base_b=$base
    declare -A ck cpu
    base=$base_a sign_in_all "${pages[@]}"
    for p in "${pages[@]}"; do set -- $p; warm_page "$base_a" "$1" "$2"; warm_page "$base_b" "$1" "$2"; done
    for round in 1 2 3; do
      for p in "${pages[@]}"; do set -- $p
        for x in a b; do b=base_$x s=server_$x; server=${!s}
          timed "${!b}" "$1" "$2"
          cpu[$x $p]="${cpu[$x $p]:-} $ms"
          printf "r%d %s %-22s %-50s %6s/s p99 %8s cpu %s ms/req err %s\n" "$round" "$x" "$1" "$2" "$rps" "$p99" "$ms" "${err:-0}"
        done
      done
    done
    echo "mean CPU ms a request (A = $pub, B = $pub_b):"
    for p in "${pages[@]}"; do
      awk -v p="$p" -v a="${cpu[a $p]}" -v b="${cpu[b $p]}" 'BEGIN { na = split(a, xa, " "); nb = split(b, xb, " ")
        for (i = 1; i <= na; i++) sa += xa[i]; for (i = 1; i <= nb; i++) sb += xb[i]
        printf "  %-72s A %5.2f  B %5.2f  B/A %4.2f\n", p, sa / na, sb / nb, (sb / nb) / (sa / na) }'
    done ;;
  sql)
    acct=$1 path=$2
    start_portal "$pub" --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information
    sign_in "$acct" "$work/jar"
    for _ in 1 2 3; do curl -s -o /dev/null -b "$work/jar" "$base$path"; done
    sleep 1; n=$(wc -l < "$work/server.log")
    curl -s -o /dev/null -w '%{http_code} %{time_total} s\n' -b "$work/jar" "$base$path"
    sleep 1; tail -n +$((n + 1)) "$work/server.log" | cut -c1-250 ;;
  perf)
    acct=$1 path=$2 out=${OUT:-/tmp/page-perf}
    rm -rf "$out"; mkdir -p "$out"
    export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
    start_portal "$pub"
    sign_in "$acct" "$work/jar"; c=$(cookie_header "$work/jar")
    wrk -t2 -c100 -d"${WARM:-15}s" --timeout 2s -H "Cookie: $c" "$base$path" >/dev/null
    wrk -t1 -c50 -d10s --timeout 2s -H "Cookie: $c" "$base$path" > "$out/wrk.txt" & w=$!
    sleep 1
    timeout 30 perf record -F 499 -g -p "$server" -o "$out/perf.data" -- sleep 7 > "$out/perf.log" 2>&1
    wait $w  # (not a bare wait: the server is a child too)
    cp "/tmp/perf-$server.map" "$out/" 2>/dev/null || true
    echo "recorded: perf report -i $out/perf.data --children --sort symbol --stdio -g none" ;;
  jit)
    acct=$1 path=$2 secs=$3
    start_portal "$pub"
    sign_in "$acct" "$work/jar"; c=$(cookie_header "$work/jar")
    wrk -t2 -c100 -d"${secs}s" --timeout 2s -H "Cookie: $c" "$base$path" > "$work/wrk.txt" & w=$!
    counters=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
    timeout $((secs + 10)) "$counters" collect -p "$server" --duration "00:00:$(printf %02d $((secs - 2)))" --refresh-interval 5 \
      --counters System.Runtime --format csv -o "$work/c.csv" >/dev/null 2>&1 || true
    wait $w
    grep Requests "$work/wrk.txt"
    awk -F, '/compiled_methods|jit.compilation.time|cpu.mode=user|heap.size|working_set/ {print $1, $3, $5}' "$work/c.csv" ;;
  *) sed -n 2,13p "$0"; exit 2 ;;
esac
