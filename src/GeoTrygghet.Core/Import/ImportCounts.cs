namespace GeoTrygghet.Core.Import;

/// <summary>What a commit did: new rows, changed rows, and rows identical to what was stored.</summary>
public sealed record ImportCounts(long Inserted, long Updated, long Unchanged);
