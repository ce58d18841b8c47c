#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are installed and running on this machine — without systemd,
# so it works in containers and CI — and that the project's database role exists.
# Idempotent: on a machine that already runs them it only checks. Installs need root (or sudo).
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }
SUDO=''
[ "$(id -u)" -eq 0 ] || SUDO='sudo'

apt_updated=''
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  log "$2 did not come up on port $1"; return 1
}

# --- PostgreSQL -----------------------------------------------------------------------------
if ! port_open 5432; then
  # installing over an existing cluster would upgrade postgresql-common: only when absent
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  if [ -z "$ver" ]; then
    ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    $SUDO pg_createcluster "$ver" main >/dev/null
  fi
  log "starting PostgreSQL $ver"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  wait_port 5432 PostgreSQL
fi

# The project's role: a password login over TCP works with the default (scram) and trust setups.
psql_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
  else
    $SUDO runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
  fi
}
command -v psql >/dev/null 2>&1 || apt_install postgresql-client
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'topten'")" != "1" ]; then
  log "creating database role topten"
  psql_admin "CREATE ROLE topten LOGIN CREATEDB PASSWORD 'topten'"
fi
for db in "$@"; do
  if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    log "creating database $db"
    psql_admin "CREATE DATABASE \"$db\" OWNER topten"
  fi
done

# --- Redis ----------------------------------------------------------------------------------
if ! port_open 6379; then
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  log "starting Redis"
  # exits 0 even when the port is taken, hence the wait below
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no --dir /tmp >/dev/null
  wait_port 6379 Redis
fi
# --- PDF rendering: Chromium (headless shell), CJK fonts, poppler for checking PDFs -------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
# (the font list is read once into a variable: `fc-list | grep -q` under pipefail fails with SIGPIPE
# when grep stops early, which made every run reinstall the fonts)
fonts="$(fc-list : family 2>/dev/null || true)"
grep -qi 'Noto Sans CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
# TrueType CJK outlines: Chromium embeds them as real (subset) fonts; Noto CJK's CFF outlines it
# can only print as Type 3 glyph procedures (README, "Dossier fonts")
grep -qi 'WenQuanYi Zen Hei' <<<"$fonts" || missing+=(fonts-wqy-zenhei)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

log "PostgreSQL, Redis and Chromium are ready"
