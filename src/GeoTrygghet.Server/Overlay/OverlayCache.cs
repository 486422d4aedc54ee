using System.Collections.Concurrent;
using GeoTrygghet.Server.Tiles;

namespace GeoTrygghet.Server.Overlay;

/// <summary>
/// Overlay and evaluation answers take a second or two to compute and change only with the data: they are kept
/// under the request and the versions of the tables they read, and computed again once any of those changes.
/// </summary>
public sealed class OverlayCache(DataVersions versions)
{
    private const int MaxEntries = 256;

    /// <summary>How long a request waits for a free slot before it is told to come back (503).</summary>
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(30);

    // An uncached answer takes seconds of both cores (/overlay/areas 2–9.5 s): at most one per core at a time, so a
    // burst of different filters queues instead of starving the tiles.
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount), Math.Max(1, Environment.ProcessorCount));
    private readonly ConcurrentDictionary<string, Lazy<string>> _entries = new(StringComparer.Ordinal);

    public string GetOrAdd(string request, IReadOnlyList<string> tables, Func<string> compute)
    {
        if (!versions.Ready)
        {
            return Limited(compute);
        }

        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        var key = $"{versions.Epoch}:{versions.Of(tables)}:{request}";
        var entry = _entries.GetOrAdd(key, _ => new Lazy<string>(() => Limited(compute), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failure (the database away) is not kept: the next request tries again.
            _entries.TryRemove(key, out _);
            throw;
        }
    }

    private string Limited(Func<string> compute)
    {
        if (!_slots.Wait(SlotWait))
        {
            throw new BusyException("Overlay and evaluation answers are being computed for other requests; try again in a while.");
        }

        try
        {
            return compute();
        }
        finally
        {
            _slots.Release();
        }
    }
}
