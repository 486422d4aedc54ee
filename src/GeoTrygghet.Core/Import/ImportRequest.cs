using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import;

/// <summary>What <c>gt import</c> was asked to do. <see cref="Owner"/> is the owning organisation (<c>--org</c>); null takes the kind's default.</summary>
public sealed record ImportRequest(
    ImportKind Kind,
    string Path,
    string? Format = null,
    int? Srid = null,
    IReadOnlyDictionary<string, string>? Map = null,
    string? Source = null,
    bool KeepValid = false,
    string? RejectsPath = null,
    string? Layer = null,
    string? Owner = null)
{
    /// <summary>The source name rows are stored under: as given, else the file name without extension.</summary>
    public string SourceName => string.IsNullOrWhiteSpace(Source) ? System.IO.Path.GetFileNameWithoutExtension(Path) : Source.Trim();
}
