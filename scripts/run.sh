#!/usr/bin/env bash
# The main job: install, ingest seeds/ into the embedded store, open the dashboard.
# Extra arguments go to `tgraph dashboard` (e.g. --port 8502).
source "$(dirname "$0")/_env.sh" ""
echo "== ingesting seeds/ into the embedded store (${TGRAPH_HOME:-./.tgraph})" >&2
tgraph ingest seeds/
echo "== opening the dashboard" >&2
exec tgraph dashboard "$@"
