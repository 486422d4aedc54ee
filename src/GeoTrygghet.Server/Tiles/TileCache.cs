using Microsoft.Extensions.Caching.Memory;

namespace GeoTrygghet.Server.Tiles;

/// <summary>
/// Tiles already built, by request and data version, within a memory budget (64 MB by default). An entry counts what it
/// really holds: the tile, its key (the whole filter, two bytes a character) and the cache's own bookkeeping, so that
/// many small or empty tiles under long keys cannot grow the service past the budget.
/// </summary>
public sealed class TileCache(long sizeLimitBytes = 64L * 1024 * 1024) : IDisposable
{
    /// <summary>The memory an entry takes besides its tile and key: the entry object, its options and the dictionary slot.</summary>
    public const int EntryOverheadBytes = 256;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes, CompactionPercentage = 0.25, TrackStatistics = true });

    public long SizeLimitBytes { get; } = sizeLimitBytes;

    public bool TryGet(string key, out byte[] tile) => _cache.TryGetValue(key, out tile!);

    public void Set(string key, byte[] tile) =>
        _cache.Set(key, tile, new MemoryCacheEntryOptions { Size = EntrySize(key, tile), SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>The bytes the cache counts for one entry.</summary>
    public static long EntrySize(string key, byte[] tile) => tile.Length + (2L * key.Length) + EntryOverheadBytes;

    /// <summary>The bytes the cache counts now (at most <see cref="SizeLimitBytes"/>).</summary>
    public long CountedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();
}
