using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The features of a layer as GeoJSON in CRS84 (OGC API – Features: a page, one feature), and its extent and time span
/// for TileJSON bounds and OGC collection extents.
/// </summary>
public abstract partial class LayerSource
{
    private const string GeoJsonType = "application/geo+json";

    /// <summary>One page of features in id order (each a GeoJSON Feature as text), whether more follow, and how many match in all.</summary>
    public async Task<(List<string> Features, bool More, long Matched)> PageAsync(NpgsqlDataSource db, FeatureQuery query, int limit, int offset, int srid, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand { Connection = conn };
        var where = Where(query, srid, cmd);
        cmd.CommandText = $"""
            SELECT json_build_object('type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(ST_Transform(t.geom, 4326), 7)::json, 'properties', to_jsonb(a) - 'id')::text
            FROM {From}, LATERAL (SELECT {Attributes}) a
            WHERE {where}
            ORDER BY a.id LIMIT @limit OFFSET @offset
            """;
        cmd.Parameters.AddWithValue("limit", limit + 1);
        cmd.Parameters.AddWithValue("offset", offset);
        var features = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                features.Add(reader.GetString(0));
            }
        }

        cmd.CommandText = $"SELECT count(*) FROM {From}, LATERAL (SELECT {Attributes}) a WHERE {where}";
        var matched = (long)(await cmd.ExecuteScalarAsync(cancel))!;
        var more = features.Count > limit;
        if (more)
        {
            features.RemoveAt(features.Count - 1);
        }

        return (features, more, matched);
    }

    /// <summary>One feature with its self and collection links, or null when the layer has no feature of that id.</summary>
    public async Task<string?> FeatureAsync(NpgsqlDataSource db, long id, string self, string collection, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand($"""
            SELECT json_build_object('type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(ST_Transform(t.geom, 4326), 7)::json, 'properties', to_jsonb(a) - 'id',
                   'links', json_build_array(json_build_object('href', @self, 'rel', 'self', 'type', '{GeoJsonType}'), json_build_object('href', @collection, 'rel', 'collection', 'type', 'application/json')))::text
            FROM {From}, LATERAL (SELECT {Attributes}) a
            WHERE a.id = @fid
            """, conn);
        cmd.Parameters.AddWithValue("fid", id);
        cmd.Parameters.AddWithValue("self", self);
        cmd.Parameters.AddWithValue("collection", collection);
        return await cmd.ExecuteScalarAsync(cancel) as string;
    }

    /// <summary>The WHERE of an OGC page: the layer's filter, the CRS84 box, and for events the time span.</summary>
    public string Where(FeatureQuery query, int srid, NpgsqlCommand cmd)
    {
        var where = new List<string> { "true" };
        Conditions(query.Filter, where, cmd);
        if (query.Bbox is { } box)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture,
                $"ST_Intersects(t.geom, ST_Transform(ST_Segmentize({TileGrid.AreaOfUse4326(srid, "ST_MakeEnvelope(@bx0, @by0, @bx1, @by1, 4326)")}, @bseg), {srid}))"));
            cmd.Parameters.AddWithValue("bx0", box.MinLon);
            cmd.Parameters.AddWithValue("by0", box.MinLat);
            cmd.Parameters.AddWithValue("bx1", box.MaxLon);
            cmd.Parameters.AddWithValue("by1", box.MaxLat);
            cmd.Parameters.AddWithValue("bseg", Math.Max(1e-4, Math.Max(box.MaxLon - box.MinLon, box.MaxLat - box.MinLat) / 16));
        }

        if (Events is not null)
        {
            // A feature matches when its time span [time_from, time_to] meets the instant or interval.
            if (query.TimeStart is { } s)
            {
                where.Add("coalesce(t.time_to, t.time_from) >= @dt0");
                cmd.Parameters.AddWithValue("dt0", NpgsqlDbType.TimestampTz, s);
            }

            if (query.TimeEnd is { } e)
            {
                where.Add("t.time_from <= @dt1");
                cmd.Parameters.AddWithValue("dt1", NpgsqlDbType.TimestampTz, e);
            }
        }

        return string.Join(" AND ", where);
    }

    /// <summary>The extent of the layer's data in CRS84 (min lon, min lat, max lon, max lat, to 1e-6°), or null when it has none.</summary>
    public async Task<double[]?> ExtentAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
            FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(t.geom)::geometry, max(ST_SRID(t.geom))), 4326) AS b FROM {From}) e
            WHERE b IS NOT NULL
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel)
            ? [Math.Round(reader.GetDouble(0), 6), Math.Round(reader.GetDouble(1), 6), Math.Round(reader.GetDouble(2), 6), Math.Round(reader.GetDouble(3), 6)]
            : null;
    }

    /// <summary>The first and last time of a layer of events (UTC, ISO 8601), or null for another layer or one without rows.</summary>
    public async Task<string[]?> TimesAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        if (Events is null)
        {
            return null;
        }

        await using var cmd = db.CreateCommand($"SELECT min(t.time_from), max(t.time_from) FROM {From}");
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        return await reader.ReadAsync(cancel) && !reader.IsDBNull(0)
            ? [Iso(reader.GetFieldValue<DateTimeOffset>(0)), Iso(reader.GetFieldValue<DateTimeOffset>(1))]
            : null;

        static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
