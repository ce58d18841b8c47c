#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the services, runs every test against them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export NODE_ENV=test
source scripts/dev-env.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://topten:topten@127.0.0.1:5432/topten_test}"
bash scripts/ensure-services.sh topten_test
npx tsc --noEmit -p tsconfig.json
exec npx jest --ci "$@"
