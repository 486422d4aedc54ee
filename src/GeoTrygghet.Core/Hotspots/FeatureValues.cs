using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeoTrygghet.Core.Hotspots;

/// <summary>
/// The values of a result's rows as the file contracts write them: numbers with the invariant culture and round-trip
/// precision (empty when not finite), text fields quoted for CSV, points and geometries as GeoJSON nodes. The files themselves are written by the
/// output layer (<c>GeoTrygghet.Output</c>).
/// </summary>
public static class FeatureValues
{
    private static readonly JsonSerializerOptions GeometryJson = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    public static string Format(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    public static JsonNode Geometry(NetTopologySuite.Geometries.Geometry g) => JsonSerializer.SerializeToNode(g, GeometryJson)!;

    /// <summary>A CSV field, quoted when it holds a comma, a quote, a semicolon or a line break.</summary>
    public static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r;") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static JsonNode Point(double x, double y) => new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(x, y) };
}
