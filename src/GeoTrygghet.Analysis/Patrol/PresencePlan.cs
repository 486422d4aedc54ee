namespace GeoTrygghet.Analysis.Patrol;

/// <summary>How a presence plan is made; every value is reported with the plan.</summary>
public sealed record PresenceSettings
{
    public required DateTimeOffset ShiftStart { get; init; }
    public required DateTimeOffset ShiftEnd { get; init; }
    public required int Patrols { get; init; }

    /// <summary>Minutes each patrol spends standing at hotspots (travel not included).</summary>
    public required double PresenceMinutesPerPatrol { get; init; }

    /// <summary>Koper's 10–16 minutes (Koper 1995, "Just enough police presence", Justice Quarterly 12(4)).</summary>
    public double VisitMinMinutes { get; init; } = 10;
    public double VisitMaxMinutes { get; init; } = 16;

    /// <summary>The least time between the starts of two visits to one hotspot, by any patrol.</summary>
    public double MinMinutesBetweenVisits { get; init; } = 120;

    /// <summary>How quickly the preference for a nearer stop falls with travel time (minutes for a factor e).</summary>
    public double TravelPreferenceMinutes { get; init; } = 15;
    public int Seed { get; init; } = 1;
    public (double X, double Y)? Start { get; init; }
    public required TimeZoneInfo Zone { get; init; }
}

public sealed record PlannedStop(int Patrol, int Order, PatrolSite Site, DateTimeOffset Arrive, DateTimeOffset Depart, double Minutes, double Risk, int Rank, string Reason);

public sealed record PlannedLeg(int Patrol, string From, string To, DateTimeOffset Depart, DateTimeOffset Arrive, RouteLeg Route);

public sealed record PresencePlan(IReadOnlyList<PlannedStop> Stops, IReadOnlyList<PlannedLeg> Legs, IReadOnlyDictionary<string, double> TargetMinutes,
    IReadOnlyDictionary<string, double> ShiftRisk, string Router, string RouterSv);
