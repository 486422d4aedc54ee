WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
     c AS (SELECT floor(ST_X(t.geom) / @cellm) AS cx, floor(ST_Y(t.geom) / @cellm) AS cy, t.category_group AS grp, count(*)::int AS n
FROM incidents t
WHERE t.time_from >= @ev_from AND t.time_from < @ev_to AND t.category_group = @ev_group AND t.geom_3857 && (SELECT ST_Expand(e, 4 * @cellm) FROM env)
GROUP BY 1, 2, 3),
     src AS (
       SELECT c.grp AS category_group, @month AS month, @cellm AS cell_m,
              CASE WHEN c.n >= @k THEN c.n END AS count, CASE WHEN c.n >= @k THEN c.n::text ELSE @fewer END AS label,
              ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint((c.cx + 0.5) * @cellm, (c.cy + 0.5) * @cellm), 3006), 3857), env.e, 4096, 64, true) AS geom
       FROM c, env)
SELECT ST_AsMVT(src, @layer, 4096, 'geom') FROM src WHERE geom IS NOT NULL
-- parameters
-- @ev_from = 2024-02-29T23:00:00Z
-- @ev_to = 2024-03-31T22:00:00Z
-- @ev_group = 'violence'
-- @z = 14
-- @x = 8919
-- @y = 4802
-- @layer = 'incidents'
-- @cellm = 250
-- @k = 5
-- @month = '2024-03'
-- @fewer = 'färre än 5'
