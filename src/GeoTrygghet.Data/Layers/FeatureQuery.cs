namespace GeoTrygghet.Data.Layers;

/// <summary>
/// An OGC page's selection beyond the layer's filter: a CRS84 box (longitudes −180–180, latitudes −90–90, checked by the
/// caller) and a time span that a feature's [time_from, time_to] must meet (either end open); the time applies to
/// layers of events only.
/// </summary>
public sealed record FeatureQuery(LayerFilter Filter, FeatureQuery.Box? Bbox = null, DateTimeOffset? TimeStart = null, DateTimeOffset? TimeEnd = null)
{
    public sealed record Box(double MinLon, double MinLat, double MaxLon, double MaxLat);
}
