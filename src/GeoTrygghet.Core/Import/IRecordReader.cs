namespace GeoTrygghet.Core.Import;

/// <summary>A file read as records. Readers stream: memory does not grow with the file.</summary>
public interface IRecordReader : IDisposable
{
    string Path { get; }

    /// <summary>Column names as the file has them, in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The SRID the file declares (GeoJSON crs, .prj, GeoPackage srs), or null.</summary>
    int? DeclaredSrid { get; }

    /// <summary>True when records carry their own geometry.</summary>
    bool HasGeometry { get; }

    /// <summary>Bytes read so far and the total, for progress; total is null when unknown.</summary>
    (long Done, long? Total) Progress { get; }

    IEnumerable<SourceRecord> Read();
}
