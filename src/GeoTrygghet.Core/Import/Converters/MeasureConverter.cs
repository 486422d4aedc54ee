using System.Globalization;
using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class MeasureConverter : IRowConverter<MeasureRow>
{
    private readonly ContentHash _hash = new();

    public MeasureRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.AnyGeometry);
        var typeText = c.Text("type", required: true);
        var type = typeText is null ? null : Vocabulary.NormalizeMeasureType(typeText);
        if (typeText is not null && type is null)
        {
            c.Fail("type", $"'{typeText}' is not a measure type; expected one of {string.Join(", ", Vocabulary.MeasureTypes)}");
        }

        var start = c.Date("start_date", required: true);
        var end = c.Date("end_date");
        if (start is not null && end is not null && end < start)
        {
            c.Fail("end_date", string.Create(CultureInfo.InvariantCulture, $"{end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}"));
        }

        var description = c.Text("description");
        var assets = new List<string>();
        foreach (var asset in (c.Text("assets") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = asset.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? asset[..colon].Trim().ToLowerInvariant() : null;
            if (kind is not ("light" or "camera") || colon == asset.Length - 1)
            {
                c.Fail("assets", $"'{asset}' is not light:ID or camera:ID");
                continue;
            }

            assets.Add($"{kind}:{asset[(colon + 1)..].Trim()}");
        }

        if (c.Errors.Count > 0 || geom is null || type is null || start is null)
        {
            return null;
        }

        // Without an id a measure is its kind, place and start: ending it or rewording it updates it in place.
        id ??= _hash.Next(type, start, geom.ToText());
        return new MeasureRow(source, id, type, geom, start.Value, end, description, assets);
    }

    public string ExternalIdOf(MeasureRow row) => row.ExternalId;
}
