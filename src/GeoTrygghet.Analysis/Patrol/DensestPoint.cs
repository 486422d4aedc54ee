using GeoTrygghet.Analysis.Clustering;

namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// Where a patrol should stand in a hotspot: the event with the most others within <c>radius</c> (a large cluster's
/// interior point can lie between its concentrations). Neighbours are found through a bucket index of cells the
/// size of the radius, so a cluster of thousands of events costs its neighbourhoods, not all pairs. Ties go to the
/// first event.
/// </summary>
public static class DensestPoint
{
    public static int? Find(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double radius)
    {
        if (x.Length == 0)
        {
            return null;
        }

        var index = new BucketIndex(x, y, radius);
        var r2 = radius * radius;
        var best = 0;
        var bestCount = -1;
        for (var i = 0; i < x.Length; i++)
        {
            var count = 0;
            foreach (var j in index.Candidates(x[i], y[i]))
            {
                var dx = x[j] - x[i];
                var dy = y[j] - y[i];
                count += (dx * dx) + (dy * dy) <= r2 ? 1 : 0;
            }

            if (count > bestCount)
            {
                bestCount = count;
                best = i;
            }
        }

        return best;
    }
}
