#!/usr/bin/env bash
# npm start: set everything up, run Duyệt with the sample district loaded, print where to look.
# Ctrl-C stops what this script started, and nothing else.
source "$(dirname "$0")/lib.sh"

STARTED=()
cleanup() {
  trap - INT TERM EXIT
  if [ ${#STARTED[@]} -gt 0 ]; then
    log "Stopping what this run started"
    kill "${STARTED[@]}" 2>/dev/null || true
    wait "${STARTED[@]}" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_node_modules
ensure_postgres
ensure_redis
DEMO_DATABASE=
if [ -z "${DATABASE_URL:-}" ]; then DEMO_DATABASE=1; fi
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres:postgres@127.0.0.1:5432/duyet}"
export PORT="${PORT:-3000}"
export JWT_SECRET="${JWT_SECRET:-duyet-demo-secret-change-me-in-production}"
export RESPONSE_VALIDATION="${RESPONSE_VALIDATION:-log}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
mkdir -p "$DATA/logs"

# Temporal: reuse a server already listening; otherwise the dev server with a persistent file.
TEMPORAL_HOSTPORT="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
export TEMPORAL_ADDRESS="$TEMPORAL_HOSTPORT"
export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://localhost:8233}"
if ! port_open "${TEMPORAL_HOSTPORT%:*}" "${TEMPORAL_HOSTPORT##*:}"; then
  ensure_temporal_binary
  # The demo database and this history belong together: the plans' workflows live in it. A history started afresh
  # (a new clone, .data removed) next to a database seeded by an earlier one would leave every campaign "issued"
  # with no workflow behind its plans, so the demo database is started afresh with it.
  if [ ! -f "$DATA/temporal.db" ] && [ -n "$DEMO_DATABASE" ]; then FRESH_DATABASE=1; fi
  log "Starting the Temporal dev server (history kept in .data/temporal.db)"
  "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "${TEMPORAL_HOSTPORT##*:}" --ui-port 8233 \
    --db-filename "$DATA/temporal.db" --log-level warn >"$DATA/logs/temporal.log" 2>&1 &
  STARTED+=($!)
  wait_port 127.0.0.1 "${TEMPORAL_HOSTPORT##*:}" 60 "The Temporal dev server"
fi

# Mail catcher: reuse one on 1025, else maildev (SMTP 1025, inbox on 1080).
export SMTP_HOST="${SMTP_HOST:-127.0.0.1}" SMTP_PORT="${SMTP_PORT:-1025}"
export MAILBOX_URL="${MAILBOX_URL:-http://localhost:1080}"
if ! port_open "$SMTP_HOST" "$SMTP_PORT"; then
  log "Starting the mail catcher (maildev)"
  node node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp "$SMTP_PORT" --web 1080 >"$DATA/logs/maildev.log" 2>&1 &
  STARTED+=($!)
  wait_port 127.0.0.1 "$SMTP_PORT" 30 maildev
fi

log "Preparing the database"
if [ -n "${FRESH_DATABASE:-}" ]; then
  log "A new Temporal history: the demo database is loaded afresh to match it"
  node scripts/ensure-database.js "$DATABASE_URL" --fresh
else
  ensure_database "$DATABASE_URL"
fi
npx prisma migrate deploy >/dev/null
node -r @swc-node/register prisma/seed.ts

log "Building the API and the worker"
npm run --silent build >/dev/null
ensure_web_build

# The API and the worker run under a supervisor each: one that dies (a crash, kill -9) is started again a
# second later, its output appended to the same log, and the rest of the demo keeps running.
supervise() { # name logfile command...
  local name=$1 logfile=$2
  shift 2
  (
    child=
    trap 'if [ -n "$child" ]; then kill "$child" 2>/dev/null || true; fi; wait 2>/dev/null || true; exit 0' TERM INT
    while :; do
      "$@" >>"$logfile" 2>&1 &
      child=$!
      # (set -e is on: a child that died must not end its supervisor)
      code=0
      wait "$child" || code=$?
      printf '\033[1;33m[duyet]\033[0m %s stopped (exit %s); starting it again (%s)\n' "$name" "$code" "$logfile" >&2
      sleep 1
    done
  ) &
  STARTED+=($!)
}
: >"$DATA/logs/worker.log"
: >"$DATA/logs/api.log"
supervise worker "$DATA/logs/worker.log" node dist/apps/worker/apps/worker/src/main.js
supervise api "$DATA/logs/api.log" node dist/apps/api/apps/api/src/main.js
wait_port 127.0.0.1 "$PORT" 60 "The API"

node scripts/demo-campaigns.js "http://127.0.0.1:$PORT/api"
# Plans at every stage, written and decided through the API by the sample's people: about a minute, in the background
node scripts/demo-plans.js "http://127.0.0.1:$PORT/api" &
STARTED+=($!)

cat <<INFO

  Duyệt: $PUBLIC_URL

  Running with the sample district (Huyện Kiến Xương) loaded: open the address above and sign in.

  API            http://localhost:$PORT/api
  OpenAPI docs   http://localhost:$PORT/api/docs
  Health         http://localhost:$PORT/api/health
  Temporal UI    $TEMPORAL_UI_URL
  Mailbox        $MAILBOX_URL

  Demo logins (password: ${SEED_PASSWORD:-Duyet@2026})
    principal    hieutruong.mn-thanh-tan@kienxuong.example   (Trường Mầm non Thanh Tân)
    reviewer     pho.mamnon@kienxuong.example                (Phó trưởng phòng, mầm non)
    admin        truongphong@kienxuong.example               (Trưởng phòng)
    clerk        vanthu@kienxuong.example                    (Văn thư: bản giấy, theo dõi nộp)
    province     so.gddt@thaibinh.example                    (Sở GD&ĐT Thái Bình: tổng hợp, chỉ xem)

  Logs in .data/logs/. The API and the worker are restarted if they stop. Press Ctrl-C to stop.
INFO

# Runs until Ctrl-C; a supervisor only ends when this script stops it.
wait
