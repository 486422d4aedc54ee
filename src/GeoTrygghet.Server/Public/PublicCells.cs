using System.Globalization;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Layers;
using GeoTrygghet.Server.Layers;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Public;

/// <summary>
/// What the public view shows of incidents and EST reports: the number of events per fixed cell of the analysis CRS
/// (<see cref="ServerOptions.PublicCellMetres"/>, default 250 m, never under 100 m), per calendar month (Stockholm time)
/// and category group, placed at the cell's centre. A count under <see cref="ServerOptions.PublicMinCount"/> (default
/// 5) is shown only as "färre än 5", without its number. Every number published is one such cell, month and group;
/// no total over groups, months or cells is offered, so none can be subtracted from another to isolate an event, and
/// no request can narrow the place below its cell or the time below its month (the probe located an assault to 0.04 m
/// and its hour when cells followed the zoom and sat at their points' mean position). The SQL is the data layer's
/// (<see cref="PublicCellsSql"/>), which chooses the events with the one event filter.
/// </summary>
public static class PublicCells
{
    public const double MinCellMetres = 100;

    public const int MinShownCount = 3;

    /// <summary>What is wrong with a deployment's public cell size and smallest shown count, or null when both are sound.</summary>
    public static string? SettingsProblem(double cellMetres, int minCount) =>
        !(cellMetres >= MinCellMetres && cellMetres <= 10_000)
            ? string.Create(CultureInfo.InvariantCulture, $"the public cell must be {MinCellMetres}–10000 m, not {cellMetres}: smaller cells would place single events")
            : minCount is < MinShownCount or > 100
                ? string.Create(CultureInfo.InvariantCulture, $"the smallest count the public view shows must be {MinShownCount}–100, not {minCount}")
                : null;

    private static readonly string[] Parameters = ["month", "group"];

    /// <summary>One month (<c>month=YYYY-MM</c>, required) and optionally one category group (<c>group</c>); nothing else.</summary>
    public sealed record Request(int Year, int Month, string? Group)
    {
        public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}|{Group}");

        public string MonthText => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
    }

    public static Request Parse(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            // view=public is a signed-in reader's choice to see what the public sees (issue #10), not a filter.
            if (!Parameters.Contains(key, StringComparer.Ordinal) && !(key == "view" && query["view"] == "public"))
            {
                throw new FilterException(key, "den offentliga vyn visar antal per cell, kalendermånad och brottskategori: bara month=ÅÅÅÅ-MM och group är tillåtna (the public view takes only month and group)");
            }
        }

        var text = query["month"].ToString();
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || !StockholmTime.InRange(first))
        {
            throw new FilterException("month", $"'{text}' är inte en månad ÅÅÅÅ-MM ({StockholmTime.YearRange}); den offentliga vyn visar en kalendermånad i taget");
        }

        var group = query["group"].ToString();
        if (group.Length > 100 || group.Any(char.IsControl))
        {
            throw new FilterException("group", "is not a category group");
        }

        return new Request(first.Year, first.Month, group.Length > 0 ? group : null);
    }

    /// <summary>The SQL's query for a request under the deployment's cell size and smallest shown count.</summary>
    public static PublicCellsSql.Query Query(Request request, ServerOptions options) =>
        new(request.Year, request.Month, request.Group, options.PublicCellMetres, options.PublicMinCount);

    public static string FewerThan(int k) => PublicCellsSql.FewerThan(k);
}
