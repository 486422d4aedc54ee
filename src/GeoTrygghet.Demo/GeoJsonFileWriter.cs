namespace GeoTrygghet.Demo;

/// <summary>
/// Writes a GeoJSON FeatureCollection in SWEREF 99 TM, one feature per line so that the files diff well.
/// The legacy "crs" member is what the importer reads to know the coordinates are EPSG:3006.
/// </summary>
internal sealed class GeoJsonFileWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _first = true;

    public GeoJsonFileWriter(string path, string name)
    {
        _writer = DemoFormat.CreateText(path);
        _writer.Write("{\"type\":\"FeatureCollection\",\"name\":" + DemoFormat.JsonString(name)
            + ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3006\"}},\"features\":[\n");
    }

    public int Count { get; private set; }

    /// <summary>Adds a feature; property values are strings, integers, numbers or null, written in the given order.</summary>
    public void Add(NetTopologySuite.Geometries.Geometry geometry, params (string Key, object? Value)[] properties)
    {
        if (!_first)
        {
            _writer.Write(",\n");
        }

        _first = false;
        var props = string.Join(",", properties.Select(p => DemoFormat.JsonString(p.Key) + ":" + Value(p.Value)));
        _writer.Write("{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + DemoFormat.GeoJsonGeometry(geometry) + "}");
        Count++;
    }

    public void Dispose()
    {
        _writer.Write("\n]}\n");
        _writer.Dispose();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => DemoFormat.JsonString(s),
        int i => DemoFormat.Int(i),
        double d => DemoFormat.Num(d),
        _ => throw new ArgumentException($"unsupported property value {value.GetType().Name}", nameof(value)),
    };
}
