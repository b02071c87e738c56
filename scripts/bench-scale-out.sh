#!/usr/bin/env bash
# Scale-out benchmark (issue 18): the all-tags ingest of a repository with one instance of the platform, then with
# two, each instance limited to one core with taskset, against one PostgreSQL (the embedded one of the first
# instance, which the second reaches over localhost; the database server itself may use every core). Prints both
# wall times and their ratio. With --kill, a third run kills the second instance (kill -9) at one third of the refs
# and checks that the job still completes, every tag stored once, with the same snapshots and figures as the
# one-instance run. Each run starts on an empty database, so nothing is read from an earlier run's cache.
#
#   scripts/bench-scale-out.sh --repo /work/xen [--tags 'RELEASE-4.*'] [--ports 8091,8092] [--cores 0,1]
#                              [--kill] [--only-kill] [--work DIR] [--keep] [--no-build]
#
# Needs curl and jq; psql (any client) for the per-snapshot figures compared between runs. Exit 0 when every run
# completed as checked, 1 when one did not, 2 on bad input.
set -euo pipefail
cd "$(dirname "$0")/.."

repo="" tags="RELEASE-4.*" ports="8091,8092" cores="0,1" kill=false only_kill=false work="" keep=false build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --tags) tags="$2"; shift 2 ;;
    --ports) ports="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --kill) kill=true; shift ;;
    --only-kill) kill=true; only_kill=true; shift ;;
    --work) work="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$repo" ] || { echo "give --repo (a git repository with tags, e.g. a Xen clone)" >&2; exit 2; }
repo=$(cd "$repo" && pwd) || { echo "no folder '$repo'" >&2; exit 2; }
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || { echo "'$repo' is not a git repository" >&2; exit 2; }
for tool in curl jq taskset; do
  command -v "$tool" >/dev/null || { echo "this benchmark needs $tool" >&2; exit 2; }
done
IFS=, read -r port_a port_b <<<"$ports"
IFS=, read -r core_a core_b <<<"$cores"
ntags=$(git -C "$repo" tag -l "$tags" | wc -l)
[ "$ntags" -gt 0 ] || { echo "no tag of '$repo' matches '$tags'" >&2; exit 2; }
ncommits=$(git -C "$repo" for-each-ref "refs/tags/$tags" \
  --format='%(if)%(*objectname)%(then)%(*objectname)%(else)%(objectname)%(end)' | sort -u | wc -l)
[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/fusa-bench-scale-out.XXXXXX")
mkdir -p "$work"
password="bench-scale-out-$(date +%s)-admin"
# builds the jar when the sources are newer (./fusa does), before any instance is limited to one core; the instances
# then run that jar as ./fusa runs it (its extracted layout, a 1 GB heap unless FUSA_JAVA_OPTS sets one)
[ "$build" = false ] || ./fusa sloc --help >/dev/null
jar=web-app/target/fusa-run/fusa.jar
[ -f "$jar" ] || { echo "no $jar: run ./fusa once (or drop --no-build)" >&2; exit 2; }
heap=(-Xmx1g)
case " ${FUSA_JAVA_OPTS:-} " in *" -Xmx"*) heap=() ;; esac

pids=()
stop_all() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; [ "$keep" = true ] || rm -rf "$work"' EXIT

