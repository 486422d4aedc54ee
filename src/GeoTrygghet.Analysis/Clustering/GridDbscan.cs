namespace GeoTrygghet.Analysis.Clustering;

/// <summary>
/// Exact DBSCAN through a grid of cells of side eps/√2 (Gunawan 2013, "A faster algorithm for DBSCAN",
/// MSc thesis, TU Eindhoven; Gan &amp; Tao 2015, SIGMOD): any two points of one cell are neighbours, so a
/// cell with at least MinPoints points is all core without a distance computed, neighbour counts stop
/// as soon as they reach MinPoints, and clusters are connected components of core cells joined when
/// some pair of their core points is within eps. Labels are then numbered as the classic algorithm
/// numbers them (in order of each cluster's first core point) and a border point takes the lowest
/// label among the clusters that reach it — exactly the labels of <see cref="DbscanClusterer"/>'s
/// point-by-point expansion and of scikit-learn. Memory is linear in n.
/// </summary>
internal static class GridDbscan
{
    public static DbscanResult Cluster(double[] x, double[] y, double eps, int minPoints)
    {
        var n = x.Length;
        if (n == 0)
        {
            return new DbscanResult([], [], 0);
        }

        var side = eps / Math.Sqrt(2) * (1 - 1e-12);
        var eps2 = eps * eps;
        var minX = x.Min();
        var minY = y.Min();
        var keys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            var cx = (long)Math.Floor((x[i] - minX) / side);
            var cy = (long)Math.Floor((y[i] - minY) / side);
            keys[i] = (cx << 31) | cy;
            order[i] = i;
        }

        Array.Sort(keys, order);
        // Cells as runs of equal keys.
        var cellStart = new List<int> { 0 };
        var cellKey = new List<long> { keys[0] };
        for (var k = 1; k < n; k++)
        {
            if (keys[k] != keys[k - 1])
            {
                cellStart.Add(k);
                cellKey.Add(keys[k]);
            }
        }

        var cells = cellKey.Count;
        cellStart.Add(n);
        var cellOf = new int[n];
        var idOfKey = new Dictionary<long, int>(cells, CellKeyComparer.Instance);
        for (var c = 0; c < cells; c++)
        {
            idOfKey[cellKey[c]] = c;
            for (var k = cellStart[c]; k < cellStart[c + 1]; k++)
            {
                cellOf[order[k]] = c;
            }
        }

        // Neighbouring cells: offsets up to ±2 can hold points within eps (cell side eps/√2). Nearest
        // first, so that joining clusters meets the adjacent cells (where a close pair is found at
        // once) before the far ones, which are then mostly already in the same component.
        var offsets = new List<(int Dx, int Dy)>();
        for (var dx = -2; dx <= 2; dx++)
        {
            for (var dy = -2; dy <= 2; dy++)
            {
                if (dx != 0 || dy != 0)
                {
                    offsets.Add((dx, dy));
                }
            }
        }

        offsets.Sort((a, b) => ((a.Dx * a.Dx) + (a.Dy * a.Dy)).CompareTo((b.Dx * b.Dx) + (b.Dy * b.Dy)));
        var neighbourStart = new int[cells + 1];
        var neighbourCells = new List<int>(cells * 9);
        for (var c = 0; c < cells; c++)
        {
            var cx = cellKey[c] >> 31;
            var cy = cellKey[c] & 0x7FFFFFFF;
            foreach (var (dx, dy) in offsets)
            {
                if (cx + dx >= 0 && cy + dy >= 0 && idOfKey.TryGetValue(((cx + dx) << 31) | (cy + dy), out var d))
                {
                    neighbourCells.Add(d);
                }
            }

            neighbourStart[c + 1] = neighbourCells.Count;
        }

        var nbr = neighbourCells.ToArray();

