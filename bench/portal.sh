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

# totp [STEPS_AHEAD]: the code the demo's authenticator shows now (README's key; RFC 6238: 30 s, 6 digits, SHA-1),
# or that many time steps ahead.
totp() {
  python3 - "${1:-0}" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode("GZCADREDEMOTOTPKEYYANGCHENGQWERT")
step = int(time.time()) // 30 + int(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", step), "sha1").digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7fffffff) % 1000000))
PY
}

# sign_in ACCOUNT JAR: signs a demo account in through the form (password Gz-Cadre-2019), its cookies in JAR; city and
# district accounts then give the demo authenticator's code. A code is taken once: when this step's was used by an
# earlier sign-in, the next step's is given (the portal takes one step ahead), then after a wait a fresh one.
sign_in() {
  local account=$1 jar=$2 token answer ahead
  rm -f "$jar"
  token=$(curl -sS -c "$jar" -b "$jar" "$base/Account/Login" | token_of || true)
  answer=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "$base/Account/Login" \
    --data-urlencode "Input.UserName=$account" --data-urlencode "Input.Password=Gz-Cadre-2019" --data-urlencode "__RequestVerificationToken=$token")
  [ "${answer%% *}" = 302 ] || { echo "sign-in as $account answered $answer" >&2; exit 1; }
  case "$answer" in *"/Account/SignInCode"*) ;; *) return 0 ;; esac
  for ahead in 0 1 wait 0 1; do
    [ "$ahead" = wait ] && { sleep $((31 - $(date +%s) % 30)); continue; }
    token=$(curl -sS -c "$jar" -b "$jar" "$base/Account/SignInCode" | token_of || true)
    answer=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/Account/SignInCode" \
      --data-urlencode "Input.Code=$(totp "$ahead")" --data-urlencode "__RequestVerificationToken=$token")
    [ "$answer" = 302 ] && return 0
  done
  echo "the code step of $account answered $answer" >&2
  exit 1
}

# cookie_header JAR: the jar's cookies as one Cookie header value (for wrk, which has no cookie jar).
cookie_header() { sed 's/^#HttpOnly_//' "$1" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }'; }

# cpu_ticks: the server's CPU time so far (user + system), in clock ticks (getconf CLK_TCK of them a second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

# cpu_ms_a_request C0 C1 N: the server's CPU ms a request between two cpu_ticks readings over N requests (0 for none).
cpu_ms_a_request() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) / t * 1000 / n : 0) }'; }

# peak_memory: the server's peak resident memory (VmHWM), in MB.
peak_memory() { awk '/^VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$server/status"; }