# start NAME PORT CORE DATA [spring options...]: an instance on one core, in the background; waits until it is up
start() {
  local name=$1 port=$2 core=$3 data=$4; shift 4
  mkdir -p "$data"
  # shellcheck disable=SC2086
  FUSA_ADMIN_PASSWORD="$password" taskset -c "$core" java "${heap[@]}" ${FUSA_JAVA_OPTS:-} -jar "$jar" \
    --server.port="$port" --fusa.data-dir="$data" \
    --fusa.instance-id="$name" --fusa.allowed-roots="$repo" --fusa.submodule-ingest-on-start=false "$@" \
    >"$data/instance.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  eval "pid_${name//-/_}=$pid"
  local deadline=$((SECONDS + 300))
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "instance $name did not start; its log ($data/instance.log) ends:" >&2
      tail -30 "$data/instance.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# the embedded PostgreSQL was started by the first instance and inherited its one core: let it use every core
free_database() {
  local pgdata=$1/postgres pid p
  pid=$(head -1 "$pgdata/postmaster.pid")
  for p in $pid $(pgrep -P "$pid" || true); do taskset -a -p -c "0-$(($(nproc) - 1))" "$p" >/dev/null || true; done
}

# cpu PID...: CPU seconds (user + system) the processes used so far, with their children already waited for
cpu() {
  local p total=0 t
  for p in "$@"; do
    t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "scale=1; $total / $(getconf CLK_TCK)" | bc
}

# database_pids DATA: the embedded PostgreSQL's server processes
database_pids() {
  local pid
  pid=$(head -1 "$1/postgres/postmaster.pid")
  echo "$pid" $(pgrep -P "$pid" || true)
}

api() { # METHOD PORT PATH [JSON]
  curl -fsS -u "admin:$password" -X "$1" -H 'Content-Type: application/json' ${4:+--data "$4"} \
    "http://localhost:$2$3"
}

sql() { # DATA QUERY
  PGPASSWORD=$(cat "$1/postgres.password") psql -X -q -A -t -F ' ' -h localhost \
    -p "$(sed -n 4p "$1/postgres/postmaster.pid")" -U postgres -d postgres -c "$2"
}

# run LABEL INSTANCES KILL: one ingest on a fresh database; prints its wall time and checks what it stored
run() {
  local label=$1 instances=$2 killing=$3 dir="$work/$1"
  rm -rf "$dir"
  start bench-a "$port_a" "$core_a" "$dir/a"
  free_database "$dir/a"
  if [ "$instances" = 2 ]; then
    start bench-b "$port_b" "$core_b" "$dir/b" \
      --spring.datasource.url="jdbc:postgresql://localhost:$(sed -n 4p "$dir/a/postgres/postmaster.pid")/postgres" \
      --spring.datasource.username=postgres --spring.datasource.password="$(cat "$dir/a/postgres.password")"
  fi
  local id job t0 t1 state done_refs killed=""
  id=$(api POST "$port_a" /api/repositories "$(jq -nc --arg l "$repo" '{name: "bench", location: $l}')" | jq .id)
  local cpu0_a cpu0_b=0 cpu0_db
  cpu0_a=$(cpu "$pid_bench_a"); [ "$instances" = 2 ] && cpu0_b=$(cpu "$pid_bench_b")
  cpu0_db=$(cpu $(database_pids "$dir/a"))
  t0=$(date +%s.%N)
  job=$(api POST "$port_a" "/api/repositories/$id/ingest" "$(jq -nc --arg t "$tags" '{mode: "TAGS", ref: $t}')" \
    | jq .id)
  while :; do
    local j
    j=$(api GET "$port_a" "/api/jobs/$job")
    state=$(jq -r .state <<<"$j")
    done_refs=$(jq -r .refsDone <<<"$j")
    if [ "$killing" = true ] && [ -z "$killed" ] && [ "$done_refs" -ge $((ntags / 3)) ]; then
      kill -9 "$pid_bench_b"
      killed="at $done_refs of $ntags refs"
      echo "  $label: kill -9 of bench-b $killed" >&2
    fi
    case "$state" in QUEUED|RUNNING) sleep 0.25 ;; *) break ;; esac
  done
  t1=$(date +%s.%N)
  wall=$(echo "$t1 - $t0" | bc)
  echo "  $label: $state in ${wall} s; $(jq -r .message <<<"$j")" >&2
  echo "  $label: CPU used during the ingest: bench-a $(echo "$(cpu "$pid_bench_a") - $cpu0_a" | bc) s$(
    [ "$instances" = 2 ] && [ -z "$killed" ] && echo ", bench-b $(echo "$(cpu "$pid_bench_b") - $cpu0_b" | bc) s"
    ), database $(echo "$(cpu $(database_pids "$dir/a")) - $cpu0_db" | bc) s (its server processes now)" >&2
  local ok=true
  [ "$state" = SUCCEEDED ] || ok=false
  # every tag stored once: one snapshot per commit, every tag its name or an alias
  local snaps names
  snaps=$(api GET "$port_a" "/api/repositories/$id/snapshots")
  names=$(jq -r '.[] | .ref, .aliases[]' <<<"$snaps" | sort)
  if [ "$(jq length <<<"$snaps")" != "$ncommits" ] \
      || [ "$(jq -r '.[].commit' <<<"$snaps" | sort | uniq -d | wc -l)" != 0 ] \
      || [ "$names" != "$(git -C "$repo" tag -l "$tags" | sort)" ]; then
    echo "  $label: NOT every tag stored once ($(jq length <<<"$snaps") snapshots for $ncommits commits)" >&2
    ok=false
  fi
  if command -v psql >/dev/null; then
    sql "$dir/a" "select s.ref_name, s.commit_sha, s.file_count, count(b.blob_id), coalesce(sum(b.code), 0),
                         coalesce(sum(b.comment), 0), coalesce(sum(b.blank), 0)
                  from snapshot s join snapshot_file f on f.snapshot_id = s.id
                  left join blob_count b on b.blob_id = f.blob_id and b.file_name = regexp_replace(f.path, '^.*/', '')
                  group by s.id order by s.commit_sha" >"$work/$label.figures"
    if awk '$3 != $4 { exit 1 }' "$work/$label.figures"; then :; else
      echo "  $label: a snapshot has files without a count" >&2; ok=false
    fi
    local counted distinct
    counted=$(jq -r .filesCounted <<<"$j")
    distinct=$(sql "$dir/a" "select count(*) from blob_count")
    echo "  $label: $counted file(s) counted for $distinct distinct (blob, name) keys" \
      "$([ "$counted" = "$distinct" ] && echo "(none twice)" || echo "($((counted - distinct)) counted again)")" >&2
    echo "  $label: refs run per instance: $(sql "$dir/a" "select instance_id || ' ' || count(*) from ingest_task
      where job_id = $job group by instance_id order by 1" | paste -sd, -)" >&2
  fi
  stop_all
  eval "wall_$label=$wall ok_$label=$ok"
}

