using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace GeoTrygghet.Tests.Demo;

/// <summary>
/// Reads the generated files the way a consumer would, independently of the importer, so that these
/// tests check the files themselves.
/// </summary>
internal static class DemoFiles
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, true));
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(fields.Count == 0 && field.Length == 0, $"{path} does not end with a line break");
        return (records[0], records.Skip(1).ToList());
    }

    public static List<Dictionary<string, string>> ReadCsvRows(string path)
    {
        var (header, rows) = ReadCsv(path);
        return rows.Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    public static List<(Dictionary<string, JsonElement> Properties, Geometry Geometry)> ReadGeoJson(string path, out string? crs)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        crs = root.TryGetProperty("crs", out var c) ? c.GetProperty("properties").GetProperty("name").GetString() : null;
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 3006)));
        return root.GetProperty("features").EnumerateArray()
            .Select(f => (
                f.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
                f.GetProperty("geometry").Deserialize<Geometry>(options)!))
            .ToList();
    }

    public static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    public static double X(Dictionary<string, string> row) => double.Parse(row["x"], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double Y(Dictionary<string, string> row) => double.Parse(row["y"], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
