using System.CommandLine;
using System.Globalization;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data;
using GeoTrygghet.Demo;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt demo</c>: load the synthetic demo town; <c>gt demo generate</c>: write its files.</summary>
internal static class DemoCommands
{
    /// <summary>The demo files in import order: areas and assets before the events that refer to them.</summary>
    public static readonly IReadOnlyList<(ImportKind Kind, string File)> Files =
    [
        (ImportKind.Basemap, "basemap.geojson"),
        (ImportKind.Areas, "areas.geojson"),
        (ImportKind.Areas, "surveys.geojson"),
        (ImportKind.Lights, "lights.csv"),
        (ImportKind.Cameras, "cameras.csv"),
        (ImportKind.Measures, "measures.geojson"),
        (ImportKind.Incidents, "incidents.csv"),
        (ImportKind.Reports, "reports.csv"),
    ];

    private const int DemoTownFilesSrid = 3006;

    /// <summary>
    /// Who owns which file (issue #10): the incidents are the police's, the reports the municipality's except those of the
    /// housing company's caretakers (fastighetsvärd), which are kbab's; lights, cameras and measures the municipality's.
    /// The reports are split into two files of the same source, so that each part is imported under its owner.
    /// </summary>
    private static IEnumerable<(ImportKind Kind, string File, string? Org)> Imports(string demoFolder, string splitFolder)
    {
        foreach (var (kind, file) in Files)
        {
            if (kind != ImportKind.Reports)
            {
                yield return (kind, file, kind switch { ImportKind.Incidents => "polisen", ImportKind.Areas or ImportKind.Basemap => null, _ => "kommun" });
                continue;
            }

            Directory.CreateDirectory(splitFolder);
            var lines = File.ReadAllLines(Path.Combine(demoFolder, file));
            var role = Array.IndexOf(lines[0].Split(','), "reporter_role");
            // The demo's own CSV: no field before the free text holds a comma or a quote.
            bool Caretaker(string line) => line.Split(',', role + 2)[role] == "fastighetsvärd";
            File.WriteAllLines(Path.Combine(splitFolder, "reports.csv"), lines.Take(1).Concat(lines.Skip(1).Where(l => !Caretaker(l))));
            File.WriteAllLines(Path.Combine(splitFolder, "reports-kbab.csv"), lines.Take(1).Concat(lines.Skip(1).Where(Caretaker)));
            yield return (kind, Path.Combine(splitFolder, "reports.csv"), "kommun");
            yield return (kind, Path.Combine(splitFolder, "reports-kbab.csv"), "kbab");
        }
    }

    public static string DemoFolder => Path.Combine(ProjectPaths.Root, "data", "demo");

    /// <summary>The key in deployment_settings that keeps the last day of the demo town loaded into the database.</summary>
    private const string DemoEndSetting = "demo_end";

    /// <summary>The Stockholm date before today: the default end of the demo town, so that it runs up to today.</summary>
    public static DateOnly Yesterday => GeoTrygghet.Core.Time.StockholmTime.LocalDate(DateTimeOffset.UtcNow).AddDays(-1);

