using System.Globalization;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// The filters of a layer request, as the analyses take them: <c>from</c> and <c>to</c> (dates in
/// Stockholm time, inclusive), <c>category</c> and <c>source</c> (comma-separated), <c>hours</c> (e.g.
/// 18-6), and <c>run</c> for the hotspots layer. Bad values are errors naming the parameter.
/// </summary>
public sealed record LayerFilter(DateTimeOffset? From, DateTimeOffset? To, string[] Categories, string[] Sources, (int From, int To)? Hours, long? Run)
{
    public static LayerFilter Parse(IQueryCollection query)
    {
        return new LayerFilter(
            Date(query["from"], "from", 0),
            Date(query["to"], "to", 1),
            List(query["category"]),
            List(query["source"]),
            query.TryGetValue("hours", out var h) && !string.IsNullOrWhiteSpace(h) ? ParseHours(h!) : null,
            query.TryGetValue("run", out var r) && !string.IsNullOrWhiteSpace(r)
                ? long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var run) ? run : throw new FilterException("run", $"'{r}' is not a run id")
                : null);
    }

    /// <summary>A stable text of the filter for cache keys.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{From?.UtcTicks}|{To?.UtcTicks}|{string.Join(',', Categories)}|{string.Join(',', Sources)}|{Hours?.From}-{Hours?.To}|{Run}");

    private static (int, int) ParseHours(string text)
    {
        try
        {
            return PointFilter.ParseHours(text);
        }
        catch (FormatException e)
        {
            throw new FilterException("hours", e.Message);
        }
    }

    private static DateTimeOffset? Date(string? text, string name, int addDays)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new FilterException(name, $"'{text}' is not a date YYYY-MM-DD");
        }

        if (!StockholmTime.InRange(d))
        {
            throw new FilterException(name, $"'{text}' lies outside the years {StockholmTime.YearRange}");
        }

        StockholmTime.FromLocal(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue), text, out var utc, out _);
        return utc;
    }

    private static string[] List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
