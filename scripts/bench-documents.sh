#!/usr/bin/env bash
# npm run bench:documents: issue 19's document figures (bench/documents.ts): the consolidated XLSX of a 50,000-school
# campaign streamed from the API with its memory watched, and the DOCX report of the 60-school sample district.
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary

exec node --max-old-space-size=4096 -r @swc-node/register bench/documents.ts "$@"
