# Sourced by bench/admin-scale/*.sh after postgres.sh: starts the built Release proxy (dotnet <dll>, so its PID is the
# server's) against $DATABASE_URL with a master key, on 127.0.0.1.

MASTER_KEY=sk-admin-scale-master
PROXY_PID=""

# proxy_start WORK PORT: writes WORK/config.yaml, starts the proxy, waits up to 120 s for its readiness with the database
# connected (the migrations run before it answers).
proxy_start() {
  # Another process on the port would answer the readiness probe in this proxy's place.
  if ss -ltn "sport = :$2" | grep -q LISTEN; then
    echo "port $2 is already in use; choose another with ADMIN_SCALE_PROXY_PORT" >&2
    exit 1
  fi
  cat > "$1/config.yaml" <<YAML
general_settings:
  master_key: $MASTER_KEY
model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_key: sk-none
      api_base: http://127.0.0.1:9/v1
YAML
  (cd "$1" && DATABASE_URL="$DATABASE_URL" exec dotnet "$ROOT/LiteAspire.Proxy/bin/Release/net10.0/LiteAspire.Proxy.dll" \
    --config "$1/config.yaml" --port "$2" --host 127.0.0.1) > "$1/proxy.log" 2>&1 &
  PROXY_PID=$!
  PIDS="$PIDS $PROXY_PID"
  for _ in $(seq 1 240); do
    curl -fs --max-time 2 "http://127.0.0.1:$2/health/readiness" 2>/dev/null | grep -q '"db":"connected"' && return 0
    kill -0 "$PROXY_PID" 2>/dev/null || { cat "$1/proxy.log" >&2; echo "the proxy exited" >&2; exit 1; }
    sleep 0.5
  done
  cat "$1/proxy.log" >&2
  echo "the proxy did not report its database connected within 120 s" >&2
  exit 1
}

proxy_stop() {
  [ -n "$PROXY_PID" ] || return 0
  kill "$PROXY_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$PROXY_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$PROXY_PID" 2>/dev/null || true
  PIDS=$(echo "$PIDS" | tr ' ' '\n' | grep -vx "$PROXY_PID" | tr '\n' ' ')
  PROXY_PID=""
}
