using System.Globalization;

namespace GeoTrygghet.Analysis.Density;

/// <summary>
/// The automatic KDE bandwidth: Silverman's rule of thumb made spatial with both axes, as in ArcGIS's
/// Kernel Density: h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2), where SD is the standard distance
/// √(Σ(x−x̄)²/n + Σ(y−ȳ)²/n) — both axes, so an elongated pattern is not judged by one of them — and Dm
/// the median distance to the mean centre (robust to outliers). Never below 1 m.
/// </summary>
public static class BandwidthRule
{
    public static double Choose(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        if (n < 2)
        {
            throw new Analysis.AnalysisException("an automatic bandwidth needs at least 2 points.");
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        var d = new double[n];
        double ss = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            ss += (dx * dx) + (dy * dy);
            d[i] = Math.Sqrt((dx * dx) + (dy * dy));
        }

        var sd = Math.Sqrt(ss / n);
        Array.Sort(d);
        var median = n % 2 == 1 ? d[n / 2] : 0.5 * (d[(n / 2) - 1] + d[n / 2]);
        var h = 0.9 * Math.Min(sd, Math.Sqrt(1 / Math.Log(2)) * median) * Math.Pow(n, -0.2);
        return Math.Max(1, h);
    }

    public static string Describe(double h) => string.Create(CultureInfo.InvariantCulture,
        $"automatic: {h:0.#} m = 0.9 · min(standard distance, √(1/ln2) · median distance to the mean centre) · n^-0.2 (both axes)");
}
