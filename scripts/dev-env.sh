# Sourced by start.sh and test.sh: development defaults for every setting the app reads.
# Values already in the environment win. Secrets are generated once per checkout into var/.
mkdir -p var
[ -s var/admin-password ] || head -c 18 /dev/urandom | base64 | tr -d '\n/+=' > var/admin-password
export NODE_ENV="${NODE_ENV:-development}"
export PORT="${PORT:-3000}"
export DATABASE_URL="${DATABASE_URL:-postgres://topten:topten@127.0.0.1:5432/topten}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@topten.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-$(cat var/admin-password)}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
# V8 flags of the API process (start.sh, the Dockerfile, the upload RSS test and the bench use these).
# None: V8's default young generation. A 1 MB one bounded upload memory but tripled autosave's GC
# time; uploads now free their own buffers instead (src/infra/memory/reclaim.ts, bench/RESULTS.md).
export API_NODE_OPTIONS="${API_NODE_OPTIONS:-}"
# Object store: the project's own s3rver (started by start.sh) unless S3_ENDPOINT says otherwise.
# Its fixed credentials are s3rver's; production sets real ones.
if [ -z "${S3_ENDPOINT:-}" ] && [ "$NODE_ENV" != production ]; then
  export S3_ENDPOINT="http://127.0.0.1:${S3RVER_PORT:-4569}" S3_FORCE_PATH_STYLE=true
  export S3_ACCESS_KEY_ID="${S3_ACCESS_KEY_ID:-S3RVER}" S3_SECRET_ACCESS_KEY="${S3_SECRET_ACCESS_KEY:-S3RVER}"
  export S3_LOCAL=1
fi
export S3_BUCKET="${S3_BUCKET:-topten}"
# Dossiers print with Chromium's headless shell (3x faster than full Chromium for PDFs).
if [ -z "${CHROMIUM_PATH:-}" ] && [ -x /usr/bin/chromium-headless-shell ]; then export CHROMIUM_PATH=/usr/bin/chromium-headless-shell; fi
