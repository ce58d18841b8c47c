#!/usr/bin/env bash
# Development object store: s3rver from node_modules on S3RVER_PORT (default 4569), data in var/s3.
# Only when dev-env.sh chose the local endpoint (S3_LOCAL=1); production points S3_* at S3/MinIO.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${S3_LOCAL:-}" = 1 ] || exit 0
port="${S3RVER_PORT:-4569}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "[s3] already listening on $port"; exit 0
fi
mkdir -p var/s3
# the binary itself (not npx), so stopping it leaves no child behind
nohup node_modules/.bin/s3rver -d var/s3 -a 127.0.0.1 -p "$port" --silent --configure-bucket "$S3_BUCKET" > var/s3rver.log 2>&1 &
echo $! > var/s3rver.pid
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "[s3] s3rver on $port (var/s3)"; exit 0; fi
  sleep 0.1
done
echo "[s3] s3rver did not start; see var/s3rver.log" >&2; exit 1
