using System.Globalization;
using System.Text;

namespace GeoTrygghet.Demo;

/// <summary>
/// The demo town's citizen promises for the last year of the period, modelled on Köping's promises of 2024 (focus
/// areas: ANDT among young people, centrum and Nygården, traffic safety; activities: presence, lighting, vegetation,
/// neighbourhood watch), with indicators the quarterly report follows up; and the safety surveys of the two focus
/// areas for the last two years. Everything here is synthetic.
/// </summary>
internal static class DemoPromises
{
    public static void Write(string path, DemoPlan plan)
    {
        var y = plan.PromiseYear;
        string Id(int n) => string.Create(CultureInfo.InvariantCulture, $"ML-{y}-{n}");
        var period = string.Create(CultureInfo.InvariantCulture, $"\"period\": {{\"from\": \"{y}-01-01\", \"to\": \"{y}-12-31\"}}");
        var lighting = plan.LightingDate.Year == y ? "ongoing" : "done";
        var json = new StringBuilder();
        json.Append("{\n  \"note\": \"Synthetic demo data: the citizen promises of the made-up demo town, modelled on Köping's promises of 2024.\",\n  \"promises\": [\n");
        json.Append(Promise(Id(1), "Förebyggande arbete mot barn, unga och unga vuxna i ANDT-frågor", period, "\"theme\": \"andt\"",
            [
                ("Uppsökande arbete kvällstid vid fritidsgården i Södra staden och i centrum", "polisen", "ongoing"),
                ("Föräldravandringar fredag och lördag kväll", "kommun", "ongoing"),
                ("Tillsyn av serveringstillstånd tillsammans med kommunens alkoholhandläggare", "kommun", "planned"),
            ],
            [
                "{\"name\": \"Narkotikabrott\", \"kind\": \"incidents\", \"categories\": [\"drugs\"], \"direction\": \"decrease\", \"target\": {\"change_percent\": -10}}",
                "{\"name\": \"Rapporter om samlingar\", \"kind\": \"reports\", \"categories\": [\"gathering\"], \"direction\": \"decrease\", \"target\": {\"change_percent\": -10}}",
            ])).Append(",\n");
        json.Append(Promise(Id(2), "Ökad trygghet och minskad brottsbenägenhet i centrum", period, "\"area\": \"Centrum\"",
            [
                ("Synlig polisnärvaro vid Stora torget och busstationen fredag och lördag kväll", "polisen", "ongoing"),
                ("Kamerabevakning av busstationen och Storgatan", "kommun", "done"),
                ("Trygghetsvandring med handlare och boende", "kommun", "done"),
            ],
            [
                "{\"name\": \"Anmälda brott i centrum\", \"kind\": \"incidents\", \"direction\": \"decrease\", \"target\": {\"change_percent\": -10}}",
                "{\"name\": \"Polisnärvaro i centrum\", \"kind\": \"presence_minutes\", \"direction\": \"increase\", \"target\": {\"value\": 800}}",
                "{\"name\": \"Trygghetsindex i centrum\", \"kind\": \"survey_score\", \"direction\": \"increase\", \"target\": {\"change_percent\": 5}}",
            ])).Append(",\n");
        json.Append(Promise(Id(3), "Ökad trygghet och minskad brottsbenägenhet i Nygårdsområdet", period, "\"area\": \"Nygård\"",
            [
                ("Ny belysning längs Parkstigen genom Stadsparken", "kommun", lighting),
                ("Röjning av buskage och häckar längs gångstråket", "kbab", "done"),
                ("Grannsamverkan i Nygård tillsammans med KBAB", "polisen", "ongoing"),
                ("Närvaro av polis och fältassistenter kvällstid", "polisen", "ongoing"),
            ],
            [
                "{\"name\": \"Skadegörelse och klotter i Nygård\", \"kind\": \"incidents\", \"categories\": [\"vandalism\"], \"direction\": \"decrease\", \"target\": {\"change_percent\": -10}}",
                "{\"name\": \"Polisnärvaro i Nygård\", \"kind\": \"presence_minutes\", \"direction\": \"increase\", \"target\": {\"value\": 400}}",
                "{\"name\": \"Situationella åtgärder genomförda\", \"kind\": \"measures_done\", \"direction\": \"increase\", \"target\": {\"value\": 1}}",
                "{\"name\": \"Trygghetsindex i Nygård\", \"kind\": \"survey_score\", \"direction\": \"increase\", \"target\": {\"change_percent\": 5}}",
            ])).Append(",\n");
        json.Append(Promise(Id(4), "Trafiksäkerhet", period, "\"theme\": \"traffic\"",
            [
                ("Hastighetskontroller vid skolor och förskolor", "polisen", "ongoing"),
                ("Trafiksäkerhetsvandring med skolorna", "kommun", "planned"),
            ],
            [
                "{\"name\": \"Trafikbrott\", \"kind\": \"incidents\", \"categories\": [\"traffic\"], \"direction\": \"decrease\", \"target\": {\"change_percent\": -10}}",
            ])).Append('\n');
        json.Append("  ]\n}\n");
        File.WriteAllText(path, json.ToString(), DemoFormat.Utf8);
    }

    private static string Promise(string id, string title, string period, string focus, (string Text, string Owner, string Status)[] activities, string[] indicators)
    {
        var a = string.Join(",\n", activities.Select(x => $"        {{\"text\": {DemoFormat.JsonString(x.Text)}, \"owner\": \"{x.Owner}\", \"status\": \"{x.Status}\"}}"));
        var i = string.Join(",\n", indicators.Select(x => "        " + x));
        return $"    {{\n      \"id\": \"{id}\",\n      \"title\": {DemoFormat.JsonString(title)},\n      {period},\n      {focus},\n      \"activities\": [\n{a}\n      ],\n      \"indicators\": [\n{i}\n      ]\n    }}";
    }

    /// <summary>The yearly safety survey of the two focus areas (a score of 1–5, higher is safer), the last two years.</summary>
    public static void WriteSurveys(string path, DemoPlan plan, DemoTown town)
    {
        var r = DemoRandom.Stream(plan.Seed, "surveys");
        using var writer = new GeoJsonFileWriter(path, "safety surveys (synthetic demo data)");
        foreach (var area in town.Areas.Where(a => a.Kind == "focus_area"))
        {
            var score = area.Name == "Centrum" ? 3.1 : 2.8;
            for (var year = plan.PromiseYear - 1; year <= plan.PromiseYear; year++)
            {
                score = Math.Round(score + ((r.NextDouble() - 0.3) * 0.3), 1);
                writer.Add(area.Geometry, ("id", $"S-{area.Id}-{year}"), ("name", area.Name), ("kind", "survey_area"), ("year", year),
                    ("safety_score", score), ("respondents", 150 + r.Next(120)));
            }
        }
    }
}
