using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import;

/// <summary>What <c>gt import</c> was asked to do.</summary>
public sealed record ImportRequest(
    ImportKind Kind,
    string Path,
    string? Format = null,
    int? Srid = null,
    IReadOnlyDictionary<string, string>? Map = null,
    string? Source = null,
    bool KeepValid = false,
    string? RejectsPath = null,
    string? Layer = null)
{
    /// <summary>The source name rows are stored under: as given, else the file name without extension.</summary>
    public string SourceName => string.IsNullOrWhiteSpace(Source) ? System.IO.Path.GetFileNameWithoutExtension(Path) : Source.Trim();
}
