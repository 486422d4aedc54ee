using System.Text.Json;
using GeoTrygghet.Core.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Reads a GeoJSON FeatureCollection (or a single Feature). The CRS is the legacy "crs" member when
/// the file has one, else WGS 84 as RFC 7946 says. Record locations are "feature N".
/// </summary>
public sealed class GeoJsonRecordReader : IRecordReader
{
    private readonly JsonDocument _document;
    private readonly List<JsonElement> _features;
    private readonly JsonSerializerOptions _options;
    private long _done;

    public GeoJsonRecordReader(string path)
    {
        Path = path;
        try
        {
            using var stream = File.OpenRead(path);
            _document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(path, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        var root = _document.RootElement;
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
        _features = type switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array => f.EnumerateArray().ToList(),
            "Feature" => [root],
            _ => throw new ImportFormatException(path, "is not a GeoJSON FeatureCollection or Feature"),
        };

        DeclaredSrid = ReadCrs(root) ?? 4326;
        _options = new JsonSerializerOptions();
        _options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), DeclaredSrid.Value)));
        Columns = _features
            .Where(f => f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            .SelectMany(f => f.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public int? DeclaredSrid { get; }

    public bool HasGeometry => true;

    public (long Done, long? Total) Progress => (_done, _features.Count);

    public IEnumerable<SourceRecord> Read()
    {
        for (var i = 0; i < _features.Count; i++)
        {
            _done = i + 1;
            var feature = _features[i];
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    values[p.Name] = JsonValueText.Of(p.Value);
                }
            }

            if (feature.TryGetProperty("id", out var id) && !values.ContainsKey("id"))
            {
                values["id"] = JsonValueText.Of(id);
            }

            Geometry? geometry = null;
            if (feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    geometry = g.Deserialize<Geometry>(_options);
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
                {
                    values[RowValues.ErrorKey] = $"has a geometry that cannot be read: {e.Message}";
                }
            }

            yield return new SourceRecord(i + 1, $"feature {i + 1}", values, geometry);
        }
    }

    public void Dispose() => _document.Dispose();

    private static int? ReadCrs(JsonElement root)
    {
        if (root.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object &&
            crs.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var name) &&
            name.GetString() is { } text)
        {
            return CrsRegistry.ParseCode(text);
        }

        return null;
    }
}
