#!/usr/bin/env bash
# npm run bench: a national campaign on one machine (issue 6). Finds or installs npm packages, PostgreSQL and
# Redis like npm start does; the bench itself (bench/run.ts) starts a Temporal server on PostgreSQL, maildev,
# a throwaway database, the API and the worker, measures, and stops everything it started. Then the documents'
# figures of issue 19 (bench/documents.ts, also npm run bench:documents).
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary
export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

# npm run bench -- consolidation [--schools 50000]: only the consolidation step (issue 19).
if [ "${1:-}" = "consolidation" ]; then
  shift
  exec node -r tsconfig-paths/register -r @swc-node/register bench/consolidation.ts "$@"
fi
status=0
node --max-old-space-size=4096 -r @swc-node/register bench/run.ts "$@" || status=$?
# The consolidation of a 50,000-school campaign (issue 19): a database of its own, written by SQL, no workflows.
node -r tsconfig-paths/register -r @swc-node/register bench/consolidation.ts || status=$?
# The XLSX of a 50,000-school campaign streamed by a running API, and the sample district's DOCX report (issue 19).
node --max-old-space-size=4096 -r @swc-node/register bench/documents.ts || status=$?
exit "$status"
