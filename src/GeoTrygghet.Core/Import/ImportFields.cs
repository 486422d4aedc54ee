using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// The fields each import kind understands. A column whose name (case-insensitive) is the field's
/// name or one of its aliases is mapped without <c>--map</c>. Geometry comes from the file's own
/// geometry (GeoJSON, Shapefile, GeoPackage), else from <c>wkt</c>, else from <c>x</c>/<c>y</c>.
/// This table is also the reference printed by <c>gt import --help-fields</c> and in the README.
/// </summary>
public static class ImportFields
{
    private static readonly FieldSpec Id = new("id", false, "external id; unique per source. Without it a stable content hash is used", "external_id", "objectid", "fid", "löpnummer", "ärendenummer");
    private static readonly FieldSpec X = new("x", false, "easting or longitude in the file's CRS", "lon", "longitude", "lng", "e", "easting", "östlig");
    private static readonly FieldSpec Y = new("y", false, "northing or latitude in the file's CRS", "lat", "latitude", "n", "northing", "nordlig");
    private static readonly FieldSpec Wkt = new("wkt", false, "geometry as WKT (instead of x/y)", "geometry", "geom", "the_geom");

    public static IReadOnlyList<FieldSpec> For(ImportKind kind) => kind switch
    {
        ImportKind.Incidents =>
        [
            Id, X, Y, Wkt,
            new("time_from", true, "start of the time span (ISO 8601; no offset = Europe/Stockholm)", "time", "datetime", "date", "start", "tid", "datum"),
            new("time_to", false, "end of the time span; empty = an instant", "end"),
            new("category", false, "crime category as given (e.g. Misshandel); category or crime_code is required", "type", "brottstyp", "kategori", "offense", "loc_cat_offense"),
            new("crime_code", false, "Swedish crime code (brottskod), kept as given", "brottskod", "code"),
            new("accuracy", false, "location accuracy in metres", "accuracy_m", "precision"),
            new("location_name", false, "place name as given (never a person)", "place", "plats", "location"),
        ],
        ImportKind.Reports =>
        [
            Id, X, Y, Wkt,
            new("time_from", true, "when observed (ISO 8601; no offset = Europe/Stockholm)", "time", "datetime", "date", "tid", "datum"),
            new("time_to", false, "end of the observation span"),
            new("category", true, $"one of {string.Join(", ", Vocabulary.ReportCategories)} (Swedish words such as klotter, skadegörelse are recognised)", "kategori", "type", "händelsetyp"),
            new("kind", false, "est (default) or safety_walk (trygghetsvandring)", "report_kind", "källa"),
            new("reporter_role", false, "role of the reporter (e.g. fastighetsvärd, väktare), never a name", "role", "roll", "rapportör"),
            new("text", false, "free text of the report", "description", "beskrivning", "kommentar", "comment"),
        ],
        ImportKind.Lights =>
        [
            Id, X, Y, Wkt,
            new("status", false, "working (default), out or removed", "state", "driftstatus"),
            new("status_changes", false, "history as YYYY-MM-DD:status;YYYY-MM-DD:status", "history"),
            new("lamp_type", false, "lamp type (LED, HPS, ...)", "type", "armatur", "ljuskälla"),
            new("lumen", false, "light output in lumen", "lm"),
            new("watt", false, "power in watts", "wattage", "effekt", "w"),
            new("height", false, "mounting height in metres", "height_m", "mounting_height", "höjd", "ljuspunktshöjd"),
            new("installed_on", false, "installation date YYYY-MM-DD", "installed", "installerad"),
        ],
        ImportKind.Cameras =>
        [
            Id, X, Y, Wkt,
            new("direction", false, "view direction in degrees clockwise from north", "direction_deg", "bearing", "riktning", "azimuth"),
            new("fov", false, "horizontal field of view in degrees", "fov_deg", "field_of_view", "synfält"),
            new("range", false, "range in metres", "range_m", "räckvidd"),
            new("hours", false, "operating hours HH:MM-HH:MM (may pass midnight); empty = always", "operating_hours", "drifttid"),
            new("owner", false, "owner organisation", "ägare"),
            new("permit", false, "permit reference", "permit_ref", "tillstånd"),
            new("installed_on", false, "installation date YYYY-MM-DD", "installed"),
        ],
        ImportKind.Measures =>
        [
            Id, X, Y, Wkt,
            new("type", true, $"one of {string.Join(", ", Vocabulary.MeasureTypes)}", "measure_type", "åtgärd", "typ"),
            new("start_date", true, "date the measure took effect YYYY-MM-DD", "start", "date", "startdatum"),
            new("end_date", false, "date it ended, if it did", "end", "slutdatum"),
            new("description", false, "what was done", "beskrivning", "text"),
            new("assets", false, "linked assets as kind:id;kind:id (e.g. light:L12;camera:K3)", "linked_assets"),
        ],
        ImportKind.Areas =>
        [
            Id, Wkt,
            new("name", true, "area name", "namn", "omrade", "område", "kommun"),
            new("kind", false, "focus_area (default), district or survey_area", "area_kind", "typ"),
            new("year", false, "year the area applies to", "år", "ar"),
            new("safety_score", false, "perceived-safety score of a survey area", "score", "trygghet"),
            new("respondents", false, "number of survey respondents", "svar"),
        ],
        ImportKind.Basemap =>
        [
            Id, Wkt,
            new("kind", true, "street, path, block, park, water or building", "type", "typ"),
            new("name", false, "street or place name", "namn"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
