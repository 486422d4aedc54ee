using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Lighting;
using GeoTrygghet.Application.Evaluation;
using GeoTrygghet.Application.Overlay;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Overlay;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Evaluation;
using GeoTrygghet.Data.Overlay;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Server.Overlay;

/// <summary>
/// The lighting and camera overlay and measure evaluation for the viewer and any HTTP client, GeoJSON in CRS84:
/// <c>GET /overlay/lit.geojson</c> (ground lit by the lamps working on <c>day</c>), <c>/overlay/watched.geojson</c>
/// (what each camera sees), <c>/overlay/areas</c> (per hotspot of a <c>run</c>, or per area of the register:
/// share after dark, lit, watched, lamps out), <c>/overlay/candidates</c> (places for new lamps or cameras) and
/// <c>GET /evaluate/{measure}</c> (the before/after evaluation of <c>gt evaluate</c>). The same event filters as
/// the tiles: from, to, category, source, hours.
/// </summary>
public static class OverlayEndpoints
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] AssetTables = ["street_lights", "cameras", "basemap_features"];
    private static readonly string[] EventTables = ["incidents", "reports", "street_lights", "cameras", "basemap_features", "areas", "analysis_runs"];

    public static IEndpointRouteBuilder MapOverlayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/overlay/lit.geojson", (HttpContext http, ServerOptions options, OverlayCache cache, ServiceDatabase database) =>
        {
            var minLux = QueryNumbers.Number(http.Request.Query["min_lux"], "min_lux", LitRadius.DefaultThresholdLux, 0.1, 50);
            var day = Day(http.Request.Query["day"], "day") ?? Today();
            return Json(cache.GetOrAdd($"lit:{day}:{minLux}", AssetTables, cancel =>
            {
                var (overlay, lights) = OverlayRunner.LoadAssets(database.ConnectionString(http), minLux, options.Crs.Srid);
                cancel.ThrowIfCancellationRequested();
                var lit = overlay.LitArea(day);
                return Collection(options.Crs.Srid, [(lit, new JsonObject
                {
                    ["day"] = day.ToString("yyyy-MM-dd", Inv), ["min_lux"] = minLux, ["lamps_working"] = lights.Count(l => l.StatusOn(day) == "working"),
                    ["lamps_out"] = lights.Count(l => l.StatusOn(day) == "out"), ["area_m2"] = Math.Round(lit.Area),
                })]);
            }, http.RequestAborted));
        });

        app.MapGet("/overlay/watched.geojson", (HttpContext http, ServerOptions options, OverlayCache cache, ServiceDatabase database) =>
        {
            var day = Day(http.Request.Query["day"], "day") ?? Today();
            return Json(cache.GetOrAdd($"watched:{day}", AssetTables, _ =>
            {
                var cameras = AssetSource.Cameras(database.ConnectionString(http), options.Crs.Srid).Where(c => c.InstalledOn is null || c.InstalledOn <= day);
                return Collection(options.Crs.Srid, cameras.Select(c => ((Geometry)c.View, new JsonObject
                {
                    ["id"] = c.Id, ["hours"] = c.HoursStart is { } s && c.HoursEnd is { } e ? $"{s:HH\\:mm}-{e:HH\\:mm}" : "always",
                    ["installed_on"] = c.InstalledOn?.ToString("yyyy-MM-dd", Inv), ["area_m2"] = Math.Round(c.View.Area),
                })));
            }, http.RequestAborted));
        });

        app.MapGet("/overlay/areas", (HttpContext http, ServerOptions options, OverlayCache cache, ServiceDatabase database) =>
        {
            if (http.Viewer() is not { MayAnalyse: true })
            {
                return http.Refused(options, "Överlägget per område");
            }

            var cs = database.ConnectionString(http);
            var query = http.Request.Query;
            var run = query["run"].ToString();
            var kind = query["areas"].ToString();
            if (string.IsNullOrEmpty(run) == string.IsNullOrEmpty(kind))
            {
                throw new FilterException("run", "give run=ID|NAME (a stored run's hotspots) or areas=all|focus_area|district");
            }

            var filter = Filter(http);
            var minLux = QueryNumbers.Number(query["min_lux"], "min_lux", LitRadius.DefaultThresholdLux, 0.1, 50);
            return Json(cache.GetOrAdd($"areas:{TileScope(http)}:{run}:{kind}:{Key(filter)}:{minLux}:{query["day"]}", EventTables, cancel =>
            {
                var events = PointSource.Load(cs, filter, cancel);
                var areas = OverlayRunner.Areas(cs, events, string.IsNullOrEmpty(run) ? null : run, kind == "all" ? null : kind, Day(query["day"], "day"), minLux, options.Crs.Srid, cancel);
                var (result, day) = (areas.Areas, areas.Day);
                var list = new JsonArray(result.Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.Id, ["label"] = a.Label, ["events"] = a.Events, ["dark_events"] = a.DarkEvents, ["dark_share"] = R(a.DarkShare),
                    ["dark_lit"] = a.DarkLit, ["dark_unlit"] = a.DarkUnlit, ["dark_lit_share"] = R(a.DarkLitShare), ["lights_out_events"] = a.LightsOutEvents,
                    ["watched"] = a.Watched, ["watched_share"] = R(a.WatchedShare), ["lit_area_share"] = R(a.LitAreaShare), ["watched_area_share"] = R(a.WatchedAreaShare),
                    ["lamps_out_now"] = new JsonArray(a.LampsOutNow.Select(l => (JsonNode)l).ToArray()),
                }).ToArray());
                return new JsonObject { ["assets_on"] = day.ToString("yyyy-MM-dd", Inv), ["events"] = events.Count, ["min_lux"] = minLux, ["areas"] = list }.ToJsonString(Core.JsonOutput.Compact);
            }, http.RequestAborted));
        });

        app.MapGet("/overlay/candidates", (HttpContext http, ServerOptions options, OverlayCache cache, ServiceDatabase database) =>
        {
            // Candidate places are drawn from where single events happened.
            if (http.SeesPublicView(options) || http.Viewer() is not { MayAnalyse: true })
            {
                return http.Refused(options, "Förslag på platser för belysning och kameror");
            }

            var cs = database.ConnectionString(http);
            var query = http.Request.Query;
            var kind = query["kind"].ToString() is { Length: > 0 } k ? k : "light";
            if (kind is not ("light" or "camera"))
            {
                throw new FilterException("kind", $"'{kind}' is not light or camera");
            }

            var count = QueryNumbers.Integer(query["k"], "k", 10, 1, 100);
            var minLux = QueryNumbers.Number(query["min_lux"], "min_lux", LitRadius.DefaultThresholdLux, 0.1, 50);
            var radius = QueryNumbers.Number(query["radius"], "radius", OverlayRunner.DefaultRadius(kind, minLux), 1, 1000);
            var halfLife = QueryNumbers.Number(query["half_life_days"], "half_life_days", 365, 1, 3650);
            var filter = Filter(http);
            return Json(cache.GetOrAdd($"candidates:{TileScope(http)}:{kind}:{count}:{radius}:{halfLife}:{minLux}:{Key(filter)}", EventTables, cancel =>
            {
                var events = PointSource.Load(cs, filter, cancel);
                var result = OverlayRunner.Candidates(cs, events, kind, count, radius, halfLife, minLux, new Dictionary<string, double>(), options.Crs.Srid, cancel).Result;
                return Collection(options.Crs.Srid, result.Candidates.Select(c => ((Geometry)new Point(c.X, c.Y), new JsonObject
                {
                    ["rank"] = c.Rank, ["kind"] = kind, ["events"] = c.Events, ["weight"] = R(c.Weight), ["cumulative_share"] = R(c.CumulativeShare), ["radius_m"] = radius,
                })), new JsonObject { ["demand"] = result.Demand, ["demand_events"] = result.DemandEvents, ["radius_m"] = radius, ["half_life_days"] = halfLife });
            }, http.RequestAborted));
        });

        app.MapGet("/evaluate/{measure}", (string measure, HttpContext http, ServerOptions options, OverlayCache cache, ServiceDatabase database) =>
        {
            var query = http.Request.Query;
            // Whoever does not see the counted events exactly (the public, an organisation that sees them aggregated) gets
            // the public view's evaluation: default windows only, counts under the threshold withheld, over all events.
            var reports = query["events"] == "reports";
            var aggregated = http.SeesPublicView(options) || http.Viewer()!.AccessTo(!reports) != Core.Access.LayerAccess.Exact;
            if (aggregated && query.Keys.FirstOrDefault(k => k != "view" && !(k == "events" && reports)) is { } parameter)
            {
                throw new FilterException(parameter, "den offentliga vyn visar utvärderingar med sina standardfönster (helår före och efter), utan parametrar (the public view takes none)");
            }

            var request = new EvaluationRequest
            {
                MeasureId = measure,
                BufferMetres = query["buffer"].ToString() is { Length: > 0 } buffer ? QueryNumbers.Number(buffer, "buffer", EvaluationRequest.DefaultBufferMetres, 10, 2000) : null,
                BeforeDays = query["before"].ToString() is { Length: > 0 } before ? QueryNumbers.Integer(before, "before", 365, 1, 3650) : null,
                AfterDays = query["after"].ToString() is { Length: > 0 } after ? QueryNumbers.Integer(after, "after", 365, 1, 3650) : null,
                DarkOnly = query["dark_only"] == "true",
                Reports = reports,
                Categories = Filter(http).Categories ?? [],
                Owners = aggregated ? null : http.Owners(),
            };
            var cs = aggregated ? database.AggregatesConnectionString : database.ConnectionString(http);
            var json = cache.GetOrAdd($"evaluate:{(aggregated ? "public" : TileScope(http))}:{measure}:{http.Request.QueryString}", EventTables,
                cancel => EvaluationRunner.Run(cs, request, cancel).ToJsonString(Core.JsonOutput.Compact), http.RequestAborted);
            return Json(aggregated
                ? Public.PublicEvaluation.Reduce(JsonNode.Parse(json)!.AsObject(), options.PublicMinCount).ToJsonString(Core.JsonOutput.Compact)
                : json);
        });

        return app;
    }

    private static string TileScope(HttpContext http) => Tiles.TileEndpoints.Scope(http);

    private static EventFilter Filter(HttpContext http)
    {
        var query = http.Request.Query;
        // The run of /overlay/areas is a name or id, not the tiles' numeric run filter.
        var f = LayerFilterQuery.Parse(new QueryCollection(query.Where(kv => kv.Key != "run").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)), http.Owners());
        return f.Events with { IncidentWeight = query["events"] == "reports" ? 0 : 1, ReportWeight = query["events"] is { Count: > 0 } e && e != "incidents" ? 1 : 0 };
    }

    private static string Key(EventFilter f) => System.Text.Json.JsonSerializer.Serialize(f);

    /// <summary>
    /// Features in CRS84 for the browser: simplified to a metre (what a map can show) and rounded to 1e-6 degrees
    /// (10 cm), so the lit ground of a town is a few hundred kilobytes, not megabytes of 15-digit coordinates.
    /// </summary>
    private static string Collection(int srid, IEnumerable<(Geometry Geometry, JsonObject Properties)> features, JsonObject? about = null)
    {
        var toWgs84 = new GeometryReprojector(srid, 4326);
        Geometry ForMap(Geometry g)
        {
            var simple = g is Point ? g : NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(g, 1.0);
            var wgs84 = toWgs84.Transform(simple);
            wgs84.Apply(new RoundCoordinates());
            return wgs84;
        }

        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(features.Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "Feature", ["properties"] = f.Properties, ["geometry"] = FeatureValues.Geometry(ForMap(f.Geometry)),
            }).ToArray()),
        };
        if (about is not null)
        {
            collection["about"] = about;
        }

        return collection.ToJsonString(Core.JsonOutput.Compact);
    }

    private sealed class RoundCoordinates : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 6));
            seq.SetY(i, Math.Round(seq.GetY(i), 6));
        }
    }

    private static IResult Json(string body) => Results.Text(body, "application/json; charset=utf-8");

    private static DateOnly Today() => Core.Time.StockholmTime.LocalDate(DateTimeOffset.UtcNow);

    private static DateOnly? Day(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d
        : throw new FilterException(name, $"'{text}' is not a date YYYY-MM-DD");

    private static double R(double v) => Math.Round(v, 4);
}
