using GeoTrygghet.Analysis.Clustering;

namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// Distance-band neighbours of every site in compressed-row form (CSR): site i's neighbours are
/// Targets[Start[i]..Start[i+1]). Inclusive band; optionally the site itself. Built through a bucket
/// grid, so linear in the number of sites for a band of a few cell sizes.
/// </summary>
public sealed class NeighbourLists
{
    private NeighbourLists(int[] start, int[] targets)
    {
        Start = start;
        Targets = targets;
    }

    public int[] Start { get; }

    public int[] Targets { get; }

    public int Count => Start.Length - 1;

    public int DegreeOf(int i) => Start[i + 1] - Start[i];

    public ReadOnlySpan<int> Of(int i) => Targets.AsSpan(Start[i], Start[i + 1] - Start[i]);

    public static NeighbourLists WithinBand(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double band, bool includeSelf, CancellationToken cancel = default)
    {
        if (!(band > 0))
        {
            throw new AnalysisException("the distance band must be positive.");
        }

        var n = x.Length;
        var index = new BucketIndex(x, y, band);
        // Distances computed from coordinates carry rounding: a lattice neighbour at exactly the band
        // may come out a hair above it. A relative tolerance of 1e-9 keeps "inclusive" meaning inclusive.
        var limit = band * band * (1 + 1e-9);
        var start = new int[n + 1];
        var targets = new List<int>(n * 8);
        var xs = x.ToArray();
        var ys = y.ToArray();
        var buffer = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if ((i & 1023) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            buffer.Clear();
            foreach (var j in index.Candidates(xs[i], ys[i]))
            {
                if (j == i ? includeSelf : Dist2(xs, ys, i, j) <= limit)
                {
                    buffer.Add(j);
                }
            }

            buffer.Sort();
            targets.AddRange(buffer);
            start[i + 1] = targets.Count;
        }

        return new NeighbourLists(start, targets.ToArray());
    }

    private static double Dist2(double[] x, double[] y, int i, int j)
    {
        var dx = x[i] - x[j];
        var dy = y[i] - y[j];
        return (dx * dx) + (dy * dy);
    }
}
