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
    private readonly ConcurrentDictionary<string, Lazy<string>> _entries = new(StringComparer.Ordinal);

    public string GetOrAdd(string request, IReadOnlyList<string> tables, Func<string> compute)
    {
        if (!versions.Ready)
        {
            return compute();
        }

        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        var key = $"{versions.Epoch}:{versions.Of(tables)}:{request}";
        var entry = _entries.GetOrAdd(key, _ => new Lazy<string>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
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
}
