using System.Text;
using GeoTrygghet.Core.Reporting;
using Npgsql;

namespace GeoTrygghet.Data.Reporting;

/// <summary>The citizen promises in <c>promises</c>: a register is imported whole in one transaction, each promise replaced by id.</summary>
public static class PromiseStore
{
    /// <summary>Stores the promises (replacing those of the same id); returns how many were new and how many replaced.</summary>
    public static (int Added, int Replaced) Save(string connectionString, IReadOnlyList<(Promise Promise, string Json)> promises, string source)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        int added = 0, replaced = 0;
        foreach (var (p, json) in promises)
        {
            using var cmd = new NpgsqlCommand("""
                INSERT INTO promises (id, title, period_from, period_to, area, theme, document, source)
                VALUES (@id, @title, @from, @to, @area, @theme, @doc::jsonb, @source)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
                    area = EXCLUDED.area, theme = EXCLUDED.theme, document = EXCLUDED.document, source = EXCLUDED.source, imported_at = now()
                RETURNING (xmax = 0)
                """, conn, tx);
            cmd.Parameters.AddWithValue("id", p.Id);
            cmd.Parameters.AddWithValue("title", p.Title);
            cmd.Parameters.AddWithValue("from", p.From);
            cmd.Parameters.AddWithValue("to", p.To);
            cmd.Parameters.AddWithValue("area", (object?)p.Area ?? DBNull.Value);
            cmd.Parameters.AddWithValue("theme", (object?)p.Theme ?? DBNull.Value);
            cmd.Parameters.AddWithValue("doc", json);
            cmd.Parameters.AddWithValue("source", source);
            if ((bool)cmd.ExecuteScalar()!)
            {
                added++;
            }
            else
            {
                replaced++;
            }
        }

        using (var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('promises', clock_timestamp(), @rows)", conn, tx))
        {
            change.Parameters.AddWithValue("rows", (long)promises.Count);
            change.ExecuteNonQuery();
        }

        tx.Commit();
        return (added, replaced);
    }

    /// <summary>Deletes the promises of one source; returns how many.</summary>
    public static int DeleteSource(string connectionString, string source)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("WITH gone AS (DELETE FROM promises WHERE source = $1 RETURNING 1) SELECT count(*)::int FROM gone", conn);
        cmd.Parameters.AddWithValue(source);
        var n = (int)cmd.ExecuteScalar()!;
        if (n > 0)
        {
            using var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('promises', clock_timestamp(), $1)", conn);
            change.Parameters.AddWithValue((long)n);
            change.ExecuteNonQuery();
        }

        return n;
    }

    /// <summary>The promises whose period meets the given days, in id order.</summary>
    public static IReadOnlyList<Promise> During(string connectionString, DateOnly from, DateOnly to)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT document::text FROM promises WHERE period_from <= @to AND period_to >= @from ORDER BY id", conn);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        var texts = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                texts.Add(reader.GetString(0));
            }
        }

        if (texts.Count == 0)
        {
            return [];
        }

        var register = "{\"promises\":[" + string.Join(",", texts) + "]}";
        return PromiseRegisterReader.Parse(Encoding.UTF8.GetBytes(register), "the promises table").Select(p => p.Promise).ToList();
    }
}
