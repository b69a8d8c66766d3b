#!/usr/bin/env bash
# End-to-end load run (docs/benchmarks.md): the fake upstream (zero latency) pinned to core 1, LiteAspire.Proxy
# pinned to core 0, wrk POSTing non-streaming chat completions. Measures the same against the fake directly to give
# the proxy's added latency, plus added time to first token, CPU per request and RSS. Loopback only; every wait and
# run is bounded; everything started here is stopped by PID on exit.
#
#   bench/load.sh                      # defaults
#   DURATION=20 CONNECTIONS=128 bench/load.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAKE_PORT=${FAKE_PORT:-9999}
PROXY_PORT=${PROXY_PORT:-4000}
DURATION=${DURATION:-10}          # seconds of each measured wrk run
WARMUP=${WARMUP:-15}              # seconds of wrk warm-up before measuring: tiered JIT (tier 0 -> instrumented -> tier 1)
                                  # needs this long to settle on one shared core; less measures the JIT, not the proxy
CONNECTIONS=${CONNECTIONS:-64}    # concurrency of the throughput run
TTFT_COUNT=${TTFT_COUNT:-200}     # streamed requests timed for time to first token
export BENCH_MASTER_KEY=${BENCH_MASTER_KEY:-sk-bench-master}
FAKE_CORE=1
PROXY_CORE=0
if [ "$(nproc)" -lt 2 ]; then
  echo "note: fewer than 2 cores; everything shares core 0, figures are not comparable with the targets." >&2
  FAKE_CORE=0
fi

WORK=$(mktemp -d /tmp/liteaspire-bench.XXXXXX)
FAKE_PID=""
PROXY_PID=""
. "$ROOT/bench/common.sh"

# Process figures from /proc: CPU ticks (utime+stime), VmRSS and VmHWM in KiB.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
CLK_TCK=$(getconf CLK_TCK)

# run_wrk NAME URL CONNECTIONS SECONDS: wrk on the fake's core (the proxy keeps core 0 to itself); prints the RESULT line.
run_wrk() {
  local name=$1 url=$2 conns=$3 secs=$4
  taskset -c "$FAKE_CORE" timeout $((secs + 30)) wrk -t1 -c"$conns" -d"${secs}s" --timeout 5s --latency \
    -s "$ROOT/bench/chat.lua" "$url" > "$WORK/$name.txt" 2>&1 || true
  grep '^RESULT' "$WORK/$name.txt" || { echo "wrk run $name failed:" >&2; cat "$WORK/$name.txt" >&2; echo "RESULT requests=0"; }
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }

# measure NAME URL PID: warm-up, c=1 latency, c=N throughput with CPU per request of PID.
measure() {
  local name=$1 url=$2 pid=$3
  run_wrk "$name-warmup" "$url" 8 "$WARMUP" > /dev/null
  local c1 cn before after
  c1=$(run_wrk "$name-c1" "$url" 1 "$DURATION")
  before=$(cpu_ticks "$pid")
  cn=$(run_wrk "$name-c$CONNECTIONS" "$url" "$CONNECTIONS" "$DURATION")
  after=$(cpu_ticks "$pid")
  local requests; requests=$(field "$cn" requests)
  local cpu_us="n/a"
  if [ "${requests:-0}" -gt 0 ]; then
    cpu_us=$(awk -v d=$((after - before)) -v t="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", d / t * 1e6 / n}')
  fi
  local bad1 badn; bad1=$(field "$c1" non2xx); badn=$(field "$cn" non2xx)
  echo "$name p50_c1_us=$(field "$c1" p50_us) rps=$(field "$cn" rps) p99_cn_us=$(field "$cn" p99_us) non2xx=$(( ${bad1:-0} + ${badn:-0} )) cpu_us_per_req=$cpu_us"
}

ttft() {
  timeout 120 dotnet "$ROOT/bench/LiteAspire.Benchmarks/bin/Release/net10.0/LiteAspire.Benchmarks.dll" ttft "$1" \
    --count "$TTFT_COUNT" --warmup 20 --model fake --header "Authorization: Bearer $BENCH_MASTER_KEY" | grep '^ttft_ms' || echo "ttft_ms p50=n/a"
}

