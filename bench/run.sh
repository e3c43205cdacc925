#!/usr/bin/env bash
# bench/run.sh NAME [provider…] — builds in Release, makes its own data, starts the databases it needs, and prints
# one "RESULT figure provider=… value=… floor=… ratio=… rows=… rounds=… stable=…" line per figure (the floor: the same SQL
# through plain ADO.NET, timed in the same run). NAME: tickets, crm, invoices, dashboard or pages. Providers: sqlite
# postgres (default both; pages defaults to sqlite, the embedded default).
# pages: the published app (Release) in real Chromium, on the demo data grown to 100,000 tickets: navigation to rows
# visible, p50/p95 over 30 loads per page, and server memory per live circuit (RESULT pages.… lines).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh NAME [sqlite|postgres]...   (NAME: tickets, crm, invoices, dashboard or pages)}
shift
scripts/install-test-deps.sh
dotnet build bench/WorkTrackr.Bench -c Release -nologo -clp:ErrorsOnly
if [ "$name" = pages ]; then
  # The app as it is deployed: published, so its static assets are served as in production.
  export BENCH_WEB="$PWD/bench/WorkTrackr.Bench/bin/web"
  rm -rf "$BENCH_WEB"
  dotnet publish WorkTrackr.Web -c Release -o "$BENCH_WEB" -nologo -clp:ErrorsOnly
  [ $# -gt 0 ] || set -- sqlite
fi
exec dotnet bench/WorkTrackr.Bench/bin/Release/net10.0/WorkTrackr.Bench.dll "$name" "$@"
