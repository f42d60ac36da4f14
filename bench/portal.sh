# Sourced by the benchmarks that talk to a running portal: start it on a free port, sign in through the form.
# Expects $work (logs go there); sets $server (pid) and $base (its address). The server's figures are read from /proc.

# start_portal DIR [ARG…]: runs DIR/Training.Web.dll (with the ARGs, e.g. configuration) on a free local port and
# waits until /health/ready answers 200.
start_portal() {
  local dir=$1 port; shift
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  # MALLOC_ARENA_MAX as the Dockerfile sets it for production (why: there).
  (cd "$dir" && MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} exec dotnet Training.Web.dll --urls "$base" "$@" >"$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = 200 ] && return 0
    kill -0 "$server" 2>/dev/null || { echo "the portal stopped:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "/health/ready never answered 200" >&2
  exit 1
}

# The antiforgery token of the page on stdin.
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

# sign_in ACCOUNT JAR: signs a demo account in through the form (password Demo@12345), its cookies in JAR.
sign_in() {
  local account=$1 jar=$2 token answer
  rm -f "$jar"
  token=$(curl -sS -c "$jar" -b "$jar" "$base/Account/Login" | token_of || true)
  answer=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/Account/Login" \
    --data-urlencode "Input.UserName=$account" --data-urlencode "Input.Password=Demo@12345" --data-urlencode "__RequestVerificationToken=$token")
  [ "$answer" = 302 ] || { echo "sign-in as $account answered $answer" >&2; exit 1; }
}

# cookie_header JAR: the jar's cookies as one Cookie header value (for wrk, which has no cookie jar).
cookie_header() { sed 's/^#HttpOnly_//' "$1" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }'; }

# cpu_ticks: the server's CPU time so far (user + system), in clock ticks (getconf CLK_TCK of them a second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

# peak_memory: the server's peak resident memory (VmHWM), in MB.
peak_memory() { awk '/^VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$server/status"; }
