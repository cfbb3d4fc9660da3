#!/usr/bin/env bash
# The whole test suite, installing what it needs first: the package with its
# test extras, Debian's chromium for the browser test, Node.js and the pinned
# Neo4j Cypher front end. Extra arguments go to pytest.
source "$(dirname "$0")/_env.sh" test
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} from Debian" >&2
  apt_install "${missing[@]}"
fi
lint_dir=tools/cypher-lint
if [ ! -d "$lint_dir/node_modules" ] || [ "$lint_dir/package-lock.json" -nt "$lint_dir/node_modules" ]; then
  echo "== installing the pinned Neo4j Cypher front end (npm ci)" >&2
  npm ci --prefix "$lint_dir" --no-audit --no-fund --loglevel=error >/dev/null
  touch "$lint_dir/node_modules"
fi
# Two workers by default (each builds its own stores); pass -n 0 to run in one process.
exec python -m pytest -n auto "$@"
