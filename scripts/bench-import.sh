#!/usr/bin/env bash
# npm run bench:import: the import of a province's XLSX (1,000 schools, 3,000 users): dry run, apply and a second
# apply over HTTP against a stack it starts itself (bench/import.ts), beside the old JSON path on the same rows.
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary

exec node -r @swc-node/register bench/import.ts "$@"
