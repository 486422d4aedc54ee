using GeoTrygghet.Data;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>
/// A fresh database with the GeoTrygghet schema for one test class, on the real PostGIS that
/// <c>./gt test</c> starts (<c>GEOTRYGGHET_TEST_DB</c>, else <c>GEOTRYGGHET_DB</c>, else the project's
/// cluster). When none can be reached the tests fail: they never skip.
/// The database is created, and PostGIS installed in it, over the administrative connection
/// (<c>GEOTRYGGHET_TEST_ADMIN_DB</c>, else <c>GEOTRYGGHET_ADMIN_DB</c>, else <c>.local/pg/admin-connection</c>);
/// it is owned by the role the commands use, and the schema and the code under test run as that role,
/// as in production.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>A database with the schema applied (also the class fixture of a test class).</summary>
    public TestDatabase()
        : this(applySchema: true)
    {
    }

    // xUnit builds a class fixture with its one public constructor.
    private TestDatabase(bool applySchema)
    {
        AdminConnectionString = ResolveAdmin();
        Name = "gt_test_" + Guid.NewGuid().ToString("N")[..12];
        var app = new NpgsqlConnectionStringBuilder(CommandConnectionString);
        using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            conn.Open();
            var owner = string.IsNullOrEmpty(app.Username) ? string.Empty : $" OWNER \"{app.Username}\"";
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {Name}{owner}", conn);
            cmd.ExecuteNonQuery();
        }

        // PostGIS needs a superuser to install; the migrations then find it and leave it alone.
        SchemaManager.InstallPostgis(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name, Pooling = false }.ConnectionString);
        if (!string.IsNullOrEmpty(app.Username))
        {
            // The map service reads as the owner's service role (row-level security, issue #10).
            Data.Access.ServiceRole.Create(AdminConnectionString, app.Username);
        }

        app.Database = Name;
        app.Pooling = false;
        ConnectionString = app.ConnectionString;
        if (applySchema)
        {
            SchemaManager.Migrate(ConnectionString);
        }
    }

    /// <summary>A database with PostGIS and nothing else, for a test that applies the schema itself (gt db up).</summary>
    public static TestDatabase WithoutSchema() => new(applySchema: false);

    /// <summary>A privileged connection (to the server's maintenance database): creates and drops test databases.</summary>
    public string AdminConnectionString { get; }

    public string Name { get; }

    /// <summary>The test database, as the role the commands and the map service use.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string the commands use (the one <c>gt db up</c> printed), to the main database.</summary>
    public static string CommandConnectionString
    {
        get
        {
            foreach (var variable in new[] { "GEOTRYGGHET_TEST_DB", "GEOTRYGGHET_DB" })
            {
                if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } cs)
                {
                    return cs;
                }
            }

            if (File.Exists(LocalClusterFiles.ConnectionFile))
            {
                return File.ReadAllText(LocalClusterFiles.ConnectionFile).Trim();
            }

            throw new InvalidOperationException(
                "Integration tests need PostGIS: run them with ./gt test (which starts it), or run ./gt db up first, or set GEOTRYGGHET_TEST_DB.");
        }
    }

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
        // The demo's users' passwords, kept by gt demo per database.
        File.Delete(Path.Combine(ProjectPaths.Root, ".local", $"demo-users-{Name}.txt"));
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(AdminConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }

    // The project's cluster has its administrative connection in .local/pg/admin-connection. Without
    // one (an external database set up by hand) the test role itself must be able to create databases
    // and PostGIS, as every role had to before.
    private static string ResolveAdmin()
    {
        foreach (var variable in new[] { "GEOTRYGGHET_TEST_ADMIN_DB", "GEOTRYGGHET_ADMIN_DB" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } cs)
            {
                return cs;
            }
        }

        var commands = CommandConnectionString;
        if (File.Exists(LocalClusterFiles.AdminConnectionFile) && File.Exists(LocalClusterFiles.ConnectionFile)
            && File.ReadAllText(LocalClusterFiles.ConnectionFile).Trim() == commands)
        {
            return File.ReadAllText(LocalClusterFiles.AdminConnectionFile).Trim();
        }

        return commands;
    }
}
