using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Evaluation;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Evaluation;
using GeoTrygghet.Data.Events;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Application.Evaluation;

/// <summary>
/// One evaluation from request to JSON: finds the measure, builds the areas, chooses the windows, loads the
/// events and evaluates — the same for <c>gt evaluate</c> and the map service's evaluation page.
/// </summary>
public static class EvaluationRunner
{
    public static JsonObject Run(string connectionString, EvaluationRequest request, CancellationToken cancel = default)
    {
        if ((request.MeasureId is null) == (request.Treated is null))
        {
            throw new EvaluationException("give either a measure id or a treated area with its date.");
        }

        if (request.Treated is not null && request.Date is null)
        {
            throw new EvaluationException("a treated area needs the measure's first day (--date YYYY-MM-DD).");
        }

        if (request.BeforeDays is <= 0 || request.AfterDays is <= 0)
        {
            throw new EvaluationException("the windows before and after must be a positive number of days.");
        }

        var srid = SchemaManager.AnalysisSrid(connectionString);
        var defaults = new Dictionary<string, string>();
        if (request.BufferMetres is null)
        {
            defaults["buffer_m"] = $"{EvaluationRequest.DefaultBufferMetres.ToString(CultureInfo.InvariantCulture)} (the default ring)";
        }

        var measure = request.MeasureId is null ? null : EvaluationSource.FindMeasure(connectionString, request.MeasureId);
        var treated = measure?.Geometry ?? request.Treated!;
        var day = request.Date ?? measure!.StartDate;
        var (study, studyName) = request.StudyArea is { } configured
            ? (configured.Geometry, $"{configured.Name}, from {request.StudyAreaSource}")
            : EvaluationSource.StudyExtent(connectionString, srid);
        if (request.Control is null && request.StudyArea is null)
        {
            defaults["control"] = $"the rest of the study area, here the {studyName} (no studyArea in geotrygghet.json)";
        }

        var areas = EvaluationAreas.Build(treated, request.BufferMetres ?? EvaluationRequest.DefaultBufferMetres, request.Control, request.ControlName, study, studyName);
        var centre = treated.Centroid;
        var (lon, lat) = new GeometryReprojector(srid, 4326).ToLonLat(centre.X, centre.Y);
        var coverage = EvaluationSource.Coverage(connectionString, request.Reports);
        var (beforeDays, afterDays) = Windows(request.BeforeDays, request.AfterDays, day, coverage, defaults);
        var design = new EvaluationDesign
        {
            Measure = measure?.ExternalId ?? request.TreatedName ?? "treated area",
            MeasureType = measure?.Type,
            Description = measure?.Description,
            MeasureEnd = measure?.EndDate,
            Date = day,
            BeforeDays = beforeDays,
            AfterDays = afterDays,
            BeforeFrom = StockholmTime.StartOfDay(day.AddDays(-beforeDays)),
            Start = StockholmTime.StartOfDay(day),
            AfterTo = StockholmTime.StartOfDay(day.AddDays(afterDays)),
            Latitude = lat,
            Longitude = lon,
            Areas = areas,
            DarkOnly = request.DarkOnly,
            Events = Describe(request),
            Defaults = defaults,
            DataFrom = coverage.First,
            DataTo = coverage.Last,
        };
        // The windows are whole local days: from the first day before up to the last day after, inclusive.
        var events = new EventFilter(day.AddDays(-beforeDays), day.AddDays(afterDays - 1), request.Categories, request.Sources, Owners: request.Owners);
        var found = EvaluationSource.LoadEvents(connectionString, areas, events, request.Reports ? EventTable.Reports : EventTable.Incidents, design.Start, srid, cancel);
        cancel.ThrowIfCancellationRequested();
        return MeasureEvaluation.Evaluate(design, found);
    }

    /// <summary>
    /// The windows asked for, else a year on each side — shortened to what the data covers on both sides, so that
    /// an early measure is not compared with a "before" the database holds no events for.
    /// </summary>
    private static (int Before, int After) Windows(int? before, int? after, DateOnly day, (DateTimeOffset? First, DateTimeOffset? Last) coverage, Dictionary<string, string> defaults)
    {
        if (before is { } b && after is { } a)
        {
            return (b, a);
        }

        var room = EvaluationRequest.DefaultDays;
        var why = "a whole year on each side, so both periods hold every season";
        if (coverage.First is { } first && coverage.Last is { } last)
        {
            var firstDay = StockholmTime.LocalDate(first);
            var lastDay = StockholmTime.LocalDate(last);
            var roomBefore = day.DayNumber - firstDay.DayNumber;
            var roomAfter = lastDay.DayNumber - day.DayNumber + 1;
            if (Math.Min(roomBefore, roomAfter) < room)
            {
                room = Math.Min(roomBefore, roomAfter);
                why = string.Create(CultureInfo.InvariantCulture, $"as many days as the events cover on both sides ({firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}), less than a year");
                if (room < 1)
                {
                    throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"the events run from {firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}: there is no day of data on one side of {day:yyyy-MM-dd}."));
                }
            }
        }

        if (before is null)
        {
            defaults["before_days"] = string.Create(CultureInfo.InvariantCulture, $"{room}: {why}");
        }

        if (after is null)
        {
            defaults["after_days"] = string.Create(CultureInfo.InvariantCulture, $"{room}: {why}");
        }

        return (before ?? room, after ?? room);
    }

    private static string Describe(EvaluationRequest r) =>
        (r.Reports ? "EST reports" : "incidents")
        + (r.Categories.Count > 0 ? $" of {string.Join(", ", r.Categories)}" : string.Empty)
        + (r.Sources.Count > 0 ? $" from {string.Join(", ", r.Sources)}" : string.Empty)
        + ", counted by time_from";
}
