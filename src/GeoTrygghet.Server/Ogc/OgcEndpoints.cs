using System.Globalization;
using System.Text;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Layers;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Security;
using GeoTrygghet.Server.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GeoTrygghet.Server.Ogc;

/// <summary>
/// OGC API – Features, Part 1: Core with GeoJSON (OGC 17-069r4): landing page, conformance,
/// collections (one per layer), items with <c>bbox</c> (CRS84), <c>datetime</c> (an instant, an
/// interval, open at either end with ".."), <c>limit</c> (default 100, at most 10,000) and a
/// <c>next</c> link, and single items. Geometries are in CRS84 (longitude, latitude). In public mode the
/// sensitive layers are not offered as features, only as counts in tiles.
/// </summary>
public static class OgcEndpoints
{
    private const string GeoJson = "application/geo+json";
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapOgcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ogc", (HttpContext http) => Results.Json(new
        {
            title = "GeoTrygghet",
            description = "Incidents, EST reports, street lights, cameras, focus areas, measures and hotspot runs as OGC API – Features.",
            links = new object[]
            {
                Link($"{TileEndpoints.Base(http)}/ogc", "self", "application/json", "This document"),
                Link($"{TileEndpoints.Base(http)}/ogc/conformance", "conformance", "application/json", "Conformance classes"),
                Link($"{TileEndpoints.Base(http)}/ogc/collections", "data", "application/json", "Collections"),
            },
        }));

        app.MapGet("/ogc/conformance", () => Results.Json(new
        {
            conformsTo = new[]
            {
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            },
        }));

        app.MapGet("/ogc/collections", async (HttpContext http, ServerOptions options, LayerExtents extents, ServiceDatabase database) =>
        {
            var collections = new List<object>();
            var db = database.For(http);
            foreach (var layer in Offered(http, options))
            {
                collections.Add(Collection(http, layer, await extents.Of(layer, db, TileEndpoints.Scope(http), http.RequestAborted), await extents.TimesOf(layer, db, TileEndpoints.Scope(http), http.RequestAborted)));
            }

            return Results.Json(new
            {
                links = new[] { Link($"{TileEndpoints.Base(http)}/ogc/collections", "self", "application/json", "Collections") },
                collections,
            });
        });

        app.MapGet("/ogc/collections/{id}", async (string id, HttpContext http, ServerOptions options, LayerExtents extents, ServiceDatabase database) =>
        {
            if (Find(http, options, id) is not { } layer)
            {
                return Refusal(http, options, id);
            }

            var db = database.For(http);
            return Results.Json(Collection(http, layer, await extents.Of(layer, db, TileEndpoints.Scope(http), http.RequestAborted), await extents.TimesOf(layer, db, TileEndpoints.Scope(http), http.RequestAborted)));
        });

        app.MapGet("/ogc/collections/{id}/items", async (string id, HttpContext http, ServerOptions options, ServiceDatabase database) =>
        {
            if (Find(http, options, id) is not { } layer)
            {
                return Refusal(http, options, id);
            }

            var db = database.For(http);

            var q = http.Request.Query;
            var limit = Int(q["limit"], "limit", DefaultLimit, 1, MaxLimit);
            var offset = Int(q["offset"], "offset", 0, 0, int.MaxValue);
            var query = Query(layer, LayerFilterQuery.Parse(http), q["bbox"], q["datetime"]);
            var (features, more, matched) = await layer.PageAsync(db, query, limit, offset, options.Crs.Srid, http.RequestAborted);
            var self = $"{TileEndpoints.Base(http)}{http.Request.Path}{http.Request.QueryString}";
            var links = new List<object> { Link(self, "self", GeoJson, "This page") };
            if (more)
            {
                var next = QueryWith(http.Request.Query, "offset", (offset + limit).ToString(CultureInfo.InvariantCulture));
                links.Add(Link($"{TileEndpoints.Base(http)}{http.Request.Path}{next}", "next", GeoJson, "Next page"));
            }

            var json = new StringBuilder();
            json.Append("{\"type\":\"FeatureCollection\",\"features\":[").AppendJoin(',', features).Append("],");
            json.Append(CultureInfo.InvariantCulture, $"\"numberMatched\":{matched},\"numberReturned\":{features.Count},");
            json.Append("\"timeStamp\":\"").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\",");
            json.Append("\"links\":").Append(System.Text.Json.JsonSerializer.Serialize(links)).Append('}');
            return Results.Text(json.ToString(), GeoJson);
        });

        app.MapGet("/ogc/collections/{id}/items/{fid}", async (string id, string fid, HttpContext http, ServerOptions options, ServiceDatabase database) =>
        {
            if (Find(http, options, id) is not { } layer)
            {
                return Refusal(http, options, id);
            }

            var db = database.For(http);

            if (!long.TryParse(fid, NumberStyles.None, CultureInfo.InvariantCulture, out var featureId))
            {
                return Problems.NotFound($"There is no feature '{fid}' in '{id}'.");
            }

            var feature = await layer.FeatureAsync(db, featureId, $"{TileEndpoints.Base(http)}{http.Request.Path}", $"{TileEndpoints.Base(http)}/ogc/collections/{id}", http.RequestAborted);
            return feature is not null ? Results.Text(feature, GeoJson) : Problems.NotFound($"There is no feature '{fid}' in '{id}'.");
        });
        return app;
    }

    // Features are single events: only the layers the reader sees exactly (the public view: those without events).
    private static IEnumerable<LayerSource> Offered(HttpContext http, ServerOptions options) =>
        LayerSources.All.Where(l => http.AccessTo(options, l) == Core.Access.LayerAccess.Exact);

    private static LayerSource? Find(HttpContext http, ServerOptions options, string id) => Offered(http, options).FirstOrDefault(l => l.Id == id);

    // A layer that exists but is not the reader's to see point by point: 401, 403 or (public mode) 404; else no such collection.
    private static IResult Refusal(HttpContext http, ServerOptions options, string id) => LayerSources.Find(id) is not null
        ? http.Refused(options, $"Samlingen '{id}' som enskilda objekt")
        : Problems.NotFound($"There is no collection '{id}'.");

    private static object Collection(HttpContext http, LayerSource layer, double[] bbox, string[]? times) => new
    {
        id = layer.Id,
        title = layer.Title,
        description = layer.Description,
        itemType = "feature",
        crs = new[] { Crs84 },
        extent = times is null
            ? (object)new { spatial = new { bbox = new[] { bbox }, crs = Crs84 } }
            : new { spatial = new { bbox = new[] { bbox }, crs = Crs84 }, temporal = new { interval = new[] { times }, trs = "http://www.opengis.net/def/uri/ogc/1.3/gregorian" } },
        links = new[]
        {
            Link($"{TileEndpoints.Base(http)}/ogc/collections/{layer.Id}", "self", "application/json", layer.Title),
            Link($"{TileEndpoints.Base(http)}/ogc/collections/{layer.Id}/items", "items", GeoJson, "Features"),
        },
    };

    private static object Link(string href, string rel, string type, string title) => new { href, rel, type, title };

    /// <summary>The page's selection from its parameters: the layer's filter, <c>bbox</c> (CRS84) and, for events, <c>datetime</c>.</summary>
    internal static FeatureQuery Query(LayerSource layer, LayerFilter filter, string? bbox, string? datetime)
    {
        FeatureQuery.Box? box = null;
        if (!string.IsNullOrWhiteSpace(bbox))
        {
            var parts = bbox.Split(',');
            var values = new double[parts.Length];
            if (parts.Length != 4 || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).Any()
                || values.Any(v => !double.IsFinite(v)) || values[0] > values[2] || values[1] > values[3]
                || values[0] < -180 || values[2] > 180 || values[1] < -90 || values[3] > 90)
            {
                throw new FilterException("bbox", $"'{bbox}' is not minLon,minLat,maxLon,maxLat in CRS84 (longitudes −180–180, latitudes −90–90)");
            }

            box = new FeatureQuery.Box(values[0], values[1], values[2], values[3]);
        }

        var (start, end) = !string.IsNullOrWhiteSpace(datetime) && layer.Events is not null ? Interval(datetime) : (null, null);
        return new FeatureQuery(filter, box, start, end);
    }

    /// <summary>An RFC 3339 instant or interval; ".." or an empty end is open.</summary>
    private static (DateTimeOffset? Start, DateTimeOffset? End) Interval(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            throw new FilterException("datetime", $"'{text}' is not an instant or an interval start/end");
        }

        DateTimeOffset? Parse(string p)
        {
            if (p is ".." or "")
            {
                return null;
            }

            return StockholmTime.TryParse(p, out var utc, out var error) == StockholmTime.Outcome.Invalid
                ? throw new FilterException("datetime", error!)
                : utc;
        }

        if (parts.Length == 1)
        {
            var instant = Parse(parts[0]) ?? throw new FilterException("datetime", "an instant cannot be open ('..')");
            return (instant, instant);
        }

        var (start, end) = (Parse(parts[0]), Parse(parts[1]));
        if (start > end)
        {
            throw new FilterException("datetime", $"'{text}' ends before it starts");
        }

        return (start, end);
    }

    private static int Int(string? text, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new FilterException(name, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a whole number from {min} to {max}"));
    }

    private static string QueryWith(IQueryCollection query, string key, string value)
    {
        var pairs = query.Where(kv => kv.Key != key).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}").Append($"{key}={value}");
        return "?" + string.Join('&', pairs);
    }
}
