using System.Globalization;
using GeoTrygghet.Core.Import;
using Npgsql;

namespace GeoTrygghet.Data.Import;

/// <summary>
/// Streams rows by binary COPY into a temporary staging table inside one transaction, then upserts
/// them on (source, external_id). A row identical to the stored one is left untouched, so importing
/// the same file twice changes nothing. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
internal sealed class CopySink<TRow> : IImportSink<TRow>
{
    private readonly TableSpec<TRow> _spec;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlBinaryImporter _importer;
    private long _staged;
    private bool _committed;

    public CopySink(string connectionString, TableSpec<TRow> spec)
    {
        _spec = spec;
        _connection = Schema.SchemaManager.Open(connectionString);
        _transaction = _connection.BeginTransaction();
        var stagingColumns = string.Join(", ", spec.Staged.Select(c => $"{c.Name} {c.SqlType}"));
        Execute($"CREATE TEMP TABLE staging ({stagingColumns}) ON COMMIT DROP");
        _importer = _connection.BeginBinaryImport($"COPY staging ({string.Join(", ", spec.Staged.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
    }

    public void Add(TRow row)
    {
        _importer.StartRow();
        foreach (var column in _spec.Staged)
        {
            var value = column.Value(row);
            if (value is null)
            {
                _importer.WriteNull();
            }
            else
            {
                _importer.Write(value, column.DbType);
            }
        }

        _staged++;
    }

    public ImportCounts Commit()
    {
        _importer.Complete();
        _importer.Dispose();
        var targets = _spec.Targets;
        var columns = string.Join(", ", targets.Select(t => t.Column));
        var expressions = string.Join(", ", targets.Select(t => t.Expression));
        var updatable = targets.Where(t => t.Column is not "source" and not "external_id").ToList();
        var set = string.Join(", ", updatable.Select(t => $"{t.Column} = EXCLUDED.{t.Column}"));
        var stored = string.Join(", ", updatable.Select(t => $"t.{t.Column}"));
        var incoming = string.Join(", ", updatable.Select(t => $"EXCLUDED.{t.Column}"));
        var stamp = _spec.Table == "basemap_features" ? string.Empty : ", imported_at = now()";
        var sql = $"""
            WITH up AS (
                INSERT INTO {_spec.Table} AS t ({columns})
                SELECT {expressions} FROM staging
                ON CONFLICT (source, external_id) DO UPDATE SET {set}{stamp}
                WHERE ({stored}) IS DISTINCT FROM ({incoming})
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """;
        long inserted, updated;
        using (var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 })
        using (var reader = cmd.ExecuteReader())
        {
            reader.Read();
            inserted = reader.GetInt64(0);
            updated = reader.GetInt64(1);
        }

        Execute(string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO data_changes (layer, changed_at, rows) VALUES ('{_spec.Table}', clock_timestamp(), {inserted + updated})"),
            onlyIf: inserted + updated > 0);
        _transaction.Commit();
        _committed = true;
        return new ImportCounts(inserted, updated, _staged - inserted - updated);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            try
            {
                _importer.Dispose();
            }
            catch (NpgsqlException)
            {
                // The COPY is being abandoned; the rollback below is what matters.
            }

            _transaction.Rollback();
        }

        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql, bool onlyIf = true)
    {
        if (!onlyIf)
        {
            return;
        }

        using var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }
}
