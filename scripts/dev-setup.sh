# Sourced by the development commands (start, bench, screenshots): npm dependencies, the
# development settings, PostgreSQL/Redis/Chromium and the local S3 server, each only when missing.
bash scripts/ensure-deps.sh
source scripts/dev-env.sh
bash scripts/ensure-services.sh ${DEV_DATABASE:-}
bash scripts/ensure-s3.sh
