using GeoTrygghet.Server.Security;
using GeoTrygghet.Server.Tiles;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// The tile cache holds to its memory budget however small the tiles and long the keys: the probe's ~49,000 unique
/// filters of empty tiles took the service from 287 to 717 MB under a "64 MB" cache that counted one byte an entry.
/// </summary>
public sealed class TileCacheBudgetTests
{
    [Fact]
    public void Empty_tiles_under_long_keys_stay_within_the_budget()
    {
        const long budget = 4L * 1024 * 1024;
        using var cache = new TileCache(budget);
        var key = new string('k', 4000);
        for (var i = 0; i < 20_000; i++)
        {
            cache.Set(key + i.ToString(System.Globalization.CultureInfo.InvariantCulture), []);
        }

        // Each entry really holds its key (two bytes a character): 20,000 of them are 160 MB of keys.
        var perEntry = TileCache.EntrySize(key, []);
        Assert.True(perEntry >= 8000, $"an entry counts {perEntry} bytes");
        Assert.True(cache.Count * (long)perEntry <= budget, $"{cache.Count} entries of {perEntry} bytes exceed {budget} bytes");
        Assert.True(cache.CountedBytes <= budget);
        Assert.True(cache.Count > 0);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://0.0.0.0:5094", true)]
    [InlineData("http://myserver.kommun.se:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    public void Every_address_that_is_not_loopback_is_named_for_the_warning(string url, bool exposed)
    {
        Assert.Equal(exposed, RequestGuard.NotLoopback($"http://127.0.0.1:5095;{url}").Contains(url));
        Assert.DoesNotContain("http://127.0.0.1:5095", RequestGuard.NotLoopback($"http://127.0.0.1:5095;{url}"));
    }
}
