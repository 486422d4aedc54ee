using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Reporting;

/// <summary>
/// <c>gt report quarter</c> on the committed demo town (issue #11): every count equals a PostGIS query written here on
/// the README's counting rule, the comparisons equal R's poisson.test, the same data give the same JSON bytes, the PDF
/// renders with every section in Swedish and in English, and the public version shows no count under five.
/// </summary>
public sealed class QuarterReportTests(QuarterReportFixture report) : IClassFixture<QuarterReportFixture>
{
    private const string Quarter = "time_from >= TIMESTAMP '2024-10-01' AT TIME ZONE 'Europe/Stockholm' AND time_from < TIMESTAMP '2025-01-01' AT TIME ZONE 'Europe/Stockholm'";
    private const string YearBefore = "time_from >= TIMESTAMP '2023-10-01' AT TIME ZONE 'Europe/Stockholm' AND time_from < TIMESTAMP '2024-01-01' AT TIME ZONE 'Europe/Stockholm'";

    private static string In(string? area) => area is null ? "TRUE" : $"EXISTS (SELECT 1 FROM areas a WHERE a.name = '{area}' AND a.kind <> 'survey_area' AND ST_Covers(a.geom, e.geom))";

    private static IEnumerable<(string? Area, JsonObject Section)> Sections(JsonObject json) =>
        json["areas"]!.AsArray().Select(a => ((string?)a!["name"], a.AsObject())).Append((null, json["municipality"]!.AsObject()));

