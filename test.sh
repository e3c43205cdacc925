#!/usr/bin/env bash
# Passes all the tests: unit, integration (SQLite and PostgreSQL) and browser (Chromium through Playwright).
# Installs Chromium, PostgreSQL and poppler-utils from apt first when they are missing.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "Category!=Browser".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh
dotnet build WorkTrackr.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
# Each PostgreSQL test run starts its own server; stop and remove any that a killed test host left behind.
cleanup_postgres() {
  for data in /tmp/worktrackr-pg-*/data; do
    [ -f "$data/postmaster.pid" ] && kill -INT "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null || true
  done
  sleep 0.5
  rm -rf /tmp/worktrackr-pg-* 2>/dev/null || true
}
trap 'rm -f "$log"; cleanup_postgres' EXIT

set +e
dotnet test WorkTrackr.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed".
summary=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -n 1)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  [ "$passed" -gt 0 ] || { echo "No test ran." >&2; exit 1; }
else
  echo "No test summary found." >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
