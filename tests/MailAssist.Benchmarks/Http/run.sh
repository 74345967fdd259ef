#!/usr/bin/env bash
# HTTP load: POST /api/classify (a new message every request) against GET /health/live, 32 connections,
# in one run on this machine. Prints both throughputs and the ratio. Needs: wrk (Debian), PostgreSQL.
#   tests/MailAssist.Benchmarks/Http/run.sh [seconds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
source "$ROOT/run.sh"
SECONDS_PER_RUN="${1:-20}"
PORT=5091
apt_install wrk
start_postgres "$ROOT/.data/bench-postgres" 55460 fresh
trap 'kill "${API_PID:-0}" 2>/dev/null || true; stop_postgres "$ROOT/.data/bench-postgres"' EXIT
dotnet build "$ROOT/api" -c Release -nologo -v quiet
(cd "$ROOT/api" && ConnectionStrings__MailAssist="Host=127.0.0.1;Port=55460;Username=postgres;Database=mailassist" \
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT" RateLimits__ClassifyPerMinute=100000 \
  Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/MailAssist.Api.dll) &
API_PID=$!
until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.5; done
# The first classification waits for the local model (trained and stored on a new database).
curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/api/classify" -H 'Content-Type: application/json' -d '{"internetMessageId":"<warm-up@example.no>"}'
LUA="$ROOT/tests/MailAssist.Benchmarks/Http/classify.lua"
echo "warm-up"; wrk -t2 -c32 -d5s -s "$LUA" "http://127.0.0.1:$PORT" >/dev/null; wrk -t2 -c32 -d5s "http://127.0.0.1:$PORT/health/live" >/dev/null
echo "== GET /health/live"; health=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT/health/live" | tee /dev/stderr | awk '/Requests\/sec/ {print $2}')
echo "== POST /api/classify"; classify=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s "$LUA" "http://127.0.0.1:$PORT" | tee /dev/stderr | awk '/Requests\/sec/ {print $2}')
python3 -c "h=float('$health'); c=float('$classify'); print(f'health {h:.0f} req/s, classify {c:.0f} req/s, ratio {c/h:.1%}')"
