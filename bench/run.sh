#!/usr/bin/env bash
# `npm run bench`: builds the platform, makes sure the services run, runs every benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dev-setup.sh
npm run --silent build
npx ts-node --transpile-only bench/autosave.ts
npx ts-node --transpile-only bench/upload-rss.ts
npx ts-node --transpile-only bench/dossier.ts
npx ts-node --transpile-only bench/applications-list.ts
npx ts-node --transpile-only bench/page-load.ts
# includes HiGHS on the full 2,000 × 100 instance: about 4.5 min of CPU
npx ts-node --transpile-only bench/assignment.ts
npx ts-node --transpile-only bench/entries-list.ts
