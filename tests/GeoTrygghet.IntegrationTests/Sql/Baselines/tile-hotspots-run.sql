WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
         bounds AS (SELECT ST_Transform(ST_Segmentize(ST_Intersection(ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 0.015625), ST_Transform(ST_MakeEnvelope(10, 54.9, 24.2, 69.1, 4326), 3857)), LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), 3006) AS b FROM env),
     src AS (SELECT t.id, t.run_id, r.method, t.kind, t.properties, ST_AsMVTGeom(ST_Transform(t.geom, 3857), env.e, 4096, 64, true) AS geom
FROM analysis_features t JOIN analysis_runs r ON r.id = t.run_id, env, bounds
WHERE t.geom && bounds.b AND t.run_id = @run)
SELECT ST_AsMVT(src, @layer, 4096, 'geom') FROM src WHERE geom IS NOT NULL
-- parameters
-- @run = 7
-- @z = 14
-- @x = 8919
-- @y = 4802
-- @layer = 'hotspots'
-- @cell = 2445.98490512564
