using System.Collections.Concurrent;
using GeoTrygghet.Data.Layers;
using GeoTrygghet.Server.Tiles;
using Npgsql;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// The extent of each layer's data in CRS84, for TileJSON bounds and OGC collection extents, so that a client zooms to
/// the data and not to all of Sweden (the extent of a layer without data), and the time span of a layer of events.
/// Computed by PostGIS (<see cref="LayerSource.ExtentAsync"/>) once per data version and reader's scope (an organisation
/// or the public), on the reader's own connection, so the extent is of what the reader may see.
/// </summary>
public sealed class LayerExtents(DataVersions versions)
{
    private static readonly double[] Sweden = [10.0, 55.0, 24.2, 69.1];
    private readonly ConcurrentDictionary<string, (long Version, double[] Bbox)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, string[]? Interval)> _times = new(StringComparer.Ordinal);

    /// <summary>The first and last time of a layer with times (UTC, ISO 8601), or null for a layer without or with no rows.</summary>
    public async Task<string[]?> TimesOf(LayerSource layer, NpgsqlDataSource db, string scope, CancellationToken cancel)
    {
        if (layer.Events is null)
        {
            return null;
        }

        var version = versions.Of(layer.Tables) + versions.Epoch;
        if (_times.TryGetValue(scope + ":" + layer.Id, out var cached) && cached.Version == version)
        {
            return cached.Interval;
        }

        var interval = await layer.TimesAsync(db, cancel);
        _times[scope + ":" + layer.Id] = (version, interval);
        return interval;
    }

    public async Task<double[]> Of(LayerSource layer, NpgsqlDataSource db, string scope, CancellationToken cancel)
    {
        var version = versions.Of(layer.Tables) + versions.Epoch;
        if (_cache.TryGetValue(scope + ":" + layer.Id, out var cached) && cached.Version == version)
        {
            return cached.Bbox;
        }

        var bbox = await layer.ExtentAsync(db, cancel) ?? Sweden;
        _cache[scope + ":" + layer.Id] = (version, bbox);
        return bbox;
    }
}
