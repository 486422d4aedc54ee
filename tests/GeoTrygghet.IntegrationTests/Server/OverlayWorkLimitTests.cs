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
        var requests = Enumerable.Range(0, 3 * Environment.ProcessorCount).Select(i => Task.Run(() => cache.GetOrAdd($"areas:{i}", ["incidents"], _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(150);
            Interlocked.Decrement(ref running);
            return "{}";
        }, CancellationToken.None))).ToList();
        await Task.WhenAll(requests);
        Assert.InRange(most, 1, Math.Max(1, Environment.ProcessorCount));
    }

    [Fact]
    public void Work_whose_client_left_is_stopped_and_gives_its_slot_back()
    {
        var cache = new OverlayCache(new DataVersions("Host=127.0.0.1;Port=1", NullLogger<DataVersions>.Instance));
        using var left = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var rounds = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => cache.GetOrAdd("areas:slow", ["incidents"], cancel =>
        {
            // Work that would run for minutes, as /overlay/areas over a large period can.
            while (rounds < 600_000)
            {
                cancel.ThrowIfCancellationRequested();
                rounds++;
                Thread.Sleep(1);
            }

            return "{}";
        }, left.Token));
        Assert.True(rounds < 600_000, "the work stopped when its request did");

        // Every slot is free again: as many answers at once as there are cores are computed without waiting.
        var answers = Enumerable.Range(0, Environment.ProcessorCount).AsParallel().Select(i => cache.GetOrAdd($"areas:{i}", ["incidents"], _ => "{}", CancellationToken.None)).ToList();
        Assert.All(answers, a => Assert.Equal("{}", a));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
