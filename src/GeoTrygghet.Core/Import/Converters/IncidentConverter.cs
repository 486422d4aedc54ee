using GeoTrygghet.Core.Time;
using GeoTrygghet.Core.Domain;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class IncidentConverter(ImportSettings settings) : IRowConverter<IncidentRow>
{
    private readonly ContentHash _hash = new();

    public IncidentRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.PointOnly);
        var from = c.Time("time_from", required: true);
        var to = c.Time("time_to");
        var category = c.Text("category");
        var code = c.Text("crime_code");
        var accuracy = c.Number("accuracy", min: 0, max: 100_000);
        var locationName = c.Text("location_name");
        if (category is null && code is null)
        {
            c.Fail("category", "is required when crime_code is empty (one of them must say what happened)");
        }

        if (category is not null && settings.StrictIncidentCategories is { Count: > 0 } strict && !strict.Contains(category))
        {
            c.Fail("category", $"'{category}' is not in the configured category list ({string.Join(", ", strict.Order(StringComparer.Ordinal))})");
        }

        if (from is not null && to is not null && to < from)
        {
            c.Fail("time_to", $"{StockholmTime.Format(to.Value)} is before time_from {StockholmTime.Format(from.Value)}");
        }

        if (c.Errors.Count > 0 || geom is null || from is null)
        {
            return null;
        }

        var point = PointOf(geom);
        id ??= _hash.Next(from, to, point.X, point.Y, category, code, accuracy, locationName);
        return new IncidentRow(source, id, code, category, Vocabulary.IncidentGroupOf(category ?? code), from.Value, to, point, accuracy, locationName);
    }

    public string ExternalIdOf(IncidentRow row) => row.ExternalId;

    internal static Point PointOf(Geometry g) => g is MultiPoint mp ? (Point)mp.GetGeometryN(0) : (Point)g;
}
