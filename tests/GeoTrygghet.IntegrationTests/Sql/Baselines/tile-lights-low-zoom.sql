WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
         bounds AS (SELECT ST_Transform(ST_Segmentize(ST_Intersection(ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 0.015625), ST_Transform(ST_MakeEnvelope(10, 54.9, 24.2, 69.1, 4326), 3857)), LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), 3006) AS b FROM env),
     src AS (SELECT t.id, t.status, t.lamp_type, t.lumen, t.height_m, t.installed_on::text AS installed_on, ST_AsMVTGeom(ST_Transform(t.geom, 3857), env.e, 4096, 64, true) AS geom
FROM street_lights t, env, bounds
WHERE t.geom && bounds.b)
SELECT ST_AsMVT(src, @layer, 4096, 'geom') FROM src WHERE geom IS NOT NULL
-- parameters
-- @z = 1
-- @x = 1
-- @y = 0
-- @layer = 'lights'
-- @cell = 20037508.342789244
