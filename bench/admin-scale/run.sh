#!/usr/bin/env bash
# Issue 7's figures: every management call the admin pages make, timed through a real Release proxy against the seeded
# PostgreSQL (seed.sh first, which is skipped when the seed is already there). Each call is made CALLS times after WARM
# untimed ones, sequentially with curl (time_total: connect to last byte); prints the median and p95 in ms, the CPU time
# the proxy and PostgreSQL spent per call (from /proc: what the call costs whatever else the machine is running; the
# PostgreSQL part only for the server started here), the answer's size and status, and whether the median is within the
# target (TARGET_MS, default 150). All on 127.0.0.1; everything started here is stopped by PID on exit.
#
#   bench/admin-scale/run.sh                       # 20 timed calls per endpoint
#   CALLS=50 bench/admin-scale/run.sh
#   ONLY=spend bench/admin-scale/run.sh            # the cases whose name contains "spend"
#   EXPLAIN=1 bench/admin-scale/run.sh             # also log the SQL of slow statements with their plans (auto_explain)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/admin-scale"
CALLS=${CALLS:-20}
WARM=${WARM:-3}
TARGET_MS=${TARGET_MS:-150}
ONLY=${ONLY:-}
PROXY_PORT=${ADMIN_SCALE_PROXY_PORT:-4471}

"$HERE/seed.sh"

. "$HERE/postgres.sh"
WORK=$(mktemp -d /tmp/liteaspire-admin-scale-run.XXXXXX)
pg_start
. "$HERE/proxy.sh"
q() { $PSQL -tAc "$1"; }
DB=$(q "SELECT current_database()")
if [ -n "${EXPLAIN:-}" ]; then
  $PSQL -c "ALTER DATABASE \"$DB\" SET session_preload_libraries = 'auto_explain'" \
        -c "ALTER DATABASE \"$DB\" SET auto_explain.log_min_duration = '50ms'" -c "ALTER DATABASE \"$DB\" SET auto_explain.log_analyze = on"
else
  $PSQL -c "ALTER DATABASE \"$DB\" RESET ALL"
fi
log "starting the proxy (Release) on port $PROXY_PORT"
proxy_start "$WORK" "$PROXY_PORT"
BASE="http://127.0.0.1:$PROXY_PORT"

# Values the calls need, read from the seed.
KEY=$(q "SELECT token FROM \"LiteLLM_VerificationToken\" WHERE key_alias = 'svc-00005'")
BUSY_KEY=$(q "SELECT api_key FROM \"LiteLLM_SpendLogs\" GROUP BY api_key ORDER BY count(*) DESC LIMIT 1")
REQUEST_ID=$(q "SELECT request_id FROM \"LiteLLM_SpendLogs\" ORDER BY \"startTime\" DESC LIMIT 1 OFFSET 500")
TODAY=$(date -u +%F)
FROM30=$(date -u -d '29 days ago' +%F)
FROM90=$(date -u -d '89 days ago' +%F)
MONTH=$(date -u +%Y-%m-01)
# The overview's range: the last 30 days and the whole of this month (which can start 30 days ago).
OVERVIEW_FROM=$( [[ "$MONTH" < "$FROM30" ]] && echo "$MONTH" || echo "$FROM30" )
UI_RANGE="start_date=${FROM30}%2000:00:00&end_date=${TODAY}%2023:59:59"
KEYS="key/list?return_full_object=true&include_team_keys=true"

