#!/usr/bin/env bash
# Shared by start.sh and test.sh: find or install what Duyệt needs, reuse what is already there.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
DATA="$ROOT/.data"
TEMPORAL_CLI_MODULE="github.com/temporalio/cli/cmd/temporal@v1.5.1"
cd "$ROOT"

log() { printf '\033[1;34m[duyet]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[duyet]\033[0m %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on host:port (no client tools needed).
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() { # host port seconds what
  local i
  for ((i = 0; i < $3 * 4; i++)); do port_open "$1" "$2" && return 0; sleep 0.25; done
  die "$4 did not open $1:$2 within $3 s"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "Cannot install $* here (no apt-get): install it yourself or set the matching *_URL variable."
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # npm install, not npm ci: this npm writes lock files without other platforms' optional packages,
    # which npm ci then rejects as out of sync. install still follows the locked versions.
    log "Installing npm packages"
    npm install --no-audit --no-fund --loglevel=error
  fi
  if [ ! -f generated/prisma/client.ts ] || [ prisma/schema.prisma -nt generated/prisma/client.ts ]; then
    log "Generating the Prisma client"
    # Without a DATABASE_URL, this Prisma CLI tries to download a native engine; with one it uses the WASM engine.
    DATABASE_URL="${DATABASE_URL:-postgresql://localhost:5432/unused}" npx prisma generate >/dev/null
  fi
}

# PostgreSQL: DATABASE_URL if given; else a local server on 127.0.0.1:5432, started or installed when missing.
ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return 0; fi
  if ! port_open 127.0.0.1 5432; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      log "Installing PostgreSQL from Debian's packages"
      apt_install postgresql
      local fresh=1
    fi
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    log "Starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_port 127.0.0.1 5432 30 PostgreSQL
    if [ -n "${fresh:-}" ]; then
      # A fresh Debian cluster asks for a password over TCP: give postgres the one the default URL uses.
      as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
    fi
  fi
  export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}"
}

# Redis: REDIS_URL if given; else 127.0.0.1:6379, started or installed when missing.
ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then return 0; fi
  if ! port_open 127.0.0.1 6379; then
    command -v redis-server >/dev/null || { log "Installing Redis from Debian's packages"; apt_install redis-server; }
    log "Starting Redis"
    mkdir -p "$DATA/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir "$DATA/redis" --logfile "$DATA/redis/redis.log"
    wait_port 127.0.0.1 6379 15 Redis
  fi
  export REDIS_URL=redis://127.0.0.1:6379
}

# The Temporal CLI (its dev server): on PATH, in .tools/bin, or built once with go install.
ensure_temporal_binary() {
  if [ -n "${TEMPORAL_BIN:-}" ] && [ -x "$TEMPORAL_BIN" ]; then return 0; fi
  if command -v temporal >/dev/null; then TEMPORAL_BIN=$(command -v temporal)
  elif [ -x "$TOOLS/bin/temporal" ]; then TEMPORAL_BIN="$TOOLS/bin/temporal"
  else
    local go=""
    if command -v go >/dev/null; then go=go; elif [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
    if [ -z "$go" ]; then
      die "No Temporal server found. Either put the 'temporal' CLI on PATH, or install Go >= 1.24 (https://go.dev/dl/)
and run this again: it builds one with 'go install $TEMPORAL_CLI_MODULE' into .tools/bin."
    fi
    log "Building the Temporal CLI once with Go ($TEMPORAL_CLI_MODULE); this takes a few minutes"
    mkdir -p "$TOOLS/bin"
    GOBIN="$TOOLS/bin" GOFLAGS=-mod=mod "$go" install "$TEMPORAL_CLI_MODULE"
    TEMPORAL_BIN="$TOOLS/bin/temporal"
  fi
  export TEMPORAL_BIN
}

# Creates the database named in $1 (a URL) when it does not exist yet.
ensure_database() {
  node scripts/ensure-database.js "$1"
}

# Chromium for the browser tests and npm run bench:web: CHROMIUM_PATH if given, else Debian's, installed when missing.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  else
    if [ ! -x /usr/bin/chromium ]; then
      log "Installing Chromium from Debian's packages (for the browser tests; about two minutes)"
      apt_install chromium
    fi
    CHROMIUM_PATH=/usr/bin/chromium
  fi
  export CHROMIUM_PATH
}

# The browser app's build (apps/web/dist): built when missing or older than what goes into it: its sources, the
# server code it shares (vite.config.mts aliases into libs/ and workflows/) and the API its client is generated from.
ensure_web_build() {
  local index=apps/web/dist/index.html newer=""
  if [ -f "$index" ]; then
    newer=$(find apps/web apps/api/src libs workflows/src package-lock.json \
      \( -path apps/web/dist -o -name node_modules \) -prune -o -type f -newer "$index" -print -quit 2>/dev/null || true)
  fi
  if [ ! -f "$index" ] || [ -n "$newer" ]; then
    log "Building the browser app (npm run web:build)${newer:+: $newer changed}"
    npm run --silent web:build >/dev/null || die "The browser app did not build: run npm run web:build to see why"
  fi
}
