#!/usr/bin/env bash
# Static checks run by `npm test` before any test: types (API and web are type-checked by their
# builds too), lint, formatting and the dependency direction. Each prints what it found and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
echo '[check] tsc'
npx tsc --noEmit -p tsconfig.json
echo '[check] eslint'
npx eslint --max-warnings 0 .
echo '[check] prettier'
npx prettier --check --log-level warn .
echo '[check] dependency direction (dependency-cruiser)'
npx depcruise src --config .dependency-cruiser.cjs --output-type err
echo '[check] no cycles between feature folders'
node scripts/feature-cycles.js
