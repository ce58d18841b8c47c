#!/usr/bin/env bash
# `npm run screenshots`: sets up what is missing, builds the pages, then scripts/screenshots.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
source scripts/dev-env.sh
bash scripts/ensure-services.sh
bash scripts/ensure-s3.sh
bash scripts/build-web.sh
npx ts-node --transpile-only scripts/screenshots.ts
