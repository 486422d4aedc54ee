using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Reporting;

/// <summary>
/// The committed demo town loaded by the real <c>gt demo --no-serve</c> and its quarter 4 of 2024 reported by the real
/// <c>gt report quarter</c>: in Swedish (PDF, HTML, JSON), in English (PDF, JSON) and the public version (PDF, JSON).
/// </summary>
public sealed class QuarterReportFixture : IDisposable
{
    public QuarterReportFixture()
    {
        // An old safety survey asked in a wider area under the focus area's name: a survey's area is not the area, and
        // the counts must not take in the events around Centrum that it covers.
        Demo.Db.Execute("""
            INSERT INTO areas (source, external_id, kind, name, year, geom, safety_score, respondents)
            SELECT 'test', 'S-wide', 'survey_area', 'Centrum', 2020, ST_Multi(ST_Buffer(geom, 500)), 2.5, 99 FROM areas WHERE name = 'Centrum' AND kind = 'focus_area'
            """);
        Run("sv", "--out", File("sv.pdf"), "--html", File("sv.html"), "--json", File("sv.json"));
        Run("en", "--lang", "en", "--out", File("en.pdf"), "--json", File("en.json"));
        Run("public", "--public", "--out", File("public.pdf"), "--json", File("public.json"));
    }

    public DemoTownDatabase Demo { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("gt-report-").FullName;

    public Dictionary<string, GtProcess.Result> Runs { get; } = new(StringComparer.Ordinal);

    public string File(string name) => Path.Combine(Folder, name);

    public JsonObject Json(string name) => JsonNode.Parse(System.IO.File.ReadAllText(File(name)))!.AsObject();

    private void Run(string name, params string[] args)
    {
        var run = GtProcess.Run(Demo.ConnectionString, ["report", "quarter", "--year", "2024", "--quarter", "4", .. args]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"gt report quarter ({name}) failed: {run.All}");
        }

        Runs[name] = run;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        Demo.Dispose();
    }
}
