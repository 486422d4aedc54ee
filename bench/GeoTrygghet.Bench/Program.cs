using System.Diagnostics;
using System.Globalization;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;
using GeoTrygghet.Data;
using Npgsql;
using NpgsqlTypes;

// Hotspot engine benchmarks (issue #3), each against its peer in the same run, median of repeats.
//   dotnet run -c Release --project bench/GeoTrygghet.Bench -- [dbscan|gistar|kde|all] [points] [repeats]
//   dotnet run -c Release --project bench/GeoTrygghet.Bench -- tiles [incidents] [requests per zoom]
// The DBSCAN peer is PostGIS ST_ClusterDBSCAN on the same points in the database of ./gt db up (or
// GEOTRYGGHET_DB); the labels of both are compared (core/noise exactly, clusters up to renumbering).
var inv = CultureInfo.InvariantCulture;
var what = args.Length > 0 ? args[0] : "all";
var n = args.Length > 1 ? int.Parse(args[1], inv) : 1_000_000;
var repeats = args.Length > 2 ? int.Parse(args[2], inv) : 3;
Console.WriteLine(string.Create(inv, $"# machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}"));

if (what == "tiles")
{
    await TileBench.Run(n, repeats < 10 ? 50 : repeats);
    return;
}

var (x, y) = TownPoints(n, seed: 1983);

if (what is "dbscan" or "all")
{
    const double eps = 25;
    const int minPoints = 20;
    DbscanResult? ours = null;
    var oursTimes = Time(repeats, () => ours = DbscanClusterer.Cluster(x, y, new DbscanOptions(eps, minPoints)));
    var (postgis, peerTimes) = PostgisDbscan(x, y, eps, minPoints, repeats);
    var agreement = Compare(ours!, postgis);
    Console.WriteLine("| benchmark | points | GeoTrygghet s | PostGIS ST_ClusterDBSCAN s | speed-up | labels |");
    Console.WriteLine("|---|---:|---:|---:|---:|---|");
    Console.WriteLine(string.Create(inv, $"| DBSCAN eps {eps} m, min {minPoints} | {n:N0} | {Median(oursTimes):0.00} | {Median(peerTimes):0.00} | {Median(peerTimes) / Median(oursTimes):0.0}× | {agreement} |"));
}

if (what is "memory" or "all")
{
    // Memory must stay linear in the input: bytes allocated per point at three sizes.
    Console.WriteLine();
    Console.WriteLine("| memory | points | DBSCAN bytes/point | Gi* (20 m cells) bytes/cell | KDE (10 m cells) bytes/point |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var size in new[] { n / 4, n / 2, n })
    {
        var (mx, my) = TownPoints(size, seed: 7);
        var dbscan = Allocated(() => DbscanClusterer.Cluster(mx, my, new DbscanOptions(25, 20)));
        var grid = new GridSpec(GridShape.Square, 20, 550_000 / 20, 6_590_000 / 20, 500, 500);
        var counts = GridCounts.Aggregate(grid, mx, my);
        var (gx, gy) = counts.Centres();
        var gi = Allocated(() => GetisOrdGiStar.Compute(gx, gy, counts.Counts, 50, fdr: true));
        var kdeGrid = new GridSpec(GridShape.Square, 10, 550_000 / 10, 6_590_000 / 10, 1000, 1000);
        var kde = Allocated(() => KernelDensityEstimator.Estimate(kdeGrid, mx, my, 100));
        Console.WriteLine(string.Create(inv, $"| | {size:N0} | {dbscan / (double)size:0.0} | {gi / (double)grid.CellCount:0.0} | {kde / (double)size:0.0} |"));
    }
}

static long Allocated(Action action)
{
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    action();
    return GC.GetTotalAllocatedBytes(precise: true) - before;
}

if (what is "gistar" or "all")
{
    // 500 × 500 = 250,000 cells of 20 m with counts from the same points.
    var grid = new GridSpec(GridShape.Square, 20, 550_000 / 20, 6_590_000 / 20, 500, 500);
    var counts = GridCounts.Aggregate(grid, x, y);
    var (cx, cy) = counts.Centres();
    GetisOrdGiStarResult? gi = null;
    var times = Time(repeats, () => gi = GetisOrdGiStar.Compute(cx, cy, counts.Counts, 50, fdr: true));
    Console.WriteLine(string.Create(inv, $"| Gi* with FDR, band 50 m | {grid.CellCount:N0} cells | {Median(times):0.00} | target < 2 s | | hot 99 %: {gi!.Bins.Count(b => b == 3):N0} |"));
}

if (what is "kde" or "all")
{
    // 1,000 × 1,000 cells of 10 m over the 10 × 10 km the points span.
    var grid = new GridSpec(GridShape.Square, 10, 550_000 / 10, 6_590_000 / 10, 1000, 1000);
    double[]? density = null;
    var times = Time(repeats, () => density = KernelDensityEstimator.Estimate(grid, x, y, 100));
    Console.WriteLine(string.Create(inv, $"| KDE quartic, h 100 m | {n:N0} points, {grid.CellCount:N0} cells | {Median(times):0.00} | target < 2 s | | max {density!.Max():0} /km² |"));
}

static double Median(List<double> t) => t.Order().ElementAt(t.Count / 2);

static List<double> Time(int repeats, Action action)
{
    var times = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalSeconds);
    }

    return times;
}

