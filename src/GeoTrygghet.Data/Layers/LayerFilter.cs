using System.Globalization;
using GeoTrygghet.Core.Events;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// What a request asks of a layer: the event filter (applied by the layers of events) and a stored run (applied by the
/// hotspots layer; null is the latest run). Each source applies the part that concerns it (<see cref="LayerSource.Conditions"/>).
/// </summary>
public sealed record LayerFilter(EventFilter Events, long? Run)
{
    public static readonly LayerFilter None = new(new EventFilter(), null);

    /// <summary>A stable text of the filter for cache keys.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Events.Key}|{Run}");
}
