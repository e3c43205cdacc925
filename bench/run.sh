#!/usr/bin/env bash
# bench/run.sh NAME [provider…] — builds in Release, makes its own data, starts the databases it needs, and prints
# one "RESULT figure provider=… value=… floor=… ratio=… rows=… rounds=… stable=…" line per figure (the floor: the same SQL
# through plain ADO.NET, timed in the same run). NAME: tickets, crm, invoices or dashboard. Providers: sqlite postgres (default both).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh NAME [sqlite|postgres]...   (NAME: tickets, crm, invoices or dashboard)}
shift
scripts/install-test-deps.sh
dotnet build bench/WorkTrackr.Bench -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/WorkTrackr.Bench/bin/Release/net10.0/WorkTrackr.Bench.dll "$name" "$@"
