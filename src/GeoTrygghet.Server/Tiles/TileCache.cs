using Microsoft.Extensions.Caching.Memory;

namespace GeoTrygghet.Server.Tiles;

/// <summary>Tiles already built, by request and data version, within a memory budget (64 MB by default).</summary>
public sealed class TileCache(long sizeLimitBytes = 64L * 1024 * 1024) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });

    public bool TryGet(string key, out byte[] tile) => _cache.TryGetValue(key, out tile!);

    public void Set(string key, byte[] tile) =>
        _cache.Set(key, tile, new MemoryCacheEntryOptions { Size = Math.Max(1, tile.Length), SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _cache.Dispose();
}
