WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
         bounds AS (SELECT ST_Transform(ST_Segmentize(ST_Intersection(ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 0.015625), ST_Transform(ST_MakeEnvelope(10, 54.9, 24.2, 69.1, 4326), 3857)), LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), 3006) AS b FROM env),
     src AS (SELECT t.id, t.category, t.category_group, t.crime_code, t.source, to_char(t.time_from AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS') || '+' || to_char((t.time_from AT TIME ZONE 'Europe/Stockholm') - (t.time_from AT TIME ZONE 'UTC'), 'HH24:MI') AS time_from, to_char(t.time_to AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS') || '+' || to_char((t.time_to AT TIME ZONE 'Europe/Stockholm') - (t.time_to AT TIME ZONE 'UTC'), 'HH24:MI') AS time_to, ST_AsMVTGeom(t.geom_3857, env.e, 4096, 64, true) AS geom
FROM incidents t, env, bounds
WHERE t.geom && bounds.b)
SELECT ST_AsMVT(src, @layer, 4096, 'geom') FROM src WHERE geom IS NOT NULL
-- parameters
-- @z = 16
-- @x = 35678
-- @y = 19210
-- @layer = 'incidents'
-- @cell = 611.49622628141
