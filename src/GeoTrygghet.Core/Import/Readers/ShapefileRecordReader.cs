using System.Globalization;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>Reads an Esri Shapefile (.shp with its .dbf, and .prj for the CRS). Locations are "record N".</summary>
public sealed class ShapefileRecordReader : IRecordReader
{
    private readonly ShapefileReader _reader;
    private long _done;

    // .dbf files name Windows code pages (a .cpg of "CP1252", or the language driver byte) that .NET
    // only knows with the code-page provider; without it the text was read as UTF-8 and garbled.
    static ShapefileRecordReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public ShapefileRecordReader(string path)
    {
        Path = path;
        try
        {
            _reader = Shapefile.OpenRead(path, new ShapefileReaderOptions { Encoding = GuessEncoding(path) });
        }
        catch (Exception e) when (e is IOException or NotSupportedException or InvalidDataException or FileNotFoundException or ArgumentException)
        {
            throw new ImportFormatException(path, $"cannot be read as a Shapefile: {e.Message}", e);
        }

        DeclaredSrid = PrjSrid.FromWkt(_reader.Projection);
        if (DeclaredSrid is null)
        {
            UnknownCrs = string.IsNullOrWhiteSpace(_reader.Projection)
                ? "has no .prj beside it, so its CRS is unknown"
                : $"has a .prj naming a CRS GeoTrygghet does not know ({PrjSrid.NameOf(_reader.Projection)})";
        }
        Columns = Enumerable.Range(0, _reader.Fields.Count).Select(i => _reader.Fields[i].Name).ToArray();
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public int? DeclaredSrid { get; }

    public string? UnknownCrs { get; }

    public IReadOnlyList<string> Assumptions { get; private set; } = [];

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

    // A .dbf that names no encoding (no .cpg, language driver byte 0) is UTF-8 when its records are
    // valid UTF-8, else taken as Windows-1252 (what Swedish desktop GIS writes), and the import says so;
    // the library's own default read such files as UTF-8 and replaced every å, ä and ö. Only the
    // records are checked: the header holds binary numbers (a field length of 254 is byte 0xFE).
    private System.Text.Encoding? GuessEncoding(string path)
    {
        var dbf = System.IO.Path.ChangeExtension(path, ".dbf");
        if (File.Exists(System.IO.Path.ChangeExtension(path, ".cpg")) || !File.Exists(dbf))
        {
            return null;
        }

        var header = new byte[32];
        using (var stream = File.OpenRead(dbf))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return null;
            }
        }

        // 0x57 is Esri's "ANSI" (the Windows code page, 1252 for Swedish), which GDAL and ArcGIS write;
        // the library did not read it as such.
        switch (header[29])
        {
            case 0x57:
                return System.Text.Encoding.GetEncoding(1252);
            case not 0:
                return null;
        }

        var recordsStart = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        if (Utf8Position.FirstInvalidLine(dbf, recordsStart) is null)
        {
            return System.Text.Encoding.UTF8;
        }

        Assumptions = ["the .dbf does not say its text encoding (no .cpg) and is not UTF-8: read as Windows-1252"];
        return System.Text.Encoding.GetEncoding(1252);
    }
}
