using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class BasemapConverter : IRowConverter<BasemapRow>
{
    private static readonly string[] Kinds = ["street", "path", "block", "park", "water", "building"];
    private readonly ContentHash _hash = new();

    public BasemapRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.AnyGeometry);
        var kind = c.Text("kind", required: true)?.ToLowerInvariant();
        if (kind is not null && !Kinds.Contains(kind))
        {
            c.Fail("kind", $"'{kind}' is not one of {string.Join(", ", Kinds)}");
        }

        var name = c.Text("name");
        if (c.Errors.Count > 0 || geom is null || kind is null)
        {
            return null;
        }

        id ??= _hash.Next(kind, name, geom.ToText());
        return new BasemapRow(source, id, kind, name, geom);
    }

    public string ExternalIdOf(BasemapRow row) => row.ExternalId;
}
