namespace GeoTrygghet.Core.Import;

/// <summary>
/// Where validated rows go. Nothing is visible to others until <see cref="Commit"/>; disposing without
/// committing leaves the store as it was.
/// </summary>
public interface IImportSink<in TRow> : IDisposable
{
    void Add(TRow row);

    ImportCounts Commit();
}
