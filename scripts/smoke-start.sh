#!/usr/bin/env bash
# Starts the compiled server (dist/) on a throwaway embedded database, waits for GET /api/health/ready,
# then stops it with SIGTERM and checks that it exited 0 and released the data directory. CI runs it after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(mktemp -d /tmp/asskomm-smoke.XXXXXX)
SERVER=
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$DIR"' EXIT
PORT=${SMOKE_PORT:-$(( 40000 + RANDOM % 20000 ))}
PORT=$PORT HOST=127.0.0.1 DATA_DIR="$DIR/db" FILES_DIR="$DIR/files" MAIL_OUTBOX_DIR="$DIR/outbox" DATABASE_URL= LOG_LEVEL=warn \
  node dist/platform/main.js &
SERVER=$!
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$PORT/api/health/ready" >/dev/null; then break; fi
  kill -0 "$SERVER" 2>/dev/null || { echo "compiled server exited before it was ready" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/api/health/ready"; echo
kill -TERM "$SERVER"
wait "$SERVER" || { echo "compiled server did not exit 0 on SIGTERM" >&2; exit 1; }
[ ! -e "$DIR/db/asskomm.lock" ] || { echo "data directory lock not released" >&2; exit 1; }
echo "compiled server: ready, stopped cleanly on SIGTERM"
