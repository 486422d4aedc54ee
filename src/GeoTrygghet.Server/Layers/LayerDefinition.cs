using GeoTrygghet.Data.Events;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// A map layer: its id (used in every URL and as the OGC collection id), what it shows, the SQL it
/// reads (a FROM clause with the alias <c>t</c>, a <c>t.geom</c> in the analysis CRS, and the attribute
/// list), whether it is a layer of events (then the <see cref="Core.Events.EventFilter"/> applies to it), the tables whose changes invalidate its tiles, and access rules: a
/// role that may later be required, and whether public use sees only aggregates. <see cref="Mercator"/>
/// is the geometry in EPSG:3857 (a stored column where the table keeps one).
/// </summary>
public sealed record LayerDefinition(
    string Id,
    string Title,
    string Description,
    string GeometryType,
    string From,
    string Attributes,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tables,
    EventTable? Events = null,
    bool Points = false,
    bool Sensitive = false,
    string? RequiredRole = null,
    string Mercator = "ST_Transform(t.geom, 3857)")
{
    public bool Filterable => Events is not null;
}
