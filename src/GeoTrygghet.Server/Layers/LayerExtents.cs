using System.Collections.Concurrent;
using GeoTrygghet.Server.Tiles;
using Npgsql;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// The extent of each layer's data in CRS84, for TileJSON bounds and OGC collection extents, so that a
/// client zooms to the data and not to all of Sweden. Computed by PostGIS once per data version.
/// </summary>
public sealed class LayerExtents(NpgsqlDataSource db, DataVersions versions)
{
    private static readonly double[] Sweden = [10.0, 55.0, 24.2, 69.1];
    private readonly ConcurrentDictionary<string, (long Version, double[] Bbox)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, string[]? Interval)> _times = new(StringComparer.Ordinal);

    /// <summary>The first and last time of a layer with times (UTC, ISO 8601), or null for a layer without or with no rows.</summary>
    public async Task<string[]?> TimesOf(LayerDefinition layer, CancellationToken cancel)
    {
        if (layer.Events is null)
        {
            return null;
        }

        var version = versions.Of(layer.Tables) + versions.Epoch;
        if (_times.TryGetValue(layer.Id, out var cached) && cached.Version == version)
        {
            return cached.Interval;
        }

        await using var cmd = db.CreateCommand($"SELECT min(t.time_from), max(t.time_from) FROM {layer.From}");
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        string[]? interval = null;
        if (await reader.ReadAsync(cancel) && !reader.IsDBNull(0))
        {
            interval = [Iso(reader.GetFieldValue<DateTimeOffset>(0)), Iso(reader.GetFieldValue<DateTimeOffset>(1))];
        }

        _times[layer.Id] = (version, interval);
        return interval;

        static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<double[]> Of(LayerDefinition layer, CancellationToken cancel)
    {
        var version = versions.Of(layer.Tables) + versions.Epoch;
        if (_cache.TryGetValue(layer.Id, out var cached) && cached.Version == version)
        {
            return cached.Bbox;
        }

        await using var cmd = db.CreateCommand($"""
            SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
            FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(t.geom)::geometry, max(ST_SRID(t.geom))), 4326) AS b FROM {layer.From}) e
            WHERE b IS NOT NULL
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        var bbox = await reader.ReadAsync(cancel)
            ? [Math.Round(reader.GetDouble(0), 6), Math.Round(reader.GetDouble(1), 6), Math.Round(reader.GetDouble(2), 6), Math.Round(reader.GetDouble(3), 6)]
            : Sweden;
        _cache[layer.Id] = (version, bbox);
        return bbox;
    }
}
