#!/usr/bin/env bash
# Issue 5's figure: what recording spend adds to a request. Two proxies on core 0, identical but for a database: with one
# (SQLite; Spend__WriteInProxy=false as under the AppHost, where the Worker writes) each request's spend event is built and
# shipped to the Redis stream; without one no event is kept. wrk at concurrency 1 with the master key alternates between
# them in pairs; the median of the pairs' p50 differences is the spend path's cost. Fake upstream, redis-server and wrk on
# core 1. Loopback only; everything started here is stopped by PID on exit.
#
#   bench/spend-path.sh                    # 4 pairs of 10 s runs after a 20 s warm-up
#   DURATION=20 PAIRS=6 bench/spend-path.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAKE_PORT=${FAKE_PORT:-9997}
SPEND_PORT=${SPEND_PORT:-4020}
PLAIN_PORT=${PLAIN_PORT:-4021}
REDIS_PORT=${REDIS_PORT:-6391}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
PAIRS=${PAIRS:-4}
MASTER_KEY=sk-bench-master
WORK=$(mktemp -d /tmp/liteaspire-spend-bench.XXXXXX)
. "$ROOT/bench/common.sh"

log "building Release (FakeProvider, Proxy)"
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.FakeProvider" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.Proxy" >> "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

log "starting redis-server and the fake upstream on core 1"
taskset -c 1 redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
PIDS="$PIDS $!"
start_fake "$FAKE_PORT" 1

# start_proxy NAME PORT [DATABASE_LINE]
start_proxy() {
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/config.yaml" <<YAML
general_settings:
  master_key: $MASTER_KEY
  $3
model_list:
  - model_name: fake
    litellm_params:
      model: openai/fake
      api_base: http://127.0.0.1:$FAKE_PORT/v1
      api_key: sk-fake
      input_cost_per_token: 0.0000001
      output_cost_per_token: 0.0000002
YAML
  (cd "$WORK/$1" && REDIS_URL="redis://127.0.0.1:$REDIS_PORT" Spend__WriteInProxy=false Spend__JournalDirectory="$WORK/$1/journal" \
    exec taskset -c 0 dotnet "$ROOT/LiteAspire.Proxy/bin/Release/net10.0/LiteAspire.Proxy.dll" \
    --config "$WORK/$1/config.yaml" --port "$2" --host 127.0.0.1) > "$WORK/$1.log" 2>&1 &
  PIDS="$PIDS $!"
  wait_http "http://127.0.0.1:$2/health/liveliness"
}
log "starting two proxies on core 0: with spend ($SPEND_PORT) and without ($PLAIN_PORT)"
start_proxy spend "$SPEND_PORT" "database_url: \"sqlite:///$WORK/spend/litellm.db\""
start_proxy plain "$PLAIN_PORT" ""
SPEND_URL="http://127.0.0.1:$SPEND_PORT/v1/chat/completions"
PLAIN_URL="http://127.0.0.1:$PLAIN_PORT/v1/chat/completions"

stream_length() { redis-cli -p "$REDIS_PORT" XLEN liteaspire:spend:events; }
log "warming up both (${WARMUP}s each)"
run warm-plain "$PLAIN_URL" "$MASTER_KEY" 8 "$WARMUP" > /dev/null
run warm-spend "$SPEND_URL" "$MASTER_KEY" 8 "$WARMUP" > /dev/null
before=$(stream_length)
log "measuring at c=1 (${DURATION}s each, alternating, $PAIRS pairs)"
printf '\n%-6s %14s %14s %12s\n' "pair" "no spend (us)" "spend (us)" "added (us)"
added_all=""
spend_requests=0
for i in $(seq 1 "$PAIRS"); do
  P=$(run "plain-$i" "$PLAIN_URL" "$MASTER_KEY" 1 "$DURATION"); S=$(run "spend-$i" "$SPEND_URL" "$MASTER_KEY" 1 "$DURATION")
  p=$(field "$P" p50_us); s=$(field "$S" p50_us)
  [ "$(field "$P" non2xx)$(field "$S" non2xx)" = "00" ] || echo "non-2xx answers (plain/spend): $(field "$P" non2xx)/$(field "$S" non2xx)" >&2
  printf '%-6s %14s %14s %12s\n' "$i" "$p" "$s" "$((s - p))"
  added_all="$added_all $((s - p))"
  spend_requests=$((spend_requests + $(field "$S" requests)))
done
sleep 1
shipped=$(( $(stream_length) - before ))
added=$(median $added_all)
verdict=$([ "$added" -le 50 ] && echo ok || echo MISSED)
printf '\nthe spend path adds %d us at p50, median of %d pairs (target <= 50) %s\n' "$added" "$PAIRS" "$verdict"
printf 'events on the stream: %d for %d measured requests\n' "$shipped" "$spend_requests"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); logs in $WORK"
