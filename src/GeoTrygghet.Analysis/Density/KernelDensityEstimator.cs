using GeoTrygghet.Analysis.Grids;

namespace GeoTrygghet.Analysis.Density;

/// <summary>
/// Kernel density with the quartic (biweight) kernel K(d) = 3/(π h²) · (1 − d²/h²)² for d &lt; h, zero
/// beyond (Silverman 1986, Density Estimation, table 3.1; the kernel of CrimeStat and ArcGIS), evaluated
/// at the centres of an aligned square grid; density in (weighted) events per km². Each point adds to
/// the cells within h of it, so the work is n · π(h/cell)²; the two halves of the points run on two
/// threads with their own grids. Memory: two grids plus the input.
/// </summary>
public static class KernelDensityEstimator
{
    public static double[] Estimate(GridSpec grid, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double bandwidth, ReadOnlySpan<double> weight = default, CancellationToken cancel = default)
    {
        if (grid.Shape != GridShape.Square)
        {
            throw new AnalysisException("kernel density is evaluated on a square grid.");
        }

        if (!(bandwidth > 0) || !double.IsFinite(bandwidth))
        {
            throw new AnalysisException("the bandwidth must be a positive number of metres.");
        }

        var xs = x.ToArray();
        var ys = y.ToArray();
        var ws = weight.IsEmpty ? null : weight.ToArray();
        var n = xs.Length;
        var parts = n >= 10_000 ? Math.Min(Environment.ProcessorCount, 4) : 1;
        var partials = new double[parts][];
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = parts }, part =>
        {
            var density = new double[grid.CellCount];
            for (var i = part * n / parts; i < (part + 1) * n / parts; i++)
            {
                // Thrown after the loop: Parallel.For wraps what a body throws in an AggregateException.
                if ((i & 255) == 0 && cancel.IsCancellationRequested)
                {
                    return;
                }

                Add(grid, density, xs[i], ys[i], bandwidth, ws?[i] ?? 1);
            }

            partials[part] = density;
        });

        cancel.ThrowIfCancellationRequested();
        var result = partials[0];
        for (var p = 1; p < parts; p++)
        {
            for (var c = 0; c < result.Length; c++)
            {
                result[c] += partials[p][c];
            }
        }

        return result;
    }

    /// <summary>The density at arbitrary positions (e.g. hotspot centres), point by point: O(sites · n).</summary>
    public static double[] EstimateAt(ReadOnlySpan<double> siteX, ReadOnlySpan<double> siteY, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double bandwidth, ReadOnlySpan<double> weight = default)
    {
        if (!(bandwidth > 0) || !double.IsFinite(bandwidth))
        {
            throw new AnalysisException("the bandwidth must be a positive number of metres.");
        }

        var h2 = bandwidth * bandwidth;
        var scale = 3.0 / (Math.PI * h2) * 1e6;
        var result = new double[siteX.Length];
        for (var s = 0; s < siteX.Length; s++)
        {
            double sum = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var d2 = ((siteX[s] - x[i]) * (siteX[s] - x[i])) + ((siteY[s] - y[i]) * (siteY[s] - y[i]));
                if (d2 < h2)
                {
                    var t = 1 - (d2 / h2);
                    sum += (weight.IsEmpty ? 1 : weight[i]) * t * t;
                }
            }

            result[s] = scale * sum;
        }

        return result;
    }

    /// <summary>Dual KDE: the ratio of two densities cell by cell; null where the denominator is below minDenominator.</summary>
    public static double?[] Ratio(double[] numerator, double[] denominator, double minDenominator)
    {
        var ratio = new double?[numerator.Length];
        for (var i = 0; i < ratio.Length; i++)
        {
            ratio[i] = denominator[i] >= minDenominator && denominator[i] > 0 ? numerator[i] / denominator[i] : null;
        }

        return ratio;
    }

    private static void Add(GridSpec grid, double[] density, double px, double py, double h, double w)
    {
        var size = grid.CellSize;
        var h2 = h * h;
        // 3/(π h²) per m², times 1e6 m² per km².
        var scale = w * 3.0 / (Math.PI * h2) * 1e6;
        var c0 = Math.Max(0, (int)Math.Floor(((px - h) / size) - grid.OriginCol - 0.5));
        var c1 = Math.Min(grid.Cols - 1, (int)Math.Ceiling(((px + h) / size) - grid.OriginCol - 0.5));
        var r0 = Math.Max(0, (int)Math.Floor(((py - h) / size) - grid.OriginRow - 0.5));
        var r1 = Math.Min(grid.Rows - 1, (int)Math.Ceiling(((py + h) / size) - grid.OriginRow - 0.5));
        for (var r = r0; r <= r1; r++)
        {
            var cy = (grid.OriginRow + r + 0.5) * size;
            var dy2 = (py - cy) * (py - cy);
            if (dy2 >= h2)
            {
                continue;
            }

            var rowOffset = r * grid.Cols;
            for (var c = c0; c <= c1; c++)
            {
                var cx = (grid.OriginCol + c + 0.5) * size;
                var d2 = dy2 + ((px - cx) * (px - cx));
                if (d2 < h2)
                {
                    var t = 1 - (d2 / h2);
                    density[rowOffset + c] += scale * t * t;
                }
            }
        }
    }
}
