using System.Globalization;
using System.Text.Json;
using GeoTrygghet.Core.Domain;
using NetTopologySuite.IO;

namespace GeoTrygghet.Data.Import;

/// <summary>The staging and target columns of each import kind. Points are staged as x/y, other geometries as WKB.</summary>
internal static class TableSpecs
{
    private static readonly WKBWriter Wkb = new(ByteOrder.LittleEndian, handleSRID: false, emitZ: false);

    public static TableSpec<IncidentRow> Incidents(int srid) => Spec<IncidentRow>(
        "incidents",
        [
            Text<IncidentRow>("source", r => r.Source),
            Text<IncidentRow>("external_id", r => r.ExternalId),
            Text<IncidentRow>("crime_code", r => r.CrimeCode),
            Text<IncidentRow>("category", r => r.Category),
            Text<IncidentRow>("category_group", r => r.CategoryGroup),
            Time<IncidentRow>("time_from", r => r.TimeFrom),
            Time<IncidentRow>("time_to", r => r.TimeTo),
            Double<IncidentRow>("x", r => r.Geom.X),
            Double<IncidentRow>("y", r => r.Geom.Y),
            Double<IncidentRow>("accuracy_m", r => r.AccuracyM),
            Text<IncidentRow>("location_name", r => r.LocationName),
        ],
        Same("source", "external_id", "crime_code", "category", "category_group", "time_from", "time_to")
            .Append(("geom", PointSql(srid)))
            .Concat(Same("accuracy_m", "location_name")).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<ReportRow> Reports(int srid) => Spec<ReportRow>(
        "reports",
        [
            Text<ReportRow>("source", r => r.Source),
            Text<ReportRow>("external_id", r => r.ExternalId),
            Text<ReportRow>("kind", r => r.Kind),
            Text<ReportRow>("category", r => r.Category),
            Text<ReportRow>("reporter_role", r => r.ReporterRole),
            Text<ReportRow>("text", r => r.Text),
            Time<ReportRow>("time_from", r => r.TimeFrom),
            Time<ReportRow>("time_to", r => r.TimeTo),
            Double<ReportRow>("x", r => r.Geom.X),
            Double<ReportRow>("y", r => r.Geom.Y),
        ],
        Same("source", "external_id", "kind", "category", "reporter_role", "text", "time_from", "time_to")
            .Append(("geom", PointSql(srid))).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<LightRow> Lights(int srid) => Spec<LightRow>(
        "street_lights",
        [
            Text<LightRow>("source", r => r.Source),
            Text<LightRow>("external_id", r => r.ExternalId),
            Double<LightRow>("x", r => r.Geom.X),
            Double<LightRow>("y", r => r.Geom.Y),
            Text<LightRow>("status", r => r.Status),
            StagedColumn<LightRow>.Jsonb("status_changes", StatusJson),
            Text<LightRow>("lamp_type", r => r.LampType),
            Double<LightRow>("lumen", r => r.Lumen),
            Double<LightRow>("watt", r => r.Watt),
            Double<LightRow>("height_m", r => r.HeightM),
            StagedColumn<LightRow>.Date("installed_on", r => r.InstalledOn),
        ],
        Same("source", "external_id").Append(("geom", PointSql(srid))).Append(("status", "status")).Append(("status_changes", "status_changes"))
            .Concat(Same("lamp_type", "lumen", "watt", "height_m", "installed_on")).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<CameraRow> Cameras(int srid) => Spec<CameraRow>(
        "cameras",
        [
            Text<CameraRow>("source", r => r.Source),
            Text<CameraRow>("external_id", r => r.ExternalId),
            Double<CameraRow>("x", r => r.Geom.X),
            Double<CameraRow>("y", r => r.Geom.Y),
            Double<CameraRow>("direction_deg", r => r.DirectionDeg),
            Double<CameraRow>("fov_deg", r => r.FovDeg),
            Double<CameraRow>("range_m", r => r.RangeM),
            StagedColumn<CameraRow>.TimeOfDay("hours_start", r => r.HoursStart),
            StagedColumn<CameraRow>.TimeOfDay("hours_end", r => r.HoursEnd),
            Text<CameraRow>("owner", r => r.Owner),
            Text<CameraRow>("permit_ref", r => r.PermitRef),
            StagedColumn<CameraRow>.Date("installed_on", r => r.InstalledOn),
        ],
        Same("source", "external_id").Append(("geom", PointSql(srid)))
            .Concat(Same("direction_deg", "fov_deg", "range_m", "hours_start", "hours_end", "owner", "permit_ref", "installed_on")).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<MeasureRow> Measures(int srid) => Spec<MeasureRow>(
        "measures",
        [
            Text<MeasureRow>("source", r => r.Source),
            Text<MeasureRow>("external_id", r => r.ExternalId),
            Text<MeasureRow>("type", r => r.Type),
            StagedColumn<MeasureRow>.Bytes("geom_wkb", "bytea", r => Wkb.Write(r.Geom)),
            StagedColumn<MeasureRow>.Date("start_date", r => (DateOnly?)r.StartDate),
            StagedColumn<MeasureRow>.Date("end_date", r => r.EndDate),
            Text<MeasureRow>("description", r => r.Description),
            StagedColumn<MeasureRow>.TextArray("assets", r => r.Assets),
        ],
        Same("source", "external_id", "type").Append(("geom", WkbSql(srid)))
            .Concat(Same("start_date", "end_date", "description", "assets")).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<AreaRow> Areas(int srid) => Spec<AreaRow>(
        "areas",
        [
            Text<AreaRow>("source", r => r.Source),
            Text<AreaRow>("external_id", r => r.ExternalId),
            Text<AreaRow>("kind", r => r.Kind),
            Text<AreaRow>("name", r => r.Name),
            StagedColumn<AreaRow>.Int32("year", r => r.Year),
            StagedColumn<AreaRow>.Bytes("geom_wkb", "bytea", r => Wkb.Write(r.Geom)),
            Double<AreaRow>("safety_score", r => r.SafetyScore),
            StagedColumn<AreaRow>.Int32("respondents", r => r.Respondents),
        ],
        Same("source", "external_id", "kind", "name", "year").Append(("geom", WkbSql(srid)))
            .Concat(Same("safety_score", "respondents")).ToList(),
        r => r.Geom,
        srid);

    public static TableSpec<BasemapRow> Basemap(int srid) => Spec<BasemapRow>(
        "basemap_features",
        [
            Text<BasemapRow>("source", r => r.Source),
            Text<BasemapRow>("external_id", r => r.ExternalId),
            Text<BasemapRow>("kind", r => r.Kind),
            Text<BasemapRow>("name", r => r.Name),
            StagedColumn<BasemapRow>.Bytes("geom_wkb", "bytea", r => Wkb.Write(r.Geom)),
        ],
        Same("source", "external_id", "kind", "name").Append(("geom", WkbSql(srid))).ToList(),
        r => r.Geom,
        srid);

    /// <summary>
    /// The staged columns as table columns: x/y and WKB become one <c>geom</c> (EWKB with the SRID).
    /// </summary>
    private static List<StagedColumn<T>> DirectOf<T>(IReadOnlyList<StagedColumn<T>> staged, Func<T, NetTopologySuite.Geometries.Geometry> geometry, int srid)
    {
        // Binary COPY hands the bytes to geometry_recv, which reads EWKB.
        var ewkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false);
        var points = new PointEwkb(srid);
        var list = new List<StagedColumn<T>>();
        foreach (var c in staged)
        {
            switch (c.Name)
            {
                case "x" or "geom_wkb":
                    list.Add(StagedColumn<T>.Bytes("geom", "geometry", r =>
                    {
                        var g = geometry(r);
                        if (g is NetTopologySuite.Geometries.Point p)
                        {
                            return points.Write(p);
                        }

                        g.SRID = srid;
                        return ewkb.Write(g);
                    }));
                    break;
                case "y":
                    break;
                default:
                    list.Add(c);
                    break;
            }
        }

        return list;
    }

    private static TableSpec<T> Spec<T>(string table, IReadOnlyList<StagedColumn<T>> staged, IReadOnlyList<(string, string)> targets, Func<T, NetTopologySuite.Geometries.Geometry> geometry, int srid) =>
        new(table, staged, targets, DirectOf(staged, geometry, srid));

    private static string StatusJson(LightRow r) =>
        JsonSerializer.Serialize(r.StatusChanges.Select(c => new { date = c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status = c.Status }));

    private static string PointSql(int srid) => string.Create(CultureInfo.InvariantCulture, $"ST_SetSRID(ST_MakePoint(x, y), {srid})");

    private static string WkbSql(int srid) => string.Create(CultureInfo.InvariantCulture, $"ST_GeomFromWKB(geom_wkb, {srid})");

    private static IEnumerable<(string Column, string Expression)> Same(params string[] columns) => columns.Select(c => (c, c));

    private static StagedColumn<T> Text<T>(string name, Func<T, string?> value) => StagedColumn<T>.Text(name, value);

    private static StagedColumn<T> Double<T>(string name, Func<T, double?> value) => StagedColumn<T>.Double(name, value);

    private static StagedColumn<T> Time<T>(string name, Func<T, DateTimeOffset?> value) => StagedColumn<T>.TimestampTz(name, value);
}
