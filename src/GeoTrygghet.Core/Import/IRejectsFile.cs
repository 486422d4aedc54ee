namespace GeoTrygghet.Core.Import;

/// <summary>
/// The file the rejected rows of an import go to (<c>--rejects</c>): checked before anything is imported, so that valid
/// rows are never committed while their rejected neighbours cannot be written, and written once the rows are read. The
/// output layer writes it (<c>GeoTrygghet.Output.Import.RejectsWriter</c>).
/// </summary>
public interface IRejectsFile
{
    /// <summary>Throws an <see cref="ImportFormatException"/> naming <paramref name="rejectsPath"/> when it cannot be written.</summary>
    void CheckWritable(string rejectsPath, string importedPath);

    /// <param name="geometrySrid">The SRID of the records' own geometry, when the file has one.</param>
    void Write(string path, IReadOnlyList<string> columns, IEnumerable<RejectedRow> rejected, int? geometrySrid = null);
}
