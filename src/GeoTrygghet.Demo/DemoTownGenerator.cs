namespace GeoTrygghet.Demo;

/// <summary>
/// Writes the synthetic demo town: a made-up town of about 26,000 people placed at Köping, with streets,
/// lights, cameras, three years of incidents and reports, measures, areas, and the ground truth planted
/// in them (hotspots, a dark path, a lighting measure with a known effect). The same options give
/// byte-identical files. Every file says the data are synthetic.
/// </summary>
public static class DemoTownGenerator
{
    public static readonly IReadOnlyList<string> FileNames =
    [
        "incidents.csv", "reports.csv", "lights.csv", "cameras.csv", "measures.geojson", "areas.geojson", "basemap.geojson", "surveys.geojson", "visits.csv",
        "promises.json", "ground_truth.json", "README.md",
    ];

    // The town itself does not depend on the options; it is built once per process.
    private static readonly Lazy<DemoTown> Town = new(() => new DemoTown());

    public static DemoTownSummary Write(string folder, DemoTownOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Years, 20, nameof(options));
        if (options.IncidentCount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IncidentCount, "IncidentCount must not be negative.");
        }

        Directory.CreateDirectory(folder);
        var plan = new DemoPlan(options);
        var town = Town.Value;
        var lights = DemoLights.Generate(town, plan);
        var cameras = DemoCameras.Generate(plan);
        var measures = DemoMeasures.Build(town, plan, lights, cameras);

        var components = DemoIncidents.Plan(town, plan, options.IncidentCount);
        var tally = DemoIncidents.Write(Path.Combine(folder, "incidents.csv"), plan, components);
        var reports = DemoReports.Generate(town, plan, lights);
        DemoReports.Write(Path.Combine(folder, "reports.csv"), reports);
        WriteLights(Path.Combine(folder, "lights.csv"), lights);
        WriteCameras(Path.Combine(folder, "cameras.csv"), cameras);
        WriteMeasures(Path.Combine(folder, "measures.geojson"), measures);
        var areas = WriteAreas(Path.Combine(folder, "areas.geojson"), town, plan);
        var basemap = WriteBasemap(Path.Combine(folder, "basemap.geojson"), town);
        DemoPromises.WriteSurveys(Path.Combine(folder, "surveys.geojson"), plan, town);
        DemoVisits.Write(Path.Combine(folder, "visits.csv"), plan);
        DemoPromises.Write(Path.Combine(folder, "promises.json"), plan);

        var truth = new DemoTruth(town, plan, tally, reports, lights, cameras, measures);
        truth.WriteJson(Path.Combine(folder, "ground_truth.json"));
        truth.WriteReadme(Path.Combine(folder, "README.md"), areas, basemap);

        return new DemoTownSummary(folder, tally.Total, reports.Count, lights.Count, cameras.Count, measures.Count, areas, basemap, FileNames);
    }

    private static void WriteLights(string path, IReadOnlyList<DemoLight> lights)
    {
        using var writer = DemoFormat.CreateText(path);
        writer.Write("id,x,y,status,status_changes,lamp_type,lumen,watt,height,installed_on\n");
        foreach (var l in lights)
        {
            var changes = string.Join(";", l.Changes.Select(c => DemoClock.Format(c.Date) + ":" + c.Status));
            writer.Write(string.Join(",", l.Id, DemoFormat.Metres(l.At.X), DemoFormat.Metres(l.At.Y), l.Status, changes, l.LampType,
                DemoFormat.Int(l.Lumen), DemoFormat.Int(l.Watt), DemoFormat.Num(l.Height), DemoClock.Format(l.InstalledOn)) + "\n");
        }
    }

    private static void WriteCameras(string path, IReadOnlyList<DemoCamera> cameras)
    {
        using var writer = DemoFormat.CreateText(path);
        writer.Write("id,x,y,direction,fov,range,hours,owner,permit,installed_on\n");
        foreach (var c in cameras)
        {
            writer.Write(string.Join(",", c.Id, DemoFormat.Metres(c.At.X), DemoFormat.Metres(c.At.Y), DemoFormat.Int(c.Direction), DemoFormat.Int(c.Fov),
                DemoFormat.Int(c.Range), c.Hours, DemoFormat.Csv(c.Owner), DemoFormat.Csv(c.Permit), DemoClock.Format(c.InstalledOn)) + "\n");
        }
    }

    private static void WriteMeasures(string path, IReadOnlyList<DemoMeasure> measures)
    {
        using var writer = new GeoJsonFileWriter(path, "measures (synthetic demo data)");
        foreach (var m in measures)
        {
            writer.Add(m.Geometry,
                ("id", m.Id), ("type", m.Type), ("start_date", DemoClock.Format(m.Start)), ("end_date", m.End is { } end ? DemoClock.Format(end) : null),
                ("description", m.Description), ("assets", m.Assets.Count > 0 ? string.Join(";", m.Assets) : null));
        }
    }

    private static int WriteAreas(string path, DemoTown town, DemoPlan plan)
    {
        // A focus area is named for the year of the citizen promise, the demo period's last year.
        using var writer = new GeoJsonFileWriter(path, "areas (synthetic demo data)");
        foreach (var a in town.Areas)
        {
            writer.Add(a.Geometry, ("id", a.Id), ("name", a.Name), ("kind", a.Kind), ("year", a.Year is null ? null : plan.PromiseYear));
        }

        return writer.Count;
    }

    private static int WriteBasemap(string path, DemoTown town)
    {
        using var writer = new GeoJsonFileWriter(path, "basemap (synthetic demo data)");
        foreach (var s in town.Streets)
        {
            writer.Add(s.Line, ("id", s.Id), ("kind", "street"), ("name", s.Name));
        }

        writer.Add(town.Path, ("id", "P01"), ("kind", "path"), ("name", "Parkstigen"));
        writer.Add(town.Park, ("id", "G01"), ("kind", "park"), ("name", "Stadsparken"));
        writer.Add(town.Square, ("id", "G02"), ("kind", "park"), ("name", "Stora torget"));
        writer.Add(town.Pond, ("id", "W01"), ("kind", "water"), ("name", "Parkdammen"));
        foreach (var b in town.Blocks)
        {
            writer.Add(b.Polygon, ("id", b.Id), ("kind", b.Kind), ("name", b.Name));
        }

        return writer.Count;
    }
}