ensure_wrk
log "building Release (FakeProvider, Proxy, Benchmarks)"
dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.FakeProvider" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build -c Release -v q -nologo "$ROOT/bench/LiteAspire.Benchmarks" >> "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

log "starting the fake upstream on core $FAKE_CORE (port $FAKE_PORT)"
# `dotnet <dll>` runs the app in this very process (unlike `dotnet run`, which starts a child), so the PID is the server's.
FakeProvider__LatencyMs=0 taskset -c "$FAKE_CORE" dotnet "$ROOT/LiteAspire.FakeProvider/bin/Release/net10.0/LiteAspire.FakeProvider.dll" \
  --urls "http://127.0.0.1:$FAKE_PORT" > "$WORK/fake.log" 2>&1 &
FAKE_PID=$!
PIDS="$PIDS $FAKE_PID"
wait_http "http://127.0.0.1:$FAKE_PORT/health"
FAKE_IDLE_KIB=$(rss_kib "$FAKE_PID")

FAKE_URL="http://127.0.0.1:$FAKE_PORT/v1/chat/completions"
log "measuring the fake directly (${DURATION}s at c=1 and c=$CONNECTIONS)"
FAKE_FIGURES=$(measure fake "$FAKE_URL" "$FAKE_PID")
FAKE_TTFT=$(ttft "$FAKE_URL")

cat > "$WORK/config.yaml" <<YAML
model_list:
  - model_name: fake
    litellm_params:
      model: openai/fake
      api_base: http://127.0.0.1:$FAKE_PORT/v1
      api_key: sk-fake-upstream
general_settings:
  master_key: os.environ/BENCH_MASTER_KEY
YAML

PROXY_FIGURES=""
PROXY_TTFT=""
PROXY_IDLE_KIB=""
PROXY_PEAK_KIB=""
PROXY_URL="http://127.0.0.1:$PROXY_PORT/v1/chat/completions"
log "building and starting LiteAspire.Proxy (Release) on core $PROXY_CORE (port $PROXY_PORT)"
if dotnet build -c Release -v q -nologo "$ROOT/LiteAspire.Proxy" >> "$WORK/build.log" 2>&1; then
  # Same as `dotnet run -c Release --project LiteAspire.Proxy -- --config ... --port ...`, but with the server's own PID.
  (cd "$WORK" && exec taskset -c "$PROXY_CORE" dotnet "$ROOT/LiteAspire.Proxy/bin/Release/net10.0/LiteAspire.Proxy.dll" \
    --config "$WORK/config.yaml" --port "$PROXY_PORT" --host 127.0.0.1) > "$WORK/proxy.log" 2>&1 &
  PROXY_PID=$!
  PIDS="$PIDS $PROXY_PID"
  if wait_http "http://127.0.0.1:$PROXY_PORT/health/liveliness"; then
    status=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $BENCH_MASTER_KEY" \
      -H 'Content-Type: application/json' -d '{"model":"fake","messages":[{"role":"user","content":"ping"}]}' "$PROXY_URL" || echo 000)
    if [ "$status" = "404" ]; then
      log "the proxy answers 404 on POST /v1/chat/completions: its chat endpoint is not built yet; proxy figures skipped"
    elif [ "$status" != "200" ]; then
      log "the proxy answered $status on POST /v1/chat/completions: $(head -c 300 "$WORK/probe.json"); proxy figures skipped"
    else
      PROXY_IDLE_KIB=$(rss_kib "$PROXY_PID")
      log "measuring through the proxy (${DURATION}s at c=1 and c=$CONNECTIONS)"
      PROXY_FIGURES=$(measure proxy "$PROXY_URL" "$PROXY_PID")
      PROXY_TTFT=$(ttft "$PROXY_URL")
      PROXY_PEAK_KIB=$(hwm_kib "$PROXY_PID")
    fi
  else
    log "the proxy did not become live; see $WORK/proxy.log"
  fi
