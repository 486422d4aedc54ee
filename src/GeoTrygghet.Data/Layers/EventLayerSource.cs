using GeoTrygghet.Data.Events;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// A layer of events (police incidents, EST reports): the one event filter applies to it through
/// <see cref="EventFilterSql"/>, so the tiles, raster tiles and OGC pages take exactly the events an analysis of the same
/// filter takes; the public view counts it in fixed cells (<see cref="PublicCellsSql"/>).
/// </summary>
public sealed class EventLayerSource : LayerSource
{
    private static readonly string[] EventFilterNames = ["from", "to", "category", "hours", "source"];

    public required EventTable Table { get; init; }

    public override EventTable? Events => Table;

    public override IReadOnlyList<string> FilterNames => EventFilterNames;

    public override void Conditions(LayerFilter filter, List<string> where, NpgsqlCommand cmd) =>
        where.AddRange(EventFilterSql.Conditions(filter.Events, Table, "t", cmd));
}
