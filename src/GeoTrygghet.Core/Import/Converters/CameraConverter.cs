using System.Globalization;
using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Core.Import.Converters;

public sealed class CameraConverter : IRowConverter<CameraRow>
{
    private readonly ContentHash _hash = new();

    public CameraRow? Convert(RecordContext c, string source)
    {
        var id = c.Text("id");
        var geom = c.Geometry(GeometryExpectation.PointOnly);
        var direction = c.Number("direction", min: 0, max: 360);
        var fov = c.Number("fov", min: 1, max: 360); // a camera with no field of view sees nothing
        var range = c.Number("range", min: 1, max: 10_000);
        var (start, end) = ParseHours(c);
        var owner = c.Text("owner");
        var permit = c.Text("permit");
        var installed = c.Date("installed_on");
        if (c.Errors.Count > 0 || geom is null)
        {
            return null;
        }

        var point = IncidentConverter.PointOf(geom);
        // Without an id a camera is where it is mounted: re-aiming it or a new owner updates it in place.
        id ??= _hash.Next(point.X, point.Y);
        return new CameraRow(source, id, point, direction is 360 ? 0 : direction, fov, range, start, end, owner, permit, installed);
    }

    public string ExternalIdOf(CameraRow row) => row.ExternalId;

    private static (TimeOnly? Start, TimeOnly? End) ParseHours(RecordContext c)
    {
        var text = c.Text("hours");
        if (text is null || AlwaysOn.Contains(text.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return (null, null);
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryTime(parts[0], out var start) && TryTime(parts[1], out var end))
        {
            if (start == end)
            {
                c.Notes.Add($"hours: '{text}' starts and ends at the same time and was read as always on");
                return (null, null);
            }

            return (start, end);
        }

        c.Fail("hours", $"'{text}' is not HH:MM-HH:MM (e.g. 18:00-06:00) or 24/7");
        return (null, null);
    }

    private static readonly HashSet<string> AlwaysOn = new(["24/7", "24h", "24tim", "always", "dygnetrunt", "alltid"], StringComparer.OrdinalIgnoreCase);

    private static bool TryTime(string text, out TimeOnly time)
    {
        if (text is "24" or "24:00")
        {
            time = TimeOnly.MinValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "HH", "%H"] /* "%H": a lone "H" is read as a standard format and throws */, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
