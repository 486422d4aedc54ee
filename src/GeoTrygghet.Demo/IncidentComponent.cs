using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

internal enum TimeRule
{
    /// <summary>The category's hourly, weekly and monthly rhythm, with its share of time spans.</summary>
    Rhythm,

    /// <summary>Only when it is dark (sun below −6°), weighted by an activity profile.</summary>
    Dark,

    /// <summary>Only when it is not dark, weighted by an activity profile.</summary>
    Daylight,
}

/// <summary>
/// One planted stream of incidents of a single category: an exact total spread over the days in
/// proportion to the day weights, each placed and timed by the component's rules. The total is
/// spread one day at a time (a binomial share of what is left), so rows can be written as they are made.
/// </summary>
internal sealed class IncidentComponent
{
    private double[] _remainingWeight = [];
    private int _remaining;

    public required string Key { get; init; }

    public required string Group { get; init; }

    public required DemoCategory Category { get; init; }

    public required Func<Random, Coordinate> Place { get; init; }

    public required TimeRule Rule { get; init; }

    public required double[] DayWeights { get; init; }

    public double[]? Activity { get; init; }

    public bool AllowSpans { get; init; } = true;

    public int Count { get; set; }

    public Random Rng { get; private set; } = new(0);

    public void Begin(int seed)
    {
        Rng = DemoRandom.Stream(seed, "incidents/" + Key);
        _remaining = Count;
        _remainingWeight = new double[DayWeights.Length + 1];
        for (var d = DayWeights.Length - 1; d >= 0; d--)
        {
            _remainingWeight[d] = _remainingWeight[d + 1] + DayWeights[d];
        }
    }

    public int Allocate(int dayIndex)
    {
        if (_remaining == 0 || DayWeights[dayIndex] <= 0)
        {
            return 0;
        }

        var n = DemoRandom.Binomial(Rng, _remaining, DayWeights[dayIndex] / _remainingWeight[dayIndex]);
        _remaining -= n;
        return n;
    }
}