// A town of 10 × 10 km: 40 % of the points in 300 Gaussian hotspots of 15–80 m, the rest uniform.
static (double[] X, double[] Y) TownPoints(int n, int seed)
{
    var random = new Random(seed);
    var centres = Enumerable.Range(0, 300).Select(_ => (X: 550_000 + (random.NextDouble() * 10_000), Y: 6_590_000 + (random.NextDouble() * 10_000), Sd: 15 + (random.NextDouble() * 65))).ToArray();
    var x = new double[n];
    var y = new double[n];
    for (var i = 0; i < n; i++)
    {
        if (random.NextDouble() < 0.4)
        {
            var c = centres[random.Next(centres.Length)];
            var r = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var a = 2 * Math.PI * random.NextDouble();
            x[i] = Math.Round(c.X + (c.Sd * r * Math.Cos(a)), 2);
            y[i] = Math.Round(c.Y + (c.Sd * r * Math.Sin(a)), 2);
        }
        else
        {
            x[i] = Math.Round(550_000 + (random.NextDouble() * 10_000), 2);
            y[i] = Math.Round(6_590_000 + (random.NextDouble() * 10_000), 2);
        }
    }

    return (x, y);
}

static (int[] Labels, List<double> Times) PostgisDbscan(double[] x, double[] y, double eps, int minPoints, int repeats)
{
    var cs = ConnectionResolver.Resolve();
    using var conn = new NpgsqlConnection(cs);
    conn.Open();
    using (var cmd = new NpgsqlCommand("DROP TABLE IF EXISTS bench_points; CREATE UNLOGGED TABLE bench_points (id int PRIMARY KEY, geom geometry(Point, 3006))", conn))
    {
        cmd.ExecuteNonQuery();
    }

    using (var importer = conn.BeginBinaryImport("COPY bench_points (id, geom) FROM STDIN (FORMAT BINARY)"))
    {
        var wkb = new byte[25];
        for (var i = 0; i < x.Length; i++)
        {
            wkb[0] = 1;
            BitConverter.TryWriteBytes(wkb.AsSpan(1), 0x20000001u);
            BitConverter.TryWriteBytes(wkb.AsSpan(5), 3006);
            BitConverter.TryWriteBytes(wkb.AsSpan(9), x[i]);
            BitConverter.TryWriteBytes(wkb.AsSpan(17), y[i]);
            importer.StartRow();
            importer.Write(i, NpgsqlDbType.Integer);
            importer.Write(wkb, NpgsqlDbType.Bytea);
        }

        importer.Complete();
    }

    using (var cmd = new NpgsqlCommand("CREATE INDEX ON bench_points USING gist (geom); ANALYZE bench_points", conn) { CommandTimeout = 0 })
    {
        cmd.ExecuteNonQuery();
    }

    var labels = new int[x.Length];
    var times = Time(repeats, () =>
    {
        using var cmd = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture,
            $"SELECT id, ST_ClusterDBSCAN(geom, {eps}, {minPoints}) OVER () FROM bench_points"), conn) { CommandTimeout = 0 };
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            labels[reader.GetInt32(0)] = reader.IsDBNull(1) ? -1 : reader.GetInt32(1);
        }
    });
    using (var cmd = new NpgsqlCommand("DROP TABLE bench_points", conn))
    {
        cmd.ExecuteNonQuery();
    }

    return (labels, times);
}

// Noise must match exactly, and the clusters must be the same partition of the core points.
static string Compare(DbscanResult ours, int[] theirs)
{
    var noiseDiffers = 0;
    var map = new Dictionary<int, int>();
    var reverse = new Dictionary<int, int>();
    var coreConflicts = 0;
    for (var i = 0; i < theirs.Length; i++)
    {
        if ((ours.Labels[i] < 0) != (theirs[i] < 0))
        {
            noiseDiffers++;
            continue;
        }

        if (ours.Labels[i] < 0 || !ours.IsCore[i])
        {
            continue;
        }

        if ((map.TryGetValue(ours.Labels[i], out var t) && t != theirs[i]) || (reverse.TryGetValue(theirs[i], out var o) && o != ours.Labels[i]))
        {
            coreConflicts++;
        }

        map[ours.Labels[i]] = theirs[i];
        reverse[theirs[i]] = ours.Labels[i];
    }

    return noiseDiffers == 0 && coreConflicts == 0
        ? string.Create(CultureInfo.InvariantCulture, $"same ({ours.ClusterCount:N0} clusters, {ours.NoiseCount:N0} noise)")
        : string.Create(CultureInfo.InvariantCulture, $"DIFFER: noise {noiseDiffers}, core conflicts {coreConflicts}");
}
