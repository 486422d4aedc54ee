using System.Globalization;
using GeoTrygghet.Analysis;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Application.Hotspots;

/// <summary>
/// One stored hotspot run from request to database — load the filtered events, run the method, store the run with its
/// report and features — the same for <c>gt hotspots METHOD</c> on the database, <c>POST /analyses</c> and the demo's
/// first runs. The analysis CRS is the database's own, read once per run.
/// </summary>
public static class HotspotRunner
{
    /// <param name="Method">gistar, moran, dbscan or kde (<see cref="HotspotMethods.Parameters"/>).</param>
    /// <param name="DarkOnly">Only events with at least half of their time span after dark at their place.</param>
    /// <param name="Name">The stored run's name; default the method and the time.</param>
    /// <param name="Org">The organisation the run is made for (only its users see it); null: the one police organisation, if there is one.</param>
    public sealed record Request(string Method, EventFilter Filter, HotspotParameters Parameters, bool DarkOnly = false, string? Name = null, string? Org = null);

    public sealed record Result(long RunId, string Name, int Srid, int Features, HotspotOutcome Outcome);

    public static Result Run(string connectionString, Request request, CancellationToken cancel = default)
    {
        var srid = SchemaManager.AnalysisSrid(connectionString);
        var (points, description) = Load(connectionString, request.Filter, request.DarkOnly, srid, cancel);
        var outcome = HotspotMethods.Run(request.Method, points, description, request.Parameters, srid, cancel);
        var name = request.Name ?? string.Create(CultureInfo.InvariantCulture, $"{outcome.Report.Method} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}");
        var saved = AnalysisStore.Save(connectionString, name, outcome.Report, request.Filter, srid, outcome.StoredFeatures, request.Org ?? Data.Access.AccessStore.OnlyOrganisationOf(connectionString, "police"), cancel);
        return new Result(saved.Id, name, srid, saved.Features, outcome);
    }

    /// <summary>The events of a filter, with how they were chosen in words for the report; none is an error that says what there is.</summary>
    public static (PointTable Points, string Description) Load(string connectionString, EventFilter filter, bool darkOnly, int srid, CancellationToken cancel = default)
    {
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            throw new AnalysisException($"to {t:yyyy-MM-dd} is before from {f:yyyy-MM-dd}.");
        }

        var points = PointSource.Load(connectionString, filter, cancel);
        if (points.Count == 0)
        {
            throw new AnalysisException($"no events match the filters {filter.Describe()}; {PointSource.DescribeCategories(connectionString)}");
        }

        var description = $"database {SchemaManager.Describe(connectionString)}, filters {filter.Describe()}";
        if (!darkOnly)
        {
            return (points, description);
        }

        var dark = points.AfterDark(srid);
        return (dark, $"{description}, only after dark ({dark.Count} of {points.Count} events: at least half of the time span with the sun more than 6° below the horizon)");
    }
}
