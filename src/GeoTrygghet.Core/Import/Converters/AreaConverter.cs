using GeoTrygghet.Core.Domain;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class AreaConverter : IRowConverter<AreaRow>
{
    private readonly ContentHash _hash = new();

    public AreaRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.PolygonOnly);
        var name = c.Text("name", required: true);
        var kindText = c.Text("kind");
        var kind = kindText is null ? "focus_area" : Vocabulary.NormalizeAreaKind(kindText);
        if (kind is null)
        {
            c.Fail("kind", $"'{kindText}' is not focus_area, district or survey_area");
        }

        var year = c.Integer("year", 1900, 2200);
        var score = c.Number("safety_score", min: 0, max: 100); // surveys score 1–5, 1–10 or 0–100 %
        var respondents = c.Integer("respondents", 0, int.MaxValue);
        if (c.Errors.Count > 0 || geom is null || name is null || kind is null)
        {
            return null;
        }

        var multi = geom as MultiPolygon ?? geom.Factory.CreateMultiPolygon([(Polygon)geom]);
        multi.SRID = geom.SRID;
        id ??= _hash.Next(kind, name, year);
        return new AreaRow(source, id, kind, name, year, multi, score, respondents);
    }

    public string ExternalIdOf(AreaRow row) => row.ExternalId;
}
