#!/usr/bin/env bash
# The web viewer's browser tests (maps/tests/), from a clean checkout, as root:
#   1. installs Debian's Chromium when /usr/bin/chromium is missing (the tests never download a browser);
#   2. builds maps/dist/ and the tests' build maps/dist-test/ (maps/build.sh: npm ci when needed, then esbuild), and
#      runs the unit tests of the viewer's pure modules (maps/unit/, node:test, no browser);
#   3. starts the project's PostGIS (./gt db up) and makes a database of its own for the test,
#      geotrygghet_viewer_test, dropped first so every run starts clean;
#   4. loads the demo town into it (with its organisations and users, whose passwords gt demo keeps in
#      .local/demo-users-geotrygghet_viewer_test.txt: the tests sign in with them) and stores a Gi* and a DBSCAN hotspot run;
#   5. serves it with ./gt serve on a free loopback port, and with ./gt serve --public on another, and waits
#      until both answer;
#   6. runs `node --test maps/tests/` with GT_VIEWER_URL and GT_PUBLIC_URL set, one file at a time in name order (baselines,
#      overlay, plan, public, report, signin, viewer, workflow-analysis: the last one stores new runs); always stops the servers.
# Exits non-zero when anything fails; a missing Chromium or service fails the tests, never skips them.
# GT=path runs another gt command line (default ./gt); KEEP_DB=1 keeps the test database afterwards.
set -euo pipefail
# Arguments, if any, name the browser test files to run (e.g. maps/tests/report.test.mjs); none: all of maps/tests/.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("$root/maps/tests/")
cd "$root"
gt="${GT:-$root/gt}"
test_db="geotrygghet_viewer_test"
say() { echo "viewer-test: $*" >&2; }
fail() { say "$*"; exit 1; }

