using System.Globalization;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Layers;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Layers;

/// <summary>
/// Reads the filters of a layer request: the event filter of every layer of events — <c>from</c> and <c>to</c> (dates in
/// Stockholm time, inclusive), <c>category</c> and <c>source</c> (comma-separated), <c>hours</c> (e.g. 18-6) — and
/// <c>run</c> for the hotspots layer — and the owners whose events the reader may see. Bad values are errors naming the parameter.
/// </summary>
public static class LayerFilterQuery
{
    /// <summary>The request's filter with the sharing rules of its reader (<see cref="Security.RequestViewer.Owners"/>).</summary>
    public static LayerFilter Parse(HttpContext http) => Parse(http.Request.Query, Security.RequestViewer.Owners(http));

    /// <summary>A filter from a query; <paramref name="owners"/> are the reader's, which every request of the service has.</summary>
    public static LayerFilter Parse(IQueryCollection query, Core.Access.EventOwners owners)
    {
        return new LayerFilter(
            new EventFilter(Date(query["from"], "from"), Date(query["to"], "to"), List(query["category"]), List(query["source"]),
                Hours: query.TryGetValue("hours", out var h) && !string.IsNullOrWhiteSpace(h) ? ParseHours(h!) : null, Owners: owners),
            query.TryGetValue("run", out var r) && !string.IsNullOrWhiteSpace(r)
                ? long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var run) ? run : throw new FilterException("run", $"'{r}' is not a run id")
                : null);
    }

    private static (int, int) ParseHours(string text)
    {
        try
        {
            return EventFilter.ParseHours(text);
        }
        catch (FormatException e)
        {
            throw new FilterException("hours", e.Message);
        }
    }

    private static DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new FilterException(name, $"'{text}' is not a date YYYY-MM-DD");
        }

        return StockholmTime.InRange(d) ? d : throw new FilterException(name, $"'{text}' lies outside the years {StockholmTime.YearRange}");
    }

    private static string[]? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
