#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the lockfile.
# `npm install` rather than `npm ci`: the registry reachable here lacks some optional
# platform builds (msgpackr-extract for macOS/Windows, pulled in by BullMQ), so npm cannot
# record them in the lockfile and `npm ci` refuses it; `npm install` still installs exactly
# the locked versions and skips what does not apply to this platform.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo '[deps] npm install (locked versions)'
  npm install --no-audit --no-fund --loglevel=error
fi
