#!/usr/bin/env bash
# Installs npm dependencies exactly as locked (`npm ci`) when node_modules is missing or older
# than the lockfile. `npm start` and `npm test` therefore never rewrite package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# TOPTEN_SKIP_DEPS=1: a git worktree whose node_modules is a link to another checkout's must never `npm ci` it
[ "${TOPTEN_SKIP_DEPS:-}" = 1 ] && exit 0
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo '[deps] npm ci (locked versions)'
  npm ci --no-audit --no-fund --loglevel=error
fi
