using GeoTrygghet.Analysis.Coverage;

namespace GeoTrygghet.Tests.Overlay;

/// <summary>Greedy maximal coverage against brute force on small random problems.</summary>
public sealed class MaximalCoverageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Greedy_is_exact_for_one_site_and_within_its_bound_for_more(int seed)
    {
        var random = new Random(seed);
        const int n = 40;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 300).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 300).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        const double radius = 40;

        var one = GreedyMaximalCoverage.Choose(x, y, w, radius, 1);
        Assert.Equal(Best(x, y, w, radius, 1), one[0].CumulativeWeight, 9);

        var three = GreedyMaximalCoverage.Choose(x, y, w, radius, 3);
        var optimum = Best(x, y, w, radius, 3);
        Assert.True(three[^1].CumulativeWeight >= (1 - (1 / Math.E)) * optimum - 1e-9, $"greedy {three[^1].CumulativeWeight} vs optimum {optimum}");
        Assert.True(three[^1].CumulativeWeight <= optimum + 1e-9);
        Assert.True(three.Zip(three.Skip(1)).All(p => p.First.AddedWeight >= p.Second.AddedWeight), "each pick adds no more than the one before");
        Assert.Equal(three[^1].CumulativeWeight / w.Sum(), three[^1].CumulativeShare, 12);
    }

    [Fact]
    public void It_stops_when_everything_is_covered()
    {
        var picks = GreedyMaximalCoverage.Choose([0, 1, 100], [0, 0, 0], [1, 1, 1], 5, 10);
        Assert.Equal(2, picks.Count);
        Assert.Equal(1.0, picks[^1].CumulativeShare, 12);
    }

    // Every set of k sites: the most weight any k of them cover.
    private static double Best(double[] x, double[] y, double[] w, double r, int k)
    {
        var n = x.Length;
        var covers = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Where(j => Math.Pow(x[i] - x[j], 2) + Math.Pow(y[i] - y[j], 2) <= r * r).ToArray()).ToArray();
        var best = 0.0;
        void Search(int start, int left, HashSet<int> covered)
        {
            if (left == 0 || start == n)
            {
                best = Math.Max(best, covered.Sum(j => w[j]));
                return;
            }

            for (var i = start; i < n; i++)
            {
                var added = covers[i].Where(covered.Add).ToList();
                Search(i + 1, left - 1, covered);
                foreach (var j in added)
                {
                    covered.Remove(j);
                }
            }
        }

        Search(0, k, []);
        return best;
    }
}
