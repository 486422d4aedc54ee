WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
         bounds AS (SELECT ST_Transform(ST_Segmentize(ST_Intersection(ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 0.015625), ST_Transform(ST_MakeEnvelope(10, 54.9, 24.2, 69.1, 4326), 3857)), LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), 3006) AS b FROM env),
     src AS (SELECT count(*)::int AS count, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(p.g)), avg(ST_Y(p.g))), 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
FROM (SELECT t.geom_3857 AS g FROM incidents t, bounds WHERE t.geom && bounds.b AND t.time_from >= @ev_from AND t.time_from < @ev_to AND (extract(hour FROM t.time_from AT TIME ZONE 'Europe/Stockholm') >= @ev_h0 OR extract(hour FROM t.time_from AT TIME ZONE 'Europe/Stockholm') < @ev_h1) AND (t.category_group = ANY(@ev_categories) OR t.category = ANY(@ev_categories)) AND t.source = ANY(@ev_sources)) p
GROUP BY floor(ST_X(p.g) / @cell), floor(ST_Y(p.g) / @cell))
SELECT ST_AsMVT(src, @layer, 4096, 'geom') FROM src WHERE geom IS NOT NULL
-- parameters
-- @ev_from = 2023-12-31T23:00:00Z
-- @ev_to = 2024-06-30T22:00:00Z
-- @ev_h0 = 18
-- @ev_h1 = 6
-- @ev_categories = ['violence']
-- @ev_sources = ['demo']
-- @z = 12
-- @x = 2229
-- @y = 1200
-- @layer = 'incidents'
-- @cell = 152.8740565703525
