#!/usr/bin/env bash
# Starts MailAssist on this machine: a private PostgreSQL cluster (unless ConnectionStrings__MailAssist
# is set), the built task pane, and the API on http://127.0.0.1:5080. Ctrl-C stops both.
# test.sh sources this file for its functions; run directly, it runs main.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf '\033[1m[mailassist]\033[0m %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { log "PostgreSQL binaries not found under /usr/lib/postgresql"; return 1; }
  echo "$dir"
}

# Runs a PostgreSQL tool as the cluster's owner: the postgres user when we are root (initdb refuses root).
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# start_postgres DATA_DIR PORT [fresh]: initialises (or reuses) a cluster in DATA_DIR listening on
# 127.0.0.1:PORT only, starts it, and creates the database "mailassist". Durable (every commit flushed)
# unless MAILASSIST_PG_THROWAWAY is set, as the test suite does.
start_postgres() {
  local data="$1" port="$2" fresh="${3:-}"
  apt_install postgresql postgresql-contrib
  local bin; bin=$(pg_bin)
  if [ -n "$fresh" ] && [ -d "$data" ]; then
    as_pg_owner "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$data"
  fi
  mkdir -p "$(dirname "$data")"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "Creating a private PostgreSQL cluster in $data"
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_pg_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "Starting PostgreSQL on 127.0.0.1:$port"
    as_pg_owner "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 ${MAILASSIST_PG_THROWAWAY:+-c fsync=off -c synchronous_commit=off}" start >/dev/null
  fi
  as_pg_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='mailassist'" | grep -q 1 \
    || as_pg_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE mailassist" >/dev/null
}

stop_postgres() {
  local data="$1" bin; bin=$(pg_bin)
  as_pg_owner "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
}

build_taskpane() {
  if [ -f "$ROOT/web-taskpane/package.json" ]; then
    log "Building the task pane"
    (cd "$ROOT/web-taskpane" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
  fi
}

main() {
  local started_pg=""
  if [ -z "${ConnectionStrings__MailAssist:-}" ]; then
    local port="${MAILASSIST_PG_PORT:-55432}"
    start_postgres "$ROOT/.data/postgres" "$port"
    export ConnectionStrings__MailAssist="Host=127.0.0.1;Port=$port;Username=postgres;Database=mailassist"
    started_pg="$ROOT/.data/postgres"
  fi
  build_taskpane
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
  log "Building the API"
  dotnet build "$ROOT/api" -c Release -nologo -v quiet
  [ -n "$started_pg" ] && trap "log 'Stopping PostgreSQL'; stop_postgres '$started_pg'" EXIT
  log "MailAssist on $ASPNETCORE_URLS  (task pane: /taskpane/, demo: /demo, dashboard: /stats)"
  # The API's folder is its content root: its appsettings and the task pane path are relative to it.
  cd "$ROOT/api"
  dotnet run -c Release --no-build --no-launch-profile
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
