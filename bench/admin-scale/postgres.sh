# Sourced by bench/admin-scale/*.sh: a PostgreSQL for the admin-scale data, started from the machine's binaries (Debian keeps
# them under /usr/lib/postgresql/<v>/bin) with its data in $STATE/pg, kept between runs so the seed is made once. Listens on
# 127.0.0.1 only; as root it runs as the postgres user, since PostgreSQL refuses root (as LiteAspire.Hosting's runner does).
# With ADMIN_SCALE_DATABASE_URL set (postgresql://user:pass@host:port/db) an existing server is used instead and nothing is
# started. Sets DATABASE_URL and PSQL (a psql command line on that database).

STATE=${ADMIN_SCALE_STATE:-/var/tmp/liteaspire-admin-scale}
PG_PORT=${ADMIN_SCALE_PG_PORT:-55432}
PG_DB=${ADMIN_SCALE_DB:-litellm_admin_scale}
PG_PID=""
PIDS=""

# Stops what this script started, newest first (the proxy before the database), each by its PID; PostgreSQL with SIGINT,
# its fast shutdown (SIGTERM would wait for every session to end).
stop_all() {
  local pid
  for pid in $(echo $PIDS | tr ' ' '\n' | tac); do
    if [ "$pid" = "$PG_PID" ]; then kill -INT "$pid" 2>/dev/null || true; else kill "$pid" 2>/dev/null || true; fi
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "process $pid did not stop in 10 s; killing it" >&2; kill -9 "$pid" 2>/dev/null || true; }
  done
  PIDS=""
}
trap stop_all EXIT
log() { echo "== $*" >&2; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }
  echo "$dir"
}

# As root, the prefix that runs a command as the postgres user; setpriv execs it, so $! of a background start is its PID.
AS_PG=()
[ "$(id -u)" -eq 0 ] && AS_PG=(setpriv --reuid=postgres --regid=postgres --init-groups --)

# pg_start: initialise the cluster on first use, start it, wait until it answers. Sets PG_PID.
pg_start() {
  if [ -n "${ADMIN_SCALE_DATABASE_URL:-}" ]; then
    DATABASE_URL=$ADMIN_SCALE_DATABASE_URL
    PSQL="psql -X -q -v ON_ERROR_STOP=1 $DATABASE_URL"
    return
  fi

  local bin data
  if ss -ltn "sport = :$PG_PORT" | grep -q LISTEN; then
    echo "port $PG_PORT is already in use (a PostgreSQL left running?); stop it or choose another with ADMIN_SCALE_PG_PORT" >&2
    exit 1
  fi
  bin=$(pg_bin)
  data="$STATE/pg/data"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $data"
    mkdir -p "$STATE/pg"
    chmod 755 "$STATE" "$STATE/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$STATE/pg"
    echo postgres > "$STATE/pg/pwfile"; chmod 644 "$STATE/pg/pwfile"
    "${AS_PG[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile "$STATE/pg/pwfile" --auth-host=scram-sha-256 --auth-local=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 > "$STATE/pg/initdb.log" 2>&1 || { cat "$STATE/pg/initdb.log" >&2; exit 1; }
    rm -f "$STATE/pg/pwfile"
  fi

  # Sized for a 1M-row table on a small machine: enough shared buffers to keep the hot indexes, work_mem for the sorts of
  # the daily GROUP BYs, and no fsync (benchmark data only, never anything to keep).
  "${AS_PG[@]}" "$bin/postgres" -D "$data" -p "$PG_PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
    -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_wal_size=4GB > "$STATE/pg/server.log" 2>&1 &
  PG_PID=$!
  PIDS="$PIDS $PG_PID"
  DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$PG_PORT/$PG_DB"
  PSQL="psql -X -q -v ON_ERROR_STOP=1 $DATABASE_URL"
  for _ in $(seq 1 60); do
    PGPASSWORD=postgres psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c 'select 1' >/dev/null 2>&1 && break
    kill -0 "$PG_PID" 2>/dev/null || { cat "$STATE/pg/server.log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }
    sleep 0.5
  done
  if ! PGPASSWORD=postgres psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$PG_DB'" | grep -q 1; then
    PGPASSWORD=postgres psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database $PG_DB"
  fi
}
