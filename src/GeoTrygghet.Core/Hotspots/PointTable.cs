using System.Globalization;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Readers;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Core.Hotspots;

/// <summary>
/// Points for an analysis, as columns: id, x, y in metres of the analysis CRS, optional time span,
/// category and weight. Read from the hotspot file contract (CSV with <c>id,x,y</c> and optional
/// <c>time_from,time_to,category,weight</c>) or built from the database.
/// </summary>
public sealed class PointTable
{
    public required string[] Ids { get; init; }
    public required double[] X { get; init; }
    public required double[] Y { get; init; }
    public DateTimeOffset?[]? TimeFrom { get; init; }
    public DateTimeOffset?[]? TimeTo { get; init; }
    public string?[]? Category { get; init; }
    public double[]? Weight { get; init; }

    public int Count => X.Length;

    /// <summary>The points covered by a polygon (in the same CRS), with all their columns.</summary>
    public PointTable Inside(NetTopologySuite.Geometries.Geometry area)
    {
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
        return Where(i => prepared.Covers(new NetTopologySuite.Geometries.Point(X[i], Y[i])));
    }

    /// <summary>
    /// The events that happened after dark: at least half of their time span with the sun more than 6°
    /// below the horizon at their place (aoristic dark share; an instant is dark or not).
    /// </summary>
    public PointTable AfterDark(int srid)
    {
        if (TimeFrom is null || TimeFrom.Any(t => t is null))
        {
            throw new Analysis.AnalysisException("--dark-only needs time_from on every event.");
        }

        var toLonLat = new GeometryReprojector(srid, 4326);
        return Where(i =>
        {
            var (lon, lat) = toLonLat.ToLonLat(X[i], Y[i]);
            return Analysis.Solar.Darkness.DarkShare(TimeFrom[i]!.Value, TimeTo?[i], lat, lon) >= 0.5;
        });
    }

    private PointTable Where(Func<int, bool> predicate)
    {
        var keep = Enumerable.Range(0, Count).Where(predicate).ToArray();
        return new PointTable
        {
            Ids = keep.Select(i => Ids[i]).ToArray(),
            X = keep.Select(i => X[i]).ToArray(),
            Y = keep.Select(i => Y[i]).ToArray(),
            TimeFrom = TimeFrom is null ? null : keep.Select(i => TimeFrom[i]).ToArray(),
            TimeTo = TimeTo is null ? null : keep.Select(i => TimeTo[i]).ToArray(),
            Category = Category is null ? null : keep.Select(i => Category[i]).ToArray(),
            Weight = Weight is null ? null : keep.Select(i => Weight[i]).ToArray(),
        };
    }

    /// <summary>
    /// Reads the CSV contract. With <paramref name="srid"/> the coordinates are transformed from that CRS
    /// into the analysis CRS; without it they must already be metres, and degrees are refused.
    /// Every bad value is an error naming the file, row, line and column.
    /// </summary>
    public static PointTable ReadCsv(string path, int? srid, int analysisSrid)
    {
        if (!File.Exists(path))
        {
            throw new ImportFormatException(path, "does not exist");
        }

        using var reader = new CsvRecordReader(path);
        var cols = new HashSet<string>(reader.Columns, StringComparer.OrdinalIgnoreCase);
        foreach (var required in new[] { "id", "x", "y" })
        {
            if (!cols.Contains(required))
            {
                throw new ImportFormatException(path, $"has no column '{required}'; a hotspot input needs id,x,y (optional time_from,time_to,category,weight); columns: {string.Join(",", reader.Columns)}");
            }
        }

        bool hasTime = cols.Contains("time_from"), hasTo = cols.Contains("time_to"), hasCat = cols.Contains("category"), hasWeight = cols.Contains("weight");
        var reprojector = srid is { } s && s != analysisSrid ? new GeometryReprojector(s, analysisSrid) : null;
        if (srid is { } given && CrsRegistry.Get(given).IsGeographic && reprojector is null)
        {
            throw new ImportFormatException(path, $"EPSG:{given} is geographic (degrees); the analyses need metres");
        }

        var ids = new List<string>();
        var xs = new List<double>();
        var ys = new List<double>();
        var from = new List<DateTimeOffset?>();
        var to = new List<DateTimeOffset?>();
        var cats = new List<string?>();
        var weights = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in reader.Read())
        {
            string Where(string column) => $"row {r.Row} ({r.Location}), column {column}";
            if (r.Values.TryGetValue(RowValues.ErrorKey, out var bad) && bad is not null)
            {
                throw new ImportFormatException(path, $"row {r.Row} ({r.Location}) {bad}");
            }

            var id = r.Values["id"]?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new ImportFormatException(path, $"{Where("id")}: is empty");
            }

            if (!seen.Add(id))
            {
                throw new ImportFormatException(path, $"{Where("id")}: '{id}' appears twice");
            }

            var x = Number(r.Values["x"], Where("x"), path);
            var y = Number(r.Values["y"], Where("y"), path);
            if (reprojector is not null)
            {
                var (lon, lat) = reprojector.ToLonLat(x, y);
                var source = CrsRegistry.Get(reprojector.SourceSrid);
                if (!source.ContainsLonLat(lon, lat))
                {
                    throw new ImportFormatException(path, string.Create(CultureInfo.InvariantCulture, $"{Where("x")}: ({x} {y}) is outside the valid area of {source.Code}"));
                }

                (x, y) = reprojector.Transform(x, y);
            }

            ids.Add(id);
            xs.Add(x);
            ys.Add(y);
            from.Add(hasTime ? Time(r.Values["time_from"], Where("time_from"), path) : null);
            to.Add(hasTo ? Time(r.Values["time_to"], Where("time_to"), path) : null);
            cats.Add(hasCat ? r.Values["category"]?.Trim() : null);
            weights.Add(hasWeight && !string.IsNullOrWhiteSpace(r.Values["weight"]) ? Number(r.Values["weight"], Where("weight"), path) : 1);
        }

        if (srid is null && xs.Count > 0 && xs.All(v => Math.Abs(v) <= 180) && ys.All(v => Math.Abs(v) <= 90))
        {
            throw new ImportFormatException(path, "the coordinates look like degrees (longitude/latitude); the analyses need metres: give --crs EPSG:4326 to transform them");
        }

        return new PointTable
        {
            Ids = [.. ids],
            X = [.. xs],
            Y = [.. ys],
            TimeFrom = hasTime ? [.. from] : null,
            TimeTo = hasTo ? [.. to] : null,
            Category = hasCat ? [.. cats] : null,
            Weight = hasWeight ? [.. weights] : null,
        };
    }

    private static double Number(string? text, string where, string path)
    {
        if (!double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new ImportFormatException(path, $"{where}: '{text}' is not a number (use a decimal point)");
        }

        return v;
    }

    private static DateTimeOffset? Time(string? text, string where, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (StockholmTime.TryParse(text, out var utc, out var error) == StockholmTime.Outcome.Invalid)
        {
            throw new ImportFormatException(path, $"{where}: {error}");
        }

        return utc;
    }
}
