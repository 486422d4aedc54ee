using System.Globalization;
using GeoTrygghet.Core.Import;
using Npgsql;

namespace GeoTrygghet.Data.Import;

/// <summary>
/// Streams rows by binary COPY inside one transaction, in the cheapest way that keeps the table's
/// guarantees: into an empty table with its indexes dropped and rebuilt afterwards (the first load;
/// sorted index builds are several times faster than index maintenance row by row); straight into the
/// table when the source has no stored rows (nothing can conflict); otherwise into a staging table
/// and then upserted on (source, external_id), leaving rows identical to the stored ones untouched so
/// importing a file twice changes nothing. Disposing without <see cref="Commit"/> rolls back.
/// </summary>
internal sealed class CopySink<TRow> : IImportSink<TRow>
{
    private readonly TableSpec<TRow> _spec;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlRawCopyStream _copy;
    private readonly BinaryCopyWriter _writer;
    private readonly IReadOnlyList<StagedColumn<TRow>> _columns;
    private readonly LoadMode _mode;
    private readonly List<string> _droppedIndexes = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly bool _trace = Environment.GetEnvironmentVariable("GEOTRYGGHET_TRACE") == "1";
    private long _staged;
    private bool _copyEnded;
    private bool _committed;

    public CopySink(string connectionString, TableSpec<TRow> spec, string source)
    {
        _spec = spec;
        _connection = Schema.SchemaManager.Open(connectionString);
        _transaction = _connection.BeginTransaction();
        // Imports into one table run one at a time; readers are not blocked except during a first load.
        Execute($"LOCK TABLE {spec.Table} IN SHARE ROW EXCLUSIVE MODE");
        _mode = ChooseMode(source);
        if (_mode == LoadMode.FirstLoad)
        {
            DropIndexes();
        }

        _columns = _mode == LoadMode.Upsert ? spec.Staged : spec.Direct;
        var target = _mode == LoadMode.Upsert ? "staging" : spec.Table;
        if (_mode == LoadMode.Upsert)
        {
            Execute($"CREATE TEMP TABLE staging ({string.Join(", ", spec.Staged.Select(c => $"{c.Name} {c.SqlType}"))}) ON COMMIT DROP");
        }

        _copy = _connection.BeginRawBinaryCopy($"COPY {target} ({string.Join(", ", _columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        _writer = new BinaryCopyWriter(_copy);
    }

    private enum LoadMode
    {
        FirstLoad,
        Append,
        Upsert,
    }

    public void Add(TRow row)
    {
        _writer.StartRow(_columns.Count);
        foreach (var column in _columns)
        {
            column.Write(_writer, row);
        }

        _staged++;
    }

    public ImportCounts Commit()
    {
        Trace("rows streamed");
        _writer.Complete();
        _copyEnded = true; // ended by Dispose even when the server refuses the data
        _copy.Dispose();
        Trace("COPY complete");
        var (inserted, updated) = _mode == LoadMode.Upsert ? Upsert() : (_staged, 0L);
        foreach (var definition in _droppedIndexes)
        {
            Execute(definition);
            Trace(definition);
        }

        if (inserted + updated > 0)
        {
            Execute(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO data_changes (layer, changed_at, rows) VALUES ('{_spec.Table}', clock_timestamp(), {inserted + updated})"));
            if (_mode != LoadMode.Upsert)
            {
                Execute($"ANALYZE {_spec.Table}");
            }
        }

        _transaction.Commit();
        _committed = true;
        Trace("committed");
        return new ImportCounts(inserted, updated, _staged - inserted - updated);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            try
            {
                if (!_copyEnded)
                {
                    _copy.Cancel();
                    _copy.Dispose();
                }
            }
            catch (Exception e) when (e is NpgsqlException or ObjectDisposedException)
            {
                // The COPY is being abandoned; the rollback below is what matters.
            }

            _transaction.Rollback();
        }

        _transaction.Dispose();
        _connection.Dispose();
    }

    private LoadMode ChooseMode(string source)
    {
        using (var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_spec.Table})", _connection, _transaction))
        {
            if (!(bool)cmd.ExecuteScalar()!)
            {
                return LoadMode.FirstLoad;
            }
        }

        using (var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_spec.Table} WHERE source = $1)", _connection, _transaction))
        {
            cmd.Parameters.AddWithValue(source);
            return (bool)cmd.ExecuteScalar()! ? LoadMode.Upsert : LoadMode.Append;
        }
    }

    // The primary key goes too: maintaining it row by row cost a million-row load more than building
    // it afterwards. Ids come from the table's identity, so the rebuilt key cannot fail.
    private void DropIndexes()
    {
        var drops = new List<string>();
        using (var cmd = new NpgsqlCommand(
            """
            SELECT i.relname, pg_get_indexdef(i.oid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.conrelid = x.indrelid
            WHERE x.indrelid = $1::regclass
            ORDER BY i.relname
            """, _connection, _transaction))
        {
            cmd.Parameters.AddWithValue(_spec.Table);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(2))
                {
                    drops.Add($"DROP INDEX {reader.GetString(0)}");
                    _droppedIndexes.Add(reader.GetString(1));
                }
                else
                {
                    drops.Add($"ALTER TABLE {_spec.Table} DROP CONSTRAINT {reader.GetString(2)}");
                    _droppedIndexes.Add($"ALTER TABLE {_spec.Table} ADD CONSTRAINT {reader.GetString(2)} {reader.GetString(3)}");
                }
            }
        }

        foreach (var drop in drops)
        {
            Execute(drop);
        }
    }

    private (long Inserted, long Updated) Upsert()
    {
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
        using var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private void Trace(string what)
    {
        if (_trace)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trace: {_clock.Elapsed.TotalSeconds,7:0.000} s {_spec.Table} {_mode}: {what}"));
        }
    }

    private void Execute(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }
}
