SELECT 'i:' || e.id, ST_X(e.geom), ST_Y(e.geom), e.time_from, e.time_to, e.category, @incident_weight::double precision
FROM incidents e
WHERE true AND e.time_from >= @ev_from AND e.time_from < @ev_to AND (e.category_group = ANY(@ev_categories) OR e.category = ANY(@ev_categories)) AND EXISTS (SELECT 1 FROM areas a WHERE a.name = @ev_area AND a.kind <> 'survey_area' AND ST_Covers(a.geom, e.geom)) AND ST_Covers(ST_GeomFromText(@ev_area_wkt, ST_SRID(e.geom)), e.geom)
UNION ALL
SELECT 'r:' || e.id, ST_X(e.geom), ST_Y(e.geom), e.time_from, e.time_to, e.category, @report_weight::double precision
FROM reports e
WHERE true AND e.time_from >= @ev_from AND e.time_from < @ev_to AND e.category = ANY(@ev_categories) AND EXISTS (SELECT 1 FROM areas a WHERE a.name = @ev_area AND a.kind <> 'survey_area' AND ST_Covers(a.geom, e.geom)) AND ST_Covers(ST_GeomFromText(@ev_area_wkt, ST_SRID(e.geom)), e.geom)
ORDER BY 1
-- parameters
-- @ev_from = 2022-12-31T23:00:00Z
-- @ev_to = 2023-12-31T23:00:00Z
-- @ev_categories = ['violence']
-- @ev_area = 'Centrum'
-- @ev_area_wkt = 'POLYGON((555000 6597000,556000 6597000,556000 6598000,555000 6597000))'
-- @incident_weight = 1
-- @report_weight = 0.5