echo "$(date -u +%FT%TZ) $ntags tags matching '$tags' ($ncommits commits) of $repo; load: $(uptime | sed 's/.*load/load/')" >&2
status=0
if [ "$only_kill" = false ]; then
  run one 1 false
  run two 2 false
  echo "one instance:  ${wall_one} s" "$([ "$ok_one" = true ] || echo '(NOT complete)')"
  echo "two instances: ${wall_two} s" "$([ "$ok_two" = true ] || echo '(NOT complete)')"
  echo "speed-up: $(echo "scale=2; $wall_one / $wall_two" | bc)x"
  [ "$ok_one" = true ] && [ "$ok_two" = true ] || status=1
  if command -v psql >/dev/null && ! cmp -s "$work/one.figures" "$work/two.figures"; then
    echo "the two runs stored different snapshots or figures (diff $work/one.figures $work/two.figures)"; status=1
  fi
fi
if [ "$kill" = true ]; then
  run killed 2 true
  echo "two instances, one killed at a third: ${wall_killed} s" "$([ "$ok_killed" = true ] \
    && echo '(complete, every tag once)' || echo '(NOT complete)')"
  [ "$ok_killed" = true ] || status=1
  if [ "$only_kill" = false ] && command -v psql >/dev/null; then
    if cmp -s "$work/one.figures" "$work/killed.figures"; then
      echo "snapshots and figures identical to the one-instance run"
    else
      echo "snapshots differ from the one-instance run (diff $work/one.figures $work/killed.figures)"; status=1
    fi
  fi
fi
echo "load after: $(uptime | sed 's/.*load/load/')" >&2
exit $status
