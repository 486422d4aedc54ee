using GeoTrygghet.Core.Import.Readers;

namespace GeoTrygghet.Core.Import;

/// <summary>Opens a file with the reader for its format: as given, else from its extension.</summary>
public static class RecordReaderFactory
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "geojson", "shp", "gpkg", "polisen"];

    public static IRecordReader Open(string path, string? format, string? layer = null)
    {
        if (Directory.Exists(path))
        {
            throw new ImportFormatException(path, "is a folder; give the file to import (for a Shapefile, its .shp)");
        }

        if (!File.Exists(path))
        {
            throw new ImportFormatException(path, "does not exist");
        }

        var chosen = (format ?? Guess(path))?.ToLowerInvariant();
        return chosen switch
        {
            "csv" => new CsvRecordReader(path),
            "geojson" or "json" => new GeoJsonRecordReader(path),
            "shp" or "shapefile" => new ShapefileRecordReader(path),
            "gpkg" or "geopackage" => new GeoPackageRecordReader(path, layer),
            "polisen" => new PolisenRecordReader(path),
            null => throw new ImportFormatException(path, $"the format cannot be told from the extension; give --format ({string.Join("|", Formats)})"),
            _ => throw new ImportFormatException(path, $"'{format}' is not a format; use one of {string.Join(", ", Formats)}"),
        };
    }

    private static string? Guess(string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        switch (ext)
        {
            case ".csv" or ".txt" or ".tsv":
                return "csv";
            case ".geojson":
                return "geojson";
            case ".shp":
                return "shp";
            case ".gpkg":
                return "gpkg";
            case ".json":
                // A police events file is a JSON array; GeoJSON is an object.
                using (var reader = new StreamReader(path))
                {
                    int c;
                    while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
                    {
                    }

                    return c == '[' ? "polisen" : "geojson";
                }

            default:
                return null;
        }
    }
}