CASES=(
  "keys: page 1|/$KEYS&page=1&size=25"
  "keys: page 400|/$KEYS&page=400&size=25"
  "keys: key_alias|/$KEYS&page=1&size=25&key_alias=svc-00005"
  "keys: team_id|/$KEYS&page=1&size=25&team_id=scale-team-07"
  "keys: team_id, page 8|/$KEYS&page=8&size=25&team_id=scale-team-07"
  "keys: user_id|/$KEYS&page=1&size=25&user_id=scale-user-0042"
  "keys: organization_id|/$KEYS&page=1&size=25&organization_id=scale-org-2"
  "keys: organization_id, page 60|/$KEYS&page=60&size=25&organization_id=scale-org-2"
  "keys: key_hash|/$KEYS&page=1&size=25&key_hash=$KEY"
  "keys: sort spend desc|/$KEYS&page=1&size=25&sort_by=spend&sort_order=desc"
  "keys: sort spend, page 400|/$KEYS&page=400&size=25&sort_by=spend&sort_order=desc"
  "teams: list (every team with its keys)|/team/list"
  "teams: v2 list, page 1|/v2/team/list?page=1&page_size=25"
  "teams: v2 list, team_alias|/v2/team/list?page=1&page_size=25&team_alias=search"
  "teams: info|/team/info?team_id=scale-team-07"
  "users: page 1|/user/list?page=1&page_size=25"
  "users: page 20|/user/list?page=20&page_size=25"
  "users: role|/user/list?page=1&page_size=25&role=internal_user_viewer"
  "users: user_email|/user/list?page=1&page_size=25&user_email=user04"
  "organizations: list|/organization/list"
  "end users: list|/customer/list"
  "budgets: list|/budget/list"
  "tags: list|/tag/list"
  "models: info|/model/info"
  "spend logs: 30 days, page 1|/spend/logs/ui?page=1&page_size=50&$UI_RANGE"
  "spend logs: 30 days, page 400|/spend/logs/ui?page=400&page_size=50&$UI_RANGE"
  "spend logs: 90 days, page 1|/spend/logs/ui?page=1&page_size=50&start_date=${FROM90}%2000:00:00&end_date=${TODAY}%2023:59:59"
  "spend logs: api_key|/spend/logs/ui?page=1&page_size=50&$UI_RANGE&api_key=$BUSY_KEY"
  "spend logs: api_key, page 300|/spend/logs/ui?page=300&page_size=50&$UI_RANGE&api_key=$BUSY_KEY"
  "spend logs: user_id|/spend/logs/ui?page=1&page_size=50&$UI_RANGE&user_id=scale-user-0042"
  "spend logs: team_id|/spend/logs/ui?page=1&page_size=50&$UI_RANGE&team_id=scale-team-07"
  "spend logs: team_id, page 100|/spend/logs/ui?page=100&page_size=50&$UI_RANGE&team_id=scale-team-07"
  "spend logs: model|/spend/logs/ui?page=1&page_size=50&$UI_RANGE&model=gpt-4o"
  "spend logs: model, page 400|/spend/logs/ui?page=400&page_size=50&$UI_RANGE&model=gpt-4o"
  "spend logs: one row|/spend/logs?request_id=$REQUEST_ID"
  "overview: 30 days + month (aggregated, 5 keys)|/user/daily/activity/aggregated?start_date=$OVERVIEW_FROM&end_date=$TODAY&api_key_limit=5"
  "overview: top teams (team aggregated, 1 key)|/team/daily/activity/aggregated?start_date=$OVERVIEW_FROM&end_date=$TODAY&api_key_limit=1"
  "overview: today (user daily aggregated)|/user/daily/activity/aggregated?start_date=$TODAY&end_date=$TODAY"
  "overview: 30 days (user daily aggregated, 100 keys)|/user/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY"
  "overview: global spend|/global/spend"
  "overview: top keys|/global/spend/keys?limit=5"
  "overview: top models|/global/spend/models?limit=5"
  "overview: teams per day|/global/spend/teams"
  "overview: spend report by team|/global/spend/report?start_date=$FROM30&end_date=$TODAY&group_by=team"
  "overview: spend per tag|/global/spend/tags?start_date=$FROM30&end_date=$TODAY"
  "usage: user daily, page 1|/user/daily/activity?start_date=$FROM30&end_date=$TODAY&page=1"
  "usage: team daily, page 1|/team/daily/activity?start_date=$FROM30&end_date=$TODAY&page=1"
  "usage: team daily aggregated|/team/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY"
  "usage: team daily aggregated, one team|/team/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY&team_ids=scale-team-07"
  "usage: user daily aggregated, 20 keys|/user/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY&api_key_limit=20"
  "usage: team daily aggregated, 20 keys|/team/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY&api_key_limit=20"
  "usage: user daily aggregated, one key|/user/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY&api_key=$BUSY_KEY"
  "usage: user daily aggregated, one model|/user/daily/activity/aggregated?start_date=$FROM30&end_date=$TODAY&model=gpt-4o"
  "usage: tag daily, page 1|/tag/daily/activity?start_date=$FROM30&end_date=$TODAY&page=1"
  "usage: organization daily, page 1|/organization/daily/activity?start_date=$FROM30&end_date=$TODAY&page=1"
  "usage: customer daily, page 1|/customer/daily/activity?start_date=$FROM30&end_date=$TODAY&page=1"
)

