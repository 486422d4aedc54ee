using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// One record as a reader found it: its 1-based row number among the data records, where to find it
/// in the file (e.g. "line 13", "feature 12"), its attribute values as text, and its geometry when
/// the format carries one.
/// </summary>
public sealed record SourceRecord(long Row, string Location, IReadOnlyDictionary<string, string?> Values, Geometry? Geometry);
