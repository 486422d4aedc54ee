using System.Globalization;
using System.Text;

using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Import;

namespace GeoTrygghet.Output.Import;

/// <summary>
/// Writes rejected rows as CSV: <c>rejected_row,rejected_at,rejected_reason</c> followed by the file's
/// own columns with the values as read, so the rows can be corrected and imported again (the first
/// three names are no field's name or alias, so they cannot be mistaken for data on the way back).
/// </summary>
public sealed class RejectsWriter : IRejectsFile
{
    /// <summary>The rejects file of <c>gt import --keep-valid --rejects FILE</c>.</summary>
    public static readonly RejectsWriter Csv = new();

    private static readonly string[] Bookkeeping = ["rejected_row", "rejected_at", "rejected_reason"];

    /// <param name="geometrySrid">The SRID of the records' own geometry, when the file has one.</param>
    public void Write(string path, IReadOnlyList<string> columns, IEnumerable<RejectedRow> rejected, int? geometrySrid = null)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));

        // A rejects file of a rejects file gets fresh bookkeeping columns, not a second set.
        var kept = columns.Where(c => !Bookkeeping.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();

        // Rows of a file with its own geometry (GeoJSON, Shapefile, GeoPackage) carry it as EWKT, with
        // the file's SRID, so the corrected rejects can be imported again as CSV.
        var geometryColumn = geometrySrid is not null && !kept.Contains("wkt", StringComparer.OrdinalIgnoreCase) ? "wkt" : null;
        var writerOfWkt = new NetTopologySuite.IO.WKTWriter();
        writer.WriteLine(string.Join(',', Bookkeeping.Concat(kept).Concat(geometryColumn is null ? [] : [geometryColumn]).Select(FeatureValues.CsvField)));
        foreach (var r in rejected)
        {
            var reason = string.Join("; ", r.Errors.Select(e => $"{e.Field}: {e.Reason}"));
            var cells = new[] { r.Row.ToString(CultureInfo.InvariantCulture), r.Location, reason }
                .Concat(kept.Select(c => r.Values.GetValueOrDefault(c) ?? string.Empty));
            if (geometryColumn is not null)
            {
                cells = cells.Append(r.Geometry is { IsEmpty: false } g ? string.Create(CultureInfo.InvariantCulture, $"SRID={geometrySrid};{writerOfWkt.Write(g)}") : string.Empty);
            }

            writer.WriteLine(string.Join(',', cells.Select(FeatureValues.CsvField)));
        }
    }

    /// <summary>
    /// Refuses, before anything is imported, a rejects path that is the file being imported (it would be
    /// overwritten) or that cannot be written; otherwise the valid rows were committed and the rejected
    /// ones lost.
    /// </summary>
    public void CheckWritable(string rejectsPath, string importedPath)
    {
        var target = Path.GetFullPath(rejectsPath);
        var source = Path.GetFullPath(importedPath);
        var sidecars = new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" };
        if (string.Equals(target, source, StringComparison.Ordinal) ||
            (source.EndsWith(".shp", StringComparison.OrdinalIgnoreCase) && sidecars.Any(e => string.Equals(target, Path.ChangeExtension(source, e), StringComparison.OrdinalIgnoreCase))))
        {
            throw new ImportFormatException(rejectsPath, "--rejects names the file being imported, which it would overwrite; choose another path");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (Directory.Exists(target))
        {
            throw new ImportFormatException(rejectsPath, "--rejects names a folder; give a file path");
        }

        if (!Directory.Exists(folder))
        {
            throw new ImportFormatException(rejectsPath, $"--rejects: the folder {folder} does not exist");
        }

        var probe = Path.Combine(folder, $".gt-rejects-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFormatException(rejectsPath, $"--rejects: cannot write in {folder} ({e.Message})", e);
        }

        if (File.Exists(target) && new FileInfo(target).IsReadOnly)
        {
            throw new ImportFormatException(rejectsPath, "--rejects: the file exists and is read-only");
        }
    }
}
