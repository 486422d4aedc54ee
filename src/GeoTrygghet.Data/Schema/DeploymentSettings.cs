using Npgsql;

namespace GeoTrygghet.Data.Schema;

/// <summary>The database's own key–value settings (<c>deployment_settings</c>): the analysis CRS, the demo town's end date.</summary>
public static class DeploymentSettings
{
    public static string? Read(string connectionString, string key)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT value FROM deployment_settings WHERE key = $1", conn);
        cmd.Parameters.AddWithValue(key);
        return cmd.ExecuteScalar() as string;
    }

    public static void Write(string connectionString, string key, string value)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("INSERT INTO deployment_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", conn);
        cmd.Parameters.AddWithValue(key);
        cmd.Parameters.AddWithValue(value);
        cmd.ExecuteNonQuery();
    }
}