        // Core points.
        var isCore = new bool[n];
        Parallel.For(0, cells, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            var size = cellStart[c + 1] - cellStart[c];
            for (var k = cellStart[c]; k < cellStart[c + 1]; k++)
            {
                var p = order[k];
                var count = size;
                for (var m = neighbourStart[c]; m < neighbourStart[c + 1] && count < minPoints; m++)
                {
                    var d = nbr[m];
                    for (var q = cellStart[d]; q < cellStart[d + 1] && count < minPoints; q++)
                    {
                        var o = order[q];
                        var ex = x[p] - x[o];
                        var ey = y[p] - y[o];
                        if ((ex * ex) + (ey * ey) <= eps2)
                        {
                            count++;
                        }
                    }
                }

                isCore[p] = count >= minPoints;
            }
        });

        // Core cells joined by a pair of core points within eps (union-find with path halving).
        var parent = Enumerable.Range(0, cells).ToArray();
        var hasCore = new bool[cells];
        for (var i = 0; i < n; i++)
        {
            if (isCore[i])
            {
                hasCore[cellOf[i]] = true;
            }
        }

        for (var c = 0; c < cells; c++)
        {
            if (!hasCore[c])
            {
                continue;
            }

            for (var m = neighbourStart[c]; m < neighbourStart[c + 1]; m++)
            {
                var d = nbr[m];
                if (!hasCore[d] || Find(parent, c) == Find(parent, d))
                {
                    continue;
                }

                if (CorePairWithin(c, d))
                {
                    parent[Find(parent, c)] = Find(parent, d);
                }
            }
        }

        // Number clusters in order of their first core point, as the point-by-point expansion does.
        var labelOfRoot = new Dictionary<int, int>();
        var labels = new int[n];
        Array.Fill(labels, DbscanClusterer.Noise);
        for (var i = 0; i < n; i++)
        {
            if (!isCore[i])
            {
                continue;
            }

            var root = Find(parent, cellOf[i]);
            if (!labelOfRoot.TryGetValue(root, out var label))
            {
                label = labelOfRoot.Count;
                labelOfRoot[root] = label;
            }

            labels[i] = label;
        }

        var cellLabel = new int[cells];
        for (var c = 0; c < cells; c++)
        {
            cellLabel[c] = hasCore[c] ? labelOfRoot[Find(parent, c)] : -1;
        }

        // Border points: the lowest label among clusters with a core point within eps.
        for (var i = 0; i < n; i++)
        {
            if (isCore[i])
            {
                continue;
            }

            var c = cellOf[i];
            var best = cellLabel[c] >= 0 ? cellLabel[c] : int.MaxValue;
            for (var m = neighbourStart[c]; m < neighbourStart[c + 1]; m++)
            {
                var d = nbr[m];
                if (cellLabel[d] < 0 || cellLabel[d] >= best)
                {
                    continue;
                }

                for (var q = cellStart[d]; q < cellStart[d + 1]; q++)
                {
                    var o = order[q];
                    var ex = x[i] - x[o];
                    var ey = y[i] - y[o];
                    if (isCore[o] && (ex * ex) + (ey * ey) <= eps2)
                    {
                        best = cellLabel[d];
                        break;
                    }
                }
            }

            labels[i] = best == int.MaxValue ? DbscanClusterer.Noise : best;
        }

        return new DbscanResult(labels, isCore, labelOfRoot.Count);

        bool CorePairWithin(int a, int b)
        {
            for (var ka = cellStart[a]; ka < cellStart[a + 1]; ka++)
            {
                var p = order[ka];
                if (!isCore[p])
                {
                    continue;
                }

                for (var kb = cellStart[b]; kb < cellStart[b + 1]; kb++)
                {
                    var q = order[kb];
                    var ex = x[p] - x[q];
                    var ey = y[p] - y[q];
                    if (isCore[q] && (ex * ex) + (ey * ey) <= eps2)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    // long.GetHashCode folds the two halves together, and cell keys (column, row) of a town differ
    // only in their low bits: hundreds of thousands of cells would share a few thousand hash codes.
    private sealed class CellKeyComparer : IEqualityComparer<long>
    {
        public static readonly CellKeyComparer Instance = new();

        public bool Equals(long a, long b) => a == b;

        public int GetHashCode(long key) => (int)((ulong)(key * -7046029254386353131L) >> 32);
    }

    private static int Find(int[] parent, int c)
    {
        while (parent[c] != c)
        {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }

        return c;
    }
}
