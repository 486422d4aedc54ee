using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Layers;
using GeoTrygghet.Core.Access;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GeoTrygghet.Server.Tiles;

/// <summary>
/// <c>GET /tiles</c> (catalog), <c>GET /tiles/{layer}.json</c> (TileJSON 3.0.0) and
/// <c>GET /tiles/{layer}/{z}/{x}/{y}.mvt</c> with the filters <c>from, to, category, source, hours</c>
/// (and <c>run</c> for hotspots). Tiles carry an ETag of their data version and filters; a matching
/// If-None-Match gets 304 without touching the database.
/// </summary>
public static class TileEndpoints
{
    public const string MvtType = "application/vnd.mapbox-vector-tile";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles", async (HttpContext http, ServiceDatabase database, ServerOptions options) => Results.Json(new
        {
            // The public view has no hotspot runs: their names, summaries and outlines come from single events. A
            // signed-in reader sees its organisation's own (row-level security on analysis_runs).
            runs = http.SeesPublicView(options) ? [] : await Runs(database.For(http), http),
            // A layer the reader sees only aggregated is offered as the public view's counts (filters month and group).
            layers = LayerSources.All.Select(l => (Layer: l, Access: http.AccessTo(options, l))).Where(a => a.Access != LayerAccess.None).Select(a => new
            {
                id = a.Layer.Id,
                title = a.Layer.Title,
                description = a.Layer.Description,
                geometry = a.Layer.GeometryType,
                tilejson = $"{Base(http)}/tiles/{a.Layer.Id}.json",
                tiles = $"{Base(http)}/tiles/{a.Layer.Id}/{{z}}/{{x}}/{{y}}.mvt",
                filters = a.Access == LayerAccess.Aggregate ? ["month", "group"] : a.Layer.FilterNames,
                sensitive = a.Layer.Sensitive,
                access = a.Access.ToString().ToLowerInvariant(),
            }),
        }));

        app.MapGet("/tiles/{file}", async (string file, HttpContext http, LayerExtents extents, ServiceDatabase database, ServerOptions options) =>
        {
            if (!file.EndsWith(".json", StringComparison.Ordinal) || LayerSources.Find(file[..^5]) is not { } layer)
            {
                return Problems.NotFound($"There is no layer '{file.Replace(".json", string.Empty, StringComparison.Ordinal)}'; GET /tiles lists the layers.");
            }

            var access = http.AccessTo(options, layer);
            if (access == LayerAccess.None)
            {
                return http.Refused(options, $"Lagret '{layer.Id}'");
            }

            var query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value : string.Empty;
            return Results.Json(new Dictionary<string, object?>
            {
                ["tilejson"] = "3.0.0",
                ["name"] = layer.Title,
                ["description"] = layer.Description,
                ["attribution"] = "GeoTrygghet",
                ["scheme"] = "xyz",
                ["tiles"] = new[] { $"{Base(http)}/tiles/{layer.Id}/{{z}}/{{x}}/{{y}}.mvt{query}" },
                ["minzoom"] = 0,
                ["maxzoom"] = 22,
                // The extent of events is the place of the outermost ones: the public view (and an aggregated layer) names none.
                ["bounds"] = access == LayerAccess.Aggregate ? new[] { -180.0, -85.0511, 180.0, 85.0511 } : await extents.Of(layer, database.For(http), Scope(http), http.RequestAborted),
                ["vector_layers"] = new[] { new { id = layer.Id, description = layer.Description, fields = layer.Fields } },
            });
        });

        app.MapGet("/tiles/{layer}/{z}/{x}/{y}.mvt", (string layer, string z, string x, string y, HttpContext http, ServerOptions options, DataVersions versions, TileCache cache, ServiceDatabase db) =>
            Serve(layer, LayerSources.Find(layer), heat: false, "mvt", z, x, y, http, options, versions, cache, db));

        // Raster tiles, 256 px XYZ in EPSG:3857, as Mapsui's BruTile, QGIS and GDAL read them; "heatmap"
        // is a kernel heat map of the incidents.
        app.MapGet("/raster/{layer}/{z}/{x}/{y}.png", (string layer, string z, string x, string y, HttpContext http, ServerOptions options, DataVersions versions, TileCache cache, ServiceDatabase db) =>
            LayerSources.FindRaster(layer) is var (source, heat)
                ? Serve(layer, source, heat, "png", z, x, y, http, options, versions, cache, db)
                : Serve(layer, null, heat: false, "png", z, x, y, http, options, versions, cache, db));
        return app;
    }

    private static async Task<IResult> Serve(string layer, LayerSource? definition, bool heat, string format, string z, string x, string y, HttpContext http, ServerOptions options, DataVersions versions, TileCache cache, ServiceDatabase database)
    {
        if (definition is null)
        {
            return Problems.NotFound($"There is no layer '{layer}'; GET /tiles lists the layers{(format == "png" ? " (and /raster also has '{LayerSources.HeatMap}')" : string.Empty)}.");
        }

        if (!TryTile(z, x, y, out var tz, out var tx, out var ty, out var error))
        {
            return Problems.BadRequest(error);
        }

        switch (http.AccessTo(options, definition))
        {
            case LayerAccess.None:
                return http.Refused(options, $"Lagret '{layer}'");
            case LayerAccess.Aggregate:
                return definition is EventLayerSource events && format == "mvt"
                    ? await PublicTile(layer, events, tz, tx, ty, http, options, versions, cache, database)
                    : http.Refused(options, $"'{layer}' som {(format == "png" ? "rasterbild" : "lager")} (händelser visas som antal per ruta och månad)");
        }

        var db = database.For(http);
        var filter = LayerFilterQuery.Parse(http);
        if (await definition.MissingAsync(db, filter, http.RequestAborted) is { } missing)
        {
            return Problems.NotFound(missing);
        }

        var aggregate = definition.Points && tz < options.DetailZoom;
        var key = string.Create(CultureInfo.InvariantCulture, $"{format}:{layer}/{tz}/{tx}/{ty}|{(definition.Sensitive ? Scope(http) : string.Empty)}|{filter.Key}|{aggregate}|{versions.Of(definition.Tables)}|{versions.Epoch}");
        return await Cached(key, definition.Sensitive ? "private, no-cache" : "public, no-cache", format == "png" ? "image/png" : MvtType, http, versions, cache, db, async conn =>
        {
            var cells = aggregate ? TileGrid.AggregateCellsPerSide : 0;
            if (!aggregate && definition.Points)
            {
                await using var count = definition.TileCount(conn, tz, tx, ty, filter, options.Crs.Srid, options.DetailFeatureBudget + 1);
                if ((long)(await count.ExecuteScalarAsync(http.RequestAborted))! > options.DetailFeatureBudget)
                {
                    // A raster draws dots, so finer cells cost nothing there; a vector tile's features are drawn by the browser.
                    cells = format == "png" ? TileGrid.AggregateCellsPerSide * 2 : TileGrid.DenseCellsPerSide;
                }
            }

            if (format == "png")
            {
                return await Raster.RasterQuery.Render(conn, layer, definition, tz, tx, ty, filter, options.Crs.Srid, cells, heat, http.RequestAborted);
            }

            await using var cmd = definition.Tile(conn, tz, tx, ty, filter, options.Crs.Srid, cells);
            return (byte[]?)await cmd.ExecuteScalarAsync(http.RequestAborted) ?? [];
        });
    }

    /// <summary>The public view's tile of an event layer: counts per fixed cell of one month (<see cref="Public.PublicCells"/>).</summary>
    private static async Task<IResult> PublicTile(string layer, EventLayerSource definition, int z, int x, int y, HttpContext http, ServerOptions options, DataVersions versions, TileCache cache, ServiceDatabase database)
    {
        var db = database.Aggregates;
        var request = Public.PublicCells.Parse(http.Request.Query);
        var key = string.Create(CultureInfo.InvariantCulture, $"public:{layer}/{z}/{x}/{y}|{request.Key}|{versions.Of(definition.Tables)}|{versions.Epoch}");
        return await Cached(key, "public, no-cache", MvtType, http, versions, cache, db, async conn =>
        {
            await using var cmd = PublicCellsSql.Tile(conn, definition, z, x, y, Public.PublicCells.Query(request, options), options.Crs.Srid);
            return (byte[]?)await cmd.ExecuteScalarAsync(http.RequestAborted) ?? [];
        });
    }

    /// <summary>
    /// A tile by its key: an ETag of the key (data versions included), 304 for a matching If-None-Match, else from the
    /// cache or built on a connection and kept.
    /// </summary>
    private static async Task<IResult> Cached(string key, string cacheControl, string contentType, HttpContext http, DataVersions versions, TileCache cache, NpgsqlDataSource db, Func<NpgsqlConnection, Task<byte[]>> build)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24] + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = cacheControl;
        if (versions.Ready && http.Request.Headers.IfNoneMatch.Any(v => v == etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!versions.Ready || !cache.TryGet(key, out var tile))
        {
            await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
            if (!versions.Ready)
            {
                versions.Reload(conn);
            }

            tile = await build(conn);
            cache.Set(key, tile);
        }

        return Results.Bytes(tile, contentType);
    }

    /// <summary>The stored analysis runs, each as a hotspots layer of its own (<c>?run=ID</c>).</summary>
    private static async Task<List<object>> Runs(NpgsqlDataSource db, HttpContext http) =>
        (await AnalysisRuns.ListAsync(db, http.RequestAborted)).Select(r => (object)new
        {
            id = r.Id,
            name = r.Name,
            method = r.Method,
            created = StockholmTime.Format(r.CreatedAt),
            period_from = r.PeriodFrom is { } from ? StockholmTime.Format(from) : null,
            period_to = r.PeriodTo is { } to ? StockholmTime.Format(to) : null,
            features = r.Features,
            filters = Node(r.Filters),
            parameters = Node(r.Parameters),
            automatic = Node(r.Automatic),
            summary = Node(r.Summary),
            tiles = string.Create(CultureInfo.InvariantCulture, $"{Base(http)}/tiles/hotspots/{{z}}/{{x}}/{{y}}.mvt?run={r.Id}"),
            tilejson = string.Create(CultureInfo.InvariantCulture, $"{Base(http)}/tiles/hotspots.json?run={r.Id}"),
        }).ToList();

    private static JsonNode? Node(string? json) => json is null ? null : JsonNode.Parse(json);

    /// <summary>Whose data a cached answer is of: a signed-in reader's organisation or the public.</summary>
    internal static string Scope(HttpContext http) => http.Viewer()?.Org ?? "public";

    internal static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static bool TryTile(string zs, string xs, string ys, out int z, out int x, out int y, out string error)
    {
        x = y = 0;
        error = string.Empty;
        if (!int.TryParse(zs, NumberStyles.None, CultureInfo.InvariantCulture, out z) || z > 24)
        {
            error = $"z '{zs}' is not a zoom level 0–24.";
            return false;
        }

        var max = 1L << z;
        if (!int.TryParse(xs, NumberStyles.None, CultureInfo.InvariantCulture, out x) || x >= max ||
            !int.TryParse(ys, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y >= max)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"x '{xs}' and y '{ys}' must be whole numbers from 0 to {max - 1} at zoom {z}.");
            return false;
        }

        return true;
    }
}
