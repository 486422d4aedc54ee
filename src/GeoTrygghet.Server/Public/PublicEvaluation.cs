using System.Text.Json.Nodes;

namespace GeoTrygghet.Server.Public;

/// <summary>
/// A measure's evaluation as the public view shows it: at its default windows only, the counts of the treated area,
/// buffer and control before and after (each under k shown as "färre än k"), and the conclusions (rate ratio, relative
/// effect, displacement reading, the Swedish summary) only for a part whose counts are all at least k, since from a
/// ratio and the other counts a suppressed count could be worked out. Analysts' warnings stay in the full view.
/// </summary>
public static class PublicEvaluation
{
    private static readonly string[] Conclusions = ["rate_ratio", "relative_effect", "wdq", "wdq_reading", "success_measure"];

    public static JsonObject Reduce(JsonObject full, int k)
    {
        var result = new JsonObject
        {
            ["measure"] = full["measure"]?.DeepClone(),
            ["periods"] = full["periods"]?.DeepClone(),
            ["areas"] = Areas(full["areas"]),
            ["min_count"] = k,
            ["beskrivning"] = $"Antal händelser före och efter åtgärden i det åtgärdade området (R), buffertzonen (B) och kontrollområdet (C). Färre än {k} visas utan antal, och då visas inga slutsatser för den delen.",
        };
        var complete = true;
        foreach (var (name, section) in new[] { ("all", full), ("dark", full["dark"] as JsonObject), ("daylight", full["daylight"] as JsonObject) })
        {
            if (section?["counts"] is not JsonObject counts)
            {
                continue;
            }

            var part = new JsonObject();
            var shown = new JsonObject();
            var allShown = true;
            foreach (var (key, value) in counts)
            {
                var n = value?.GetValue<int>() ?? 0;
                shown[key] = n >= k ? n : PublicCells.FewerThan(k);
                allShown &= n >= k;
            }

            part["counts"] = shown;
            if (allShown)
            {
                foreach (var key in Conclusions)
                {
                    part[key] = section[key]?.DeepClone();
                }
            }
            else
            {
                part["slutsats"] = "För få händelser för att visa en slutsats offentligt.";
            }

            complete &= name != "all" || allShown;
            result[name] = part;
        }

        result["summary_sv"] = complete ? full["summary_sv"]?.DeepClone() : "För få händelser för att sammanfatta utvärderingen offentligt.";
        return result;
    }

    private static JsonObject? Areas(JsonNode? areas) => areas is not JsonObject a ? null : new JsonObject
    {
        ["treated_m2"] = a["treated_m2"]?.DeepClone(),
        ["buffer_m"] = a["buffer_m"]?.DeepClone(),
        ["buffer_m2"] = a["buffer_m2"]?.DeepClone(),
        ["control"] = a["control"]?.DeepClone(),
        ["control_m2"] = a["control_m2"]?.DeepClone(),
    };
}
