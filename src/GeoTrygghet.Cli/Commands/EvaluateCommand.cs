using System.Text.Json;
using GeoTrygghet.Application.Evaluation;
using GeoTrygghet.Core.Evaluation;
using GeoTrygghet.Data.Evaluation;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Data;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt evaluate</c>: a measure's before/after evaluation against a displacement buffer and a control
/// area, all events and split into dark and daylight, written as JSON with a Swedish summary.
/// </summary>
internal static class EvaluateCommand
{
    private const int DefaultDays = 365;

    public static Command Create()
    {
        var measure = new Option<string?>("--measure") { Description = "the measure's id in the register (SOURCE:ID when two sources share it); its polygon is the treated area and its start date the date" };
        var treated = new Option<string?>("--treated") { Description = "GeoJSON with the treated area's polygon(s), instead of --measure (its CRS member, else WGS 84)" };
        var date = new Option<string?>("--date") { Description = "the measure's first day, YYYY-MM-DD (required with --treated; overrides the register's start date)" };
        var buffer = new Option<double>("--buffer") { Description = "width in metres of the displacement ring around the treated area", DefaultValueFactory = _ => 200 };
        var control = new Option<string?>("--control") { Description = "GeoJSON with the control area (default: the rest of the study area outside the treated area and its buffer)" };
        var before = new Option<int?>("--before") { Description = $"days before the date (default {DefaultDays}: a whole year, so both periods hold every season)" };
        var after = new Option<int?>("--after") { Description = $"days from the date on (default {DefaultDays})" };
        var darkOnly = new Option<bool>("--dark-only") { Description = "the top-level statistics count only events after dark (the dark and daylight sections are always there)" };
        var events = new Option<string>("--events") { Description = "incidents or reports", DefaultValueFactory = _ => "incidents" };
        events.AcceptOnlyFromAmong("incidents", "reports");
        var category = new Option<string[]>("--category") { Description = "only these categories (incident group or category, or report category); repeatable", Arity = ArgumentArity.ZeroOrMore };
        var source = new Option<string[]>("--source") { Description = "only events of these import sources; repeatable", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "write the evaluation JSON here (default: print it)" };
        var command = new Command("evaluate", "Evaluate a measure before/after against a displacement buffer and a control area: counts R0,R1,B0,B1,C0,C1, WDQ, WDD, Poisson rate ratio, relative effect, all events and after dark / by daylight, with a Swedish summary.")
        {
            measure, treated, date, buffer, control, before, after, darkOnly, events, category, source, output,
        };
        command.SetAction(parse => CliRun.Guard(() => Run(parse, measure, treated, date, buffer, control, before, after, darkOnly, events, category, source, output)));
        return command;
    }

