using System.CommandLine;
using System.Globalization;
using GeoTrygghet.Application.Reporting;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Output.Reporting;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt report quarter --year Y --quarter Q [--area NAME …] [--lang sv|en] [--public] --out report.pdf [--html F] [--json F]</c>:
/// the quarterly EST follow-up for lokala Brå (issue #11).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "the year", Required = true };
        var quarter = new Option<int>("--quarter") { Description = "the quarter, 1–4", Required = true };
        quarter.AcceptOnlyFromAmong("1", "2", "3", "4");
        var area = new Option<string[]>("--area") { Description = "an area by name (repeatable; default: every focus area); the whole municipality is always there", Arity = ArgumentArity.ZeroOrMore };
        var lang = new Option<string>("--lang") { Description = "the language of the text: sv (default) or en", DefaultValueFactory = _ => "sv" };
        lang.AcceptOnlyFromAmong("sv", "en");
        var isPublic = new Option<bool>("--public") { Description = "the public version: whole months, fixed cells, counts under --public-min-count hidden, no single event" };
        var minCount = new Option<int>("--public-min-count") { Description = "public version: the smallest count shown (3–100)", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out") { Description = "the PDF (A4) to write", Required = true };
        var html = new Option<string?>("--html") { Description = "also write the report as one HTML page" };
        var json = new Option<string?>("--json") { Description = "also write the numbers as JSON (the same data give the same bytes)" };
        var command = new Command("quarter", "The quarterly EST follow-up per focus area for the local crime-prevention council: PDF, and HTML and JSON on request.")
        {
            year, quarter, area, lang, isPublic, minCount, output, html, json,
        };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var k = parse.GetValue(minCount);
            if (k is < 3 or > 100)
            {
                Console.Error.WriteLine("error: --public-min-count must be 3–100");
                return CliRun.Failed;
            }

            var cs = CliRun.Database();
            var srid = SchemaManager.AnalysisSrid(cs);
            var settings = DeploymentConfig.Load(srid);
            var language = parse.GetValue(lang) == "en" ? ReportLanguage.English : ReportLanguage.Swedish;
            var request = new QuarterReportRequest
            {
                Quarter = Quarter.Of(parse.GetValue(year), parse.GetValue(quarter)),
                Areas = parse.GetValue(area),
                Language = language,
                Public = parse.GetValue(isPublic),
                PublicMinCount = k,
                StudyArea = settings.StudyArea,
                StudyAreaSource = DeploymentConfig.PathInUse,
            };
            Console.Error.WriteLine($"Making the report for {request.Quarter} …");
            var report = QuarterReportBuilder.Build(cs, request, new SyncProgress(), default);

            var made = DateTimeOffset.UtcNow;
            var pdf = parse.GetValue(output)!;
            var pages = QuarterReportPdf.Write(pdf, report, language, k, made);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {pdf} ({pages} pages)"));
            if (parse.GetValue(html) is { } htmlPath)
            {
                QuarterReportHtml.Write(htmlPath, report, language, k, made);
                Console.WriteLine($"wrote {htmlPath}");
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                File.WriteAllBytes(jsonPath, QuarterReportJson.Write(report));
                Console.WriteLine($"wrote {jsonPath}");
            }

            var m = report.Municipality.Incidents;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{request.Quarter}: {report.Areas.Count} area(s) and the whole municipality; {m.Count?.ToString(CultureInfo.InvariantCulture) ?? "hidden"} incidents (a year before {m.PreviousYear?.ToString(CultureInfo.InvariantCulture) ?? "hidden"}); {report.Promises.Count} promise(s); data version {report.Data.DataVersion}"));
            return CliRun.Ok;
        }));

        return new Command("report", "Reports for the EST group and lokala Brå.") { command };
    }

    /// <summary>Progress printed at once on the caller's thread (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class SyncProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine($"  {value} …");
    }
}
