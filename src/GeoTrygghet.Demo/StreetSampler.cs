using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

/// <summary>
/// Draws places along the streets, the way police and reporters record them: at a street, a few metres
/// to either side of the centreline. Streets are weighted by length times a weight per street, so a
/// category can lean on the centre or on the residential streets. Never inside the dark-path corridor,
/// whose incidents are planted on their own, and never outside the town square.
/// </summary>
internal sealed class StreetSampler
{
    private readonly (Coordinate A, Coordinate B, double Length, string Name)[] _segments;
    private readonly double[] _cumulative;
    private readonly double _maxOffset;
    private readonly Polygon _corridor;
    private readonly Envelope _corridorEnvelope;

    public StreetSampler(DemoTown town, Func<DemoStreet, double> weight, double maxOffset = 12)
    {
        var segments = new List<(Coordinate, Coordinate, double, string)>();
        var weights = new List<double>();
        foreach (var street in town.Streets)
        {
            var w = weight(street);
            if (w <= 0)
            {
                continue;
            }

            var coords = street.Line.Coordinates;
            for (var i = 0; i + 1 < coords.Length; i++)
            {
                var length = coords[i].Distance(coords[i + 1]);
                if (length > 0)
                {
                    segments.Add((coords[i], coords[i + 1], length, street.Name));
                    weights.Add(length * w);
                }
            }
        }

        _segments = segments.ToArray();
        _cumulative = DemoRandom.Cumulative(weights);
        _maxOffset = maxOffset;
        _corridor = town.PathCorridor;
        _corridorEnvelope = _corridor.EnvelopeInternal;
    }

    public (Coordinate At, string Street) Sample(Random r)
    {
        while (true)
        {
            var (a, b, length, name) = _segments[DemoRandom.Pick(r, _cumulative)];
            var t = r.NextDouble();
            var offset = (2 * r.NextDouble() - 1) * _maxOffset;
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var x = Math.Round(a.X + t * dx - offset * dy / length, 2);
            var y = Math.Round(a.Y + t * dy + offset * dx / length, 2);
            if (DemoTown.InBounds(x, y) && !InCorridor(x, y))
            {
                return (new Coordinate(x, y), name);
            }
        }
    }

    public bool InCorridor(double x, double y) =>
        _corridorEnvelope.Covers(x, y) && _corridor.Covers(DemoTown.Factory.CreatePoint(new Coordinate(x, y)));
}
