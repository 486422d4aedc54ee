using Npgsql;

namespace GeoTrygghet.Data.Analysis;

/// <summary>The stored analysis runs as the map service lists them, newest first, and whether a run's name is taken.</summary>
public static class AnalysisRuns
{
    /// <summary>A stored run with its filters, parameters, automatic choices and summary as JSON text (null where none).</summary>
    public sealed record Listed(long Id, string Name, string Method, DateTimeOffset CreatedAt, DateTimeOffset? PeriodFrom, DateTimeOffset? PeriodTo, int Features,
        string? Filters, string? Parameters, string? Automatic, string? Summary);

    public static async Task<List<Listed>> ListAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand("SELECT id, name, method, created_at, period_from, period_to, feature_count, filters::text, (report->'Parameters')::text, (report->'Automatic')::text, (report->'Summary')::text FROM analysis_runs ORDER BY id DESC", conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        var runs = new List<Listed>();
        while (await reader.ReadAsync(cancel))
        {
            runs.Add(new Listed(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt32(6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10)));
        }

        return runs;
    }

    public static async Task<bool> NameTakenAsync(NpgsqlDataSource db, string name, CancellationToken cancel)
    {
        await using var taken = db.CreateCommand("SELECT 1 FROM analysis_runs WHERE name = $1");
        taken.Parameters.AddWithValue(name);
        return await taken.ExecuteScalarAsync(cancel) is not null;
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
