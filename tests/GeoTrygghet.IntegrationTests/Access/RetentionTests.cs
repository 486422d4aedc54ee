using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// <c>gt retention apply</c> (issue #10): report texts and patrol visits older than their age are purged — the reports
/// themselves stay for the statistics, newer ones are untouched — ages come from the options or from
/// <c>geotrygghet.json</c>, <c>--dry-run</c> changes nothing, and the purge is in the audit log.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private readonly TestDatabase db = new();

    public RetentionTests()
    {
        db.Execute("""
            INSERT INTO reports (source, external_id, kind, category, text, time_from, geom) VALUES
                ('r', 'old', 'est', 'graffiti', 'Klotter på Storgatan 3, anmält av boende', now() - interval '400 days', ST_SetSRID(ST_MakePoint(556100, 6597300), 3006)),
                ('r', 'new', 'est', 'graffiti', 'Klotter vid torget', now() - interval '10 days', ST_SetSRID(ST_MakePoint(556100, 6597300), 3006));
            INSERT INTO patrol_visits (source, external_id, patrol, arrived_at, left_at, geom) VALUES
                ('t', 'old', 'P1', now() - interval '100 days', now() - interval '100 days' + interval '10 minutes', ST_SetSRID(ST_MakePoint(556100, 6597300), 3006)),
                ('t', 'new', 'P1', now() - interval '5 days', now() - interval '5 days' + interval '10 minutes', ST_SetSRID(ST_MakePoint(556100, 6597300), 3006));
            """);
    }

    public void Dispose() => db.Dispose();

    [Fact]
    public void Old_report_texts_and_visits_are_purged_the_reports_stay_and_the_purge_is_audited()
    {
        var dry = GtProcess.Run(db.ConnectionString, "retention", "apply", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("report texts older than 365 days: 1; patrol visits older than 90 days: 1", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM reports WHERE text IS NOT NULL"));

        var run = GtProcess.Run(db.ConnectionString, "retention", "apply");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["new"], db.Rows("SELECT external_id FROM reports WHERE text IS NOT NULL").Select(r => (string)r[0]!));
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM reports"));
        Assert.Equal(["new"], db.Rows("SELECT external_id FROM patrol_visits").Select(r => (string)r[0]!));

        var audit = JsonNode.Parse(GtProcess.Run(db.ConnectionString, "audit", "--json").Stdout)!.AsArray();
        var row = Assert.Single(audit, r => r!["action"]!.GetValue<string>() == "retention")!;
        Assert.Contains("report texts older than 365 days: 1", row["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ages_come_from_the_options_else_from_the_settings_file()
    {
        var config = Path.Combine(Path.GetTempPath(), $"gt-retention-{Guid.NewGuid():N}.json");
        File.WriteAllText(config, """{"retention": {"reportTextDays": 5, "visitDays": 3}}""");
        try
        {
            var env = new Dictionary<string, string> { ["GEOTRYGGHET_CONFIG"] = config };
            var fromFile = GtProcess.RunWith(db.ConnectionString, env, "retention", "apply", "--dry-run");
            Assert.Contains("report texts older than 5 days: 2; patrol visits older than 3 days: 2", fromFile.Stdout, StringComparison.Ordinal);
            var fromOption = GtProcess.RunWith(db.ConnectionString, env, "retention", "apply", "--dry-run", "--visit-days", "50");
            Assert.Contains("patrol visits older than 50 days: 1", fromOption.Stdout, StringComparison.Ordinal);

            File.WriteAllText(config, """{"retention": {"reportTextDays": "a year"}}""");
            var bad = GtProcess.RunWith(db.ConnectionString, env, "retention", "apply", "--dry-run");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("retention.reportTextDays must be a whole number of days", bad.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
