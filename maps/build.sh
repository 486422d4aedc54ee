#!/usr/bin/env bash
# Builds the web viewer into maps/dist/ (served by ./gt serve at /) only when something changed:
# installs the npm packages from package-lock.json (npm ci) when node_modules is missing or older than
# the lock file, and bundles when a source is newer than dist/index.html. Safe to run again and again;
# ./gt demo can call it. `maps/build.sh --force` rebuilds anyway. With GT_VIEWER_TEST_BUILD=1 it also builds the
# browser tests' build into maps/dist-test/.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$here"
# Two `gt serve` started together would bundle into the same dist/ at once and break each other's viewer.
exec 9>"$here/.build.lock"
flock 9

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "maps/build.sh: installing Node.js and npm from Debian's packages …" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "maps/build.sh: Node.js 18 or newer with npm is needed (Debian: apt-get install nodejs npm)" >&2
    exit 2
  fi
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
  echo "maps/build.sh: Node.js $(node --version) is too old; 18 or newer is needed" >&2
  exit 2
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "maps/build.sh: installing the viewer's npm packages (npm ci) …" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

stale() { [ ! -f "$1" ] || [ -n "$(find src build.mjs package.json package-lock.json -newer "$1" -type f -print -quit)" ]; }
if [ "${1:-}" = "--force" ] || stale dist/index.html; then
  echo "maps/build.sh: bundling the viewer into maps/dist/ …" >&2
  node build.mjs >&2
else
  echo "maps/build.sh: maps/dist/ is up to date" >&2
fi
# The browser tests (scripts/viewer-test.sh sets GT_VIEWER_TEST_BUILD=1) load the test build, the same viewer with
# their hook, in place of dist/assets/app.js; the served dist/ never holds the hook.
if [ "${GT_VIEWER_TEST_BUILD:-}" = "1" ] && { [ "${1:-}" = "--force" ] || stale dist-test/assets/app.js; }; then
  echo "maps/build.sh: bundling the test build into maps/dist-test/ …" >&2
  node build.mjs --test-hook >&2
fi
