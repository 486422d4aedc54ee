using GeoTrygghet.Data.Patrol;
using GeoTrygghet.Output.Patrol;
namespace GeoTrygghet.Application.Patrol;

/// <summary>What a presence plan is asked for, from the command line or the map service; nulls take the reported defaults.</summary>
public sealed record PatrolRequest
{
    public required DateTimeOffset ShiftStart { get; init; }
    public required DateTimeOffset ShiftEnd { get; init; }
    public required int Patrols { get; init; }
    public double? PresenceMinutes { get; init; }
    public string? Area { get; init; }
    public int Seed { get; init; } = 1;
    public string? Run { get; init; }
    public double LookBackDays { get; init; } = 365;
    public double HalfLifeDays { get; init; } = 90;
    public double ReportWeight { get; init; } = 0.5;
    public double SpeedKmh { get; init; } = 25;
    public bool Straight { get; init; }
    public double VisitMin { get; init; } = 10;
    public double VisitMax { get; init; } = 16;
    public double MinGapMinutes { get; init; } = 120;
    public (double X, double Y)? Start { get; init; }
    public int MaxHotspots { get; init; } = 40;
}
