#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the services, checks the code (types, lint,
# formatting, dependency direction: scripts/check-code.sh), runs every test
# against the real services, and ends with one summary line ("jest: N passed, N failed").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export NODE_ENV=test
source scripts/dev-env.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://topten:topten@127.0.0.1:5432/topten_test}"
bash scripts/ensure-services.sh topten_test
# the whole suite checks the code first; a run of chosen test files (`npm test -- <files>`) does not
if [ $# -eq 0 ]; then bash scripts/check-code.sh; fi
bash scripts/build-web.sh
(cd web && npx vitest run)   # web/'s unit tests: its pure helpers (merge patch, conflicts, labels)
status=0
npx jest --ci --json --outputFile=var/jest-results.json "$@" || status=$?
node -e '
  const r = require("./var/jest-results.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit "$status"
