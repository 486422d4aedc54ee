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

    /// <summary>
    /// The answer for <paramref name="request"/>, computed by <paramref name="compute"/> when not kept. The work stops
    /// when <paramref name="cancel"/> fires (the client left, or the request's time is up).
    /// </summary>
    public string GetOrAdd(string request, IReadOnlyList<string> tables, Func<CancellationToken, string> compute, CancellationToken cancel)
    {
        if (!versions.Ready)
        {
            return Limited(compute, cancel);
        }

        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        var key = $"{versions.Epoch}:{versions.Of(tables)}:{request}";
        for (var attempt = 0; ; attempt++)
        {
            var entry = _entries.GetOrAdd(key, _ => new Lazy<string>(() => Limited(compute, cancel), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return entry.Value;
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested && attempt == 0)
            {
                // The request that was computing this answer left; this one still waits for it: compute it again.
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
            catch
            {
                // A failure (the database away) is not kept: the next request tries again.
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
        }
    }

    private string Limited(Func<CancellationToken, string> compute, CancellationToken cancel)
    {
        if (!_slots.Wait(SlotWait, cancel))
        {
            throw new BusyException("Overlay and evaluation answers are being computed for other requests; try again in a while.");
        }

        try
        {
            return compute(cancel);
        }
        finally
        {
            _slots.Release();
        }
    }
}
