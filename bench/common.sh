# Shared by the bench/*.sh scripts: process cleanup, waiting for HTTP, running wrk with bench/chat.lua.
# The sourcing script sets ROOT and WORK first.

PIDS=""
stop() {
  for pid in $PIDS; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop EXIT
log() { echo "== $*" >&2; }

# wait_http URL: up to 60 s for a 2xx.
wait_http() {
  for _ in $(seq 1 120); do curl -fs -o /dev/null --max-time 1 "$1" && return 0; sleep 0.5; done
  echo "timed out waiting for $1" >&2; return 1
}
ensure_wrk() {
  command -v wrk >/dev/null && return
  log "installing wrk (Debian package)"
  if [ "$(id -u)" -ne 0 ]; then echo "wrk is missing and this is not root: apt-get install wrk" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
}
ensure_wrk

# run NAME URL KEY CONNECTIONS SECONDS → the RESULT line of bench/chat.lua
run() {
  BENCH_MASTER_KEY=$3 taskset -c 1 timeout $(($5 + 30)) wrk -t1 -c"$4" -d"${5}s" --timeout 5s --latency -s "$ROOT/bench/chat.lua" \
    "$2" > "$WORK/$1.txt" 2>&1 || true
  grep '^RESULT' "$WORK/$1.txt" || { cat "$WORK/$1.txt" >&2; echo "RESULT p50_us=0 rps=0 non2xx=0"; }
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }

# median N...: the middle value (the mean of the two middle ones for an even count), as an integer.
median() { echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}'; }

# start_fake PORT CORE: the fake upstream with zero latency, pinned.
start_fake() {
  FakeProvider__LatencyMs=0 taskset -c "$2" dotnet "$ROOT/LiteAspire.FakeProvider/bin/Release/net10.0/LiteAspire.FakeProvider.dll" \
    --urls "http://127.0.0.1:$1" > "$WORK/fake.log" 2>&1 &
  PIDS="$PIDS $!"
  wait_http "http://127.0.0.1:$1/health"
}
