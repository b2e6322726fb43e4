#!/usr/bin/env bash
# npm run bench:web: the browser app's weight (JavaScript of a first visit) and the plan page's time to usable, in
# Chromium against a stack it starts itself (bench/web.ts). Builds nothing: run npm run web:build first.
source "$(dirname "$0")/lib.sh"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_temporal_binary
ensure_chromium
[ -f apps/web/dist/index.html ] || die "The browser app is not built: run npm run web:build first"

exec node -r @swc-node/register bench/web.ts "$@"
