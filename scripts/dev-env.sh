# Sourced by start.sh and test.sh: development defaults for every setting the app reads.
# Values already in the environment win. Secrets are generated once per checkout into var/.
mkdir -p var
[ -s var/session-secret ] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > var/session-secret
[ -s var/admin-password ] || head -c 18 /dev/urandom | base64 | tr -d '\n/+=' > var/admin-password
export NODE_ENV="${NODE_ENV:-development}"
export PORT="${PORT:-3000}"
export DATABASE_URL="${DATABASE_URL:-postgres://topten:topten@127.0.0.1:5432/topten}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export SESSION_SECRET="${SESSION_SECRET:-$(cat var/session-secret)}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@topten.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-$(cat var/admin-password)}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
