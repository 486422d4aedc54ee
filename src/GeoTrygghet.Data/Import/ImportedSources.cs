using GeoTrygghet.Core.Domain;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Data.Import;

/// <summary>The imported sources of each kind's table: their row counts, and removing one source in one transaction.</summary>
public static class ImportedSources
{
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
    public static long Remove(string connectionString, ImportKind kind, string source, bool delete)
    {
        var table = TableOf(kind);
        using var conn = SchemaManager.Open(connectionString);
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
    public static IReadOnlyList<(string Source, long Rows)> List(string connectionString, ImportKind kind)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new Npgsql.NpgsqlCommand($"SELECT source, count(*) FROM {TableOf(kind)} GROUP BY source ORDER BY count(*) DESC, source", conn);
        using var reader = cmd.ExecuteReader();
        var list = new List<(string, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }
}
