using System.Globalization;

namespace GeoTrygghet.Core.Events;

/// <summary>
/// The one filter of events, for every reader of them (map layers, OGC pages, raster tiles, analyses, overlays,
/// evaluations, presence plans), translated into SQL in one place (<c>Data/Events/EventFilterSql</c>): a period (local dates, the end inclusive), categories (an
/// incident's coarse group or its category as given, a report's category), sources, a named area
/// (focus area, district, …) or a drawn polygon (WKT in the analysis CRS), hours of the day (local; may wrap past midnight, e.g. 18–6), and whether
/// police incidents, EST reports or both are taken, each with a weight. <see cref="Group"/> is the public view's choice of
/// one category group (an incident's coarse group, a report's category), matched on the group alone. <see cref="Owners"/>
/// are the organisations whose events a signed-in reader may see exactly (issue #10); null on the command line.
/// </summary>
public sealed record EventFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Sources = null,
    string? Area = null,
    (int From, int To)? Hours = null,
    double IncidentWeight = 1,
    double ReportWeight = 0,
    string? AreaWkt = null,
    string? Group = null,
    Access.EventOwners? Owners = null)
{
    public bool UsesIncidents => IncidentWeight > 0;

    public bool UsesReports => ReportWeight > 0;

    /// <summary>"18-6" → (18, 6): hours 18:00 up to 06:00 local.</summary>
    public static (int From, int To) ParseHours(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a is >= 0 and <= 24 && b is >= 0 and <= 24 && a % 24 != b % 24)
        {
            return (a % 24, b % 24);
        }

        throw new FormatException($"'{text}' is not FROM-TO in whole hours 0–24, e.g. 18-6 for 18:00 to 06:00");
    }

    public string Describe() => Group is null ? System.Text.Json.JsonSerializer.Serialize(Described()) : System.Text.Json.JsonSerializer.Serialize(new { filter = Described(), group = Group });

    /// <summary>A stable text of the whole filter, the owners included, for cache keys.</summary>
    public string Key => Owners is null ? Describe() : $"{Describe()}|{Owners.Describe()}";

    private object Described() => new
    {
        from = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        categories = Categories,
        sources = Sources,
        area = Area,
        area_polygon = AreaWkt is null ? null : "drawn (see the run's report for the file)",
        hours = Hours is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h.From}-{h.To}") : null,
        incident_weight = IncidentWeight,
        report_weight = ReportWeight,
    };
}
