using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Reads the Swedish Police Authority's events JSON (an array of events with <c>id</c>,
/// <c>datetime</c>, <c>name</c>, <c>type</c>, <c>location.name</c> and <c>location.gps</c> "lat,lon").
/// <c>datetime</c> is when the notice was published; the event's own time opens <c>name</c>
/// ("28 mars 16:39, Misshandel, Köping") and is used as <c>time_from</c> when it can be read, with the
/// year of publication (the year before when that would put the event after its notice). The
/// summary and URL are not read: GeoTrygghet keeps no free text from notices. Coordinates are WGS 84.
/// </summary>
public sealed partial class PolisenRecordReader : IRecordReader
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    private readonly JsonDocument _document;
    private readonly List<JsonElement> _events;
    private long _done;

    public PolisenRecordReader(string path)
    {
        Path = path;
        try
        {
            using var stream = File.OpenRead(path);
            _document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(path, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (_document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFormatException(path, "is not a police events file: expected a JSON array of events");
        }

        _events = _document.RootElement.EnumerateArray().ToList();
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; } = ["id", "time_from", "category", "location_name", "x", "y"];

    public int? DeclaredSrid => 4326;

    public bool HasGeometry => false;

    public (long Done, long? Total) Progress => (_done, _events.Count);

    public IEnumerable<SourceRecord> Read()
    {
        for (var i = 0; i < _events.Count; i++)
        {
            _done = i + 1;
            var e = _events[i];
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (e.ValueKind != JsonValueKind.Object)
            {
                values[RowValues.ErrorKey] = "is not a JSON object";
                yield return new SourceRecord(i + 1, $"event {i + 1}", values, null);
                continue;
            }

            values["id"] = e.TryGetProperty("id", out var id) ? JsonValueText.Of(id) : null;
            var published = e.TryGetProperty("datetime", out var dt) ? JsonValueText.Of(dt) : null;
            var name = e.TryGetProperty("name", out var n) ? JsonValueText.Of(n) : null;
            values["time_from"] = EventTime(name, published) ?? published;
            if (name is not null && published is not null && values["time_from"] == published && NamePattern().Match(name) is { Success: true } claimed)
            {
                // The name says when it happened, but not a time that exists: say so rather than swap silently.
                values[RowValues.NoteKey] = $"event id {values["id"]}: its name gives '{claimed.Value.Trim()}', which is not a date and time; its publication time {published} was used";
            }

            values["category"] = e.TryGetProperty("type", out var type) ? JsonValueText.Of(type) : null;
            if (e.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
            {
                values["location_name"] = location.TryGetProperty("name", out var ln) ? JsonValueText.Of(ln) : null;
                var gps = location.TryGetProperty("gps", out var g) ? JsonValueText.Of(g) : null;
                var parts = gps?.Split(',');
                if (parts is { Length: 2 })
                {
                    values["y"] = parts[0].Trim();
                    values["x"] = parts[1].Trim();
                }
                else if (gps is not null)
                {
                    values[RowValues.ErrorKey] = $"has location.gps '{gps}', expected \"lat,lon\"";
                }
            }

            yield return new SourceRecord(i + 1, $"event {i + 1} (id {values["id"]})", values, null);
        }
    }

    public void Dispose() => _document.Dispose();

    /// <summary>The event time from the notice's name as local ISO text, or null when it cannot be read.</summary>
    internal static string? EventTime(string? name, string? published)
    {
        if (name is null || published is null ||
            StockholmTime.TryParse(published, out var publishedUtc, out _) == StockholmTime.Outcome.Invalid)
        {
            return null;
        }

        var m = NamePattern().Match(name);
        if (!m.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, m.Groups["month"].Value.ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return null;
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var publishedLocal = TimeZoneInfo.ConvertTime(publishedUtc, StockholmTime.Zone);
        var year = publishedLocal.Year;
        if (month > publishedLocal.Month + 1 || (month == 12 && publishedLocal.Month == 1))
        {
            year--;
        }

        if (day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return null;
        }

        return new DateTime(year, month, day, hour, minute, 0).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*(?<day>\d{1,2})\s+(?<month>\p{L}+)\s+(?<h>\d{1,2})[:.](?<mi>\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
