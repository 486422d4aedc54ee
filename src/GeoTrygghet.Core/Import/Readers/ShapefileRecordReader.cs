using System.Globalization;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>Reads an Esri Shapefile (.shp with its .dbf, and .prj for the CRS). Locations are "record N".</summary>
public sealed class ShapefileRecordReader : IRecordReader
{
    private readonly ShapefileReader _reader;
    private long _done;

    public ShapefileRecordReader(string path)
    {
        Path = path;
        try
        {
            _reader = Shapefile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or InvalidDataException or FileNotFoundException or ArgumentException)
        {
            throw new ImportFormatException(path, $"cannot be read as a Shapefile: {e.Message}", e);
        }

        DeclaredSrid = PrjSrid.FromWkt(_reader.Projection);
        Columns = Enumerable.Range(0, _reader.Fields.Count).Select(i => _reader.Fields[i].Name).ToArray();
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public int? DeclaredSrid { get; }

    public bool HasGeometry => true;

    public (long Done, long? Total) Progress => (_done, _reader.RecordCount);

    public IEnumerable<SourceRecord> Read()
    {
        long row = 0;
        while (_reader.Read(out var deleted))
        {
            row++;
            _done = row;
            if (deleted)
            {
                continue;
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _reader.Fields.Count; i++)
            {
                var field = _reader.Fields[i];
                values[field.Name] = field.Value switch
                {
                    null => null,
                    DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString()?.Trim(),
                };
            }

            var geometry = _reader.Geometry;
            yield return new SourceRecord(row, $"record {row}", values, geometry is { IsEmpty: false } ? geometry.Copy() : geometry?.Copy());
        }
    }

    public void Dispose() => _reader.Dispose();
}
