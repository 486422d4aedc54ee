using System.Globalization;
using System.Text;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// Writes rejected rows as CSV: <c>row,location,reason</c> followed by the file's own columns with
/// the values as read, so the rows can be corrected and imported again.
/// </summary>
public static class RejectsWriter
{
    public static void Write(string path, IReadOnlyList<string> columns, IEnumerable<RejectedRow> rejected)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', new[] { "row", "location", "reason" }.Concat(columns).Select(Quote)));
        foreach (var r in rejected)
        {
            var reason = string.Join("; ", r.Errors.Select(e => $"{e.Field}: {e.Reason}"));
            var cells = new[] { r.Row.ToString(CultureInfo.InvariantCulture), r.Location, reason }
                .Concat(columns.Select(c => r.Values.GetValueOrDefault(c) ?? string.Empty));
            writer.WriteLine(string.Join(',', cells.Select(Quote)));
        }
    }

    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r;") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
