namespace GeoTrygghet.Core.Hotspots;

/// <summary>
/// What an analysis did, for the record next to its output (<c>&lt;out&gt;.meta.json</c>) and on screen:
/// the method with its paper, every parameter, and every value chosen automatically with how it was
/// chosen — so next quarter's map can be made the same way.
/// </summary>
public sealed record AnalysisReport(
    string Method,
    string Reference,
    string Input,
    int Points,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyDictionary<string, string> Automatic,
    IReadOnlyDictionary<string, object?> Summary)
{
    public string CreatedUtc { get; init; } = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
