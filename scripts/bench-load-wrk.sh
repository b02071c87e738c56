#!/usr/bin/env bash
# Load benchmark with wrk (issue 11): N users, each logged in with a session of their own, ask for the given pages of
# a running platform in turn (closed loop) for S seconds; prints requests/s, p50/p95/p99/max and the answers other
# than 200 (a session that expired answers 302: counted). wrk is a C client: it leaves the cores to the server, where
# `./fusa bench load` (a Java client) takes most of one core of a 2-core machine.
#
#   FUSA_PASSWORD=... scripts/bench-load-wrk.sh --user U [--server http://localhost:8080] [--users 50]
#                     [--seconds 20] [--warmup 5] [--path P]...   (default paths: the dashboard, configuration 1's
#                     SLOC, the readiness history and configuration 1's trend across all tags)
#
# Needs wrk and curl. Exit 0 when every answer was 200, 1 otherwise, 2 on bad input.
set -euo pipefail

server="http://localhost:8080" user="" users=50 seconds=20 warmup=5 paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --path) paths+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$user" ] || { echo "give --user (and the password in FUSA_PASSWORD)" >&2; exit 2; }
[ -n "${FUSA_PASSWORD:-}" ] || { echo "set FUSA_PASSWORD to the password of '$user'" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ ${#paths[@]} -gt 0 ] || paths=("/" "/configurations/1/sloc" "/readiness/history" "/configurations/1/trend?all=true")

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$users"); do
  jar="$work/jar-$i"
  token=$(curl -s -c "$jar" -b "$jar" "$server/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" \
    --data-urlencode "password=$FUSA_PASSWORD" --data-urlencode "_csrf=$token" "$server/login"
  cookie=$(awk '$6=="JSESSIONID"{print "JSESSIONID="$7}' "$jar")
  [ -n "$cookie" ] || { echo "no session for '$user' on $server (not a platform?)" >&2; exit 2; }
  if [ "$i" = 1 ]; then # checked before logging in again: a wrong password is not tried N times (the login throttle)
    for p in "${paths[@]}"; do
      status=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$server$p")
      [ "$status" = 200 ] || { echo "$server$p answers $status to '$user', not 200 (302: not logged in, wrong" \
        "password?)" >&2; exit 2; }
    done
  fi
  echo "$cookie" >> "$work/cookies"
done

lua_paths=$(printf '"%s",' "${paths[@]}")
cat > "$work/load.lua" <<LUA
local cookies, paths, n, threads = {}, {${lua_paths%,}}, 0, {}
bad = 0 -- global: done() reads it from each thread
function setup(thread) table.insert(threads, thread) end
function init(args)
  for line in io.lines("$work/cookies") do cookies[#cookies + 1] = line end
  n = math.random(1, 100000)
end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {["Cookie"] = cookies[(n % #cookies) + 1]})
end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local notok = 0
  for _, t in ipairs(threads) do notok = notok + t:get("bad") end
  local s = summary.duration / 1e6
  io.write(string.format("%d users, %d pages in turn, %.0f s: %d requests, %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, answers other than 200: %d, socket errors: %d\n",
    $users, #paths, s, summary.requests, summary.requests / s, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, notok,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if notok > 0 then os.exit(1) end
end
LUA
threads=2
[ "$users" -lt 2 ] && threads=1
if [ "$warmup" -gt 0 ]; then
  wrk -t"$threads" -c"$users" -d"${warmup}s" -s "$work/load.lua" "$server" | tail -1
fi
wrk -t"$threads" -c"$users" -d"${seconds}s" -s "$work/load.lua" "$server" | tail -1