else
  log "the proxy did not build; see $WORK/build.log"
fi

FAKE_PEAK_KIB=$(hwm_kib "$FAKE_PID")

# The figures table: fake alone, proxy, and what the proxy adds, against the issue's targets.
print_table() {
  local f=$1 p=$2
  awk -v f="$f" -v p="$p" -v ft="$FAKE_TTFT" -v pt="$PROXY_TTFT" -v fi="$FAKE_IDLE_KIB" -v fp="$FAKE_PEAK_KIB" \
      -v pi="$PROXY_IDLE_KIB" -v pp="$PROXY_PEAK_KIB" -v conns="$CONNECTIONS" '
    function get(s, k,   n, a, i, kv) { n = split(s, a, " "); for (i = 1; i <= n; i++) { split(a[i], kv, "="); if (kv[1] == k) return kv[2] } return "" }
    function show(v) { return v == "" ? "-" : v }
    function verdict(ok) { return ok ? "ok" : "MISSED" }
    BEGIN {
      printf "\n%-44s %14s %14s %14s  %s\n", "figure", "fake direct", "via proxy", "proxy adds", "target"
      fp50 = get(f, "p50_c1_us"); pp50 = get(p, "p50_c1_us")
      add = (pp50 != "" ? sprintf("%.0f", pp50 - fp50) : "")
      printf "%-44s %14s %14s %14s  %s %s\n", "p50 latency at c=1 (us)", show(fp50), show(pp50), show(add), "<= 300 added", (add == "" ? "" : verdict(add + 0 <= 300))
      frps = get(f, "rps"); prps = get(p, "rps")
      printf "%-44s %14s %14s %14s  %s %s\n", "throughput at c=" conns " (req/s)", show(frps), show(prps), "", ">= 10000", (prps == "" ? "" : verdict(prps + 0 >= 10000))
      printf "%-44s %14s %14s %14s\n", "p99 latency at c=" conns " (us)", show(get(f, "p99_cn_us")), show(get(p, "p99_cn_us")), ""
      ftt = get(ft, "p50"); ptt = get(pt, "p50")
      tadd = (ptt != "" && ptt != "n/a" && ftt != "n/a" ? sprintf("%.3f", ptt - ftt) : "")
      printf "%-44s %14s %14s %14s  %s %s\n", "time to first token p50 (ms)", show(ftt), show(ptt), show(tadd), "<= 1 added", (tadd == "" ? "" : verdict(tadd + 0 <= 1))
      pcpu = get(p, "cpu_us_per_req")
      printf "%-44s %14s %14s %14s  %s %s\n", "CPU per request (us)", show(get(f, "cpu_us_per_req")), show(pcpu), "", "<= 100 (proxy)", (pcpu == "" || pcpu == "n/a" ? "" : verdict(pcpu + 0 <= 100))
      printf "%-44s %14s %14s %14s  %s %s\n", "idle RSS (MiB)", sprintf("%.1f", fi / 1024), (pi == "" ? "-" : sprintf("%.1f", pi / 1024)), "", "< 80 (proxy)", (pi == "" ? "" : verdict(pi + 0 < 80 * 1024))
      printf "%-44s %14s %14s %14s  %s %s\n", "peak RSS (MiB)", sprintf("%.1f", fp / 1024), (pp == "" ? "-" : sprintf("%.1f", pp / 1024)), "", "< 150 (proxy)", (pp == "" ? "" : verdict(pp + 0 < 150 * 1024))
      printf "%-44s %14s %14s\n", "non-2xx answers during the runs", show(get(f, "non2xx")), show(get(p, "non2xx"))
    }'
}
print_table "$FAKE_FIGURES" "$PROXY_FIGURES"
echo
echo "setup: proxy on core $PROXY_CORE, fake and wrk on core $FAKE_CORE, ${DURATION}s per run, wrk -t1, logs in $WORK"
[ -n "$PROXY_FIGURES" ] || echo "proxy: not measured (see the message above); the table shows the fake alone."
