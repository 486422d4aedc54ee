using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GeoTrygghet.Application.Import;
using GeoTrygghet.Demo;
using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Import;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Server;
using GeoTrygghet.Data.Layers;
using Npgsql;

/// <summary>
/// Tile service benchmark (issue #4): 1,000,000 demo incidents in a database of their own; for the
/// densest tile of each zoom 10–18 the uncached HTTP latency (p50/p95/p99, each request with a filter
/// that misses the cache but selects the same rows) and the tile size; at z14 the peer, the same
/// ST_AsMVT query through psql; and cached throughput with wrk on loopback.
/// </summary>
internal static partial class TileBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task Run(int incidents, int requests)
    {
        var appRole = ConnectionResolver.Resolve();
        var cs = new NpgsqlConnectionStringBuilder(appRole) { Database = "gt_tilebench" }.ConnectionString;
        if (!HasIncidents(cs, incidents))
        {
            Console.Error.WriteLine($"Preparing gt_tilebench with {incidents:N0} demo incidents …");
            // The service's role may not create databases or PostGIS (issue #8): the project's superuser does, as in
            // bench/import-bench.sh, and the role owns the database and fills it.
            var admin = Environment.GetEnvironmentVariable("GEOTRYGGHET_ADMIN_DB") is { Length: > 0 } given
                ? given
                : File.ReadAllText(LocalClusterFiles.AdminConnectionFile).Trim();
            var owner = new NpgsqlConnectionStringBuilder(appRole).Username;
            Exec(admin, "DROP DATABASE IF EXISTS gt_tilebench WITH (FORCE)");
            Exec(admin, $"CREATE DATABASE gt_tilebench OWNER \"{owner}\"");
            Exec(new NpgsqlConnectionStringBuilder(admin) { Database = "gt_tilebench" }.ConnectionString, "CREATE EXTENSION postgis");
            SchemaManager.Migrate(cs);
            var folder = Directory.CreateTempSubdirectory("gt-tilebench-").FullName;
            DemoTownGenerator.Write(folder, new DemoTownOptions { IncidentCount = incidents });
            new ImportService(cs, ImportSettings.Default).Run(new ImportRequest(ImportKind.Incidents, Path.Combine(folder, "incidents.csv"), Source: "bench"));
            Directory.Delete(folder, true);
            Exec(cs, "VACUUM ANALYZE incidents");
        }

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var options = new ServerOptions { ConnectionString = cs, Urls = baseUrl };
        await using var app = ServerApp.Build(options);
        await app.StartAsync();
        using var http = new HttpClient();
        Console.WriteLine(string.Create(Inv, $"# tiles: {incidents:N0} incidents, {requests} uncached requests per zoom, detail zoom {options.DetailZoom}, feature budget {options.DetailFeatureBudget:N0}"));
        Console.WriteLine("| zoom | densest tile | incidents in tile | tile KB | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        (int Z, int X, int Y) z14 = default;
        double z14P50 = 0;
        foreach (var (z, x, y, n) in Densest(cs))
        {
            var times = new List<double>();
            var size = 0;
            for (var r = 0; r < requests; r++)
            {
                // A 'from' before every incident: the same rows, but a new cache key each time.
                var from = new DateOnly(1990, 1, 1).AddDays(r).ToString("yyyy-MM-dd", Inv);
                var sw = Stopwatch.StartNew();
                var bytes = await http.GetByteArrayAsync($"{baseUrl}/tiles/incidents/{z}/{x}/{y}.mvt?from={from}");
                times.Add(sw.Elapsed.TotalMilliseconds);
                size = bytes.Length;
            }

            times.Sort();
            Console.WriteLine(string.Create(Inv, $"| {z} | {z}/{x}/{y} | {n:N0} | {size / 1024.0:0.0} | {Pct(times, 0.5):0.0} | {Pct(times, 0.95):0.0} | {Pct(times, 0.99):0.0} |"));
            if (z == 14)
            {
                (z14, z14P50) = ((z, x, y), Pct(times, 0.5));
            }
        }

        var psql = PsqlTimes(cs, z14, options, requests);
        Console.WriteLine();
        Console.WriteLine("| z14 densest tile | HTTP p50 ms | psql ST_AsMVT median ms | ratio (target ≤ 1.3) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| {z14.Z}/{z14.X}/{z14.Y} | {z14P50:0.0} | {Pct(psql, 0.5):0.0} | {z14P50 / Pct(psql, 0.5):0.00} |"));

        var cached = $"{baseUrl}/tiles/incidents/{z14.Z}/{z14.X}/{z14.Y}.mvt";
        await http.GetByteArrayAsync(cached);
        Console.WriteLine();
        Console.WriteLine(Wrk(cached));
        await app.StopAsync();
    }

    private static double Pct(List<double> sorted, double q)
    {
        sorted.Sort();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static IEnumerable<(int Z, int X, int Y, long N)> Densest(string cs)
    {
        using var conn = new NpgsqlConnection(cs);
        conn.Open();
        using var cmd = new NpgsqlCommand("""
            WITH p AS (SELECT ST_Transform(geom, 4326) g FROM incidents)
            SELECT z, x, y, n FROM (
              SELECT z, floor((ST_X(g) + 180) / 360 * 2 ^ z)::int x,
                     floor((1 - ln(tan(radians(ST_Y(g))) + 1 / cos(radians(ST_Y(g)))) / pi()) / 2 * 2 ^ z)::int y,
                     count(*) n, row_number() OVER (PARTITION BY z ORDER BY count(*) DESC) rn
              FROM p, generate_series(10, 18) z GROUP BY 1, 2, 3) t
            WHERE rn = 1 ORDER BY z
            """, conn) { CommandTimeout = 0 };
        using var reader = cmd.ExecuteReader();
        var list = new List<(int, int, int, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3)));
        }

        return list;
    }

    // The server's own tile SQL for that tile (count-per-cell or points, as it decides), run through psql.
    private static List<double> PsqlTimes(string cs, (int Z, int X, int Y) t, ServerOptions options, int repeats)
    {
        var layer = LayerSources.Find("incidents")!;
        var filter = LayerFilter.None;
        using var conn = new NpgsqlConnection(cs);
        conn.Open();
        using var count = layer.TileCount(conn, t.Z, t.X, t.Y, filter, options.Crs.Srid, options.DetailFeatureBudget + 1);
        var cells = (long)count.ExecuteScalar()! > options.DetailFeatureBudget ? TileGrid.DenseCellsPerSide : 0;
        using var cmd = layer.Tile(conn, t.Z, t.X, t.Y, filter, options.Crs.Srid, cells);
        var sql = cmd.CommandText;
        foreach (NpgsqlParameter p in cmd.Parameters)
        {
            var literal = p.Value switch
            {
                string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => p.Value!.ToString(),
            };
            sql = Regex.Replace(sql, "@" + p.ParameterName + @"\b", literal!);
        }

        var b = new NpgsqlConnectionStringBuilder(cs);
        var script = "\\timing on\n" + string.Concat(Enumerable.Repeat($"SELECT length(({sql.Replace("\n", " ", StringComparison.Ordinal)}));\n", repeats));
        var psi = new ProcessStartInfo("psql") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-X", "-q", "-h", b.Host!, "-p", b.Port.ToString(Inv), "-U", b.Username!, "-d", b.Database! })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PGPASSWORD"] = b.Password;
        using var process = Process.Start(psi)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var times = TimeLine().Matches(output).Select(m => double.Parse(m.Groups[1].Value, Inv)).ToList();
        // The first run warms the caches, as the HTTP runs were warmed by the zooms before.
        return times.Skip(1).ToList();
    }

    private static string Wrk(string url)
    {
        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t2", "-c32", "-d10s", "--latency", url })
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value;
            // The lines of wrk's latency distribution ("    50%    1.01ms"), not a thread statistic ending in "…50%".
            var p50 = Regex.Match(output, @"^\s+50%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
            var p99 = Regex.Match(output, @"^\s+99%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
            return $"| cached z14 tile, wrk -t2 -c32 -d10s | {rps} requests/s (target ≥ 2,000) | p50 {p50} | p99 {p99} |";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "wrk is not installed (apt-get install wrk): cached throughput not measured";
        }
    }

    private static bool HasIncidents(string cs, int n)
    {
        try
        {
            using var conn = new NpgsqlConnection(cs);
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT count(*) FROM incidents", conn);
            return (long)cmd.ExecuteScalar()! == n && SchemaManager.KnownMigrations.Count > 0 && Check(cs);
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static bool Check(string cs)
    {
        try
        {
            SchemaManager.Check(cs);
            return true;
        }
        catch (DatabaseException)
        {
            return false;
        }
    }

    private static void Exec(string cs, string sql)
    {
        using var conn = new NpgsqlConnection(cs);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [GeneratedRegex(@"Time: ([\d.]+) ms")]
    private static partial Regex TimeLine();
}
