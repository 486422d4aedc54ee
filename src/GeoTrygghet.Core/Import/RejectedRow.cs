namespace GeoTrygghet.Core.Import;

/// <summary>A row that was not imported, with every reason and the values as read.</summary>
public sealed record RejectedRow(long Row, string Location, IReadOnlyList<RowError> Errors, IReadOnlyDictionary<string, string?> Values)
{
    public string Describe(string path) =>
        $"{System.IO.Path.GetFileName(path)}, row {Row} ({Location}): " +
        string.Join("; ", Errors.Select(e => $"field {e.Field}: {e.Reason}"));
}
