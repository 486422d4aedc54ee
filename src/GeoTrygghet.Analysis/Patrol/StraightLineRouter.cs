namespace GeoTrygghet.Analysis.Patrol;

/// <summary>Straight lines at a stated speed, for when no street network is loaded.</summary>
public sealed class StraightLineRouter(double kilometresPerHour) : IPatrolRouter
{
    public string Description => $"straight lines at {kilometresPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture)} km/h (no street network)";

    public string SwedishDescription => $"fågelvägen i {kilometresPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture)} km/h (inget gatunät inläst)";

    public RouteLeg Route(double fromX, double fromY, double toX, double toY)
    {
        var metres = Math.Sqrt(((toX - fromX) * (toX - fromX)) + ((toY - fromY) * (toY - fromY)));
        return new RouteLeg(metres, metres / (kilometresPerHour * 1000 / 60), [(fromX, fromY), (toX, toY)]);
    }
}
