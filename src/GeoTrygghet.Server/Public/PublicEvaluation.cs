using System.Text.Json.Nodes;

namespace GeoTrygghet.Server.Public;

/// <summary>
/// A measure's evaluation as the public view shows it: at its default windows only, the counts of the treated area,
/// buffer and control before and after (each under k shown as "färre än k", and a dark or daylight count also when its
/// partner is hidden), and the conclusions (rate ratio, relative effect, displacement reading) only for a part with no
/// hidden count, since from a ratio and the other counts a hidden count could be worked out. Analysts' warnings stay in the full view.
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
        var sections = new[] { ("all", full), ("dark", full["dark"] as JsonObject), ("daylight", full["daylight"] as JsonObject) }
            .Where(x => x.Item2?["counts"] is JsonObject)
            .ToDictionary(x => x.Item1, x => x.Item2!);
        var hidden = Hidden(sections, k);
        foreach (var (name, section) in sections)
        {
            var part = new JsonObject();
            var shown = new JsonObject();
            foreach (var (key, value) in section["counts"]!.AsObject())
            {
                shown[key] = hidden.Contains((name, key)) ? PublicCells.FewerThan(k) : value?.GetValue<int>();
            }

            part["counts"] = shown;
            if (hidden.Any(h => h.Section == name))
            {
                part["slutsats"] = "För få händelser för att visa en slutsats offentligt.";
            }
            else
            {
                foreach (var key in Conclusions)
                {
                    part[key] = section[key]?.DeepClone();
                }
            }

            result[name] = part;
        }

        // The summary names every part's effect and its rate per dark or daylight hour, from which (with the hours) any
        // count can be worked out: it is shown only when no count is hidden.
        result["summary_sv"] = hidden.Count == 0 ? full["summary_sv"]?.DeepClone() : "För få händelser för att sammanfatta utvärderingen offentligt.";
        return result;
    }

    /// <summary>
    /// The counts not shown: those under k, and, since dark and daylight add up to all, the other of a dark/daylight pair
    /// whose one half is hidden (else all minus the shown half would give it).
    /// </summary>
    private static HashSet<(string Section, string Key)> Hidden(Dictionary<string, JsonObject> sections, int k)
    {
        var hidden = new HashSet<(string Section, string Key)>();
        foreach (var (name, section) in sections)
        {
            foreach (var (key, value) in section["counts"]!.AsObject())
            {
                if ((value?.GetValue<int>() ?? 0) < k)
                {
                    hidden.Add((name, key));
                }
            }
        }

        foreach (var (section, key) in hidden.ToList())
        {
            if (section is "dark" or "daylight" || (section == "all" && sections.ContainsKey("dark")))
            {
                hidden.Add(("dark", key));
                hidden.Add(("daylight", key));
            }
        }

        return hidden;
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
