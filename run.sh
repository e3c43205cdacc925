#!/usr/bin/env bash
# Runs WorkTrackr on the embedded SQLite database (App_Data/worktrackr.db, created and migrated on first run)
# with the demo data, at http://localhost:5080; installs Chromium (for invoice PDFs) and Node.js (for the build's
# front-end files) when they are missing. The demo logins are printed on the console and listed on the login page.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-build-deps.sh
# Invoice PDFs are printed by headless Chromium (Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing chromium with apt-get (for invoice PDFs)…"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project WorkTrackr.Web --launch-profile http "$@"
