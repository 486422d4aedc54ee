using GeoTrygghet.Core.Time;
using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class ReportConverter : IRowConverter<ReportRow>
{
    private readonly ContentHash _hash = new();

    public ReportRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.PointOnly);
        var from = c.Time("time_from", required: true);
        var to = c.Time("time_to");
        var categoryText = c.Text("category", required: true);
        var category = categoryText is null ? null : Vocabulary.NormalizeReportCategory(categoryText);
        if (categoryText is not null && category is null)
        {
            c.Fail("category", $"'{categoryText}' is not a report category; expected one of {string.Join(", ", Vocabulary.ReportCategories)}");
        }

        var kindText = c.Text("kind");
        var kind = kindText is null ? "est" : Vocabulary.NormalizeReportKind(kindText);
        if (kind is null)
        {
            c.Fail("kind", $"'{kindText}' is not est or safety_walk");
        }

        var role = c.Text("reporter_role");
        var text = c.Text("text");
        if (from is not null && to is not null && to < from)
        {
            c.Fail("time_to", $"{StockholmTime.Format(to.Value)} is before time_from {StockholmTime.Format(from.Value)}");
        }

        if (c.Errors.Count > 0 || geom is null || from is null || category is null || kind is null)
        {
            return null;
        }

        var point = IncidentConverter.PointOf(geom);
        id ??= _hash.Next(kind, category, from, to, point.X, point.Y, role, text);
        return new ReportRow(source, id, kind, category, role, text, from.Value, to, point);
    }

    public string ExternalIdOf(ReportRow row) => row.ExternalId;
}
