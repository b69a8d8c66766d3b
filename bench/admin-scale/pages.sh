#!/usr/bin/env bash
# Issue 7's page figures: every admin page rendered in Debian's Chromium against a Release proxy and admin on the seeded
# PostgreSQL (10,000 keys, 1,000,000 spend logs: seed.sh first, skipped when the seed is there). For each page, the median
# and slowest of RUNS loads of: the server-rendered HTML with its data (DOMContentLoaded) and the live page (circuit
# connected, nothing loading). Everything started here listens on 127.0.0.1 and is stopped by PID on exit.
#
#   bench/admin-scale/pages.sh             # 5 loads per page after one warm-up
#   RUNS=10 bench/admin-scale/pages.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/admin-scale"
RUNS=${RUNS:-5}
PROXY_PORT=${ADMIN_SCALE_PROXY_PORT:-4471}
ADMIN_PORT=${ADMIN_SCALE_ADMIN_PORT:-4472}

"$HERE/seed.sh"
. "$HERE/postgres.sh"
WORK=$(mktemp -d /tmp/liteaspire-admin-pages.XXXXXX)
pg_start
. "$HERE/proxy.sh"
log "building the proxy, the admin and the page timer (Release)"
dotnet build -c Release "$ROOT/LiteAspire.Proxy" -v q -nologo >/dev/null
# Published, as it runs in production: a plain build serves its static assets (Blazor's and MudBlazor's scripts) only in Development.
dotnet publish -c Release "$ROOT/LiteAspire.Admin" -o "$WORK/admin" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/LiteAspire.AdminPages" -v q -nologo >/dev/null
log "starting the proxy (Release) on port $PROXY_PORT"
proxy_start "$WORK" "$PROXY_PORT"
log "starting the admin (Release) on port $ADMIN_PORT"
(cd "$WORK/admin" && PROXY_BASE_URL="http://127.0.0.1:$PROXY_PORT" LITELLM_MASTER_KEY="$MASTER_KEY" \
  exec dotnet LiteAspire.Admin.dll --urls "http://127.0.0.1:$ADMIN_PORT") > "$WORK/admin.log" 2>&1 &
ADMIN_PID=$!
PIDS="$PIDS $ADMIN_PID"
for _ in $(seq 1 120); do
  curl -fs --max-time 2 "http://127.0.0.1:$ADMIN_PORT/alive" >/dev/null 2>&1 && break
  kill -0 "$ADMIN_PID" 2>/dev/null || { cat "$WORK/admin.log" >&2; echo "the admin exited" >&2; exit 1; }
  sleep 0.5
done
log "keys: $($PSQL -tAc 'SELECT count(*) FROM "LiteLLM_VerificationToken"'), spend logs: $($PSQL -tAc 'SELECT count(*) FROM "LiteLLM_SpendLogs"')"
dotnet "$ROOT/bench/LiteAspire.AdminPages/bin/Release/net10.0/LiteAspire.AdminPages.dll" "http://127.0.0.1:$ADMIN_PORT" "$MASTER_KEY" "$RUNS"
