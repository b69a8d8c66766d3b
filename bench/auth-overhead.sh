#!/usr/bin/env bash
# Issue 4's figure: what virtual-key auth, budgets and rate limits add to a request with a warm cache.
# Fake upstream (zero latency) and redis-server on core 1, the proxy on core 0 with an embedded SQLite database and
# Redis; wrk at concurrency 1 with the master key (no limits) and then with a virtual key carrying rpm, tpm, parallel and
# budget limits (one Redis script to admit, one to count spend, one to release). Loopback only; everything started
# here is stopped by PID on exit.
#
#   bench/auth-overhead.sh                 # 4 pairs of 10 s runs after a 20 s warm-up
#   DURATION=20 WARMUP=30 PAIRS=6 bench/auth-overhead.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAKE_PORT=${FAKE_PORT:-9998}
PROXY_PORT=${PROXY_PORT:-4010}
REDIS_PORT=${REDIS_PORT:-6390}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
PAIRS=${PAIRS:-4}
# The virtual key measured: a budget and every kind of limit, unless another /key/generate body is given.
KEY_PARAMS=${KEY_PARAMS:-'{"rpm_limit": 1000000000, "tpm_limit": 1000000000000, "max_parallel_requests": 1000, "max_budget": 1000000, "models": ["fake"]}'}
MASTER_KEY=sk-bench-master
WORK=$(mktemp -d /tmp/liteaspire-auth-bench.XXXXXX)
. "$ROOT/bench/common.sh"

log "building Release (FakeProvider, Proxy)"
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.FakeProvider" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.Proxy" >> "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

log "starting redis-server and the fake upstream on core 1"
taskset -c 1 redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
PIDS="$PIDS $!"
start_fake "$FAKE_PORT" 1

cat > "$WORK/config.yaml" <<YAML
general_settings:
  master_key: $MASTER_KEY
  database_url: "sqlite:///$WORK/litellm.db"
model_list:
  - model_name: fake
    litellm_params:
      model: openai/fake
      api_base: http://127.0.0.1:$FAKE_PORT/v1
      api_key: sk-fake
      input_cost_per_token: 0.0000001
      output_cost_per_token: 0.0000002
YAML
log "starting LiteAspire.Proxy on core 0 (SQLite + Redis)"
(cd "$WORK" && REDIS_URL="redis://127.0.0.1:$REDIS_PORT" exec taskset -c 0 dotnet "$ROOT/LiteAspire.Proxy/bin/Release/net10.0/LiteAspire.Proxy.dll" \
  --config "$WORK/config.yaml" --port "$PROXY_PORT" --host 127.0.0.1) > "$WORK/proxy.log" 2>&1 &
PIDS="$PIDS $!"
wait_http "http://127.0.0.1:$PROXY_PORT/health/liveliness"

KEY=$(curl -fs -X POST "http://127.0.0.1:$PROXY_PORT/key/generate" -H "Authorization: Bearer $MASTER_KEY" -H 'Content-Type: application/json' \
  -d "$KEY_PARAMS" \
  | sed 's/.*"key": *"\(sk-[^"]*\)".*/\1/')
[ "${KEY#sk-}" != "$KEY" ] || { echo "could not generate a key" >&2; exit 1; }

URL="http://127.0.0.1:$PROXY_PORT/v1/chat/completions"

log "warming up both paths (${WARMUP}s each)"
run warm-master "$URL" "$MASTER_KEY" 8 "$WARMUP" > /dev/null
run warm-key "$URL" "$KEY" 8 "$WARMUP" > /dev/null
log "measuring at c=1 (${DURATION}s each, master and key alternating, $PAIRS pairs)"
printf '\n%-6s %12s %12s %12s\n' "pair" "master (us)" "key (us)" "added (us)"
added_all=""
for i in $(seq 1 "$PAIRS"); do
  M=$(run "master-$i" "$URL" "$MASTER_KEY" 1 "$DURATION"); K=$(run "key-$i" "$URL" "$KEY" 1 "$DURATION")
  m=$(field "$M" p50_us); k=$(field "$K" p50_us)
  [ "$(field "$M" non2xx)$(field "$K" non2xx)" = "00" ] || echo "non-2xx answers (master/key): $(field "$M" non2xx)/$(field "$K" non2xx)" >&2
  printf '%-6s %12s %12s %12s\n' "$i" "$m" "$k" "$((k - m))"
  added_all="$added_all $((k - m))"
done
# The median of the pairs' differences: a pair is run back to back, so a burst of load elsewhere shifts both of its runs.
added=$(median $added_all)
verdict=$([ "$added" -le 200 ] && echo ok || echo MISSED)
printf '\nauth + limits add %d us at p50, median of %d pairs (target <= 200) %s\n' "$added" "$PAIRS" "$verdict"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); logs in $WORK"
