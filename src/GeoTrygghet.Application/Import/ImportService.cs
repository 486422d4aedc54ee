using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Converters;
using GeoTrygghet.Data.Import;
using GeoTrygghet.Output.Import;

namespace GeoTrygghet.Application.Import;

/// <summary>Runs an import of any kind into the database: the reader, converter and table of that kind.</summary>
public sealed class ImportService(string connectionString, ImportSettings settings)
{
    public ImportResult Run(ImportRequest request, IProgress<(long Done, long? Total, long Rows)>? progress = null)
    {
        var owner = Access.Accounts.ImportOwner(connectionString, request.Kind, request.Owner);
        using var reader = RecordReaderFactory.Open(request.Path, request.Format, request.Layer);
        var result = request.Kind switch
        {
            ImportKind.Incidents => Run(request, owner, reader, new IncidentConverter(settings), progress),
            ImportKind.Reports => Run(request, owner, reader, new ReportConverter(), progress),
            ImportKind.Lights => Run(request, owner, reader, new LightConverter(), progress),
            ImportKind.Cameras => Run(request, owner, reader, new CameraConverter(), progress),
            ImportKind.Measures => Run(request, owner, reader, new MeasureConverter(), progress),
            ImportKind.Areas => Run(request, owner, reader, new AreaConverter(), progress),
            ImportKind.Basemap => Run(request, owner, reader, new BasemapConverter(), progress),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "unknown import kind"),
        };
        if (result.Committed is { } n)
        {
            Data.Access.AuditLog.Append(connectionString, [new Core.Access.AuditEntry(Core.Access.AuditEntry.CommandLineUser, owner, "import", TableOf(request.Kind),
                Detail: string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.IO.Path.GetFileName(request.Path)}, source {request.SourceName}: inserted {n.Inserted}, updated {n.Updated}, rejected {result.Rejected.Count}"))]);
        }

        return owner is null && ImportTables.Owned(request.Kind)
            ? result with { Notes = [.. result.Notes, "no organisations are set up yet, so the rows have no owner and no signed-in user sees them point by point (./gt orgs add, then import again with --org)"] }
            : result;
    }

    /// <summary>The table each import kind fills.</summary>
    public static string TableOf(ImportKind kind) => ImportedSources.TableOf(kind);

    /// <summary>How many rows a source has in the kind's table; with <paramref name="delete"/> they are deleted in one transaction.</summary>
    public long RemoveSource(ImportKind kind, string source, bool delete)
    {
        var rows = ImportedSources.Remove(connectionString, kind, source, delete);
        if (delete && rows > 0)
        {
            Data.Access.AuditLog.Append(connectionString, [new Core.Access.AuditEntry(Core.Access.AuditEntry.CommandLineUser, null, "delete", TableOf(kind),
                Detail: string.Create(System.Globalization.CultureInfo.InvariantCulture, $"source {source}: {rows} rows"))]);
        }

        return rows;
    }

    /// <summary>The sources of a kind's table with their row counts, largest first.</summary>
    public IReadOnlyList<(string Source, long Rows)> Sources(ImportKind kind) => ImportedSources.List(connectionString, kind);

    private ImportResult Run<TRow>(ImportRequest request, string? owner, IRecordReader reader, IRowConverter<TRow> converter, IProgress<(long Done, long? Total, long Rows)>? progress)
        where TRow : class =>
        new ImportPipeline<TRow>(converter, settings, RejectsWriter.Csv).Run(
            request, reader, () => ImportTables.Open<TRow>(connectionString, request.Kind, settings.AnalysisSrid, request.SourceName, owner), progress);
}
