#!/usr/bin/env bash
# npm test: set everything up (npm packages, PostgreSQL, Redis, the Temporal CLI) and run the whole suite.
# The tests start their own in-memory Temporal server, mail catcher and database (test/setup/global-setup.ts);
# the browser tests drive Chromium (CHROMIUM_PATH) against the built app (apps/web/dist).
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary
ensure_chromium
ensure_web_build

log "Type-checking, linting, checking the format"
npx tsc --noEmit -p tsconfig.json
# The browser app, against a client generated afresh from the API's document: a changed route breaks it here.
npm run --silent web:client >/dev/null || die "The API's OpenAPI document or the web client did not generate: run npm run web:client"
npx tsc --noEmit -p apps/web/tsconfig.json
npx eslint . --max-warnings 0
npx prettier --check . >/dev/null || { npx prettier --check .; die "Formatting differs: run npm run format"; }
log "Running the tests"
npx jest --runInBand "$@"
