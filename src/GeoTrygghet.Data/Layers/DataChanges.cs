using System.Globalization;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The version of every table's data, from <c>data_changes</c> (one row per committed import, removal or analysis run),
/// and the <c>gt_data_changes</c> notification each of them sends ("table:id"), so a reader can key caches on them.
/// </summary>
public static class DataChanges
{
    public const string Channel = "gt_data_changes";

    /// <summary>The latest change of every table.</summary>
    public static List<(string Table, long Version)> Read(NpgsqlConnection conn)
    {
        using var cmd = new NpgsqlCommand("SELECT layer, max(id) FROM data_changes GROUP BY layer", conn);
        using var reader = cmd.ExecuteReader();
        var versions = new List<(string, long)>();
        while (reader.Read())
        {
            versions.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return versions;
    }

    /// <summary>Starts listening for changes on the connection (its <c>Notification</c> event then fires for each).</summary>
    public static async Task ListenAsync(NpgsqlConnection conn, CancellationToken cancel)
    {
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", conn);
        await listen.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>A notification's table and version, or null when its payload is not "table:id".</summary>
    public static (string Table, long Version)? Parse(string payload)
    {
        var colon = payload.LastIndexOf(':');
        return colon > 0 && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (payload[..colon], id)
            : null;
    }
}
