#!/usr/bin/env bash
# `npm run bench`: builds the platform, makes sure the services run, runs every benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/dev-env.sh
bash scripts/ensure-services.sh
bash scripts/ensure-s3.sh
npm run --silent build
npx ts-node --transpile-only bench/autosave.ts
npx ts-node --transpile-only bench/dossier.ts