# ---- 1. Chromium and Node.js from Debian's packages
as_root_install() {
  if [ "$(id -u)" -ne 0 ]; then
    fail "$1 is missing and only root can install it (apt-get install -y $2)"
  fi
  say "installing $2 from Debian's packages …"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
chromium="${GT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  [ -n "${GT_CHROMIUM:-}" ] && fail "GT_CHROMIUM=$GT_CHROMIUM is not an executable"
  as_root_install Chromium chromium
fi
[ -x "$chromium" ] || fail "Chromium is still missing at $chromium"
command -v node >/dev/null 2>&1 || as_root_install Node.js nodejs
command -v npm >/dev/null 2>&1 || as_root_install npm npm

# ---- 2. The viewer's bundle, the tests' build of it (with their hook, maps/dist-test/), and the unit tests of its pure
#         modules (store, URL state, texts) in Node without a browser
GT_VIEWER_TEST_BUILD=1 bash "$root/maps/build.sh"
[ -f "$root/maps/dist/index.html" ] || fail "maps/build.sh did not produce maps/dist/index.html"
[ -f "$root/maps/dist-test/assets/app.js" ] || fail "maps/build.sh did not produce the test build maps/dist-test/assets/app.js"
say "running the viewer's unit tests (maps/unit/) …"
unit_status=0
node --test --test-reporter=spec "$root/maps/unit/" || unit_status=$?
# Two `gt serve` started together build the viewer at once (issue #8): two forced builds side by side must both
# succeed and leave a whole bundle, which the browser tests below then load.
bash "$root/maps/build.sh" --force 2>/dev/null & first=$!
bash "$root/maps/build.sh" --force 2>/dev/null & second=$!
wait "$first" || fail "one of two viewer builds side by side failed"
wait "$second" || fail "one of two viewer builds side by side failed"
[ -s "$root/maps/dist/index.html" ] && [ -s "$root/maps/dist/assets/app.js" ] && [ -s "$root/maps/dist/assets/app.css" ] \
  || fail "two viewer builds side by side left maps/dist/ incomplete"

# ---- 3. A database of the test's own on the project's PostGIS
unset GEOTRYGGHET_DB GEOTRYGGHET_ADMIN_DB
cs="$("$gt" db up)"
field() { tr ';' '\n' <<<"$2" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'; }
host="$(field Host "$cs")"; port="$(field Port "$cs")"; user="$(field Username "$cs")"; password="$(field Password "$cs")"
[ -n "$host" ] && [ -n "$port" ] && [ -n "$user" ] || fail "cannot read the connection string printed by gt db up"
# The service's role may not create databases or PostGIS: the project's postgres superuser does, over
# its private socket (.local/pg/admin-connection, written by gt db up); the service then runs as $user.
admin_cs="$(cat "$root/.local/pg/admin-connection")" || fail "gt db up did not write .local/pg/admin-connection"
admin_host="$(field Host "$admin_cs")"; admin_user="$(field Username "$admin_cs")"
command -v psql >/dev/null 2>&1 || as_root_install psql postgresql-client
psql_admin() { psql -X -q -h "$admin_host" -p "$port" -U "$admin_user" -d postgres -v ON_ERROR_STOP=1 "$@"; }
say "creating the database $test_db on $host:$port …"
psql_admin -c "DROP DATABASE IF EXISTS $test_db WITH (FORCE)" -c "CREATE DATABASE $test_db OWNER $user"
psql_admin -d "$test_db" -c "CREATE EXTENSION postgis" \
  -c "ALTER FUNCTION geometry_overlaps(geometry, geometry) LEAKPROOF" -c "ALTER FUNCTION geometry_contains(geometry, geometry) LEAKPROOF" \
  -c "ALTER FUNCTION geometry_within(geometry, geometry) LEAKPROOF"
export GEOTRYGGHET_DB="Host=$host;Port=$port;Database=$test_db;Username=$user;Password=$password"

server_pid=""
public_pid=""
log_dir="$(mktemp -d)"
cleanup() {
  local status=$?
  for pid in $server_pid $public_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP_DB:-}" != "1" ]; then
    psql_admin -c "DROP DATABASE IF EXISTS $test_db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$log_dir"
  exit "$status"
}
trap cleanup EXIT

# ---- 4. The demo town and two stored hotspot runs
"$gt" demo --no-serve --end 2024-12-31 >"$log_dir/demo.log" 2>&1 || { cat "$log_dir/demo.log" >&2; fail "gt demo --no-serve failed"; }
"$gt" hotspots gistar --name viewer-gistar >"$log_dir/gistar.log" 2>&1 || { cat "$log_dir/gistar.log" >&2; fail "gt hotspots gistar failed"; }
"$gt" hotspots dbscan --eps 40 --min-points 15 --name viewer-dbscan >"$log_dir/dbscan.log" 2>&1 || { cat "$log_dir/dbscan.log" >&2; fail "gt hotspots dbscan failed"; }
say "demo town loaded into $test_db with a Gi* and a DBSCAN run"

# ---- 5. The service on a free loopback port, and beside it the public view (gt serve --public) on another
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
wait_for() { # URL PID LOG
  for _ in $(seq 1 240); do
    if ! kill -0 "$2" 2>/dev/null; then
      cat "$3" >&2
      fail "gt serve stopped before it answered at $1"
    fi
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1/tiles" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  fail "gt serve did not answer at $1"
}
url="http://127.0.0.1:$(free_port)"
"$gt" serve --urls "$url" >"$log_dir/serve.log" 2>&1 &
server_pid=$!
say "waiting for the service at $url …"
wait_for "$url" "$server_pid" "$log_dir/serve.log"
public_url="http://127.0.0.1:$(free_port)"
"$gt" serve --public --urls "$public_url" >"$log_dir/public.log" 2>&1 &
public_pid=$!
wait_for "$public_url" "$public_pid" "$log_dir/public.log"
node -e 'fetch(process.argv[1]).then(async (r) => { const t = await r.text(); process.exit(r.ok && t.includes("assets/app.js") ? 0 : 1); }, () => process.exit(1))' "$url/" \
  || { cat "$log_dir/serve.log" >&2; fail "the service at $url does not serve the viewer at / (is maps/dist/index.html there?)"; }

# ---- 6. The browser tests
say "running the browser tests against $url …"
set +e
GT_DEMO_USERS="$root/.local/demo-users-$test_db.txt" GT_VIEWER_URL="$url" GT_PUBLIC_URL="$public_url" GT_CHROMIUM="$chromium" node --test --test-concurrency=1 --test-reporter=spec "${targets[@]}" 2>&1 | tee "$log_dir/tests.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  say "the service log:"
  tail -n 40 "$log_dir/serve.log" >&2
  fail "browser tests failed"
fi
say "browser tests passed"
[ "$unit_status" -eq 0 ] || fail "the viewer's unit tests (maps/unit/) failed"
