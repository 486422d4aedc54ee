using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Converters;

namespace GeoTrygghet.Data.Import;

/// <summary>Runs an import of any kind into the database: the reader, converter and table of that kind.</summary>
public sealed class ImportService(string connectionString, ImportSettings settings)
{
    public ImportResult Run(ImportRequest request, IProgress<(long Done, long? Total, long Rows)>? progress = null)
    {
        using var reader = RecordReaderFactory.Open(request.Path, request.Format, request.Layer);
        var srid = settings.AnalysisSrid;
        return request.Kind switch
        {
            ImportKind.Incidents => Run(request, reader, new IncidentConverter(settings), TableSpecs.Incidents(srid), progress),
            ImportKind.Reports => Run(request, reader, new ReportConverter(), TableSpecs.Reports(srid), progress),
            ImportKind.Lights => Run(request, reader, new LightConverter(), TableSpecs.Lights(srid), progress),
            ImportKind.Cameras => Run(request, reader, new CameraConverter(), TableSpecs.Cameras(srid), progress),
            ImportKind.Measures => Run(request, reader, new MeasureConverter(), TableSpecs.Measures(srid), progress),
            ImportKind.Areas => Run(request, reader, new AreaConverter(), TableSpecs.Areas(srid), progress),
            ImportKind.Basemap => Run(request, reader, new BasemapConverter(), TableSpecs.Basemap(srid), progress),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "unknown import kind"),
        };
    }

    /// <summary>The table each import kind fills.</summary>
    public static string TableOf(ImportKind kind) => kind switch
    {
        ImportKind.Incidents => "incidents",
        ImportKind.Reports => "reports",
        ImportKind.Lights => "street_lights",
        ImportKind.Cameras => "cameras",
        ImportKind.Measures => "measures",
        ImportKind.Areas => "areas",
        ImportKind.Basemap => "basemap_features",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>How many rows a source has in the kind's table; with <paramref name="delete"/> they are deleted in one transaction.</summary>
    public long RemoveSource(ImportKind kind, string source, bool delete)
    {
        var table = TableOf(kind);
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        using var cmd = new Npgsql.NpgsqlCommand(delete ? $"DELETE FROM {table} WHERE source = $1" : $"SELECT count(*) FROM {table} WHERE source = $1", conn, tx);
        cmd.Parameters.AddWithValue(source);
        var rows = delete ? cmd.ExecuteNonQuery() : (long)cmd.ExecuteScalar()!;
        if (delete && rows > 0)
        {
            using var change = new Npgsql.NpgsqlCommand($"INSERT INTO data_changes (layer, changed_at, rows) VALUES ('{table}', clock_timestamp(), $1)", conn, tx);
            change.Parameters.AddWithValue((long)rows);
            change.ExecuteNonQuery();
        }

        tx.Commit();
        return rows;
    }

    /// <summary>The sources of a kind's table with their row counts, largest first.</summary>
    public IReadOnlyList<(string Source, long Rows)> Sources(ImportKind kind)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new Npgsql.NpgsqlCommand($"SELECT source, count(*) FROM {TableOf(kind)} GROUP BY source ORDER BY count(*) DESC, source", conn);
        using var reader = cmd.ExecuteReader();
        var list = new List<(string, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    private ImportResult Run<TRow>(ImportRequest request, IRecordReader reader, IRowConverter<TRow> converter, TableSpec<TRow> spec, IProgress<(long Done, long? Total, long Rows)>? progress)
        where TRow : class =>
        new ImportPipeline<TRow>(converter, settings).Run(request, reader, () => new CopySink<TRow>(connectionString, spec, request.SourceName), progress);
}
