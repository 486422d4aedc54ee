using System.Globalization;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.Data.Retention;

/// <summary>
/// Purges what is kept only for a while (issue #10): the free text of EST reports older than an age (the report itself,
/// its place, time and category, stay for the statistics) and patrol visits, the places and times where patrols stood,
/// older than an age. One transaction; the changed layers' versions move on, so no cache serves what was purged.
/// </summary>
public static class RetentionStore
{
    public sealed record Purged(long ReportTexts, long Visits);

    public static Purged Apply(string connectionString, int reportTextDays, int visitDays, bool dryRun)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        long Run(string sql, int days)
        {
            using var cmd = new NpgsqlCommand(sql, conn, tx);
            cmd.Parameters.AddWithValue(days);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var texts = dryRun
            ? Run("SELECT count(*) FROM reports WHERE text IS NOT NULL AND time_from < now() - make_interval(days => $1)", reportTextDays)
            : Run("WITH u AS (UPDATE reports SET text = NULL WHERE text IS NOT NULL AND time_from < now() - make_interval(days => $1) RETURNING 1) SELECT count(*) FROM u", reportTextDays);
        var visits = dryRun
            ? Run("SELECT count(*) FROM patrol_visits WHERE left_at < now() - make_interval(days => $1)", visitDays)
            : Run("WITH d AS (DELETE FROM patrol_visits WHERE left_at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*) FROM d", visitDays);
        if (!dryRun)
        {
            foreach (var (layer, rows) in new[] { ("reports", texts), ("patrol_visits", visits) }.Where(c => c.Item2 > 0))
            {
                using var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ($1, clock_timestamp(), $2)", conn, tx);
                change.Parameters.AddWithValue(layer);
                change.Parameters.AddWithValue(rows);
                change.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return new Purged(texts, visits);
    }
}
