namespace GeoTrygghet.Demo;

/// <summary>
/// Seeded random streams and the few distributions the generator needs. Every part of the town draws
/// from its own stream, derived from the seed and a fixed name, so that adding draws in one part does
/// not shift the numbers of another.
/// </summary>
internal static class DemoRandom
{
    public static Random Stream(int seed, string name)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would break reproducibility.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        hash ^= unchecked((uint)seed * 2654435761u);
        return new Random((int)(hash & 0x7FFFFFFF));
    }

    public static double Gaussian(Random r)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A standard normal draw redrawn until it lies within ±limit.</summary>
    public static double TruncatedGaussian(Random r, double limit)
    {
        while (true)
        {
            var g = Gaussian(r);
            if (Math.Abs(g) <= limit)
            {
                return g;
            }
        }
    }

    /// <summary>
    /// Binomial(n, p). Exact inversion for small means; the normal approximation above that, which is
    /// plenty for spreading a fixed total over days.
    /// </summary>
    public static int Binomial(Random r, int n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (p > 0.5)
        {
            return n - Binomial(r, n, 1 - p);
        }

        var mean = n * p;
        if (mean < 30)
        {
            var q = 1 - p;
            var ratio = p / q;
            var a = (n + 1) * ratio;
            var prob = Math.Pow(q, n);
            var u = r.NextDouble();
            var x = 0;
            while (u > prob && x < n)
            {
                u -= prob;
                x++;
                prob *= a / x - ratio;
            }

            return x;
        }

        var sd = Math.Sqrt(mean * (1 - p));
        return Math.Clamp((int)Math.Round(mean + sd * Gaussian(r)), 0, n);
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }

    /// <summary>Index i with probability weight[i] / total, given the cumulative weights.</summary>
    public static int Pick(Random r, double[] cumulative)
    {
        var u = r.NextDouble() * cumulative[^1];
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>Splits a total into integers proportional to the weights (largest remainder, ties to the lower index).</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var result = new int[weights.Count];
        if (total <= 0 || sum <= 0)
        {
            return result;
        }

        var remainders = new double[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            result[i] = (int)Math.Floor(exact);
            remainders[i] = exact - result[i];
            given += result[i];
        }

        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k++, given++)
        {
            result[order[k % order.Length]]++;
        }

        return result;
    }
}
