using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoTrygghet.Analysis.Coverage;

/// <summary>
/// What a camera sees: its view sector (position, direction clockwise from north, field of view, range) with
/// the parts behind buildings taken away, by casting rays every <c>stepDegrees</c> across the field of view and
/// stopping each at the first obstacle it meets (the ray-casting visibility polygon, as in viewshed tools;
/// e.g. Suleiman, Joliveau &amp; Favier 2013, "A new algorithm for 3D isovists", for the 2-D case they start from).
/// A camera standing inside an obstacle — on a facade — sees from its position outward.
/// </summary>
public static class VisibilityPolygon
{
    public static Polygon Sector(GeometryFactory factory, double x, double y, double directionDeg, double fovDeg, double rangeMetres,
        STRtree<Geometry>? obstacles = null, double stepDegrees = 1)
    {
        if (!(rangeMetres > 0) || !(fovDeg > 0))
        {
            throw new ArgumentException("a camera needs a range and a field of view above 0.");
        }

        var full = fovDeg >= 360;
        var span = full ? 360 : fovDeg;
        var rays = Math.Max(2, (int)Math.Ceiling(span / stepDegrees));
        var origin = new Coordinate(x, y);
        var ring = new List<Coordinate>(rays + 3);
        if (!full)
        {
            ring.Add(origin);
        }

        var start = directionDeg - (span / 2);
        var count = full ? rays : rays + 1;
        for (var k = 0; k < count; k++)
        {
            var angle = (start + (span * k / rays)) * Math.PI / 180;
            var end = new Coordinate(x + (rangeMetres * Math.Sin(angle)), y + (rangeMetres * Math.Cos(angle)));
            ring.Add(obstacles is null ? end : FirstHit(factory, origin, end, obstacles));
        }

        ring.Add(ring[0].Copy());
        var polygon = factory.CreatePolygon(ring.ToArray());
        return polygon.IsValid ? polygon : (Polygon)(polygon.Buffer(0) is Polygon p ? p : LargestPart(polygon.Buffer(0)));
    }

    private static Coordinate FirstHit(GeometryFactory factory, Coordinate origin, Coordinate end, STRtree<Geometry> obstacles)
    {
        var ray = factory.CreateLineString([origin, end]);
        var best = end;
        var bestDistance = double.MaxValue;
        var from = factory.CreatePoint(origin);
        foreach (var obstacle in obstacles.Query(ray.EnvelopeInternal))
        {
            if (!obstacle.Intersects(ray))
            {
                continue;
            }

            // The part of the ray outside the obstacle that starts at the camera ends where the ray first enters it.
            var crossing = ray.Intersection(obstacle.Boundary);
            foreach (var c in crossing.Coordinates)
            {
                var d = c.Distance(origin);
                if (d > 1e-6 && d < bestDistance && !obstacle.Contains(from))
                {
                    bestDistance = d;
                    best = c;
                }
            }
        }

        return best;
    }

    private static Polygon LargestPart(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().OrderByDescending(p => p.Area).First();
}