    public static readonly Option<DateOnly?> End = new("--end")
    {
        Description = "last day of the demo town's three years, YYYY-MM-DD (default: yesterday, so that the demo runs up to today; "
            + "2024-12-31 loads the files committed in data/demo)",
        CustomParser = result => ParseDate(result),
    };

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        result.AddError($"--end must be a date such as 2024-12-31, not '{text}'");
        return null;
    }

    /// <summary>
    /// The folder of the demo town that ends on the given day: data/demo for the committed files, else a town generated
    /// once into .local/demo/ (a second or two; the same seed and end give the same bytes, so it is kept and reused until the
    /// generator changes).
    /// </summary>
    public static string TownFolder(DateOnly end, TextWriter log)
    {
        if (end == DemoTownOptions.CommittedEnd)
        {
            return DemoFolder;
        }

        var folder = Path.Combine(ProjectPaths.Root, ".local", "demo", "town-" + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // A town made by another build of the generator is made again: its files may differ or be missing.
        var stamp = Path.Combine(folder, ".generator");
        var generator = typeof(DemoTownGenerator).Assembly.ManifestModule.ModuleVersionId.ToString();
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != generator)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generating the demo town for the three years up to {end:yyyy-MM-dd} into {folder} …"));
            var partial = folder + ".partial";
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            DemoTownGenerator.Write(partial, new DemoTownOptions { End = end });
            File.WriteAllText(Path.Combine(partial, ".generator"), generator);
            Directory.Move(partial, folder);
        }

        return folder;
    }

    public static Command Create()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "only load the demo town; do not start the map service" };
        var demo = new Command("demo", "Start the database if needed, load the synthetic demo town from data/demo/ (safe to run again) and serve it; prints the address to open.")
        {
            noServe, End, ServeCommand.Urls, ServeCommand.DetailZoom, ServeCommand.Public, ServeCommand.PublicCell, ServeCommand.PublicMinCount, ServeCommand.AllowedHosts,
            ServeCommand.TrustedProxies, ServeCommand.SecureCookies,
        };
        demo.SetAction(parse => CliRun.Guard(() =>
        {
            var code = Seed(Console.Out, Console.Error, parse.GetValue(End) ?? Yesterday);
            if (code != CliRun.Ok || parse.GetValue(noServe))
            {
                return code;
            }

            code = DefaultRuns();
            return code != CliRun.Ok ? code : ServeCommand.Serve(parse);
        }));

        var output = new Option<string?>("--out") { Description = "folder to write to (default: data/demo for --end 2024-12-31, the committed files; else .local/demo/town-END)" };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same files", DefaultValueFactory = _ => new DemoTownOptions().Seed };
        var incidents = new Option<int?>("--incidents") { Description = "number of incidents (default: three realistic years, a few thousand); e.g. 1000000 for benchmarks" };
        var generate = new Command("generate", "Write the demo town's files (the same seed and end give the same bytes).") { output, seed, End, incidents };
        generate.SetAction(parse => CliRun.Guard(() =>
        {
            var options = new DemoTownOptions { Seed = parse.GetValue(seed), End = parse.GetValue(End) ?? Yesterday, IncidentCount = parse.GetValue(incidents) };
            // Plain generate must not overwrite the committed town the tests load with one that ends yesterday.
            var folder = parse.GetValue(output) ?? (options.End == DemoTownOptions.CommittedEnd && options.Seed == new DemoTownOptions().Seed && options.IncidentCount is null
                ? DemoFolder
                : Path.Combine(ProjectPaths.Root, ".local", "demo", "town-" + options.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Directory.CreateDirectory(folder);
            var summary = DemoTownGenerator.Write(folder, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the synthetic demo town of {options.End.AddDays(1).AddYears(-options.Years):yyyy-MM-dd} to {options.End:yyyy-MM-dd} to {folder}: {summary.Incidents:N0} incidents, {summary.Reports:N0} reports, {summary.Lights:N0} lights, {summary.Cameras} cameras, {summary.Measures} measures, {summary.Areas} areas, {summary.BasemapFeatures} basemap features"));
            return CliRun.Ok;
        }));
        demo.Add(generate);
        return demo;
    }

    /// <summary>
    /// So that the viewer opens with hotspots and the plan page can plan: when the database holds no analysis run
    /// yet, a Gi* run (automatic cell and band) and a DBSCAN run (60 m, 25 events) of the demo's incidents are stored,
    /// made by the same runner as gt hotspots a planner types. Existing runs are left alone.
    /// </summary>
    private static int DefaultRuns()
    {
        var cs = ConnectionResolver.Resolve();
        using (var conn = GeoTrygghet.Data.Schema.SchemaManager.Open(cs))
        using (var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM analysis_runs", conn))
        {
            if ((long)cmd.ExecuteScalar()! > 0)
            {
                return CliRun.Ok;
            }
        }

        Console.WriteLine("Storing the demo's first hotspot runs (Gi* and DBSCAN) for the viewer …");
        var incidents = new EventFilter();
        foreach (var (method, name, parameters) in new[]
        {
            ("gistar", "demo Gi*", new HotspotParameters()),
            ("dbscan", "demo DBSCAN", new HotspotParameters { Eps = 60, MinPoints = 25 }),
        })
        {
            var run = HotspotRunner.Run(cs, new HotspotRunner.Request(method, incidents, parameters, Name: name));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: run {run.RunId}, {run.Outcome.Report.Points} events"));
        }

        return CliRun.Ok;
    }

    public static int Seed(TextWriter output, TextWriter log, DateOnly end)
    {
        var cs = DbCommands.Up(log);
        var demoFolder = TownFolder(end, log);
        ReplaceOlderTown(cs, end, output);
        DemoAccess.EnsureOrganisations(cs);
        var split = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var (kind, file, org) in Imports(demoFolder, split))
            {
                var path = Path.Combine(demoFolder, file);
                // The demo's files are in SWEREF 99 TM whatever the database's analysis CRS (the CSVs do not say so themselves).
                var code = ImportCommand.Run(new ImportRequest(kind, path, Srid: DemoTownFilesSrid, Source: "demo", Owner: org), quiet: true, output, log);
                if (code != CliRun.Ok)
                {
                    return code;
                }
            }
        }
        finally
        {
            if (Directory.Exists(split))
            {
                Directory.Delete(split, recursive: true);
            }
        }

        var srid = GeoTrygghet.Data.Schema.SchemaManager.AnalysisSrid(cs);
        var visits = GeoTrygghet.Core.Patrol.VisitFiles.ReadCsv(Path.Combine(demoFolder, "visits.csv"), srid);
        GeoTrygghet.Data.Patrol.VisitStore.Save(cs, "demo", visits, srid);
        GeoTrygghet.Data.Reporting.PromiseStore.Save(cs, GeoTrygghet.Core.Reporting.PromiseRegisterReader.Read(Path.Combine(demoFolder, "promises.json")), "demo");
        AnalysisStore.AssignUnowned(cs, "polisen");
        DemoAccess.EnsureUsers(cs, output);
        GeoTrygghet.Data.Schema.DeploymentSettings.Write(cs, DemoEndSetting, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The demo town is loaded: {end.AddDays(1).AddYears(-new DemoTownOptions().Years):yyyy-MM-dd} to {end:yyyy-MM-dd}. See {Path.Combine(Path.GetRelativePath(ProjectPaths.Root, demoFolder), "README.md")} for what it holds and ./gt db status for the counts."));
        return CliRun.Ok;
    }

    /// <summary>
    /// A demo town loaded on an earlier day ends on an earlier day: its rows (source demo) and the runs made of them go,
    /// so that the new town is not mixed with the old. Rows of any other source are left alone.
    /// </summary>
    private static void ReplaceOlderTown(string cs, DateOnly end, TextWriter output)
    {
        var loaded = GeoTrygghet.Data.Schema.DeploymentSettings.Read(cs, DemoEndSetting);
        if (loaded is null || loaded == end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            return;
        }

        var service = new GeoTrygghet.Application.Import.ImportService(cs, ImportSettings.Default with { AnalysisSrid = GeoTrygghet.Data.Schema.SchemaManager.AnalysisSrid(cs) });
        long rows = 0;
        foreach (var kind in new[] { ImportKind.Reports, ImportKind.Incidents, ImportKind.Measures, ImportKind.Cameras, ImportKind.Lights, ImportKind.Areas })
        {
            rows += service.RemoveSource(kind, "demo", delete: true);
        }

        rows += GeoTrygghet.Data.Patrol.VisitStore.CountOrDelete(cs, "demo", true);
        rows += GeoTrygghet.Data.Reporting.PromiseStore.DeleteSource(cs, "demo");

        var runs = 0;
        foreach (var name in new[] { "demo Gi*", "demo DBSCAN" })
        {
            while (AnalysisStore.Delete(cs, name) is not null)
            {
                runs++;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The database held the demo town up to {loaded}: its {rows:N0} rows and {runs} demo runs were removed before loading the town up to {end:yyyy-MM-dd}."));
    }
}