    [Fact]
    public void Every_count_equals_a_PostGIS_query_on_the_counting_rule()
    {
        var json = report.Json("sv.json");
        Assert.Equal(["Centrum", "Nygård"], json["areas"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal("2024-10-01", (string)json["period"]!["from"]!);
        Assert.Equal("2024-12-31", (string)json["period"]!["to"]!);
        foreach (var (area, s) in Sections(json))
        {
            var i = s["incidents"]!;
            Assert.Equal(report.Demo.Scalar($"SELECT count(*) FROM incidents e WHERE {Quarter} AND {In(area)}"), (long)i["count"]!);
            Assert.Equal(report.Demo.Scalar($"SELECT count(*) FROM incidents e WHERE {YearBefore} AND {In(area)}"), (long)i["previous_year"]!);
            var groups = report.Demo.Rows($"SELECT category_group, count(*) FILTER (WHERE {Quarter}), count(*) FILTER (WHERE {YearBefore}) FROM incidents e WHERE ({Quarter} OR {YearBefore}) AND {In(area)} GROUP BY 1");
            Assert.Equal(groups.Count, i["by_group"]!.AsObject().Count);
            foreach (var g in groups)
            {
                Assert.Equal((long)g[1]!, (long)i["by_group"]![(string)g[0]!]!["count"]!);
                Assert.Equal((long)g[2]!, (long)i["by_group"]![(string)g[0]!]!["previous_year"]!);
            }

            Assert.Equal(report.Demo.Scalar($"SELECT count(*) FROM reports e WHERE {Quarter} AND {In(area)}"), (long)s["reports"]!["count"]!);
            Assert.Equal(report.Demo.Scalar($"SELECT count(*) FROM reports e WHERE {YearBefore} AND {In(area)}"), (long)s["reports"]!["previous_year"]!);
            var reportCategories = report.Demo.Rows($"SELECT category, count(*) FILTER (WHERE {Quarter}), count(*) FILTER (WHERE {YearBefore}) FROM reports e WHERE ({Quarter} OR {YearBefore}) AND {In(area)} GROUP BY 1");
            Assert.Equal(reportCategories.Count, s["reports"]!["by_category"]!.AsObject().Count);
            foreach (var c in reportCategories)
            {
                Assert.Equal((long)c[1]!, (long)s["reports"]!["by_category"]![(string)c[0]!]!["count"]!);
                Assert.Equal((long)c[2]!, (long)s["reports"]!["by_category"]![(string)c[0]!]!["previous_year"]!);
            }

            var categories = report.Demo.Rows($"SELECT category, count(*) FILTER (WHERE {Quarter}), count(*) FILTER (WHERE {YearBefore}) FROM incidents e WHERE ({Quarter} OR {YearBefore}) AND {In(area)} GROUP BY 1")
                .ToDictionary(r => (string)r[0]!, r => ((long)r[1]!, (long)r[2]!));
            var top = s["top_categories"]!.AsArray();
            Assert.Equal(Math.Min(8, categories.Count), top.Count);
            Assert.All(top, t => Assert.Equal(categories[(string)t!["category"]!], ((long)t["count"]!, (long)t["previous_year"]!)));
            Assert.Equal(categories.Values.Select(v => v.Item1).OrderDescending().Take(top.Count), top.Select(t => (long)t!["count"]!));
            var drugs = s["themes"]!.AsArray().Single(t => (string)t!["theme"]! == "andt")!;
            Assert.Equal(report.Demo.Scalar($"SELECT count(*) FROM incidents e WHERE {Quarter} AND category_group = 'drugs' AND {In(area)}"), (long)drugs["count"]!);

            var months = s["months"]!.AsArray();
            Assert.Equal(24, months.Count);
            Assert.Equal("2023-01", (string)months[0]!["month"]!);
            Assert.Equal("2024-12", (string)months[^1]!["month"]!);
            var byMonth = report.Demo.Rows($"""
                SELECT to_char(time_from AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), count(*) FROM incidents e
                WHERE time_from >= TIMESTAMP '2023-01-01' AT TIME ZONE 'Europe/Stockholm' AND time_from < TIMESTAMP '2025-01-01' AT TIME ZONE 'Europe/Stockholm' AND {In(area)} GROUP BY 1
                """).ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
            Assert.All(months, m => Assert.Equal(byMonth.GetValueOrDefault((string)m!["month"]!), (long)m!["incidents"]!));
            var reportsByMonth = report.Demo.Rows($"""
                SELECT to_char(time_from AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), count(*) FROM reports e
                WHERE time_from >= TIMESTAMP '2023-01-01' AT TIME ZONE 'Europe/Stockholm' AND time_from < TIMESTAMP '2025-01-01' AT TIME ZONE 'Europe/Stockholm' AND {In(area)} GROUP BY 1
                """).ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
            Assert.All(months, m => Assert.Equal(reportsByMonth.GetValueOrDefault((string)m!["month"]!), (long)m!["reports"]!));

            var week = s["hour_of_week"]!.AsArray();
            Assert.Equal(7, week.Count);
            var cells = report.Demo.Rows($"""
                SELECT extract(isodow FROM time_from AT TIME ZONE 'Europe/Stockholm')::int, extract(hour FROM time_from AT TIME ZONE 'Europe/Stockholm')::int, count(*)
                FROM incidents e WHERE {Quarter} AND {In(area)} GROUP BY 1, 2
                """);
            Assert.All(cells, c => Assert.Equal((long)c[2]!, (long)week[(int)c[0]! - 1]![(int)c[1]!]!));
            Assert.Equal((long)i["count"]!, week.Sum(d => d!.AsArray().Sum(n => (long)n!)));
        }
    }

    [Fact]
    public void Rate_ratios_intervals_and_p_values_equal_Rs_poisson_test()
    {
        var reference = File.ReadLines(Path.Combine(GtProcess.RepositoryRoot, "tests", "fixtures", "reporting", "quarter_reference.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => (long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture)));
        foreach (var (area, s) in Sections(report.Json("sv.json")))
        {
            var i = s["incidents"]!;
            var pair = ((long)i["count"]!, (long)i["previous_year"]!);
            Assert.True(reference.TryGetValue(pair, out var r), $"{area ?? "the municipality"}: add c({pair.Item1}, {pair.Item2}) to make_quarter_fixtures.R and run it");
            Close(double.Parse(r[2], CultureInfo.InvariantCulture), (double)i["rate_ratio"]!, 1e-6);
            Close(double.Parse(r[3], CultureInfo.InvariantCulture), (double)i["p"]!, 1e-5);
            Close(double.Parse(r[4], CultureInfo.InvariantCulture), (double)i["ci90"]![0]!, 1e-5);
            Close(double.Parse(r[5], CultureInfo.InvariantCulture), (double)i["ci90"]![1]!, 1e-5);
        }
    }

    [Fact]
    public void Promises_presence_and_surveys_equal_what_the_store_holds()
    {
        var json = report.Json("sv.json");
        var promises = json["promises"]!.AsArray();
        Assert.Equal(["ML-2024-1", "ML-2024-2", "ML-2024-3", "ML-2024-4"], promises.Select(p => (string)p!["id"]!));
        var drugs = promises[0]!["indicators"]!.AsArray().Single(x => (string)x!["name"]! == "Narkotikabrott")!;
        var now = report.Demo.Scalar($"SELECT count(*) FROM incidents e WHERE {Quarter} AND category_group = 'drugs'");
        var before = report.Demo.Scalar($"SELECT count(*) FROM incidents e WHERE {YearBefore} AND category_group = 'drugs'");
        Assert.Equal(now, (long)drugs["value"]!);
        Assert.Equal(before, (long)drugs["baseline"]!);
        Assert.Equal(Math.Round(before * 0.9, 2), (double)drugs["target"]!, 6);
        Assert.Equal(now <= before * 0.9, (bool)drugs["met"]!);

        var centrum = json["areas"]![0]!;
        var minutes = report.Demo.Rows("""
            SELECT coalesce(sum(extract(epoch FROM least(left_at, TIMESTAMP '2025-01-01' AT TIME ZONE 'Europe/Stockholm') - greatest(arrived_at, TIMESTAMP '2024-10-01' AT TIME ZONE 'Europe/Stockholm'))) / 60, 0)::float8, count(*)
            FROM patrol_visits v WHERE arrived_at < TIMESTAMP '2025-01-01' AT TIME ZONE 'Europe/Stockholm' AND left_at > TIMESTAMP '2024-10-01' AT TIME ZONE 'Europe/Stockholm'
              AND EXISTS (SELECT 1 FROM areas a WHERE a.name = 'Centrum' AND a.kind = 'focus_area' AND ST_Covers(a.geom, v.geom))
            """).Single();
        Assert.True((long)minutes[1]! > 0, "the demo's police visits reach Centrum in the quarter");
        Assert.Equal(Math.Round((double)minutes[0]!, 1), (double)centrum["presence"]!["delivered_minutes"]!, 6);
        Assert.Equal(800, (double)centrum["presence"]!["planned_minutes"]!);
        var survey = report.Demo.Rows("SELECT safety_score, respondents FROM areas WHERE kind = 'survey_area' AND name = 'Centrum' AND year = 2024").Single();
        Assert.Equal(Convert.ToDouble(survey[0], CultureInfo.InvariantCulture), (double)centrum["survey"]!["score"]!, 6);
        Assert.Equal(Convert.ToInt64(survey[1], CultureInfo.InvariantCulture), (long)centrum["survey"]!["respondents"]!);

        // The lighting measure (M01, 2023-07-03) has had its year: its evaluation is there, with the planted fall.
        var lighting = json["areas"]![1]!["measures"]!.AsArray().Single(m => (string)m!["id"]! == "M01")!;
        Assert.Equal("ongoing", (string)lighting["status"]!);
        Assert.True((double)lighting["evaluation"]!["ci90"]![1]! < 1, "the lighting measure's fall is certain");
    }

    [Fact]
    public void The_same_data_give_the_same_json_bytes_and_the_report_states_its_version_and_choices()
    {
        var again = Path.Combine(report.Folder, "again.json");
        var run = GtProcess.Run(report.Demo.ConnectionString, "report", "quarter", "--year", "2024", "--quarter", "4", "--out", Path.Combine(report.Folder, "again.pdf"), "--json", again);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(File.ReadAllBytes(report.File("sv.json")), File.ReadAllBytes(again));
        var json = report.Json("sv.json");
        var version = (string)json["data"]!["version"]!;
        Assert.Matches(@"^areas:\d+,basemap_features:\d+,cameras:\d+,incidents:\d+,", version);
        Assert.Equal(report.Demo.Scalar("SELECT max(id) FROM data_changes WHERE layer = 'incidents'"), (long)json["data"]!["versions"]!["incidents"]!);
        Assert.Contains("every focus area (Centrum, Nygård)", (string)json["data"]!["choices"]!["areas"]!);
        Assert.Contains("Gi*", (string)json["data"]!["parameters"]!["hotspots"]!);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:", File.ReadAllText(report.File("sv.json")));
    }

    [Fact]
    public void The_pdf_renders_and_holds_every_section_in_swedish_and_in_english()
    {
        var sv = PdfText(report.File("sv.pdf"));
        foreach (var heading in new[]
        {
            "EST-uppföljning kvartal 4 2024", "Fokusområde Centrum", "Fokusområde Nygård", "Hela kommunen", "Sammanfattning", "Karta över kvartalet", "Nyckeltal",
            "Utveckling per månad", "Veckodag och timme", "Vanligaste brottskategorierna", "EST-rapporter per kategori", "Brottskoncentrationer", "Åtgärder", "Närvaro",
            "Trygghetsmätning", "Medborgarlöften", "Metod och data", "ML-2024-3", "Skapad",
        })
        {
            Assert.Contains(heading, sv);
        }

        Assert.Contains("Skillnaden kan vara slumpmässig", sv);
        // Places and organisations are named as people name them, not by the register's ids.
        Assert.Contains("Kamerabevakning av busstationen och Storgatans östra del", sv);
        Assert.DoesNotMatch(@"\(M0\d", sv);
        Assert.Contains("Demostads kommun", sv);
        var names = report.Demo.Rows("SELECT DISTINCT name FROM basemap_features WHERE name IS NOT NULL").Select(r => (string)r[0]!).ToHashSet();
        var hotspots = Sections(report.Json("sv.json")).SelectMany(s => s.Section["hotspots"]!.AsArray()).Where(h => (string)h!["status"]! != "gone").ToList();
        Assert.NotEmpty(hotspots);
        Assert.All(hotspots, h => Assert.Contains((string?)h!["place"] ?? "(none)", names));
        Assert.All(hotspots, h => Assert.Contains((string)h!["place"]!, sv));
        Assert.DoesNotContain("of the quarter's", sv);
        Assert.DoesNotContain("every focus area", sv);
        var en = PdfText(report.File("en.pdf"));
        foreach (var heading in new[]
        {
            "EST follow-up Q4 2024", "Focus area Centrum", "The whole municipality", "Summary", "Map of the quarter", "Key figures", "Trend by month", "Weekday and hour",
            "Top categories", "EST reports by category", "Hotspots", "Measures", "Presence", "Safety survey", "Citizen promises", "Method and data",
        })
        {
            Assert.Contains(heading, en);
        }

        Assert.DoesNotContain("Sammanfattning", en);
        var png = Path.Combine(report.Folder, "page");
        Assert.Equal(0, Tool("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", report.File("sv.pdf"), png).ExitCode);
        Assert.True(new FileInfo(png + "-01.png").Length > 5_000, "the first page renders to an image");
    }

    [Fact]
    public void The_public_version_shows_no_count_under_five_and_says_it_is_public()
    {
        var json = report.Json("public.json");
        Assert.True((bool)json["public"]!);
        var counts = new List<long>();
        void Walk(JsonNode? node, string? key)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(v, k);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Walk(v, key);
                    }

                    break;
                case JsonValue v when key is "count" or "previous_year" or "incidents" or "reports" or "hour_of_week" && v.TryGetValue<long>(out var n):
                    counts.Add(n);
                    break;
            }
        }

        Walk(json, null);
        Assert.True(counts.Count > 100);
        Assert.DoesNotContain(counts, n => n is > 0 and < 5);

        // No hidden count can be worked out as a total less the parts shown (secondary suppression).
        static long? N(JsonNode? n) => n is null ? null : (long)n;
        void NoRest(long? total, IEnumerable<long?> parts, string what)
        {
            if (total is { } t)
            {
                var rest = t - parts.Where(p => p is not null).Sum(p => p!.Value);
                Assert.False(rest is > 0 and < 5, $"{what}: {t} less the parts shown leaves {rest}");
            }
        }

        foreach (var (area, s) in Sections(json))
        {
            var i = s["incidents"]!;
            var groups = i["by_group"]!.AsObject().Select(g => g.Value!).ToList();
            NoRest(N(i["count"]), groups.Select(g => N(g["count"])), $"{area} groups");
            NoRest(N(i["previous_year"]), groups.Select(g => N(g["previous_year"])), $"{area} groups a year before");
            NoRest(N(i["count"]), s["hour_of_week"]!.AsArray().SelectMany(d => d!.AsArray()).Select(N), $"{area} weekday and hour");
            var months = s["months"]!.AsArray();
            NoRest(N(i["count"]), months.Skip(21).Select(m => N(m!["incidents"])), $"{area} the quarter's months");
            NoRest(N(i["previous_year"]), months.Skip(9).Take(3).Select(m => N(m!["incidents"])), $"{area} the months a year before");
            var r = s["reports"]!;
            NoRest(N(r["count"]), r["by_category"]!.AsObject().Select(c => N(c.Value!["count"])), $"{area} report categories");
            NoRest(N(r["count"]), months.Skip(21).Select(m => N(m!["reports"])), $"{area} the quarter's months of reports");
            Assert.Empty(s["top_categories"]!.AsArray());
            foreach (var m in s["measures"]!.AsArray().Where(m => m!["evaluation"] is JsonObject))
            {
                foreach (var key in new[] { "before", "after" })
                {
                    Assert.False(N(m!["evaluation"]![key]) is > 0 and < 5, $"{area} measure {m["id"]}: {key}");
                }
            }
        }

        var both = GtProcess.Run(report.Demo.ConnectionString, "report", "quarter", "--year", "2024", "--quarter", "4", "--public", "--area", "Innerstaden", "--out", Path.Combine(report.Folder, "inner.pdf"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("the public version covers every focus area", both.Stderr);
        var exact = report.Json("sv.json");
        Assert.Contains(Sections(exact).SelectMany(s => s.Section["hour_of_week"]!.AsArray().SelectMany(d => d!.AsArray())), n => (long)n! is > 0 and < 5);
        Assert.Contains("offentlig version", PdfText(report.File("public.pdf")));
    }

    [Fact]
    public void An_unknown_area_names_the_areas_there_are()
    {
        var run = GtProcess.Run(report.Demo.ConnectionString, "report", "quarter", "--year", "2024", "--quarter", "4", "--area", "Gamla stan", "--out", Path.Combine(report.Folder, "x.pdf"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no area named 'Gamla stan'; areas: Centrum, Innerstaden, Norra staden, Nygård", run.Stderr);
        Assert.False(File.Exists(Path.Combine(report.Folder, "x.pdf")));
    }

    [Fact]
    public void A_bad_promise_register_is_refused_whole_naming_file_promise_and_field()
    {
        var file = Path.Combine(report.Folder, "bad-promises.json");
        File.WriteAllText(file, """{"promises": [{"id": "X-1", "title": "Ny", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "area": "Centrum"}, {"id": "X-2", "title": "Fel", "period": {"from": "2024-01-01"}, "area": "Centrum"}]}""");
        var before = report.Demo.Scalar("SELECT count(*) FROM promises");
        var run = GtProcess.Run(report.Demo.ConnectionString, "import", "promises", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}: 1 fault(s), nothing imported", run.Stderr);
        Assert.Contains("promise 2 (X-2), period.to: required, a date YYYY-MM-DD", run.Stderr);
        Assert.Equal(before, report.Demo.Scalar("SELECT count(*) FROM promises"));
    }

    private static string PdfText(string pdf)
    {
        var run = Tool("pdftotext", "-layout", pdf, "-");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output;
    }

    private static (int ExitCode, string Output, string Error) Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
