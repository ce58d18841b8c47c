#!/usr/bin/env bash
# `npm start`: everything a fresh machine needs, then the platform with the demo cycle.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/dev-env.sh
db_name="${DATABASE_URL##*/}"; db_name="${db_name%%\?*}"
bash scripts/ensure-services.sh "$db_name"
bash scripts/ensure-s3.sh
npm run --silent build
bash scripts/build-web.sh
node dist/src/cli/migrate.js
node dist/src/cli/seed-demo.js
echo "[start] admin sign-in: $ADMIN_EMAIL / $ADMIN_PASSWORD (from var/admin-password)"
# the job worker runs beside the API (in production: npm run start:worker, on as many machines as needed)
node dist/src/worker.js &
worker=$!
trap 'kill "$worker" 2>/dev/null' EXIT
NODE_OPTIONS="$API_NODE_OPTIONS" node dist/main.js
