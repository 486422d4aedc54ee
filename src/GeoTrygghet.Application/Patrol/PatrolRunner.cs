using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core.Patrol;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Patrol;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Output.Patrol;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Application.Patrol;

/// <summary>One presence plan from request to result — the same for <c>gt patrol plan</c> and the map service's plan page.</summary>
public static class PatrolRunner
{
    public sealed record Result(PresencePlan Plan, PresenceSettings Settings, PatrolSource.Sites Sites, IReadOnlyList<Geometry> Streets, JsonObject Json, JsonObject Defaults)
    {
        public string Title => $"Närvaroplan {TimeZoneInfo.ConvertTime(Settings.ShiftStart, StockholmTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    public static Result Run(string connectionString, PatrolRequest r, CancellationToken cancel = default)
    {
        var inv = CultureInfo.InvariantCulture;
        var srid = SchemaManager.AnalysisSrid(connectionString);
        PresencePlanner.CheckBounds(r.Patrols, r.SpeedKmh, r.MaxHotspots);
        var sites = PatrolSource.Load(connectionString, r.Run, r.Area, r.ShiftStart, r.LookBackDays, r.HalfLifeDays, r.ReportWeight, r.MaxHotspots, srid, cancel);
        var streets = r.Straight ? [] : PatrolSource.Streets(connectionString);
        IPatrolRouter router = streets.Count > 0 ? new StreetGraphRouter(streets, r.SpeedKmh) : new StraightLineRouter(r.SpeedKmh);
        var settings = new PresenceSettings
        {
            ShiftStart = r.ShiftStart,
            ShiftEnd = r.ShiftEnd,
            Patrols = r.Patrols,
            PresenceMinutesPerPatrol = r.PresenceMinutes ?? Math.Floor((r.ShiftEnd - r.ShiftStart).TotalMinutes / 2),
            VisitMinMinutes = r.VisitMin,
            VisitMaxMinutes = r.VisitMax,
            MinMinutesBetweenVisits = r.MinGapMinutes,
            Seed = r.Seed,
            Start = r.Start,
            Zone = StockholmTime.Zone,
        };
        cancel.ThrowIfCancellationRequested();
        var plan = PresencePlanner.Plan(sites.List, settings, router, cancel);
        var defaults = new JsonObject();
        if (r.PresenceMinutes is null)
        {
            defaults["presence_minutes"] = $"{settings.PresenceMinutesPerPatrol.ToString(inv)} per patrol: half the shift";
        }

        if (r.Run is null)
        {
            defaults["run"] = $"'{sites.RunIdentity.Name}', the latest stored run with hotspots";
        }

        var about = new JsonObject
        {
            ["run"] = new JsonObject { ["id"] = sites.RunIdentity.Id, ["name"] = sites.RunIdentity.Name },
            ["hotspot_source"] = sites.Description,
            ["risk"] = $"aoristic hour-of-week weights of the incidents (weight 1) and EST reports (weight {r.ReportWeight.ToString(inv)}) of the {r.LookBackDays.ToString(inv)} days before the shift, halving every {r.HalfLifeDays.ToString(inv)} days back; {sites.Events} events read",
            ["start"] = settings.Start is null ? "each patrol starts at its first stop" : $"{settings.Start.Value.X.ToString(inv)},{settings.Start.Value.Y.ToString(inv)}",
            ["defaults"] = defaults,
        };
        return new Result(plan, settings, sites, streets, PatrolPlanFiles.Json(plan, settings, sites.List, srid, about), defaults);
    }
}
