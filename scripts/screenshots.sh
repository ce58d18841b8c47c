#!/usr/bin/env bash
# `npm run screenshots`: sets up what is missing, builds the pages, then scripts/screenshots.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dev-setup.sh
bash scripts/build-web.sh
npx ts-node --transpile-only scripts/screenshots.ts
