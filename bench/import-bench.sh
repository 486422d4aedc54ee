#!/usr/bin/env bash
# Import benchmark (issue: foundation): 1,000,000 incidents from CSV with `gt import` against the
# peer, `psql \copy` of the same CSV into a plain table, on the same database in the same run.
# Also measures the server's floor: the rows gt wrote, dumped in binary and loaded back by psql
# into the emptied incidents table with its indexes dropped and rebuilt in one transaction (the
# server's whole share of a first load, with no client work at all).
# Usage: bench/import-bench.sh [rows] [repeats]. Needs ./gt db up (or GEOTRYGGHET_DB). Prints a
# Markdown table to paste into bench/BASELINE.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# gt runs as the application role (no superuser); the bench database, PostGIS in it and CHECKPOINT
# need the administrative connection: the project's postgres superuser, else GEOTRYGGHET_ADMIN_DB.
if [ -n "${GEOTRYGGHET_DB:-}" ]; then
  app="$GEOTRYGGHET_DB"; admin="${GEOTRYGGHET_ADMIN_DB:-$GEOTRYGGHET_DB}"
else
  app="$("$root/gt" db up 2>/dev/null)"; admin="$(cat "$root/.local/pg/admin-connection")"
fi
to_libpq() { echo "$1" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Database=/dbname=/I; s/^Username=/user=/I; s/^Password=/password=/I' | grep -E '^(host|port|dbname|user|password)=' | tr '\n' ' '; }
admin_pq="$(to_libpq "$admin")"
app_user="$(echo "$app" | tr ';' '\n' | sed -nE 's/^Username=//Ip')"
bench_db=gt_bench
psql "$admin_pq" -qAt -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" -c "CREATE DATABASE $bench_db OWNER \"$app_user\"" >/dev/null
bench_cs="$(echo "$app" | sed -E "s/Database=[^;]*/Database=$bench_db/I")"
bench_pq="$(to_libpq "$bench_cs")"
GEOTRYGGHET_DB="$bench_cs" GEOTRYGGHET_ADMIN_DB="$admin" "$root/gt" db up >/dev/null 2>&1

csv="$work/incidents.csv"
echo "Writing $rows incidents to $csv …" >&2
awk -v n="$rows" 'BEGIN {
  srand(1983); print "id,x,y,time_from,time_to,category,crime_code,accuracy";
  split("Misshandel,Stöld,Skadegörelse,Inbrott,Rån,Narkotikabrott,Ordningsstörning", cats, ",");
  for (i = 1; i <= n; i++) {
    m = 1 + int(rand() * 12); d = 1 + int(rand() * 28); h = int(rand() * 24); mi = int(rand() * 60);
    off = (m >= 4 && m <= 10) ? "+02:00" : "+01:00";
    t = sprintf("2024-%02d-%02dT%02d:%02d:00%s", m, d, h, mi, off);
    t2 = (i % 5 == 0) ? sprintf("2024-%02d-%02dT%02d:%02d:00%s", m, d, (h < 22 ? h + 2 : h), mi, off) : "";
    printf "B%07d,%.2f,%.2f,%s,%s,%s,%04d,%d\n", i, 553000 + rand() * 6000, 6594000 + rand() * 6000, t, t2, cats[1 + i % 7], 300 + i % 90, i % 50;
  }
}' > "$csv"
ls -l "$csv" >&2

psql_times=(); gt_times=()
for r in $(seq 1 "$repeats"); do
  psql "$bench_pq" -qAt -c "DROP TABLE IF EXISTS plain_incidents" -c "CREATE TABLE plain_incidents (id text, x double precision, y double precision, time_from timestamptz, time_to timestamptz, category text, crime_code text, accuracy double precision)" >/dev/null
  s=$(date +%s.%N); psql "$bench_pq" -qAt -c "\\copy plain_incidents FROM '$csv' WITH (FORMAT csv, HEADER true)" >/dev/null; e=$(date +%s.%N)
  psql_times+=("$(echo "$e - $s" | bc)")
  psql "$bench_pq" -qAt -c "TRUNCATE incidents" >/dev/null; psql "$admin_pq" -qAt -c "CHECKPOINT" >/dev/null
  s=$(date +%s.%N); GEOTRYGGHET_DB="$bench_cs" "$root/gt" import incidents "$csv" --source bench --quiet >/dev/null; e=$(date +%s.%N)
  gt_times+=("$(echo "$e - $s" | bc)")
  echo "run $r: psql \\copy ${psql_times[-1]} s, gt import ${gt_times[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
count=$(psql "$bench_pq" -qAt -c "SELECT count(*) FROM incidents")

# The floor: what the server does in a first load, fed by psql from a binary dump of gt's own rows.
cols=$(psql "$bench_pq" -qAt -c "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'incidents'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attidentity = '' AND attname <> 'imported_at'")
psql "$bench_pq" -qAt -c "\\copy incidents ($cols) TO '$work/incidents.bin' (FORMAT binary)"
drops=$(psql "$bench_pq" -qAt -c "SELECT string_agg(CASE WHEN k.conname IS NULL THEN 'DROP INDEX ' || i.relname ELSE 'ALTER TABLE incidents DROP CONSTRAINT ' || k.conname END, '; ') FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid LEFT JOIN pg_constraint k ON k.conindid = i.oid AND k.conrelid = x.indrelid WHERE x.indrelid = 'incidents'::regclass")
builds=$(psql "$bench_pq" -qAt -c "SELECT string_agg(CASE WHEN k.conname IS NULL THEN pg_get_indexdef(i.oid) ELSE 'ALTER TABLE incidents ADD CONSTRAINT ' || k.conname || ' ' || pg_get_constraintdef(k.oid) END, '; ') FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid LEFT JOIN pg_constraint k ON k.conindid = i.oid AND k.conrelid = x.indrelid WHERE x.indrelid = 'incidents'::regclass")
floor_times=(); copy_times=()
for r in $(seq 1 "$repeats"); do
  psql "$bench_pq" -qAt -c "TRUNCATE incidents" >/dev/null; psql "$admin_pq" -qAt -c "CHECKPOINT" >/dev/null
  out=$( { echo "\\timing on"; echo "BEGIN;"; echo "$drops;"; echo "\\copy incidents ($cols) FROM '$work/incidents.bin' (FORMAT binary)"; echo "$builds;"; echo "ANALYZE incidents;"; echo "COMMIT;"; } | psql "$bench_pq" -qAt 2>&1)
  ms=$(echo "$out" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p')
  floor_times+=("$(echo "$ms" | awk '{s += $1} END {printf "%.3f", s / 1000}')")
  copy_line=$((2 + $(echo "$drops" | tr ';' '\n' | grep -c .)))  # after BEGIN and the drops
  copy_times+=("$(echo "$ms" | sed -n "${copy_line}p" | awk '{printf "%.3f", $1 / 1000}')")
  echo "floor run $r: ${floor_times[-1]} s (binary COPY alone ${copy_times[-1]} s)" >&2
done

mp=$(median "${psql_times[@]}"); mg=$(median "${gt_times[@]}"); mf=$(median "${floor_times[@]}"); mc=$(median "${copy_times[@]}")
echo "| rows | psql \\copy (plain table) s | gt import (validated, reprojected, indexed, upsert) s | ratio | server floor: binary COPY + index builds, no client s | floor ratio | of which binary COPY s |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n' "$count" "$mp" "$mg" "$(echo "$mg / $mp" | bc -l)" "$mf" "$(echo "$mf / $mp" | bc -l)" "$mc"
psql "$admin_pq" -qAt -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" >/dev/null
