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
    private static IEnumerable<(ImportKind Kind, string File, string? Org)> Imports(string splitFolder)
    {
        foreach (var (kind, file) in Files)
        {
            if (kind != ImportKind.Reports)
            {
                yield return (kind, file, kind switch { ImportKind.Incidents => "polisen", ImportKind.Areas or ImportKind.Basemap => null, _ => "kommun" });
                continue;
            }

            Directory.CreateDirectory(splitFolder);
            var lines = File.ReadAllLines(Path.Combine(DemoFolder, file));
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

    public static Command Create()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "only load the demo town; do not start the map service" };
        var demo = new Command("demo", "Start the database if needed, load the synthetic demo town from data/demo/ (safe to run again) and serve it; prints the address to open.")
        {
            noServe, ServeCommand.Urls, ServeCommand.DetailZoom, ServeCommand.Public, ServeCommand.PublicCell, ServeCommand.PublicMinCount, ServeCommand.AllowedHosts,
            ServeCommand.TrustedProxies, ServeCommand.SecureCookies,
        };
        demo.SetAction(parse => CliRun.Guard(() =>
        {
            var code = Seed(Console.Out, Console.Error);
            if (code != CliRun.Ok || parse.GetValue(noServe))
            {
                return code;
            }

            code = DefaultRuns();
            return code != CliRun.Ok ? code : ServeCommand.Serve(parse);
        }));

        var output = new Option<string>("--out") { Description = "folder to write to", DefaultValueFactory = _ => DemoFolder };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same files", DefaultValueFactory = _ => new DemoTownOptions().Seed };
        var incidents = new Option<int?>("--incidents") { Description = "number of incidents (default: three realistic years, a few thousand); e.g. 1000000 for benchmarks" };
        var generate = new Command("generate", "Write the demo town's files (deterministic for a seed).") { output, seed, incidents };
        generate.SetAction(parse => CliRun.Guard(() =>
        {
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var options = new DemoTownOptions { Seed = parse.GetValue(seed), IncidentCount = parse.GetValue(incidents) };
            var summary = DemoTownGenerator.Write(folder, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the synthetic demo town to {folder}: {summary.Incidents:N0} incidents, {summary.Reports:N0} reports, {summary.Lights:N0} lights, {summary.Cameras} cameras, {summary.Measures} measures, {summary.Areas} areas, {summary.BasemapFeatures} basemap features"));
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

    public static int Seed(TextWriter output, TextWriter log)
    {
        var cs = DbCommands.Up(log);
        DemoAccess.EnsureOrganisations(cs);
        var split = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var (kind, file, org) in Imports(split))
            {
                var path = Path.Combine(DemoFolder, file);
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

        AnalysisStore.AssignUnowned(cs, "polisen");
        DemoAccess.EnsureUsers(cs, output);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The demo town is loaded. See data/demo/README.md for what it holds and ./gt db status for the counts."));
        return CliRun.Ok;
    }
}
