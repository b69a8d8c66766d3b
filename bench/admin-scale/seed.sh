#!/usr/bin/env bash
# Issue 7's data set: fills a PostgreSQL database with 10,000 virtual keys, 1,000,000 SpendLogs rows over 90 days and the
# matching Daily*Spend aggregates (seed.sql), on the schema the proxy's own EF migrations create: the proxy (Release) is
# started once against the database to migrate it, then stopped. All on 127.0.0.1; everything started here is stopped by
# PID on exit (the PostgreSQL data stays in $ADMIN_SCALE_STATE, default /var/tmp/liteaspire-admin-scale, for run.sh).
#
#   bench/admin-scale/seed.sh                          # the default sizes; skipped when the same seed is already there
#   RESEED=1 bench/admin-scale/seed.sh                 # wipe the seeded tables and seed again
#   KEYS=1000 LOGS=100000 bench/admin-scale/seed.sh    # smaller
#   ADMIN_SCALE_DATABASE_URL=postgresql://u:p@127.0.0.1:5432/db bench/admin-scale/seed.sh   # an existing server
#
# A database holding keys that are not the seed's is left alone: the seed truncates the LiteLLM tables it fills.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/admin-scale"
KEYS=${KEYS:-10000}
TEAMS=${TEAMS:-50}
USERS=${USERS:-500}
ORGS=${ORGS:-5}
LOGS=${LOGS:-1000000}
DAYS=${DAYS:-90}
END_USERS=${END_USERS:-1000}
PROXY_PORT=${ADMIN_SCALE_PROXY_PORT:-4470}
. "$HERE/postgres.sh"
WORK=$(mktemp -d /tmp/liteaspire-admin-scale.XXXXXX)

pg_start
. "$HERE/proxy.sh"

log "building the proxy (Release)"
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.Proxy" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
log "starting the proxy once to apply its migrations"
proxy_start "$WORK" "$PROXY_PORT"
proxy_stop

wanted="keys=$KEYS teams=$TEAMS users=$USERS orgs=$ORGS logs=$LOGS days=$DAYS end_users=$END_USERS"
$PSQL -c 'CREATE TABLE IF NOT EXISTS admin_scale_seed (parameters text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())'
have=$($PSQL -tAc 'SELECT parameters FROM admin_scale_seed ORDER BY seeded_at DESC LIMIT 1')
if [ "$have" = "$wanted" ] && [ -z "${RESEED:-}" ]; then
  log "already seeded ($wanted, $($PSQL -tAc 'SELECT seeded_at FROM admin_scale_seed ORDER BY seeded_at DESC LIMIT 1')); RESEED=1 to seed again"
  exit 0
fi
foreign=$($PSQL -tAc "SELECT count(*) FROM \"LiteLLM_VerificationToken\" WHERE user_id IS NULL OR user_id NOT LIKE 'scale-%'")
if [ "$foreign" != "0" ]; then
  echo "the database holds $foreign keys that are not the seed's; seed an empty database (the seed truncates the LiteLLM tables)" >&2
  exit 1
fi

log "seeding: $wanted"
start=$(date +%s)
$PSQL -v keys="$KEYS" -v teams="$TEAMS" -v users="$USERS" -v orgs="$ORGS" -v logs="$LOGS" -v days="$DAYS" -v end_users="$END_USERS" \
  -f "$HERE/seed.sql" > "$WORK/seed.log"
log "vacuum analyze"
$PSQL -c 'VACUUM ANALYZE'
$PSQL -c "INSERT INTO admin_scale_seed (parameters) VALUES ('$wanted')"
log "seeded in $(( $(date +%s) - start )) s"
$PSQL -P footer=off -c "
SELECT t.name AS table, t.rows, pg_size_pretty(pg_total_relation_size(quote_ident(t.name))) AS size
FROM (VALUES ('LiteLLM_VerificationToken'), ('LiteLLM_UserTable'), ('LiteLLM_TeamTable'), ('LiteLLM_OrganizationTable'),
             ('LiteLLM_EndUserTable'), ('LiteLLM_BudgetTable'), ('LiteLLM_TagTable'), ('LiteLLM_SpendLogs'),
             ('LiteLLM_DailyUserSpend'), ('LiteLLM_DailyTeamSpend'), ('LiteLLM_DailyOrganizationSpend'),
             ('LiteLLM_DailyEndUserSpend'), ('LiteLLM_DailyTagSpend'), ('LiteLLM_DailyGlobalSpend')) AS n(name)
CROSS JOIN LATERAL (SELECT n.name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', n.name), false, true, '')))[1]::text::bigint AS rows) t"
$PSQL -P footer=off -c "
SELECT round(sum(spend)::numeric, 2) AS spend_logs_total,
       (SELECT round(sum(spend)::numeric, 2) FROM \"LiteLLM_DailyUserSpend\") AS daily_user_total,
       (SELECT round(sum(spend)::numeric, 2) FROM \"LiteLLM_VerificationToken\") AS keys_total,
       count(*) FILTER (WHERE status = 'failure') AS failures
FROM \"LiteLLM_SpendLogs\""
rm -rf "$WORK"
