#!/usr/bin/env bash
# Installs what building the app needs on Debian when it is missing: Node.js and npm, which the build uses to restore
# the front-end files it serves itself (WorkTrackr.Web/package.json, ClientAssets.targets).
set -euo pipefail

command -v npm >/dev/null 2>&1 && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing nodejs and npm with apt-get (for the app's front-end files)…"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
