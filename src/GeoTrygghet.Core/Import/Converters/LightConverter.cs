using System.Globalization;
using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class LightConverter : IRowConverter<LightRow>
{
    private readonly ContentHash _hash = new();

    public LightRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.PointOnly);
        var changes = ParseChanges(c);
        var statusText = c.Text("status");
        var status = statusText is null ? changes.LastOrDefault()?.Status ?? "working" : Vocabulary.NormalizeLightStatus(statusText);
        if (status is null)
        {
            c.Fail("status", $"'{statusText}' is not working, out or removed");
        }
        else if (changes.Count > 0 && changes[^1].Status != status)
        {
            c.Fail("status", $"'{status}' contradicts the last status change ({changes[^1].Status} on {changes[^1].Date:yyyy-MM-dd})");
        }
        var lampType = c.Text("lamp_type");
        var lumen = c.Number("lumen", min: 0, max: 1_000_000);
        var watt = c.Number("watt", min: 0, max: 100_000);
        var height = c.Number("height", min: 0.5, max: 100); // metres; a lamp at 0 m lights nothing
        var installed = c.Date("installed_on");
        if (c.Errors.Count > 0 || geom is null || status is null)
        {
            return null;
        }

        var point = IncidentConverter.PointOf(geom);
        // Without an id a lamp is where it stands: a retrofit (new lamp type, new date) updates it in place.
        id ??= _hash.Next(point.X, point.Y);
        return new LightRow(source, id, point, status, changes, lampType, lumen, watt, height, installed);
    }

    public string ExternalIdOf(LightRow row) => row.ExternalId;

    private static List<LightStatusChange> ParseChanges(RecordContext c)
    {
        var text = c.Text("status_changes");
        var list = new List<LightStatusChange>();
        if (text is null)
        {
            return list;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var status = colon > 0 ? Vocabulary.NormalizeLightStatus(part[(colon + 1)..]) : null;
            if (colon <= 0 || status is null ||
                !DateOnly.TryParseExact(part[..colon].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                c.Fail("status_changes", $"'{part}' is not YYYY-MM-DD:status (status working, out or removed)");
                continue;
            }

            list.Add(new LightStatusChange(date, status));
        }

        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Date < list[i - 1].Date)
            {
                c.Fail("status_changes", "dates must be in order, oldest first");
                break;
            }
        }

        return list;
    }
}
