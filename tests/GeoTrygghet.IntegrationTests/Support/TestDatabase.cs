using GeoTrygghet.Data.Cluster;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>
/// A fresh database with the GeoTrygghet schema for one test class, on the real PostGIS that
/// <c>./gt test</c> starts (<c>GEOTRYGGHET_TEST_DB</c>, else <c>GEOTRYGGHET_DB</c>, else the project's
/// cluster). When none can be reached the tests fail: they never skip.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        AdminConnectionString = ResolveAdmin();
        Name = "gt_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {Name}", conn);
            cmd.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name, Pooling = false }.ConnectionString;
        SchemaManager.Migrate(ConnectionString);
    }

    public string AdminConnectionString { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public long Scalar(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Row counts of every table, to compare before and after an import.</summary>
    public Dictionary<string, long> Counts() => SchemaManager.Counts(ConnectionString).ToDictionary(c => c.Table, c => c.Rows);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(AdminConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }

    private static string ResolveAdmin()
    {
        foreach (var variable in new[] { "GEOTRYGGHET_TEST_DB", "GEOTRYGGHET_DB" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } cs)
            {
                return cs;
            }
        }

        if (File.Exists(LocalCluster.ConnectionFile))
        {
            return File.ReadAllText(LocalCluster.ConnectionFile).Trim();
        }

        throw new InvalidOperationException(
            "Integration tests need PostGIS: run them with ./gt test (which starts it), or run ./gt db up first, or set GEOTRYGGHET_TEST_DB.");
    }
}
