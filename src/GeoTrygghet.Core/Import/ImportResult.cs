namespace GeoTrygghet.Core.Import;

/// <summary>The outcome of an import: counts, the rejected rows, notes, and whether anything was committed.</summary>
public sealed record ImportResult(
    string Path,
    int SourceSrid,
    string SridOrigin,
    long Read,
    ImportCounts? Committed,
    IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyList<string> Notes)
{
    public bool Succeeded => Committed is not null;
}
