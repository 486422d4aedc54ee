using System.CommandLine;
using System.Globalization;
using GeoTrygghet.Application.Import;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Data.Import;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Data;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt import &lt;kind&gt; &lt;file&gt;</c>. Exit codes: 0 imported (with --keep-valid also when rows were
/// rejected), 1 bad rows and nothing imported, 2 the file, the options or the database could not be used.
/// </summary>
internal static class ImportCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "incidents, reports, lights, cameras, measures, areas or basemap" };
        kind.AcceptOnlyFromAmong(Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant()).ToArray());
        var file = new Argument<string>("file") { Description = "the file to import" };
        var format = new Option<string?>("--format") { Description = "csv, geojson, shp, gpkg or polisen (default: from the file's extension)" };
        format.AcceptOnlyFromAmong([.. RecordReaderFactory.Formats]);
        var crs = new Option<string?>("--crs") { Description = "the file's CRS, e.g. EPSG:3010 (default: what the file declares; for CSV EPSG:4326 with lon/lat columns, else the analysis CRS)" };
        var map = new Option<string[]>("--map") { Description = "map a field to a column: --map time_from=Tid (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var source = new Option<string?>("--source") { Description = "source name the rows are stored under (default: the file name); ids are unique per source" };
        var keepValid = new Option<bool>("--keep-valid") { Description = "commit the valid rows even when some are bad, and write the bad ones to the rejects file" };
        var rejects = new Option<string?>("--rejects") { Description = "where to write rejected rows with their reasons (default with --keep-valid: <file>.rejects.csv in the working folder)" };
        var layer = new Option<string?>("--layer") { Description = "the GeoPackage feature table to read, when it has several" };
        var quiet = new Option<bool>("--quiet") { Description = "no progress output" };
        var org = new Option<string?>("--org")
        {
            Description = "the organisation that owns the rows (./gt orgs list); default: the one police organisation for incidents, the one municipality for reports, measures, lights and cameras",
        };
        var command = new Command("import", "Import a file into the database: all or nothing unless --keep-valid; importing the same file again changes nothing.")
        {
            kind, file, format, crs, map, source, keepValid, rejects, layer, quiet, org,
        };
        command.Add(Delete());
        command.Add(Promises());
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var request = new ImportRequest(
                Enum.Parse<ImportKind>(parse.GetValue(kind)!, ignoreCase: true),
                path,
                parse.GetValue(format),
                parse.GetValue(crs) is { } c ? CrsRegistry.ParseCode(c) : null,
                ParseMap(parse.GetValue(map) ?? []),
                CheckedSource(parse.GetValue(source)),
                parse.GetValue(keepValid),
                parse.GetValue(rejects) ?? (parse.GetValue(keepValid) ? Path.GetFileNameWithoutExtension(path) + ".rejects.csv" : null),
                parse.GetValue(layer),
                parse.GetValue(org));
            return Run(request, parse.GetValue(quiet), Console.Out, Console.Error);
        }));
        return command;
    }

    /// <summary><c>gt import promises FILE [--source NAME]</c>: the citizen promises (issue #11), all or nothing, each replaced by its id.</summary>
    private static Command Promises()
    {
        var file = new Argument<string>("file") { Description = "the promise register as JSON: promises with id, title, period, area or theme, activities and indicators (README, 'Citizen promises')" };
        var source = new Option<string?>("--source") { Description = "source name the promises are stored under (default: the file name)" };
        var command = new Command("promises", "Import the citizen promises (medborgarlöften) with their activities and indicators; all or nothing, a promise of the same id is replaced.") { file, source };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = CliRun.Database();
            var path = parse.GetValue(file)!;
            var promises = GeoTrygghet.Core.Reporting.PromiseRegisterReader.Read(path);
            var name = CheckedSource(parse.GetValue(source)) ?? Path.GetFileNameWithoutExtension(path);
            var (added, replaced) = GeoTrygghet.Data.Reporting.PromiseStore.Save(cs, promises, name);
            Console.WriteLine(string.Create(Inv, $"{Path.GetFileName(path)}: {promises.Count} promises ({added} new, {replaced} replaced) with {promises.Sum(p => p.Promise.Activities.Count)} activities and {promises.Sum(p => p.Promise.Indicators.Count)} indicators"));
            return CliRun.Ok;
        }));
        return command;
    }

    /// <summary><c>gt import delete &lt;kind&gt; --source NAME [--yes]</c>: take a whole source out again.</summary>
    private static Command Delete()
    {
        var kind = new Argument<string>("kind") { Description = "incidents, reports, lights, cameras, measures, areas or basemap" };
        kind.AcceptOnlyFromAmong(Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant()).ToArray());
        var source = new Option<string>("--source") { Description = "the source whose rows are deleted", Required = true };
        var yes = new Option<bool>("--yes") { Description = "really delete (without it the command only counts)" };
        var command = new Command("delete", "Delete every row of one source from a kind's table (counts only, unless --yes).") { kind, source, yes };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var k = Enum.Parse<ImportKind>(parse.GetValue(kind)!, ignoreCase: true);
            var name = CheckedSource(parse.GetValue(source))!;
            var service = new ImportService(cs, ImportSettings.Default with { AnalysisSrid = SchemaManager.AnalysisSrid(cs) });
            var count = service.RemoveSource(k, name, delete: false);
            if (count == 0)
            {
                var sources = service.Sources(k);
                Console.Error.WriteLine(string.Create(Inv, $"{ImportService.TableOf(k)} has no rows of source '{name}'; its sources: {(sources.Count == 0 ? "none" : string.Join(", ", sources.Select(s => $"{s.Source} ({s.Rows})")))}"));
                return CliRun.Ok;
            }

            if (!parse.GetValue(yes))
            {
                Console.WriteLine(string.Create(Inv, $"{count} rows of source '{name}' in {ImportService.TableOf(k)}; run again with --yes to delete them."));
                return CliRun.Ok;
            }

            var deleted = service.RemoveSource(k, name, delete: true);
            Console.WriteLine(string.Create(Inv, $"deleted {deleted} rows of source '{name}' from {ImportService.TableOf(k)}"));
            return CliRun.Ok;
        }));
        return command;
    }

    public static int Run(ImportRequest request, bool quiet, TextWriter output, TextWriter log)
    {
        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        var settings = DeploymentConfig.Load(SchemaManager.AnalysisSrid(cs));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = quiet ? null : new ImportProgress(log, Path.GetFileName(request.Path));
        var result = new ImportService(cs, settings).Run(request, progress);
        progress?.Finish();

        var name = Path.GetFileName(request.Path);
        var owner = Application.Access.Accounts.ImportOwner(cs, request.Kind, request.Owner);
        log.WriteLine($"{name}: CRS EPSG:{result.SourceSrid.ToString(Inv)} ({result.SridOrigin}), stored in EPSG:{settings.AnalysisSrid.ToString(Inv)}, source '{request.SourceName}'{(owner is null ? string.Empty : $", owned by {owner}")}");
        foreach (var note in result.Notes)
        {
            log.WriteLine($"note: {note}");
        }

        foreach (var r in result.Rejected.Take(20))
        {
            log.WriteLine($"{(result.Succeeded ? "rejected" : "error")}: {r.Describe(request.Path)}");
        }

        if (result.Rejected.Count > 20)
        {
            log.WriteLine(string.Create(Inv, $"… and {result.Rejected.Count - 20} more bad rows"));
        }

        if (request.RejectsPath is not null && (result.Rejected.Count > 0 || request.KeepValid))
        {
            log.WriteLine(string.Create(Inv, $"{result.Rejected.Count} rejected rows written to {request.RejectsPath}"));
        }

        var seconds = started.Elapsed.TotalSeconds;
        if (result.Committed is { } n)
        {
            output.WriteLine(string.Create(Inv,
                $"{name}: read {result.Read}, imported {n.Inserted + n.Updated} (inserted {n.Inserted}, updated {n.Updated}), unchanged {n.Unchanged}, rejected {result.Rejected.Count} in {seconds:0.0} s"));
            return CliRun.Ok;
        }

        output.WriteLine(string.Create(Inv,
            $"{name}: read {result.Read}, rejected {result.Rejected.Count}: nothing was imported (the import is all or nothing; fix the rows or use --keep-valid)"));
        return CliRun.Rejected;
    }

    // The source name is part of every row's key and shown in the viewer: no empty or invisible names.
    private static string? CheckedSource(string? source)
    {
        if (source is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(source) || source.Any(char.IsControl))
        {
            throw new FormatException("--source must be a visible name such as 'polisen-2024' (not empty, no control characters)");
        }

        return source;
    }

    private static Dictionary<string, string> ParseMap(string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"--map {pair}: write it as field=column, e.g. --map time_from=Tid");
            }

            var field = pair[..eq].Trim();
            if (map.TryGetValue(field, out var earlier))
            {
                throw new FormatException($"--map maps {field} twice (to {earlier} and to {pair[(eq + 1)..].Trim()}); give one column per field");
            }

            map[field] = pair[(eq + 1)..].Trim();
        }

        return map;
    }
}
