using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// Which column of the file feeds which field. A column named like the field or one of its aliases is
/// taken (case-insensitive); <c>--map field=column</c> overrides. Unknown fields or columns in a
/// <c>--map</c> are errors, so a typo never silently leaves a field empty.
/// </summary>
public sealed class FieldMapping
{
    private const int DbfNameLength = 10;

    private readonly Dictionary<string, string> _columnOfField;

    private FieldMapping(Dictionary<string, string> columnOfField, IReadOnlyList<string> unused)
    {
        _columnOfField = columnOfField;
        UnusedColumns = unused;
    }

    public IReadOnlyDictionary<string, string> ColumnOfField => _columnOfField;

    public IReadOnlyList<string> UnusedColumns { get; }

    public bool Has(string field) => _columnOfField.ContainsKey(field);

    public string? ColumnFor(string field) => _columnOfField.GetValueOrDefault(field);

    /// <param name="fileHasGeometry">
    /// The format carries geometry (GeoJSON, Shapefile, GeoPackage): then x, y and wkt are taken from
    /// columns only when <c>--map</c> says so, as helper columns such as lon/lat beside the geometry
    /// may be stale or in another CRS and must not silently move the point.
    /// </param>
    public static FieldMapping Build(ImportKind kind, IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> overrides, string path, bool fileHasGeometry = false)
    {
        var fields = ImportFields.For(kind);
        var byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var columnSet = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, column) in overrides)
        {
            if (!byName.TryGetValue(field, out var spec))
            {
                throw new ImportFormatException(path, $"--map names the field '{field}', which {kind.ToString().ToLowerInvariant()} do not have; fields: {string.Join(", ", fields.Select(f => f.Name))}");
            }

            if (!columnSet.Contains(column))
            {
                throw new ImportFormatException(path, $"--map {field}={column}: the file has no column '{column}'; columns: {string.Join(", ", columns)}");
            }

            map[spec.Name] = columns.First(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
        }

        var taken = new HashSet<string>(map.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var spec in fields)
        {
            if (map.ContainsKey(spec.Name) || (fileHasGeometry && spec.Name is "x" or "y" or "wkt"))
            {
                continue;
            }

            // The field's own name first, then its aliases in order; last, a .dbf column name cut to
            // its 10-character limit (safety_sco, status_cha, installed_).
            foreach (var candidate in spec.Aliases.Prepend(spec.Name))
            {
                var column = columns.FirstOrDefault(c => string.Equals(c, candidate, StringComparison.OrdinalIgnoreCase) && !taken.Contains(c));
                if (column is not null)
                {
                    map[spec.Name] = column;
                    taken.Add(column);
                    break;
                }
            }

            if (!map.ContainsKey(spec.Name) && spec.Name.Length > DbfNameLength &&
                columns.FirstOrDefault(c => c.Length == DbfNameLength && spec.Name.StartsWith(c, StringComparison.OrdinalIgnoreCase) && !taken.Contains(c)) is { } cut)
            {
                map[spec.Name] = cut;
                taken.Add(cut);
            }
        }

        return new FieldMapping(map, columns.Where(c => !taken.Contains(c)).ToArray());
    }
}
