#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls ./gt test): starts the project's PostGIS
# (installing PostgreSQL 15 + PostGIS 3 from Debian's packages when missing), then runs every test
# project. Integration tests fail, not skip, when PostGIS cannot be reached.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export GEOTRYGGHET_HOME="$root" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# GDAL's ogr2ogr/ogrinfo are the independent producer and reader of GIS files in the tests; poppler's
# pdftoppm/pdftotext render the PDF briefing; DejaVu Sans is the PDF's font.
missing=()
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages …" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "The tests need: apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi

# The tests run as the role the commands use (no superuser); each test class's database is created,
# and PostGIS installed in it, over the administrative connection: the project's postgres superuser
# (written by gt db up), else GEOTRYGGHET_ADMIN_DB, else the test role itself.
if [ -z "${GEOTRYGGHET_DB:-}" ]; then
  GEOTRYGGHET_TEST_DB="$("$root/gt" db up)"
  GEOTRYGGHET_TEST_ADMIN_DB="$(cat "$root/.local/pg/admin-connection")"
else
  "$root/gt" db up >/dev/null
  GEOTRYGGHET_TEST_DB="$GEOTRYGGHET_DB"
  GEOTRYGGHET_TEST_ADMIN_DB="${GEOTRYGGHET_ADMIN_DB:-$GEOTRYGGHET_DB}"
fi
export GEOTRYGGHET_TEST_DB GEOTRYGGHET_TEST_ADMIN_DB

log="$(mktemp)"
trap 'rm -f "$log" "$log.viewer"' EXIT
set +e
# Tests that read the real open data beside the checkout (../shared/data) carry Trait Data=Shared;
# a checkout without it runs the rest and says so.
filter=()
if [ ! -d "$root/../shared/data" ]; then
  echo "note: $root/../shared/data is missing: the tests with [Trait(\"Data\", \"Shared\")] are left out of this run" >&2
  filter=(--filter "Data!=Shared")
fi
dotnet test "$root/GeoTrygghet.sln" -c Release --nologo "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The web viewer in a real browser (Debian's Chromium driven by playwright-core) against the real service.
bash "$root/scripts/viewer-test.sh" 2>&1 | tee "$log.viewer"
viewer_status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] && status=$viewer_status
# One closing line for the whole run: the sum over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# node --test's spec reporter closes with "ℹ pass N", "ℹ fail N", "ℹ skipped N".
vpassed=$(grep -oE 'ℹ pass [0-9]+' "$log.viewer" | awk '{s+=$3} END {print s+0}')
vfailed=$(grep -oE 'ℹ fail [0-9]+' "$log.viewer" | awk '{s+=$3} END {print s+0}')
vskipped=$(grep -oE 'ℹ skipped [0-9]+' "$log.viewer" | awk '{s+=$3} END {print s+0}')
echo "viewer tests: $vpassed passed, $vfailed failed, $vskipped skipped"
passed=$((passed + vpassed)); failed=$((failed + vfailed)); skipped=$((skipped + vskipped))
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
