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
        // Read once; checked for UTF-8 first, as the parser accepts other bytes inside strings and
        // fails only when a value is read.
        var bytes = File.ReadAllBytes(path);
        if (Utf8Position.FirstInvalidLine(bytes) is { } badLine)
        {
            throw new ImportFormatException(path, $"line {badLine} is not valid UTF-8 (the file may be saved as Windows-1252/ANSI); save it as UTF-8 and import again");
        }

        try
        {
            // Parsing from memory, unlike from a stream, does not skip a byte-order mark.
            var json = bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
            _document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(path, $"is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        var root = _document.RootElement;
        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        _features = type switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array => f.EnumerateArray().ToList(),
            "Feature" => [root],
            _ => throw new ImportFormatException(path, "is not a GeoJSON FeatureCollection or Feature"),
        };

        try
        {
            DeclaredSrid = ReadCrs(root) ?? 4326;
        }
        catch (FormatException e)
        {
            _document.Dispose();
            throw new ImportFormatException(path, $"has a crs member GeoTrygghet cannot read: {e.Message}", e);
        }

        _options = new JsonSerializerOptions();
        _options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), DeclaredSrid.Value)));
        Columns = _features
            .Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
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
            if (feature.ValueKind != JsonValueKind.Object)
            {
                values[RowValues.ErrorKey] = $"is {feature.ValueKind.ToString().ToLowerInvariant()}, not a GeoJSON Feature object";
                yield return new SourceRecord(i + 1, $"feature {i + 1}", values, null);
                continue;
            }

            if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                var structured = new List<string>();
                foreach (var p in props.EnumerateObject())
                {
                    values[p.Name] = JsonValueText.Of(p.Value);
                    if (!JsonValueText.IsPlain(p.Value))
                    {
                        structured.Add(p.Name);
                    }
                }

                // Stored as text, a nested object would become a category or name such as {"a":1}; the
                // fields that read one are refused (unused ones, e.g. a style object, do not matter).
                if (structured.Count > 0)
                {
                    values[RowValues.ObjectColumnsKey] = string.Join('\n', structured);
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
                catch (ArgumentException) when (ClosedRings(g) is { } closed)
                {
                    geometry = closed;
                    values[RowValues.NoteKey] = RecordContext.UnclosedRingNote;
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
                {
                    values[RowValues.GeometryErrorKey] = $"cannot be read: {(e is JsonException ? "not a GeoJSON geometry" : e.Message)}";
                }
            }

            yield return new SourceRecord(i + 1, $"feature {i + 1}", values, geometry);
        }
    }

    public void Dispose() => _document.Dispose();

    // A Polygon or MultiPolygon whose rings lack the closing point, read again with each ring closed;
    // null when that is not what was wrong.
    private Geometry? ClosedRings(JsonElement geometry)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(geometry.GetRawText());
        var type = node?["type"]?.GetValue<string>();
        var polygons = type switch
        {
            "Polygon" => [node!["coordinates"] as System.Text.Json.Nodes.JsonArray],
            "MultiPolygon" => (node!["coordinates"] as System.Text.Json.Nodes.JsonArray)?.Select(p => p as System.Text.Json.Nodes.JsonArray).ToList(),
            _ => null,
        };
        if (polygons is null || polygons.Any(p => p is null))
        {
            return null;
        }

        foreach (var ring in polygons.SelectMany(p => p!).OfType<System.Text.Json.Nodes.JsonArray>())
        {
            if (ring.Count >= 3 && ring[0]!.ToJsonString() != ring[^1]!.ToJsonString())
            {
                ring.Add(ring[0]!.DeepClone());
            }
        }

        try
        {
            return node.Deserialize<Geometry>(_options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // The named form {"type":"name","properties":{"name":"EPSG:3006"}} (also as a URN), and the
    // older {"type":"EPSG","properties":{"code":3006}}.
    private int? ReadCrs(JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object ||
            !crs.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (props.TryGetProperty("name", out var name))
        {
            return name.ValueKind == JsonValueKind.String
                ? CrsRegistry.ParseCode(name.GetString()!)
                : throw new ImportFormatException(Path, $"has a crs name that is not text ({name.GetRawText()}); write it as \"EPSG:3006\"");
        }

        if (props.TryGetProperty("code", out var code))
        {
            return code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var srid)
                ? srid
                : CrsRegistry.ParseCode(JsonValueText.Of(code) ?? string.Empty);
        }

        return null;
    }
}
