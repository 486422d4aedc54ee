namespace GeoTrygghet.Analysis.Clustering;

/// <summary>
/// DBSCAN (Ester, Kriegel, Sander &amp; Xu 1996, "A density-based algorithm for discovering clusters in
/// large spatial databases with noise", KDD-96) and, with a time eps, ST-DBSCAN (Birant &amp; Kut 2007,
/// Data &amp; Knowledge Engineering 60(1)).
/// <para>
/// A point is core when at least <c>MinPoints</c> points (itself included) lie within eps (inclusive);
/// clusters grow from core points in input order, and a border point joins the first cluster that
/// reaches it — the same labels scikit-learn's DBSCAN gives. Without a time eps the work is done by
/// <see cref="GridDbscan"/> (cells of eps/√2); with one, by expanding point by point over eps-sized
/// buckets. Memory is linear in n.
/// Coordinates are metres in a projected CRS. Stateless and thread-safe.
/// </para>
/// </summary>
public static class DbscanClusterer
{
    public const int Noise = -1;

    public static DbscanResult Cluster(ReadOnlySpan<double> x, ReadOnlySpan<double> y, DbscanOptions options, ReadOnlySpan<long> timeTicks = default, CancellationToken cancel = default)
    {
        options.Validate();
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length.");
        }

        if (options.TimeEps is not null && timeTicks.Length != x.Length)
        {
            throw new AnalysisException("ST-DBSCAN needs a time for every point.");
        }

        if (options.TimeEps is null)
        {
            foreach (var v in x)
            {
                if (!double.IsFinite(v))
                {
                    throw new AnalysisException("a point has a coordinate that is not a finite number.");
                }
            }

            foreach (var v in y)
            {
                if (!double.IsFinite(v))
                {
                    throw new AnalysisException("a point has a coordinate that is not a finite number.");
                }
            }

            return GridDbscan.Cluster(x.ToArray(), y.ToArray(), options.EpsMeters, options.MinPoints);
        }

        return Expand(x, y, options, timeTicks, cancel);
    }

    /// <summary>
    /// The point-by-point expansion of the paper: used for ST-DBSCAN, where two points of one grid
    /// cell need not be neighbours in time, and by the tests as the reference the grid method must match.
    /// </summary>
    internal static DbscanResult Expand(ReadOnlySpan<double> x, ReadOnlySpan<double> y, DbscanOptions options, ReadOnlySpan<long> timeTicks = default, CancellationToken cancel = default)
    {
        var n = x.Length;
        var index = new BucketIndex(x, y, options.EpsMeters);
        var eps2 = options.EpsMeters * options.EpsMeters;
        var timeEps = options.TimeEps?.Ticks ?? long.MaxValue;
        var useTime = options.TimeEps is not null;
        var xs = x.ToArray();
        var ys = y.ToArray();
        var ts = useTime ? timeTicks.ToArray() : [];

        // First pass: core points, by counting neighbours (the bucket index gives candidates).
        var isCore = new bool[n];
        var neighbours = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if ((i & 1023) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            isCore[i] = CountNeighbours(i) >= options.MinPoints;
        }

        // Second pass: grow clusters from unlabelled core points in input order.
        var labels = new int[n];
        Array.Fill(labels, Noise);
        var visited = new bool[n];
        var stack = new Stack<int>();
        var clusters = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != Noise || !isCore[i])
            {
                continue;
            }

            var cluster = clusters++;
            labels[i] = cluster;
            visited[i] = true;
            stack.Push(i);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                if (!isCore[p])
                {
                    continue;
                }

                neighbours.Clear();
                CollectNeighbours(p, neighbours);
                foreach (var q in neighbours)
                {
                    if (labels[q] == Noise)
                    {
                        labels[q] = cluster;
                    }

                    if (!visited[q] && labels[q] == cluster)
                    {
                        visited[q] = true;
                        stack.Push(q);
                    }
                }
            }
        }

        return new DbscanResult(labels, isCore, clusters);

        int CountNeighbours(int i)
        {
            var count = 0;
            foreach (var j in index.Candidates(xs[i], ys[i]))
            {
                if (IsNeighbour(i, j))
                {
                    count++;
                }
            }

            return count;
        }

        void CollectNeighbours(int i, List<int> into)
        {
            foreach (var j in index.Candidates(xs[i], ys[i]))
            {
                if (IsNeighbour(i, j))
                {
                    into.Add(j);
                }
            }
        }

        bool IsNeighbour(int i, int j)
        {
            var dx = xs[i] - xs[j];
            var dy = ys[i] - ys[j];
            return dx * dx + dy * dy <= eps2 && (!useTime || Math.Abs(ts[i] - ts[j]) <= timeEps);
        }
    }
}
