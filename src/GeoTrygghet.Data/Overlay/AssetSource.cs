using GeoTrygghet.Analysis.Lighting;
using GeoTrygghet.Core.Overlay;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using Npgsql;

namespace GeoTrygghet.Data.Overlay;

/// <summary>
/// The street lights with their status history (the street_light_status_periods view), the cameras with what
/// they see past the basemap's blocks, and the polygons an overlay summarises (a stored run's hotspots or the
/// areas register), as the overlay needs them.
/// </summary>
public static class AssetSource
{
    public static List<LightAsset> Lights(string connectionString, double thresholdLux)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT l.external_id, ST_X(l.geom), ST_Y(l.geom), l.height_m, l.lumen, l.watt, l.lamp_type, p.status, p.valid_from, p.valid_to
            FROM street_lights l LEFT JOIN street_light_status_periods p ON p.light_id = l.id
            ORDER BY l.id, p.valid_from NULLS FIRST
            """, conn);
        using var reader = cmd.ExecuteReader();
        var lights = new List<LightAsset>();
        string? current = null;
        List<StatusPeriod>? periods = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != current)
            {
                current = id;
                periods = [];
                var radius = LitRadius.Metres(Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6), thresholdLux);
                lights.Add(new LightAsset(id, reader.GetDouble(1), reader.GetDouble(2), radius, periods));
            }

            if (!reader.IsDBNull(7))
            {
                periods!.Add(new StatusPeriod(reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9)));
            }
        }

        return lights;
    }

    public static List<CameraAsset> Cameras(string connectionString, int srid)
    {
        var factory = new GeometryFactory(new PrecisionModel(), srid);
        using var conn = Schema.SchemaManager.Open(connectionString);
        var blocks = new STRtree<Geometry>();
        var wkb = new WKBReader();
        using (var cmd = new NpgsqlCommand("SELECT ST_AsBinary(geom) FROM basemap_features WHERE kind = 'block' AND ST_Dimension(geom) = 2", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var g = wkb.Read(reader.GetFieldValue<byte[]>(0));
                blocks.Insert(g.EnvelopeInternal, g);
            }
        }

        blocks.Build();
        using var cameras = new NpgsqlCommand("""
            SELECT external_id, ST_X(geom), ST_Y(geom), direction_deg, fov_deg, range_m, hours_start, hours_end, installed_on
            FROM cameras WHERE fov_deg > 0 AND range_m > 0 AND (direction_deg IS NOT NULL OR fov_deg >= 360) ORDER BY id
            """, conn);
        using var rows = cameras.ExecuteReader();
        var result = new List<CameraAsset>();
        while (rows.Read())
        {
            result.Add(CameraAsset.Build(factory, rows.GetString(0), rows.GetDouble(1), rows.GetDouble(2), Nullable(rows, 3) ?? 0, rows.GetDouble(4), rows.GetDouble(5),
                rows.IsDBNull(6) ? null : rows.GetFieldValue<TimeOnly>(6), rows.IsDBNull(7) ? null : rows.GetFieldValue<TimeOnly>(7),
                rows.IsDBNull(8) ? null : rows.GetFieldValue<DateOnly>(8), blocks.Count > 0 ? blocks : null));
        }

        return result;
    }

    /// <summary>A run's features that are hotspots: its cluster polygons, or its hot cells (bin above 0). SQL over <c>analysis_features f</c>.</summary>
    public const string HotspotFeature = "ST_Dimension(f.geom) = 2 AND (f.kind <> 'cell' OR coalesce((f.properties->>'bin')::int, 0) > 0)";

    /// <summary>The polygons of a stored run: its clusters, or its hot cells (bin above 0) for a cell run.</summary>
    public static List<(string Id, string Label, Geometry Area)> RunHotspots(string connectionString, string run)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"""
            SELECT f.id::text, r.name || ' ' || f.kind || ' ' || coalesce(f.properties->>'cluster', f.properties->>'id', f.id::text), ST_AsBinary(f.geom)
            FROM analysis_features f JOIN analysis_runs r ON r.id = f.run_id
            WHERE (r.id::text = $1 OR r.name = $1) AND {HotspotFeature}
            ORDER BY f.id
            """, conn);
        cmd.Parameters.AddWithValue(run);
        var list = Polygons(cmd);
        if (list.Count == 0)
        {
            using var runs = new NpgsqlCommand("SELECT count(*) FROM analysis_runs WHERE id::text = $1 OR name = $1", conn);
            runs.Parameters.AddWithValue(run);
            throw new DatabaseException((long)runs.ExecuteScalar()! == 0
                ? $"there is no analysis run '{run}'; ./gt hotspots runs lists them."
                : $"run '{run}' has no hotspot polygons (no clusters, no hot cells).");
        }

        return list;
    }

    /// <summary>The areas register (focus areas and districts), optionally of one kind.</summary>
    public static List<(string Id, string Label, Geometry Area)> Areas(string connectionString, string? kind)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT external_id, name || ' (' || kind || coalesce(' ' || year, '') || ')', ST_AsBinary(geom) FROM areas WHERE $1::text IS NULL OR kind = $1 ORDER BY name", conn);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)kind ?? DBNull.Value);
        var list = Polygons(cmd);
        if (list.Count > 0)
        {
            return list;
        }

        using var kinds = new NpgsqlCommand("SELECT coalesce(string_agg(DISTINCT kind, ', ' ORDER BY kind), '(none)') FROM areas", conn);
        throw new DatabaseException(kind is null ? "the areas register is empty: import areas first." : $"there are no areas of kind '{kind}'; kinds: {kinds.ExecuteScalar()}.");
    }

    private static List<(string Id, string Label, Geometry Area)> Polygons(NpgsqlCommand cmd)
    {
        var wkb = new WKBReader();
        var list = new List<(string, string, Geometry)>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetString(1), wkb.Read(reader.GetFieldValue<byte[]>(2))));
        }

        return list;
    }

    private static double? Nullable(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
}
