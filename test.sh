#!/usr/bin/env bash
# Runs the whole suite on a fresh machine: installs what it needs (Debian packages, npm ci,
# dotnet restore), starts a throw-away PostgreSQL cluster, runs the task pane's Vitest tests and
# the NUnit suite (unit, integration against PostgreSQL, browser tests in Debian's Chromium),
# and ends with one line "N passed, N failed". Exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=run.sh
source "$ROOT/run.sh"

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
PG_DATA="$ROOT/.data/test-postgres"
PG_PORT="${MAILASSIST_TEST_PG_PORT:-55433}"

apt_install postgresql postgresql-contrib chromium libxml2-utils fonts-dejavu-core
# A throw-away cluster: it need not survive a crash, so it skips flushing to disk.
MAILASSIST_PG_THROWAWAY=1 start_postgres "$PG_DATA" "$PG_PORT" fresh
trap 'stop_postgres "$PG_DATA"' EXIT
export MAILASSIST_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export MAILASSIST_ARTIFACTS="$ROOT/artifacts"

status=0
if [ -f "$ROOT/web-taskpane/package.json" ]; then
  build_taskpane
  log "Task pane tests (Vitest)"
  (cd "$ROOT/web-taskpane" && npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json") || status=1
fi

log "Restoring and building the .NET solution"
dotnet restore "$ROOT/MailAssist.sln" -v quiet
dotnet build "$ROOT/MailAssist.sln" -c Release --no-restore -nologo -v quiet

log ".NET tests (NUnit)"
dotnet test "$ROOT/MailAssist.sln" -c Release --no-build --nologo \
  --results-directory "$RESULTS" --logger "trx;LogFilePrefix=nunit" --logger "console;verbosity=normal" || status=1

python3 - "$RESULTS" <<'PY'
import glob, json, sys, xml.etree.ElementTree as ET
folder = sys.argv[1]
passed = failed = 0
for path in glob.glob(f"{folder}/*.trx"):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
try:
    vitest = json.load(open(f"{folder}/vitest.json"))
    passed += vitest.get("numPassedTests", 0)
    failed += vitest.get("numFailedTests", 0)
except FileNotFoundError:
    pass
print(f"{passed} passed, {failed} failed")
PY
exit $status
