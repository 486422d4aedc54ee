namespace GeoTrygghet.Core.Import;

/// <summary>Why a row was rejected: the field (canonical name, with the column it came from) and the reason.</summary>
public sealed record RowError(string Field, string Reason);
