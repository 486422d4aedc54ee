namespace GeoTrygghet.Analysis.Patrol;

/// <summary>A way from one place to another: its length, the time it takes and the path to draw and follow.</summary>
public sealed record RouteLeg(double Metres, double Minutes, IReadOnlyList<(double X, double Y)> Path);

/// <summary>How patrols get between stops.</summary>
public interface IPatrolRouter
{
    /// <summary>What the routes follow and at what speed, for the plan's report.</summary>
    string Description { get; }

    /// <summary>The same in Swedish, for the printed briefing.</summary>
    string SwedishDescription { get; }

    RouteLeg Route(double fromX, double fromY, double toX, double toY);
}
