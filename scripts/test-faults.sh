#!/usr/bin/env bash
# npm run test:faults: the long fault scenarios (test/faults), each printing its figures (expected, found,
# duplicates, recovery time). Sets up what npm test sets up; the tests start their own services.
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary

log "Running the fault scenarios (several minutes)"
npx jest -c jest.faults.config.js --runInBand "$@"
