#!/usr/bin/env bash
# Builds the applicant pages (web/, its own npm package) into web/dist, which the API serves at /.
# web/ is a package of its own: React/Vite's peer dependencies clash with jest's in one tree.
# Always React's production build (start.sh and test.sh export NODE_ENV=development/test; the
# Vite config forces production too), with .br/.gz beside every asset, and safe to run while an
# API serves web/dist (index.html is swapped last; earlier builds' chunks stay for a while).
set -euo pipefail
cd "$(dirname "$0")/../web"
if [ "${TOPTEN_SKIP_DEPS:-}" != 1 ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  echo '[web] npm ci (locked versions)'
  npm ci --no-audit --no-fund --loglevel=error
fi
NODE_ENV=production npm run --silent build
