using GeoTrygghet.Data.Events;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// The layers the service offers. Free text (report texts, measure descriptions aside) and anything
/// about a person is never put in a layer; incidents, reports and hotspots (a cluster's outline runs
/// through its events) are marked sensitive, so a public deployment serves events only as
/// <see cref="Public.PublicCells"/> and hotspot runs not at all.
/// </summary>
public static class LayerCatalog
{
    // Stockholm local time with its UTC offset (+01:00 or +02:00), so a reader never mistakes it for UTC.
    private static string LocalTime(string column) =>
        $"to_char({column} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+' || to_char(({column} AT TIME ZONE 'Europe/Stockholm') - ({column} AT TIME ZONE 'UTC'), 'HH24:MI')";

    public static readonly IReadOnlyList<LayerDefinition> All =
    [
        new("incidents", "Polisanmälda händelser", "Police incidents (points; counted in grid cells below the detail zoom).", "Point",
            "incidents t", $"t.id, t.category, t.category_group, t.crime_code, t.source, {LocalTime("t.time_from")} AS time_from, {LocalTime("t.time_to")} AS time_to",
            Fields("id", "Number", "category", "String", "category_group", "String", "crime_code", "String", "source", "String", "time_from", "String", "time_to", "String"),
            ["incidents"], EventTable.Incidents, Points: true, Sensitive: true, Mercator: "t.geom_3857"),
        new("reports", "EST-rapporter", "Citizen and staff reports (EST, safety walks); no free text.", "Point",
            "reports t", $"t.id, t.category, t.kind, t.reporter_role, t.source, {LocalTime("t.time_from")} AS time_from",
            Fields("id", "Number", "category", "String", "kind", "String", "reporter_role", "String", "source", "String", "time_from", "String"),
            ["reports"], EventTable.Reports, Points: true, Sensitive: true, Mercator: "t.geom_3857"),
        new("lights", "Gatubelysning", "Street lights with their current status (working, out, removed).", "Point",
            "street_lights t", "t.id, t.status, t.lamp_type, t.lumen, t.height_m, t.installed_on::text AS installed_on",
            Fields("id", "Number", "status", "String", "lamp_type", "String", "lumen", "Number", "height_m", "Number", "installed_on", "String"),
            ["street_lights"], Points: true),
        new("cameras", "Kameror", "Cameras: position, direction, field of view, range, owner.", "Point",
            "cameras t", "t.id, t.direction_deg, t.fov_deg, t.range_m, t.owner, t.hours_start::text AS hours_start, t.hours_end::text AS hours_end",
            Fields("id", "Number", "direction_deg", "Number", "fov_deg", "Number", "range_m", "Number", "owner", "String", "hours_start", "String", "hours_end", "String"),
            ["cameras"], Points: true),
        new("camera_views", "Kamerors synfält", "The view sector of every camera with a direction, field of view and range.", "Polygon",
            "camera_view_sectors t", "t.camera_id AS id, t.owner, t.range_m, t.fov_deg",
            Fields("id", "Number", "owner", "String", "range_m", "Number", "fov_deg", "Number"),
            ["cameras"]),
        new("focus_areas", "Fokusområden", "Focus areas (and districts, kind = district) with their year.", "Polygon",
            "areas t", "t.id, t.name, t.kind, t.year",
            Fields("id", "Number", "name", "String", "kind", "String", "year", "Number"),
            ["areas"]),
        new("measures", "Åtgärder", "Situational measures: lighting, cameras, clearing, presence.", "Geometry",
            "measures t", "t.id, t.external_id AS measure, t.type, t.start_date::text AS start_date, t.end_date::text AS end_date, t.description",
            Fields("id", "Number", "measure", "String", "type", "String", "start_date", "String", "end_date", "String", "description", "String"),
            ["measures"]),
        new("basemap", "Bakgrundskarta", "Streets, paths, blocks, parks and water (the demo town's basemap).", "Geometry",
            "basemap_features t", "t.id, t.kind, t.name",
            Fields("id", "Number", "kind", "String", "name", "String"),
            ["basemap_features"]),
        new("hotspots", "Hotspots", "The cells or clusters of a stored analysis run (?run=ID; default: the latest run).", "Polygon",
            "analysis_features t JOIN analysis_runs r ON r.id = t.run_id", "t.id, t.run_id, r.method, t.kind, t.properties",
            Fields("id", "Number", "run_id", "Number", "method", "String", "kind", "String", "count", "Number", "z", "Number", "p", "Number", "bin", "Number", "density", "Number", "category", "String"),
            ["analysis_runs"], Sensitive: true),
    ];

    public static LayerDefinition? Find(string id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.Ordinal));

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
