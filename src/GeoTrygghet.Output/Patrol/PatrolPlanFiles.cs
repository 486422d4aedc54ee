using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Output.Patrol;

/// <summary>
/// A presence plan as files: JSON (<c>stops</c> and <c>legs</c>, times ISO 8601 with the Stockholm offset), the same
/// as GeoJSON (stops as points, legs as lines, CRS84), and GPX 1.1 for a phone or GPS (a waypoint per stop, a
/// track per patrol, times in UTC as GPX requires).
/// </summary>
public static class PatrolPlanFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static JsonObject Json(PresencePlan plan, PresenceSettings settings, IReadOnlyList<PatrolSite> sites, int srid, JsonObject about)
    {
        var toWgs84 = new GeometryReprojector(srid, 4326);
        var given = plan.Stops.GroupBy(s => s.Site.Id).ToDictionary(g => g.Key, g => (Minutes: g.Sum(s => s.Minutes), Visits: g.Count()), StringComparer.Ordinal);
        var result = new JsonObject
        {
            ["method"] = "presence plan: minutes in proportion to each hotspot's risk over the shift's hours of the week, visits of 10–16 minutes (Koper 1995), at most one visit per hotspot per two hours, seeded random order weighted by need and travel time",
            ["shift"] = new JsonObject { ["start"] = StockholmTime.Format(settings.ShiftStart), ["end"] = StockholmTime.Format(settings.ShiftEnd) },
            ["patrols"] = settings.Patrols,
            ["presence_minutes_per_patrol"] = settings.PresenceMinutesPerPatrol,
            ["visit_minutes"] = new JsonArray(settings.VisitMinMinutes, settings.VisitMaxMinutes),
            ["min_minutes_between_visits"] = settings.MinMinutesBetweenVisits,
            ["seed"] = settings.Seed,
            ["routes"] = plan.Router,
            ["routes_sv"] = plan.RouterSv,
        };
        foreach (var (key, value) in about)
        {
            result[key] = value?.DeepClone();
        }

        result["hotspots"] = new JsonArray(sites.OrderByDescending(s => plan.ShiftRisk[s.Id]).Select(s =>
        {
            var (lon, lat) = toWgs84.ToLonLat(s.X, s.Y);
            var g = given.GetValueOrDefault(s.Id);
            return (JsonNode)new JsonObject
            {
                ["hotspot"] = s.Id, ["label"] = s.Label, ["lon"] = Math.Round(lon, 6), ["lat"] = Math.Round(lat, 6), ["shift_risk"] = Math.Round(plan.ShiftRisk[s.Id], 4),
                ["target_minutes"] = Math.Round(plan.TargetMinutes[s.Id], 1), ["planned_minutes"] = g.Minutes, ["visits"] = g.Visits,
            };
        }).ToArray());
        result["stops"] = new JsonArray(plan.Stops.Select(s =>
        {
            var (lon, lat) = toWgs84.ToLonLat(s.Site.X, s.Site.Y);
            return (JsonNode)new JsonObject
            {
                ["patrol"] = s.Patrol, ["order"] = s.Order, ["hotspot"] = s.Site.Id, ["label"] = s.Site.Label, ["lon"] = Math.Round(lon, 6), ["lat"] = Math.Round(lat, 6),
                ["arrive"] = StockholmTime.Format(s.Arrive), ["depart"] = StockholmTime.Format(s.Depart), ["minutes"] = s.Minutes, ["risk"] = Math.Round(s.Risk, 4),
                ["rank"] = s.Rank, ["reason"] = s.Reason, ["reason_sv"] = ReasonSv(s, plan, settings),
            };
        }).ToArray());
        result["legs"] = new JsonArray(plan.Legs.Select(l => (JsonNode)new JsonObject
        {
            ["patrol"] = l.Patrol, ["from"] = l.From, ["to"] = l.To, ["depart"] = StockholmTime.Format(l.Depart), ["arrive"] = StockholmTime.Format(l.Arrive),
            ["metres"] = Math.Round(l.Route.Metres), ["minutes"] = Math.Round(l.Route.Minutes, 1),
        }).ToArray());
        result["warnings"] = new JsonArray(Warnings(plan, settings, given.ToDictionary(kv => kv.Key, kv => kv.Value.Minutes, StringComparer.Ordinal)).Select(w => (JsonNode)w).ToArray());
        result["totals"] = new JsonObject
        {
            ["stops"] = plan.Stops.Count, ["presence_minutes"] = plan.Stops.Sum(s => s.Minutes), ["travel_minutes"] = Math.Round(plan.Legs.Sum(l => l.Route.Minutes), 1),
            ["travel_metres"] = Math.Round(plan.Legs.Sum(l => l.Route.Metres)), ["hotspots_visited"] = given.Count, ["hotspots"] = sites.Count,
        };
        return result;
    }

    /// <summary>What a planner should know about a plan that could not give everything asked.</summary>
    private static IEnumerable<string> Warnings(PresencePlan plan, PresenceSettings settings, Dictionary<string, double> given)
    {
        var hours = (settings.ShiftEnd - settings.ShiftStart).TotalHours;
        if (hours > 12)
        {
            yield return string.Create(Inv, $"the shift is {hours:0.#} hours long; is that the shift you meant?");
        }

        var budget = settings.Patrols * settings.PresenceMinutesPerPatrol;
        var placed = plan.Stops.Sum(s => s.Minutes);
        if (placed < budget - settings.VisitMinMinutes)
        {
            yield return string.Create(Inv, $"{placed:0} of the {budget:0} presence minutes could be placed: the hotspots rest {settings.MinMinutesBetweenVisits:0} minutes between visits and the shift ends; more hotspots (another run or area) or fewer minutes would fit.");
        }

        foreach (var (id, target) in plan.TargetMinutes.Where(kv => kv.Value >= settings.VisitMinMinutes).OrderByDescending(kv => kv.Value))
        {
            var got = given.GetValueOrDefault(id);
            if (got < target - settings.VisitMaxMinutes)
            {
                yield return string.Create(Inv, $"{id} got {got:0} of its {target:0} minutes (the two-hour rest between visits and travel left no room for more).");
            }
        }
    }

    /// <summary>Why a stop was chosen, in Swedish with a decimal comma, for the briefing and the Swedish viewer.</summary>
    public static string ReasonSv(PlannedStop s, PresencePlan plan, PresenceSettings settings)
    {
        var sv = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = " " };
        var budget = settings.Patrols * settings.PresenceMinutesPerPatrol;
        return $"risknivå {s.Rank} av {plan.ShiftRisk.Count} under passet ({plan.ShiftRisk[s.Site.Id].ToString("0.##", sv)} vägda händelser dessa veckotimmar); "
            + $"{s.Risk.ToString("0.###", sv)} under ankomsttimmen; {plan.TargetMinutes[s.Site.Id].ToString("0", sv)} av passets {budget.ToString("0", sv)} närvarominuter är platsens andel";
    }

    public static void WriteJson(string path, JsonObject plan) => File.WriteAllText(path, plan.ToJsonString(JsonOutput.Indented) + "\n");

    public static void WriteGeoJson(string path, PresencePlan plan, int srid) => File.WriteAllText(path, GeoJson(plan, srid).ToJsonString(JsonOutput.Indented) + "\n");

    public static JsonObject GeoJson(PresencePlan plan, int srid)
    {
        var toWgs84 = new GeometryReprojector(srid, 4326);
        JsonArray Position(double x, double y)
        {
            var (lon, lat) = toWgs84.ToLonLat(x, y);
            return new JsonArray(Math.Round(lon, 7), Math.Round(lat, 7));
        }

        var features = new JsonArray();
        foreach (var s in plan.Stops)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = Position(s.Site.X, s.Site.Y) },
                ["properties"] = new JsonObject
                {
                    ["kind"] = "stop", ["patrol"] = s.Patrol, ["order"] = s.Order, ["hotspot"] = s.Site.Id, ["label"] = s.Site.Label, ["arrive"] = StockholmTime.Format(s.Arrive),
                    ["depart"] = StockholmTime.Format(s.Depart), ["minutes"] = s.Minutes, ["risk"] = Math.Round(s.Risk, 4), ["reason"] = s.Reason,
                },
            });
        }

        foreach (var l in plan.Legs)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(l.Route.Path.Select(p => (JsonNode)Position(p.X, p.Y)).ToArray()) },
                ["properties"] = new JsonObject
                {
                    ["kind"] = "leg", ["patrol"] = l.Patrol, ["from"] = l.From, ["to"] = l.To, ["depart"] = StockholmTime.Format(l.Depart),
                    ["arrive"] = StockholmTime.Format(l.Arrive), ["metres"] = Math.Round(l.Route.Metres),
                },
            });
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["name"] = "presence plan", ["features"] = features };
    }

    public static void WriteGpx(string path, PresencePlan plan, PresenceSettings settings, int srid)
    {
        using var file = File.Create(path);
        WriteGpx(file, plan, settings, srid);
    }

    public static void WriteGpx(Stream stream, PresencePlan plan, PresenceSettings settings, int srid)
    {
        const string ns = "http://www.topografix.com/GPX/1/1";
        var toWgs84 = new GeometryReprojector(srid, 4326);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartDocument();
        writer.WriteStartElement("gpx", ns);
        writer.WriteAttributeString("version", "1.1");
        writer.WriteAttributeString("creator", "GeoTrygghet");
        writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        writer.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{ns} http://www.topografix.com/GPX/1/1/gpx.xsd");
        writer.WriteStartElement("metadata", ns);
        writer.WriteElementString("name", ns, $"Närvaroplan {StockholmTime.Format(settings.ShiftStart)} – {StockholmTime.Format(settings.ShiftEnd)}");
        writer.WriteElementString("desc", ns, $"{settings.Patrols} patruller, {plan.Stops.Count} stopp. {plan.Router}.");
        writer.WriteElementString("time", ns, Utc(settings.ShiftStart));
        writer.WriteEndElement();
        foreach (var s in plan.Stops)
        {
            var (lon, lat) = toWgs84.ToLonLat(s.Site.X, s.Site.Y);
            writer.WriteStartElement("wpt", ns);
            writer.WriteAttributeString("lat", lat.ToString("F7", Inv));
            writer.WriteAttributeString("lon", lon.ToString("F7", Inv));
            writer.WriteElementString("time", ns, Utc(s.Arrive));
            writer.WriteElementString("name", ns, $"P{s.Patrol}-{s.Order:00} {s.Site.Id}");
            writer.WriteElementString("desc", ns, $"{Local(s.Arrive)}–{Local(s.Depart)}, {s.Minutes.ToString(Inv)} min. {s.Site.Label}. {ReasonSv(s, plan, settings)}");
            writer.WriteElementString("type", ns, "presence");
            writer.WriteEndElement();
        }

        foreach (var patrol in plan.Stops.Select(s => s.Patrol).Distinct().Order())
        {
            writer.WriteStartElement("trk", ns);
            writer.WriteElementString("name", ns, $"Patrull {patrol}");
            writer.WriteStartElement("trkseg", ns);
            var first = true;
            foreach (var leg in plan.Legs.Where(l => l.Patrol == patrol))
            {
                foreach (var (x, y) in leg.Route.Path.Skip(first ? 0 : 1))
                {
                    var (lon, lat) = toWgs84.ToLonLat(x, y);
                    writer.WriteStartElement("trkpt", ns);
                    writer.WriteAttributeString("lat", lat.ToString("F7", Inv));
                    writer.WriteAttributeString("lon", lon.ToString("F7", Inv));
                    writer.WriteEndElement();
                }

                first = false;
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    public static string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, StockholmTime.Zone).ToString("HH:mm", Inv);

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);
}
