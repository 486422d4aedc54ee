using System.Globalization;
using System.Threading.Channels;
using GeoTrygghet.Core.Access;
using GeoTrygghet.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Every read of sensitive data by a signed-in reader goes into the audit log (issue #10): the event layers and hotspot
/// runs as tiles, raster tiles and OGC features, the overlays per area, candidate places, analyses, presence plans and
/// evaluations; with the area (a tile's extent in longitude and latitude, an OGC bbox, a named area or run) and the
/// period asked for. A view's tiles of one layer, zoom and period that arrive together are one row (their extent and
/// number). Sign-ins, failed ones and sign-outs are logged too; what the public view serves (counts) is not. Rows are
/// written in the background every half second, as the service's role, which may only append.
/// </summary>
public sealed class AuditTrail(ServiceDatabase database, ILogger<AuditTrail> log) : BackgroundService
{
    private static readonly string[] EventLayers = ["incidents", "reports", "hotspots", "heatmap"];
    private readonly Channel<AuditEntry> _queue = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });

    public void Record(AuditEntry entry) => _queue.Writer.TryWrite(entry);

    /// <summary>The audit row of a signed-in request that read sensitive data, or null for one that did not.</summary>
    public static AuditEntry? Of(HttpContext http)
    {
        if (http.Viewer() is not { } viewer || http.Response.StatusCode >= 400)
        {
            return null;
        }

        var path = (http.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var q = http.Request.Query;
        // A reader who sees a layer exactly is served every month whatever month= says (that filter is the public view's).
        var exact = path is [_, var l, ..] && l is "incidents" or "heatmap" or "reports" && viewer.AccessTo(l != "reports") == LayerAccess.Exact
            || path is ["ogc", "collections", var c0, ..] && c0 is "incidents" or "reports" && viewer.AccessTo(c0 == "incidents") == LayerAccess.Exact;
        var period = Period(q, exact);
        (string Action, string Target, string? Area)? what = path switch
        {
            ["tiles" or "raster", var layer, var z, var x, var y] when EventLayers.Contains(layer) => ("read", layer, TileArea(z, x, Path.GetFileNameWithoutExtension(y))),
            ["ogc", "collections", var c, "items", ..] when EventLayers.Contains(c) => ("export", c, q["bbox"].ToString() is { Length: > 0 } b ? $"bbox {b}" : null),
            ["overlay", var overlay] when overlay is "areas" or "candidates" => ("read", "overlay/" + overlay, Named(q)),
            ["analyses"] => ("analyse", "analyses", "drawn or named area"),
            ["patrol", var file] => ("export", "patrol/" + file, Named(q)),
            ["evaluate", var measure] => ("read", "evaluate/" + measure, null),
            ["reports", var report] => ("export", "reports/" + report, q["area"].Count > 0 ? string.Join(", ", q["area"].ToArray()) : "focus areas and the municipality"),
            _ => null,
        };
        return what is var (action, target, area) ? new AuditEntry(viewer.User, viewer.Org, action, target, area, period, http.Request.QueryString.Value is { Length: > 0 } qs ? qs : null) : null;
    }

    public static void Use(IApplicationBuilder app, AuditTrail trail) => app.Use(async (http, next) =>
    {
        await next(http);
        if (Of(http) is { } entry)
        {
            trail.Record(entry);
        }
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<AuditEntry>();
        while (true)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: what is queued is still written below.
            }

            while (_queue.Reader.TryRead(out var entry))
            {
                pending.Add(entry);
            }

            if (pending.Count > 0)
            {
                try
                {
                    AuditLog.Append(database.NobodysConnectionString, Coalesce(pending));
                    pending.Clear();
                }
                catch (Exception e) when (e is Data.DatabaseException or Npgsql.NpgsqlException)
                {
                    // Kept and tried again: an audit row is not dropped because the database was away for a moment.
                    log.LogWarning("Could not write {Count} audit rows yet ({Message}); trying again.", pending.Count, e.Message);
                }
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Tiles of one reader, layer, zoom and period become one row with their joint extent and number; other rows stay as they are.</summary>
    private static List<AuditEntry> Coalesce(List<AuditEntry> entries)
    {
        static bool IsTile(AuditEntry e) => e.Area?.StartsWith("tiles ", StringComparison.Ordinal) == true;
        var rows = entries.Where(e => !IsTile(e)).ToList();
        foreach (var group in entries.Where(IsTile).GroupBy(e => (e.User, e.Org, e.Action, e.Target, e.Period, Zoom: e.Area!.Split(' ')[1].Split('/')[0])))
        {
            var list = group.ToList();
            if (list.Count == 1)
            {
                rows.Add(list[0]);
                continue;
            }

            var boxes = list.Select(e => e.Area!.Split(' ')[2].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
            var box = string.Create(CultureInfo.InvariantCulture, $"{boxes.Min(b => b[0]):0.#####},{boxes.Min(b => b[1]):0.#####},{boxes.Max(b => b[2]):0.#####},{boxes.Max(b => b[3]):0.#####}");
            rows.Add(list[0] with { Area = $"tiles {group.Key.Zoom}/… {box}", Detail = string.Create(CultureInfo.InvariantCulture, $"{list.Count} tiles; {list[0].Detail}") });
        }

        return rows;
    }

    private static string? Period(IQueryCollection q, bool exact)
    {
        if (!exact && q["month"].ToString() is { Length: > 0 } month)
        {
            return month;
        }

        if (q["datetime"].ToString() is { Length: > 0 } datetime)
        {
            return datetime;
        }

        if (q["shift"].ToString() is { Length: > 0 } shift)
        {
            return shift;
        }

        var (from, to) = (q["from"].ToString(), q["to"].ToString());
        return from.Length > 0 || to.Length > 0 ? $"{(from.Length > 0 ? from : "…")}..{(to.Length > 0 ? to : "…")}" : null;
    }

    private static string? Named(IQueryCollection q) =>
        q["area"].ToString() is { Length: > 0 } area ? $"area {area}" : q["run"].ToString() is { Length: > 0 } run ? $"run {run}" : q["areas"].ToString() is { Length: > 0 } areas ? $"areas {areas}" : null;

    /// <summary>"tiles z/x/y west,south,east,north" in degrees.</summary>
    private static string? TileArea(string zs, string xs, string ys)
    {
        if (!int.TryParse(zs, CultureInfo.InvariantCulture, out var z) || !int.TryParse(xs, CultureInfo.InvariantCulture, out var x) || !int.TryParse(ys, CultureInfo.InvariantCulture, out var y) || z is < 0 or > 24)
        {
            return null;
        }

        double n = 1 << z;
        double Lon(int tx) => (tx / n * 360) - 180;
        double Lat(int ty) => Math.Atan(Math.Sinh(Math.PI * (1 - (2 * ty / n)))) * 180 / Math.PI;
        return string.Create(CultureInfo.InvariantCulture, $"tiles {z}/{x}/{y} {Lon(x):0.#####},{Lat(y + 1):0.#####},{Lon(x + 1):0.#####},{Lat(y):0.#####}");
    }
}
