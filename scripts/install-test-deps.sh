#!/usr/bin/env bash
# Installs what the tests need on Debian when it is missing: Chromium (browser tests, driven by Playwright),
# PostgreSQL (its own throwaway server per test run) and poppler-utils (reading PDFs back); and what the build needs.
set -euo pipefail
"$(dirname "$0")/install-build-deps.sh"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get…"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
