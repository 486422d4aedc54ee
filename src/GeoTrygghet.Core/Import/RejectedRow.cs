namespace GeoTrygghet.Core.Import;

/// <summary>A row that was not imported, with every reason, the values as read and its own geometry, if any.</summary>
public sealed record RejectedRow(long Row, string Location, IReadOnlyList<RowError> Errors, IReadOnlyDictionary<string, string?> Values, NetTopologySuite.Geometries.Geometry? Geometry = null)
{
    public string Describe(string path) =>
        $"{System.IO.Path.GetFileName(path)}, row {Row} ({Location}): " +
        string.Join("; ", Errors.Select(e => $"field {e.Field}: {e.Reason}"));
}
