#!/usr/bin/env bash
# One simulated learner of bench/learning.sh, as a browser would: registers a roster person at
# /Account/Register (身份证号 + 姓名 + 手机号, which also signs in), then opens the lesson and keeps
# the playback id and the antiforgery token the page issues for its heartbeats.
# Usage: learner.sh BASE_URL WORK_DIR PERSONS_TSV LINE LESSON_ID
# PERSONS_TSV lines: idNumber<TAB>name<TAB>phone. Prints lessonId<TAB>playbackId<TAB>token<TAB>cookie.
set -euo pipefail
base=$1 work=$2 persons=$3 n=$4 lesson=$5
IFS=$'\t' read -r idnumber name phone < <(sed -n "${n}p" "$persons")
jar="$work/jars/learner-$n"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

token=$(curl -sS -c "$jar" -b "$jar" "$base/Account/Register" | token_of)
status=$(curl -sS -o "$work/jars/register-$n.html" -w '%{http_code}' -c "$jar" -b "$jar" "$base/Account/Register" \
  --data-urlencode "Input.IdNumber=$idnumber" --data-urlencode "Input.Name=$name" --data-urlencode "Input.Phone=$phone" \
  --data-urlencode "Input.UserName=bench-learner-$n" --data-urlencode "Input.Password=Gz-Cadre-2019" \
  --data-urlencode "Input.ConfirmPassword=Gz-Cadre-2019" --data-urlencode "__RequestVerificationToken=$token")
if [ "$status" != 302 ] || ! grep -q 'training\.auth' "$jar"; then
  echo "learner $n: registration answered $status without signing in (see $work/jars/register-$n.html)" >&2
  exit 1
fi

page=$(curl -sS -c "$jar" -b "$jar" "$base/Learning/Study/Lesson/$lesson")
playback=$(grep -o 'data-playback-id="[^"]*"' <<<"$page" | head -1 | sed 's/.*="//;s/"$//')
hb_token=$(grep -o 'id="heartbeat-token"[^>]*>[^<]*<input[^>]*>' <<<"$page" | token_of)
if [ -z "$playback" ] || [ -z "$hb_token" ]; then
  echo "learner $n: the lesson page issued no playback id or no heartbeat token" >&2
  exit 1
fi
# The Cookie header a browser would send: every cookie in the jar (HttpOnly ones included).
cookie=$(sed -n 's/^#HttpOnly_//; /^#/d; /^$/d; p' "$jar" | awk -F'\t' '{printf "%s%s=%s", (NR>1?"; ":""), $6, $7}')
printf '%s\t%s\t%s\t%s\n' "$lesson" "$playback" "$hb_token" "$cookie"
