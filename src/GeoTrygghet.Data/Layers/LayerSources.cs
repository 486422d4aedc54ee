using GeoTrygghet.Data.Events;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The layers the service offers, each a source with its SQL. Free text (report texts, measure descriptions aside) and
/// anything about a person is never put in a layer; incidents, reports and hotspots (a cluster's outline runs through
/// its events) are marked sensitive, so a public deployment serves events only as counts per fixed cell
/// (<see cref="PublicCellsSql"/>) and hotspot runs not at all.
/// </summary>
public static class LayerSources
{
    // Stockholm local time with its UTC offset (+01:00 or +02:00), so a reader never mistakes it for UTC.
    private static string LocalTime(string column) =>
        $"to_char({column} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+' || to_char(({column} AT TIME ZONE 'Europe/Stockholm') - ({column} AT TIME ZONE 'UTC'), 'HH24:MI')";

    public static readonly IReadOnlyList<LayerSource> All =
    [
        new EventLayerSource
        {
            Id = "incidents",
            Title = "Polisanmälda händelser",
            Description = "Police incidents (points; counted in grid cells below the detail zoom).",
            GeometryType = "Point",
            From = "incidents t",
            Attributes = $"t.id, t.category, t.category_group, t.crime_code, t.source, {LocalTime("t.time_from")} AS time_from, {LocalTime("t.time_to")} AS time_to",
            Fields = Fields("id", "Number", "category", "String", "category_group", "String", "crime_code", "String", "source", "String", "time_from", "String", "time_to", "String"),
            Tables = ["incidents"],
            Table = EventTable.Incidents,
            Points = true,
            Sensitive = true,
            Mercator = "t.geom_3857",
        },
        new EventLayerSource
        {
            Id = "reports",
            Title = "EST-rapporter",
            Description = "Citizen and staff reports (EST, safety walks); no free text.",
            GeometryType = "Point",
            From = "reports t",
            Attributes = $"t.id, t.category, t.kind, t.reporter_role, t.source, {LocalTime("t.time_from")} AS time_from",
            Fields = Fields("id", "Number", "category", "String", "kind", "String", "reporter_role", "String", "source", "String", "time_from", "String"),
            Tables = ["reports"],
            Table = EventTable.Reports,
            Points = true,
            Sensitive = true,
            Mercator = "t.geom_3857",
        },
        new TableLayerSource
        {
            Id = "lights",
            Title = "Gatubelysning",
            Description = "Street lights with their current status (working, out, removed).",
            GeometryType = "Point",
            From = "street_lights t",
            Attributes = "t.id, t.status, t.lamp_type, t.lumen, t.height_m, t.installed_on::text AS installed_on",
            Fields = Fields("id", "Number", "status", "String", "lamp_type", "String", "lumen", "Number", "height_m", "Number", "installed_on", "String"),
            Tables = ["street_lights"],
            Points = true,
            RasterStatus = "t.status",
        },
        new TableLayerSource
        {
            Id = "cameras",
            Title = "Kameror",
            Description = "Cameras: position, direction, field of view, range, owner.",
            GeometryType = "Point",
            From = "cameras t",
            Attributes = "t.id, t.direction_deg, t.fov_deg, t.range_m, t.owner, t.hours_start::text AS hours_start, t.hours_end::text AS hours_end",
            Fields = Fields("id", "Number", "direction_deg", "Number", "fov_deg", "Number", "range_m", "Number", "owner", "String", "hours_start", "String", "hours_end", "String"),
            Tables = ["cameras"],
            Points = true,
        },
        new TableLayerSource
        {
            Id = "camera_views",
            Title = "Kamerors synfält",
            Description = "The view sector of every camera with a direction, field of view and range.",
            GeometryType = "Polygon",
            From = "camera_view_sectors t",
            Attributes = "t.camera_id AS id, t.owner, t.range_m, t.fov_deg",
            Fields = Fields("id", "Number", "owner", "String", "range_m", "Number", "fov_deg", "Number"),
            Tables = ["cameras"],
        },
        new TableLayerSource
        {
            Id = "focus_areas",
            Title = "Fokusområden",
            Description = "Focus areas (and districts, kind = district) with their year.",
            GeometryType = "Polygon",
            From = "areas t",
            Attributes = "t.id, t.name, t.kind, t.year",
            Fields = Fields("id", "Number", "name", "String", "kind", "String", "year", "Number"),
            Tables = ["areas"],
        },
        new TableLayerSource
        {
            Id = "measures",
            Title = "Åtgärder",
            Description = "Situational measures: lighting, cameras, clearing, presence.",
            GeometryType = "Geometry",
            From = "measures t",
            Attributes = "t.id, t.external_id AS measure, t.type, t.start_date::text AS start_date, t.end_date::text AS end_date, t.description",
            Fields = Fields("id", "Number", "measure", "String", "type", "String", "start_date", "String", "end_date", "String", "description", "String"),
            Tables = ["measures"],
        },
        new TableLayerSource
        {
            Id = "basemap",
            Title = "Bakgrundskarta",
            Description = "Streets, paths, blocks, parks and water (the demo town's basemap).",
            GeometryType = "Geometry",
            From = "basemap_features t",
            Attributes = "t.id, t.kind, t.name",
            Fields = Fields("id", "Number", "kind", "String", "name", "String"),
            Tables = ["basemap_features"],
        },
        new HotspotRunLayerSource
        {
            Id = "hotspots",
            Title = "Hotspots",
            Description = "The cells or clusters of a stored analysis run (?run=ID; default: the latest run).",
            GeometryType = "Polygon",
            From = "analysis_features t JOIN analysis_runs r ON r.id = t.run_id",
            Attributes = "t.id, t.run_id, r.method, t.kind, t.properties",
            Fields = Fields("id", "Number", "run_id", "Number", "method", "String", "kind", "String", "count", "Number", "z", "Number", "p", "Number", "bin", "Number", "density", "Number", "category", "String"),
            Tables = ["analysis_runs"],
            Sensitive = true,
        },
    ];

    public static LayerSource? Find(string id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));

    /// <summary>The raster-only layer of the incidents drawn as a kernel heat map (<c>/raster/heatmap/…</c>).</summary>
    public const string HeatMap = "heatmap";

    /// <summary>
    /// The source of a raster layer: every vector layer, and <see cref="HeatMap"/>, the incidents counted per pixel;
    /// null when there is none of that id.
    /// </summary>
    public static (LayerSource Source, bool Heat)? FindRaster(string id) =>
        id == HeatMap ? (Find("incidents")!, true) : Find(id) is { } source ? (source, false) : null;

    private static Dictionary<string, string> Fields(params string[] pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            d[pairs[i]] = pairs[i + 1];
        }

        return d;
    }
}
