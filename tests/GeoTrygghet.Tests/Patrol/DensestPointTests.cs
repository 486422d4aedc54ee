using GeoTrygghet.Analysis.Patrol;

namespace GeoTrygghet.Tests.Patrol;

/// <summary>The densest event found through the bucket index is the one counting all pairs finds.</summary>
public sealed class DensestPointTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_bucket_index_finds_the_event_all_pairs_find(int seed)
    {
        var random = new Random(seed);
        // A background of scattered events and a tight knot somewhere in it.
        var (kx, ky) = (random.NextDouble() * 800, random.NextDouble() * 800);
        var x = Enumerable.Range(0, 400).Select(i => i < 60 ? kx + (random.NextDouble() * 40) : random.NextDouble() * 1000).ToArray();
        var y = Enumerable.Range(0, 400).Select(i => i < 60 ? ky + (random.NextDouble() * 40) : random.NextDouble() * 1000).ToArray();
        int Count(int i) => Enumerable.Range(0, x.Length).Count(j => Math.Pow(x[j] - x[i], 2) + Math.Pow(y[j] - y[i], 2) <= 50 * 50);
        var brute = Enumerable.Range(0, x.Length).Select(i => (i, c: Count(i))).Aggregate((a, b) => b.c > a.c ? b : a).i;
        Assert.Equal(brute, DensestPoint.Find(x, y, 50));
        Assert.Null(DensestPoint.Find([], [], 50));
    }
}