    private static int Run(ParseResult parse, Option<string?> measureOption, Option<string?> treatedOption, Option<string?> dateOption, Option<double> bufferOption,
        Option<string?> controlOption, Option<int?> beforeOption, Option<int?> afterOption, Option<bool> darkOnlyOption, Option<string> eventsOption,
        Option<string[]> categoryOption, Option<string[]> sourceOption, Option<string?> outputOption)
    {
        var id = parse.GetValue(measureOption);
        var treatedFile = parse.GetValue(treatedOption);
        if ((id is null) == (treatedFile is null))
        {
            throw new FormatException("give either --measure ID or --treated FILE --date YYYY-MM-DD.");
        }

        var givenDate = PointOptions.Date(parse.GetValue(dateOption), "--date");
        if (treatedFile is not null && givenDate is null)
        {
            throw new FormatException("--treated needs --date YYYY-MM-DD, the measure's first day.");
        }

        foreach (var (option, file) in new[] { ("--treated", treatedFile), ("--control", parse.GetValue(controlOption)) })
        {
            if (file is not null && !File.Exists(file))
            {
                throw new IOException($"{option} {file}: no such file");
            }
        }

        if (parse.GetValue(beforeOption) is <= 0 || parse.GetValue(afterOption) is <= 0)
        {
            throw new FormatException("--before and --after must be a positive number of days.");
        }

        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        var srid = SchemaManager.AnalysisSrid(cs);
        var controlFile = parse.GetValue(controlOption);
        var settings = DeploymentConfig.Load(srid);
        var result = EvaluationRunner.Run(cs, new EvaluationRequest
        {
            MeasureId = id,
            Treated = treatedFile is null ? null : PointOptions.Polygon(treatedFile, srid, "the treated area"),
            TreatedName = treatedFile is null ? null : Path.GetFileName(treatedFile),
            Date = givenDate,
            BufferMetres = parse.GetResult(bufferOption) is null ? null : parse.GetValue(bufferOption),
            Control = controlFile is null ? null : PointOptions.Polygon(controlFile, srid, "the control area"),
            ControlName = controlFile,
            BeforeDays = parse.GetValue(beforeOption),
            AfterDays = parse.GetValue(afterOption),
            DarkOnly = parse.GetValue(darkOnlyOption),
            Reports = parse.GetValue(eventsOption) == "reports",
            Categories = parse.GetValue(categoryOption) ?? [],
            Sources = parse.GetValue(sourceOption) ?? [],
            StudyArea = settings.StudyArea,
            StudyAreaSource = DeploymentConfig.PathInUse,
        });
        var json = result.ToJsonString(Core.JsonOutput.Indented);
        var outPath = parse.GetValue(outputOption);
        var console = outPath is null ? Console.Error : Console.Out;
        if (outPath is null)
        {
            Console.Out.WriteLine(json);
        }
        else
        {
            File.WriteAllText(outPath, json + "\n");
        }

        PrintSummary(console, result, outPath);
        return CliRun.Ok;
    }

    private static void PrintSummary(TextWriter console, JsonObject result, string? outPath)
    {
        static string V(JsonNode? n) => n is null ? "n/a" : n.ToJsonString();
        static string Ci(JsonNode? n) => n is JsonArray a ? $"{V(a[0])}–{V(a[1])}" : "n/a";
        var counts = result["counts"]!;
        var periods = result["periods"]!;
        console.WriteLine($"evaluate: {result["measure"]!["id"]} from {result["measure"]!["date"]}, before {periods["before"]!["from"]}..{periods["before"]!["to"]}, after {periods["after"]!["from"]}..{periods["after"]!["to"]}");
        console.WriteLine($"  counts R0={counts["R0"]} R1={counts["R1"]} B0={counts["B0"]} B1={counts["B1"]} C0={counts["C0"]} C1={counts["C1"]}");
        console.WriteLine($"  relative effect {V(result["relative_effect"]?["estimate"])} (90% CI {Ci(result["relative_effect"]?["ci90"])}), WDD {V(result["wdd"]?["estimate"])} (90% CI {Ci(result["wdd"]?["ci90"])}), WDQ {V(result["wdq"])}");
        console.WriteLine($"  after dark against the control {V(result["dark"]!["relative_effect"]!["estimate"])} (90% CI {Ci(result["dark"]!["relative_effect"]!["ci90"])}); by daylight {V(result["daylight"]!["relative_effect"]!["estimate"])} (90% CI {Ci(result["daylight"]!["relative_effect"]!["ci90"])})");
        console.WriteLine($"  the area's own rate per dark hour {V(result["dark"]!["rate_ratio"]!["estimate"])} (90% CI {Ci(result["dark"]!["rate_ratio"]!["ci90"])}); per daylight hour {V(result["daylight"]!["rate_ratio"]!["estimate"])} (90% CI {Ci(result["daylight"]!["rate_ratio"]!["ci90"])})");
        foreach (var (key, value) in result["defaults"]!.AsObject())
        {
            console.WriteLine($"  default {key}: {value}");
        }

        foreach (var warning in result["warnings"]!.AsArray())
        {
            console.WriteLine($"  warning: {warning}");
        }

        console.WriteLine(result["summary_sv"]!.GetValue<string>());
        if (outPath is not null)
        {
            console.WriteLine($"wrote {outPath}");
        }
    }
}
