using System.Net;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// <c>GET /reports/quarter.{json,html,pdf}</c> for the viewer's report page (issue #11): the reader who sees both event
/// layers exactly gets the very report of <c>gt report quarter</c>, byte for byte; a reader who sees a layer only as
/// counts, and someone not signed in, the public version; the HTML may be framed by the viewer and by nothing else.
/// </summary>
public sealed class ReportEndpointTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    private const string Query = "year=2024&quarter=4";

    [Fact]
    public async Task The_analyst_who_sees_everything_exactly_gets_the_command_lines_report_byte_for_byte()
    {
        var sharing = GtProcess.Run(service.Db.ConnectionString, "sharing", "set", "--from", "kbab", "--to", "polisen", "--layer", "reports", "--level", "exact");
        Assert.True(sharing.ExitCode == 0, sharing.All);
        var file = Path.Combine(Path.GetTempPath(), $"gt-report-{Guid.NewGuid():N}");
        try
        {
            var cli = GtProcess.Run(service.Db.ConnectionString, "report", "quarter", "--year", "2024", "--quarter", "4", "--out", file + ".pdf", "--json", file + ".json");
            Assert.True(cli.ExitCode == 0, cli.All);
            using var analyst = service.ClientFor("polis.analytiker");
            var http = await analyst.GetByteArrayAsync($"{service.BaseUrl}/reports/quarter.json?{Query}");
            Assert.False((bool)JsonNode.Parse(http)!["public"]!);
            Assert.Equal(File.ReadAllBytes(file + ".json"), http);
        }
        finally
        {
            File.Delete(file + ".pdf");
            File.Delete(file + ".json");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (service.Db.Scalar("SELECT count(*) FROM audit_log WHERE user_name = 'polis.analytiker' AND action = 'export' AND target = 'reports/quarter.json'") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1, service.Db.Scalar("SELECT count(*) FROM audit_log WHERE user_name = 'polis.analytiker' AND action = 'export' AND target = 'reports/quarter.json'"));
    }

    [Fact]
    public async Task A_reader_who_sees_a_layer_only_as_counts_and_the_public_get_the_public_version()
    {
        using var coordinator = service.ClientFor("kommun.samordnare");
        foreach (var client in new[] { coordinator, service.Anonymous })
        {
            var json = JsonNode.Parse(await client.GetStringAsync($"{service.BaseUrl}/reports/quarter.json?{Query}"))!;
            Assert.True((bool)json["public"]!);
            var week = json["areas"]!.AsArray().SelectMany(a => a!["hour_of_week"]!.AsArray().SelectMany(d => d!.AsArray())).ToList();
            Assert.Contains(week, n => n is null);
            Assert.DoesNotContain(week, n => n is not null && (long)n is > 0 and < 5);
        }

        var pdf = await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.pdf?{Query}&lang=en");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("kvartalsrapport-2024-q4-offentlig.pdf", pdf.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    [Fact]
    public async Task The_html_may_be_framed_by_the_viewer_only_and_runs_no_script()
    {
        var html = await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.html?{Query}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("SAMEORIGIN", html.Headers.GetValues("X-Frame-Options").Single());
        var csp = html.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        var text = await html.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"sv\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        var json = await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.json?{Query}");
        Assert.Equal("DENY", json.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Bad_requests_say_what_is_wrong()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.json?year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.json?{Query}&lang=fi")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.json?year=2024&quarter=5")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.docx?{Query}")).StatusCode);
        // The public version has every focus area and no other (two overlapping areas would give away their difference).
        var inner = await service.Anonymous.GetAsync($"{service.BaseUrl}/reports/quarter.json?{Query}&area=Innerstaden");
        Assert.Equal(HttpStatusCode.BadRequest, inner.StatusCode);
        Assert.Contains("den offentliga versionen omfattar alla fokusområden", await inner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var analyst = service.ClientFor("polis.analytiker");
        var sharing = GtProcess.Run(service.Db.ConnectionString, "sharing", "set", "--from", "kbab", "--to", "polisen", "--layer", "reports", "--level", "exact");
        Assert.True(sharing.ExitCode == 0, sharing.All);
        var area = await analyst.GetAsync($"{service.BaseUrl}/reports/quarter.json?{Query}&area=Gamla%20stan");
        Assert.Equal(HttpStatusCode.NotFound, area.StatusCode);
        Assert.Contains("there is no area named 'Gamla stan'", await area.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
