using System.Text;
using GeoTrygghet.Core.Access;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.Data.Access;

/// <summary>The audit log's rows (issue #10): appended in one statement per batch, read back for <c>gt audit</c>.</summary>
public static class AuditLog
{
    public static void Append(string connectionString, IReadOnlyCollection<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand { Connection = conn };
        var sql = new StringBuilder("INSERT INTO audit_log (user_name, org_id, action, target, area, period, detail) VALUES ");
        var i = 0;
        foreach (var e in entries)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"(@u{i}, @o{i}, @a{i}, @t{i}, @r{i}, @p{i}, @d{i})");
            cmd.Parameters.AddWithValue($"u{i}", (object?)e.User ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"o{i}", (object?)e.Org ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"a{i}", e.Action);
            cmd.Parameters.AddWithValue($"t{i}", e.Target);
            cmd.Parameters.AddWithValue($"r{i}", (object?)e.Area ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"p{i}", (object?)e.Period ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"d{i}", (object?)e.Detail ?? DBNull.Value);
            i++;
        }

        cmd.CommandText = sql.ToString();
        cmd.ExecuteNonQuery();
    }

    /// <summary>The rows of one user (or all) from a time on (or all), oldest first.</summary>
    public static IReadOnlyList<AuditEntry> Read(string connectionString, string? user, DateTimeOffset? since)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand(
            "SELECT user_name, org_id, action, target, area, period, detail, at FROM audit_log WHERE ($1::text IS NULL OR user_name = $1) AND ($2::timestamptz IS NULL OR at >= $2) ORDER BY at, id", conn);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)user ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)since ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var rows = new List<AuditEntry>();
        while (reader.Read())
        {
            string? Text(int c) => reader.IsDBNull(c) ? null : reader.GetString(c);
            rows.Add(new AuditEntry(Text(0), Text(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), Text(6)) { At = reader.GetFieldValue<DateTimeOffset>(7) });
        }

        return rows;
    }
}
