using GeoTrygghet.Server;
using GeoTrygghet.Server.Overlay;
using GeoTrygghet.Server.Tiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// Uncached overlay answers take seconds of CPU each (/overlay/areas 2–9.5 s in the probe, with no limit on how many ran
/// at once): at most one per core is computed at a time, and a request that cannot get a slot in time is told to come
/// back instead of piling up.
/// </summary>
public sealed class OverlayWorkLimitTests
{
    [Fact]
    public async Task Uncached_answers_are_computed_at_most_one_per_core_at_a_time()
    {
        // Versions that never loaded: every answer is computed, as when nothing is cached.
        var cache = new OverlayCache(new DataVersions("Host=127.0.0.1;Port=1", NullLogger<DataVersions>.Instance));
        var running = 0;
        var most = 0;
        var requests = Enumerable.Range(0, 3 * Environment.ProcessorCount).Select(i => Task.Run(() => cache.GetOrAdd($"areas:{i}", ["incidents"], () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(150);
            Interlocked.Decrement(ref running);
            return "{}";
        }))).ToList();
        await Task.WhenAll(requests);
        Assert.InRange(most, 1, Math.Max(1, Environment.ProcessorCount));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