# CPU ticks (user + system, reaped children included) of the proxy, and of the PostgreSQL server with its backends.
TICK_MS=$((1000 / $(getconf CLK_TCK)))
proc_ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  [ -n "$PG_PID" ] || { echo 0; return; }
  local total=0 pid
  for pid in $PG_PID $(pgrep -P "$PG_PID"); do total=$((total + $(proc_ticks "$pid"))); done
  echo "$total"
}

# time_call PATH → "<seconds> <status> <bytes>"
time_call() {
  curl -s -o /dev/null --max-time 120 -H "Authorization: Bearer $MASTER_KEY" -w '%{time_total} %{http_code} %{size_download}\n' "$BASE$1"
}

# percentile P VALUES... (nearest rank)
percentile() { local p=$1; shift; printf '%s\n' "$@" | sort -n | awk -v p="$p" '{a[NR]=$1} END {r=int((p*NR+99)/100); if (r<1) r=1; print a[r]}'; }

printf '\n%-52s %9s %9s %14s %10s %6s  %s\n' "call" "p50 (ms)" "p95 (ms)" "cpu/call (ms)" "bytes" "status" "target <= $TARGET_MS ms"
missed=0
for entry in "${CASES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  [ -z "$ONLY" ] || [[ "$name" == *"$ONLY"* ]] || continue
  read -r first status bytes < <(time_call "$path")
  # A call slower than 2 s is timed 3 times, not CALLS: the figure is clear and the run stays short.
  n=$CALLS; w=$WARM
  if awk -v t="$first" 'BEGIN {exit !(t > 2)}'; then n=3; w=0; fi
  for _ in $(seq 2 "$w"); do time_call "$path" > /dev/null; done
  times=()
  proxy_before=$(proc_ticks "$PROXY_PID"); pg_before=$(pg_ticks)
  for _ in $(seq 1 "$n"); do
    read -r t s b < <(time_call "$path")
    times+=("$(awk -v t="$t" 'BEGIN {printf "%.1f", t * 1000}')")
    [ "$s" = "$status" ] || status="$status/$s"
  done
  proxy_ms=$(( ($(proc_ticks "$PROXY_PID") - proxy_before) * TICK_MS ))
  if [ -n "$PG_PID" ]; then
    cpu=$(awk -v a="$proxy_ms" -v b="$(( ($(pg_ticks) - pg_before) * TICK_MS ))" -v n="$n" 'BEGIN {printf "%.0f+%.0f", a / n, b / n}')
  else
    cpu=$(awk -v a="$proxy_ms" -v n="$n" 'BEGIN {printf "%.0f+?", a / n}')
  fi
  p50=$(percentile 50 "${times[@]}"); p95=$(percentile 95 "${times[@]}")
  verdict=$(awk -v m="$p50" -v t="$TARGET_MS" 'BEGIN {print (m <= t ? "ok" : "MISSED")}')
  [ "$verdict" = ok ] || missed=$((missed + 1))
  printf '%-52s %9s %9s %14s %10s %6s  %s\n' "$name" "$p50" "$p95" "$cpu" "$bytes" "$status" "$verdict"
done
printf '\n%d call(s) over the target; %d calls each (3 for calls over 2 s); cpu/call is proxy+PostgreSQL; load average %s\n' \
  "$missed" "$CALLS" "$(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${EXPLAIN:-}" ] || log "plans of statements over 50 ms: $STATE/pg/server.log"
log "proxy log: $WORK/proxy.log"
