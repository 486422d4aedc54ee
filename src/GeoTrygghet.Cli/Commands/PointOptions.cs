using System.CommandLine;
using System.Globalization;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Data;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// Where a hotspot verb takes its events: a file (<c>--input</c>), or without it the database with the
/// filters <c>--from --to --category --source --area --hours --include --report-weight</c>; a database
/// run is stored under <c>--name</c> (default: method and time) for the map service.
/// </summary>
internal sealed class PointOptions
{
    public Option<string?> Input { get; } = new("--input") { Description = "CSV with id,x,y in metres of EPSG:3006 (or --crs), optional time_from,time_to,category,weight; without it the database is used" };
    public Option<string?> Crs { get; } = new("--crs") { Description = "the input file's CRS when it is not EPSG:3006, e.g. EPSG:4326" };
    public Option<string?> From { get; } = new("--from") { Description = "database: first day, YYYY-MM-DD (Stockholm time)" };
    public Option<string?> To { get; } = new("--to") { Description = "database: last day, YYYY-MM-DD, inclusive" };
    public Option<string[]> Category { get; } = new("--category") { Description = "database: incident group (violence, theft, …) or category as given, report category; repeatable or comma-separated", Arity = ArgumentArity.ZeroOrMore };
    public Option<string[]> Source { get; } = new("--source") { Description = "database: import source name; repeatable", Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> Area { get; } = new("--area") { Description = "database: only events inside the named area (focus area, district)" };
    public Option<string?> AreaFile { get; } = new("--area-file") { Description = "only events inside the polygon(s) of this GeoJSON file (a drawn study area; its CRS member, else WGS 84)" };
    public Option<bool> DarkOnly { get; } = new("--dark-only") { Description = "only events after dark: at least half of their time span with the sun more than 6° below the horizon at their place" };
    public Option<string?> Hours { get; } = new("--hours") { Description = "database: hours of the day, local, e.g. 18-6" };
    public Option<string> Include { get; } = new("--include") { Description = "database: incidents, reports or both", DefaultValueFactory = _ => "incidents" };
    public Option<double> ReportWeight { get; } = new("--report-weight") { Description = "database: weight of an EST report when reports are included", DefaultValueFactory = _ => 1 };
    public Option<string?> Name { get; } = new("--name") { Description = "database: name the stored run (default: method and time)" };

    public void AddTo(Command command)
    {
        Include.AcceptOnlyFromAmong("incidents", "reports", "both");
        foreach (var o in new Option[] { Input, Crs, From, To, Category, Source, Area, AreaFile, Hours, DarkOnly, Include, ReportWeight, Name })
        {
            command.Add(o);
        }
    }

    public bool FromDatabase(ParseResult parse) => parse.GetValue(Input) is null;

    public (PointTable Points, string Description, EventFilter? Filter, string? ConnectionString) Load(ParseResult parse, int analysisSrid)
    {
        var loaded = LoadAll(parse, analysisSrid);
        if (!parse.GetValue(DarkOnly))
        {
            return loaded;
        }

        var dark = loaded.Points.AfterDark(analysisSrid);
        return (dark, $"{loaded.Description}, only after dark ({dark.Count} of {loaded.Points.Count} events: at least half of the time span with the sun more than 6° below the horizon)", loaded.Filter, loaded.ConnectionString);
    }

    private (PointTable Points, string Description, EventFilter? Filter, string? ConnectionString) LoadAll(ParseResult parse, int analysisSrid)
    {
        if (parse.GetValue(Input) is not null)
        {
            var (table, description) = LoadFile(parse, analysisSrid);
            return (table, description, null, null);
        }

        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        var filter = DatabaseFilter(parse, analysisSrid);
        var (points, about) = HotspotRunner.Load(cs, filter, darkOnly: false, analysisSrid);
        return (points, about, filter, cs);
    }

    /// <summary>The points of <c>--input</c>, inside <c>--area-file</c> when given; the database's filters are refused.</summary>
    public (PointTable Points, string Description) LoadFile(ParseResult parse, int analysisSrid)
    {
        var path = parse.GetValue(Input)!;
        var drawn = parse.GetValue(AreaFile) is { } areaFile ? Polygon(areaFile, analysisSrid) : null;
        // The database filters would be silently ignored on a file: refuse them instead.
        var ignored = new (string Name, bool Given)[]
        {
            ("--from", parse.GetValue(From) is not null), ("--to", parse.GetValue(To) is not null), ("--category", parse.GetValue(Category) is { Length: > 0 }),
            ("--source", parse.GetValue(Source) is { Length: > 0 }), ("--area", parse.GetValue(Area) is not null), ("--hours", parse.GetValue(Hours) is not null),
            ("--name", parse.GetValue(Name) is not null),
        }.Where(o => o.Given).Select(o => o.Name).ToList();
        if (ignored.Count > 0)
        {
            throw new FormatException($"{string.Join(", ", ignored)} filter the database and would be ignored with --input; filter the file first (or use --area-file, which works on files too).");
        }

        var srid = parse.GetValue(Crs) is { } c ? CrsRegistry.ParseCode(c) : (int?)null;
        var table = PointTable.ReadCsv(path, srid, analysisSrid);
        return (drawn is null ? table : table.Inside(drawn), drawn is null ? path : $"{path} inside {parse.GetValue(AreaFile)}");
    }

    /// <summary>The database filter of the options, the drawn <c>--area-file</c> in the analysis CRS.</summary>
    public EventFilter DatabaseFilter(ParseResult parse, int analysisSrid)
    {
        var drawn = parse.GetValue(AreaFile) is { } areaFile ? Polygon(areaFile, analysisSrid) : null;
        var include = parse.GetValue(Include);
        var filter = new EventFilter(
            Date(parse.GetValue(From), "--from"),
            Date(parse.GetValue(To), "--to"),
            Split(parse.GetValue(Category)),
            Split(parse.GetValue(Source)),
            parse.GetValue(Area),
            parse.GetValue(Hours) is { } h ? EventFilter.ParseHours(h) : null,
            include is "incidents" or "both" ? 1 : 0,
            include is "reports" or "both" ? parse.GetValue(ReportWeight) : 0,
            drawn?.AsText());
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            throw new FormatException($"--to {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}.");
        }

        return filter;
    }

    internal static NetTopologySuite.Geometries.Geometry Polygon(string path, int analysisSrid, string role = "the study area")
    {
        using var reader = new GeoTrygghet.Core.Import.Readers.GeoJsonRecordReader(path);
        try
        {
            return DrawnArea.Of(reader.Read().Select(r => r.Geometry), reader.DeclaredSrid ?? 4326, analysisSrid, role);
        }
        catch (GeoTrygghet.Analysis.AnalysisException e)
        {
            throw new GeoTrygghet.Core.Import.ImportFormatException(path, e.Message);
        }
    }

    internal static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? GeoTrygghet.Core.Time.StockholmTime.InRange(d) ? d : throw new FormatException($"{option} '{text}' lies outside the years {GeoTrygghet.Core.Time.StockholmTime.YearRange}")
            : throw new FormatException($"{option} '{text}' is not a date YYYY-MM-DD");
    }

    private static List<string>? Split(string[]? values)
    {
        var list = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return list.Count == 0 ? null : list;
    }
}
