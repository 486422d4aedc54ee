#!/usr/bin/env bash
# Viewer benchmark (issue #5, "panning over 1,000,000 incidents stays fluid"): the demo town plus 1,000,000
# synthetic incidents in a database of its own, served by ./gt serve, opened in Debian's Chromium
# (playwright-core) at detail and overview zooms; measures the first draw and 20 mouse-drag pans —
# frame gaps while dragging and the time until the new view is drawn. Prints a Markdown table for
# bench/BASELINE.md. Usage: bench/viewer-pan.sh [rows]. Needs ./gt db up, Chromium and maps/ built.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rows="${1:-1000000}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

GT_VIEWER_TEST_BUILD=1 bash "$root/maps/build.sh"
# The service runs as the application role (no superuser); the administrative connection (the project's
# postgres superuser, else GEOTRYGGHET_ADMIN_DB) creates the bench database, owned by that role, and
# gt db up installs PostGIS in it over that connection.
if [ -n "${GEOTRYGGHET_DB:-}" ]; then
  app="$GEOTRYGGHET_DB"; admin="${GEOTRYGGHET_ADMIN_DB:-$GEOTRYGGHET_DB}"
else
  app="$("$root/gt" db up 2>/dev/null)"; admin="$(cat "$root/.local/pg/admin-connection")"
fi
to_libpq() { echo "$1" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Database=/dbname=/I; s/^Username=/user=/I; s/^Password=/password=/I' | grep -E '^(host|port|dbname|user|password)=' | tr '\n' ' '; }
app_user="$(echo "$app" | tr ';' '\n' | sed -nE 's/^Username=//Ip')"
bench_db=gt_bench_pan
psql "$(to_libpq "$admin")" -qAt -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" -c "CREATE DATABASE $bench_db OWNER \"$app_user\"" >/dev/null
export GEOTRYGGHET_DB="$(echo "$app" | sed -E "s/Database=[^;]*/Database=$bench_db/I")"
GEOTRYGGHET_ADMIN_DB="$admin" "$root/gt" demo --no-serve >/dev/null

csv="$work/incidents.csv"
echo "Writing $rows incidents over the demo town to $csv …" >&2
awk -v n="$rows" 'BEGIN {
  srand(2024); print "id,x,y,time_from,category";
  split("Misshandel,Stöld,Skadegörelse,Inbrott,Rån,Narkotikabrott,Ordningsstörning", cats, ",");
  for (i = 1; i <= n; i++) {
    m = 1 + int(rand() * 12); d = 1 + int(rand() * 28); h = int(rand() * 24); mi = int(rand() * 60);
    off = (m >= 4 && m <= 10) ? "+02:00" : "+01:00";
    printf "P%07d,%.2f,%.2f,2024-%02d-%02dT%02d:%02d:00%s,%s\n", i, 554533 + rand() * 3000, 6595760 + rand() * 3000, m, d, h, mi, off, cats[1 + i % 7];
  }
}' > "$csv"
"$root/gt" import incidents "$csv" --crs EPSG:3006 --source pan-bench >/dev/null
echo "incidents in $bench_db: $(psql "$(to_libpq "$GEOTRYGGHET_DB")" -qAt -c 'SELECT count(*) FROM incidents')" >&2

port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
"$root/gt" serve --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/tiles" >/dev/null && break; sleep 0.25; done
GT_VIEWER_URL="http://127.0.0.1:$port" node "$root/bench/viewer-pan.mjs"
psql "$(to_libpq "$admin")" -qAt -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" >/dev/null
