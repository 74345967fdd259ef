#!/usr/bin/env bash
# HTTP load: POST /api/classify against GET /health/live, 32 connections, in one run on this machine,
# with wrk (Debian). Classify runs twice: new messages (every request cleaned, classified and stored)
# and messages selected again (the stored suggestion returned). Prints each throughput and its ratio
# to the health endpoint's. PostgreSQL runs durable, as deployed, on the same two cores.
#   tests/MailAssist.Benchmarks/Http/run.sh [seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
source "$ROOT/run.sh"
SECONDS_PER_RUN="${1:-15}"
PORT=5091
URL="http://127.0.0.1:$PORT"
LUA="$ROOT/tests/MailAssist.Benchmarks/Http/classify.lua"
apt_install wrk
start_postgres "$ROOT/.data/bench-postgres" 55460 fresh
trap 'kill "${API_PID:-0}" 2>/dev/null || true; stop_postgres "$ROOT/.data/bench-postgres"' EXIT
dotnet build "$ROOT/api" -c Release -nologo -v quiet
(cd "$ROOT/api" && ConnectionStrings__MailAssist="Host=127.0.0.1;Port=55460;Username=postgres;Database=mailassist" \
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" RateLimits__ClassifyPerMinute=100000 \
  Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/MailAssist.Api.dll) &
API_PID=$!
until curl -sf "$URL/health/ready" >/dev/null; do kill -0 "$API_PID" || exit 1; sleep 0.5; done

# Warm-up until the JIT has settled (tiered compilation), and store the 1,000 messages the repeat run selects.
echo "warm-up"
wrk -t2 -c32 -d10s -s "$LUA" "$URL" >/dev/null
wrk -t2 -c32 -d10s -s "$LUA" "$URL" -- repeat >/dev/null
wrk -t2 -c32 -d5s "$URL/health/live" >/dev/null

measure() {
  local out; out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@")
  echo "$out" >&2
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
echo "== GET /health/live" >&2; health=$(measure "$URL/health/live")
echo "== POST /api/classify, new messages" >&2; new=$(measure -s "$LUA" "$URL")
echo "== POST /api/classify, messages selected again" >&2; again=$(measure -s "$LUA" "$URL" -- repeat)
python3 -c "
h, n, a = float('$health'), float('$new'), float('$again')
print(f'health {h:,.0f} req/s; classify new {n:,.0f} req/s ({n/h:.1%}); classify again {a:,.0f} req/s ({a/h:.1%})')"
