using Npgsql;

namespace GeoTrygghet.Data;

/// <summary>
/// The database every command uses: the Npgsql connection string in <c>GEOTRYGGHET_DB</c> when set,
/// else the project's own cluster that <c>./gt db up</c> started.
/// </summary>
public static class ConnectionResolver
{
    public const string EnvironmentVariable = "GEOTRYGGHET_DB";

    /// <summary>
    /// With <c>GEOTRYGGHET_DB</c>: an optional privileged connection string to the same server, which
    /// <c>gt db up</c> uses (in the database <c>GEOTRYGGHET_DB</c> names) to install PostGIS, and nothing else.
    /// </summary>
    public const string AdminEnvironmentVariable = "GEOTRYGGHET_ADMIN_DB";

    /// <summary>The admin connection string of <c>GEOTRYGGHET_ADMIN_DB</c> pointed at <paramref name="database"/>, or null when unset.</summary>
    public static string? AdminFromEnvironment(string database)
    {
        var fromEnv = Environment.GetEnvironmentVariable(AdminEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnv))
        {
            return null;
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(fromEnv) { Database = database }.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new DatabaseException($"{AdminEnvironmentVariable} is not an Npgsql connection string: {e.Message}", e);
        }
    }

    public static bool FromEnvironment => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static string Resolve()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(fromEnv);
            }
            catch (ArgumentException e)
            {
                throw new DatabaseException($"{EnvironmentVariable} is not an Npgsql connection string: {e.Message}", e);
            }

            return fromEnv;
        }

        var file = LocalClusterFiles.ConnectionFile;
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        throw new DatabaseException($"No database: run ./gt db up to start the project's PostGIS, or set {EnvironmentVariable} to an Npgsql connection string.");
    }

    /// <summary>The connection string with the password hidden, for printing and logs.</summary>
    public static string Redacted(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.Password))
        {
            b.Password = "***";
        }

        return b.ConnectionString;
    }
}
