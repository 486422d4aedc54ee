namespace GeoTrygghet.Core.Import;

/// <summary>A file read as records. Readers stream: memory does not grow with the file.</summary>
public interface IRecordReader : IDisposable
{
    string Path { get; }

    /// <summary>Column names as the file has them, in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The SRID the file declares (GeoJSON crs, .prj, GeoPackage srs), or null.</summary>
    int? DeclaredSrid { get; }

    /// <summary>
    /// Why the file's CRS is unknown although the format says where it should be (no .prj, a .prj or
    /// srs GeoTrygghet cannot identify); then only --crs may say it. Null when the CRS is known or the
    /// format has no place for one (CSV).
    /// </summary>
    string? UnknownCrs => null;

    /// <summary>What the reader had to assume about the file (e.g. its text encoding), for the import's notes.</summary>
    IReadOnlyList<string> Assumptions => [];

    /// <summary>True when records carry their own geometry.</summary>
    bool HasGeometry { get; }

    /// <summary>Bytes read so far and the total, for progress; total is null when unknown.</summary>
    (long Done, long? Total) Progress { get; }

    IEnumerable<SourceRecord> Read();
}
