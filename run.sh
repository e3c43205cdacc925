#!/usr/bin/env bash
# Runs WorkTrackr on the embedded SQLite database (App_Data/worktrackr.db, created and migrated on first run)
# with the demo data, at http://localhost:5080. The demo logins are printed on the console and listed on the login page.
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project WorkTrackr.Web --launch-profile http "$@"
