using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

/// <summary>Text forms of the generated values: invariant culture, fixed decimals, RFC 4180 quoting.</summary>
internal static class DemoFormat
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Metres(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static StreamWriter CreateText(string path) =>
        new(path, append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };

    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A JSON string literal that keeps å, ä and ö readable.</summary>
    public static string JsonString(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";

    public static string Wkt(Geometry geometry) => geometry switch
    {
        Point p => "POINT (" + Pair(p.Coordinate, " ") + ")",
        LineString l => "LINESTRING " + WktSequence(l.Coordinates),
        Polygon p => "POLYGON " + WktRings(p),
        MultiPolygon m => "MULTIPOLYGON (" + string.Join(", ", m.Geometries.Cast<Polygon>().Select(WktRings)) + ")",
        _ => throw new ArgumentException($"no WKT form for {geometry.GeometryType}", nameof(geometry)),
    };

    public static string GeoJsonGeometry(Geometry geometry) => geometry switch
    {
        Point p => "{\"type\":\"Point\",\"coordinates\":" + JsonPosition(p.Coordinate) + "}",
        LineString l => "{\"type\":\"LineString\",\"coordinates\":" + JsonSequence(l.Coordinates) + "}",
        Polygon p => "{\"type\":\"Polygon\",\"coordinates\":" + JsonRings(p) + "}",
        MultiPolygon m => "{\"type\":\"MultiPolygon\",\"coordinates\":[" + string.Join(",", m.Geometries.Cast<Polygon>().Select(JsonRings)) + "]}",
        _ => throw new ArgumentException($"no GeoJSON form for {geometry.GeometryType}", nameof(geometry)),
    };

    private static string Pair(Coordinate c, string separator) => Metres(c.X) + separator + Metres(c.Y);

    private static string JsonPosition(Coordinate c) => "[" + Pair(c, ",") + "]";

    private static string JsonSequence(Coordinate[] coordinates) => "[" + string.Join(",", coordinates.Select(JsonPosition)) + "]";

    // RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.
    private static string JsonRings(Polygon p) =>
        "[" + string.Join(",", Rings(p).Select(JsonSequence)) + "]";

    private static string WktSequence(Coordinate[] coordinates) => "(" + string.Join(", ", coordinates.Select(c => Pair(c, " "))) + ")";

    private static string WktRings(Polygon p) => "(" + string.Join(", ", Rings(p).Select(WktSequence)) + ")";

    private static IEnumerable<Coordinate[]> Rings(Polygon p)
    {
        yield return Oriented(p.Shell.Coordinates, counterClockwise: true);
        foreach (var hole in p.Holes)
        {
            yield return Oriented(hole.Coordinates, counterClockwise: false);
        }
    }

    private static Coordinate[] Oriented(Coordinate[] ring, bool counterClockwise) =>
        Orientation.IsCCW(ring) == counterClockwise ? ring : ring.Reverse().ToArray();
}
