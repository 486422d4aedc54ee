using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

internal sealed record DemoReport(DateTimeOffset At, Coordinate Place, string Category, string Kind, string Role, string Text, string Group);

/// <summary>
/// EST reports (what caretakers, guards, youth workers, street maintenance and police record about
/// places) and the points noted on safety walks. The texts are short Swedish notes about places and
/// never name or describe a person.
/// </summary>
internal static class DemoReports
{
    public const double PathUnsafePerYear = 30;
    public const double PathUnsafeShareAfter = 0.3;
    public const double OutageReportShare = 0.8;

    public static readonly string[] Groups =
        ["background", "H1", "H2", "H3", "H4", "path_unsafe_before", "path_unsafe_after", "light_outage", "safety_walk"];

    private static readonly string[] Places =
    [
        "vid busshållplatsen", "vid entrén", "på parkeringen", "vid lekplatsen", "vid återvinningsstationen",
        "vid cykelstället", "vid skolan", "vid soprummet", "vid kiosken", "längs gång- och cykelvägen",
    ];

    private sealed record Category(string Name, int PerYear, double[] Months, double FriSat, double CentreWeight, (string Role, double Share)[] Roles, string[] Texts);

    private static readonly Category[] Background =
    [
        new("vandalism", 200, DemoCategory.SummerMonths, 1.3, 1.5,
            [("fastighetsvärd", 0.4), ("väktare", 0.25), ("gatukontoret", 0.2), ("polis", 0.1), ("fritidsledare", 0.05)],
            ["Krossad ruta i busskuren på {street}.", "Sönderslagen papperskorg på {street}.", "Parkbänk skadad, ryggstödet bortbrutet.",
             "Cykelställ har sparkats sönder {place}.", "Trasig skylt vid övergångsstället på {street}.", "Sprucken glasruta i entrédörren, troligen sparkad.",
             "Brand i papperskorg {place}, släckt.", "Lekplatsens gunga nedriven, kedjan avklippt."]),
        new("graffiti", 180, DemoCategory.GraffitiMonths, 1.0, 1.2,
            [("fastighetsvärd", 0.45), ("gatukontoret", 0.35), ("väktare", 0.15), ("fritidsledare", 0.05)],
            ["Klotter på elskåp på {street}.", "Nytt klotter på fasaden mot {street}, ca 2 m².", "Taggar på busskuren {place}.",
             "Klotter på lekplatsens förråd, behöver saneras.", "Tagg \"NGK\" på transformatorstationen.", "Klotter på skylt och lyktstolpe på {street}.",
             "Klotter i gångtunneln, flera nya taggar."]),
        new("littering", 220, [0.6, 0.6, 0.8, 1.0, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.7, 0.8], 1.4, 1.5,
            [("gatukontoret", 0.5), ("fastighetsvärd", 0.3), ("fritidsledare", 0.1), ("väktare", 0.1)],
            ["Mycket skräp och glasflaskor {place}.", "Nedskräpat vid bänkarna efter helgen.", "Överfulla papperskorgar på {street}.",
             "Fimpar, burkar och pizzakartonger {place}.", "Dumpade säckar med hushållsavfall {place}.", "Krossat glas på gångbanan på {street}."]),
        new("broken_light", 80, [1.6, 1.4, 1.1, 0.7, 0.4, 0.3, 0.3, 0.5, 0.9, 1.3, 1.6, 1.7], 1.0, 1.0,
            [("gatukontoret", 0.4), ("väktare", 0.3), ("fastighetsvärd", 0.2), ("polis", 0.1)],
            ["Gatlykta släckt på {street}.", "Belysningsstolpe ur funktion, mörkt på gångbanan.", "Lampan blinkar och slocknar, {street}.",
             "Två stolpar i rad släckta på {street}."]),
        new("gathering", 110, DemoCategory.SummerMonths, 1.8, 2.5,
            [("väktare", 0.35), ("fritidsledare", 0.3), ("polis", 0.25), ("fastighetsvärd", 0.1)],
            ["Grupp ungdomar samlas sent på kvällen {place}, hög musik.", "Samling av ca 10–15 personer {place}, viss oro bland boende.",
             "Personer samlas i trapphuset, nedskräpning och rökning.", "Mopeder som kör runt och samlas {place} kvällstid."]),
        new("unsafe_place", 70, DemoCategory.DarkMonths, 1.0, 1.2,
            [("fritidsledare", 0.3), ("polis", 0.25), ("väktare", 0.25), ("fastighetsvärd", 0.2)],
            ["Mörkt och otryggt {place}, dålig sikt.", "Buskage skymmer sikten längs gångvägen, upplevs otryggt.", "Boende upplever platsen otrygg kvällstid.",
             "Dålig belysning och skymd sikt {place}.", "Personer som uppehåller sig {place} skapar otrygghet."]),
        new("other", 90, DemoCategory.FlatMonths, 1.0, 1.0,
            [("fastighetsvärd", 0.35), ("gatukontoret", 0.35), ("väktare", 0.15), ("polis", 0.15)],
            ["Övergiven cykel {place} sedan flera veckor.", "Kundvagnar lämnade på gräsytan vid {street}.", "Trasigt staket mot lekplatsen.",
             "Hål i asfalten på gångbanan på {street}.", "Övergiven bil utan skyltar på {street}.", "Nedfallen gren över gång- och cykelvägen."]),
    ];

    // Hours 0–23 at which each role is out and reports; null weekday set = every day.
    private static readonly (string Role, double[] Hours, bool WorkdaysOnly)[] Roles =
    [
        ("fastighetsvärd", [0, 0, 0, 0, 0, 0, 0, 0.6, 1.2, 1.3, 1.2, 1.0, 0.6, 1.0, 1.0, 0.8, 0.3, 0, 0, 0, 0, 0, 0, 0], true),
        ("gatukontoret", [0, 0, 0, 0, 0, 0, 0, 0.8, 1.3, 1.3, 1.2, 1.0, 0.5, 1.0, 0.9, 0.5, 0, 0, 0, 0, 0, 0, 0, 0], true),
        ("väktare", [1.2, 1.0, 0.8, 0.6, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0.9, 1.2, 1.4, 1.3], false),
        ("fritidsledare", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.8, 1.0, 1.2, 1.4, 1.4, 1.2, 0.8, 0.4], false),
        ("polis", DemoCategory.NightHours, false),
    ];

    private sealed record Planted(string Group, string Category, double Share, string[] Roles, string[] Texts);

    public static List<DemoReport> Generate(DemoTown town, DemoPlan plan, IReadOnlyList<DemoLight> lights)
    {
        var reports = new List<DemoReport>();
        double[] DayCumulative(Func<DateOnly, double> weight) =>
            DemoRandom.Cumulative(Enumerable.Range(0, plan.Days).Select(d => weight(plan.Day(d))).ToArray());
        double FriSat(DateOnly d, double factor) => d.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? factor : 1.0;

        foreach (var category in Background)
        {
            var r = DemoRandom.Stream(plan.Seed, "reports/" + category.Name);
            var sampler = new StreetSampler(town, s => s.Class switch
            {
                StreetClass.Centre => category.CentreWeight,
                StreetClass.Ring => 0.1,
                StreetClass.Main => 0.6,
                _ => 1.0,
            });
            var days = DayCumulative(d => category.Months[d.Month - 1] * FriSat(d, category.FriSat));
            var roleCumulative = DemoRandom.Cumulative(category.Roles.Select(x => x.Share).ToArray());
            for (var i = 0; i < category.PerYear * plan.Years; i++)
            {
                var day = plan.Day(DemoRandom.Pick(r, days));
                var role = category.Roles[DemoRandom.Pick(r, roleCumulative)].Role;
                var (at, street) = sampler.Sample(r);
                var text = DemoRandom.Pick(r, category.Texts).Replace("{street}", street, StringComparison.Ordinal)
                    .Replace("{place}", DemoRandom.Pick(r, Places), StringComparison.Ordinal);
                reports.Add(new DemoReport(When(r, plan, day, role), at, category.Name, "est", role, text, "background"));
            }
        }

        AddPlanted(reports, plan, "H1", 60, false, DemoHotspot.All[0].Sample, d => FriSat(d, 2.0) * DemoCategory.SummerMonths[d.Month - 1],
        [
            new("H1", "gathering", 1.0, ["väktare", "polis", "fritidsledare"],
                ["Stökigt på Stora torget sent på kvällen, grupp som bråkar.", "Samling av ungdomar på torget, glasflaskor krossas.",
                 "Berusade personer på Stora torget efter stängning.", "Hög musik och bråk vid torget natt mot lördag."]),
        ], DayCumulative);
        AddPlanted(reports, plan, "H2", 50, false, DemoHotspot.All[1].Sample, _ => 1.0,
        [
            new("H2", "vandalism", 0.5, ["väktare", "gatukontoret", "polis"],
                ["Krossad ruta i väntsalen på busstationen.", "Sönderslagen biljettautomat vid busstationen.", "Busskur vandaliserad på Storgatan, glaset krossat."]),
            new("H2", "littering", 0.5, ["gatukontoret", "väktare"],
                ["Skräp och flaskor vid busstationens plattformar.", "Nedskräpat vid busskurerna på Storgatan.", "Överfulla papperskorgar vid busstationen."]),
        ], DayCumulative);
        AddPlanted(reports, plan, "H3", 70, false, DemoHotspot.All[2].Sample, d => DemoCategory.GraffitiMonths[d.Month - 1],
        [
            new("H3", "graffiti", 0.65, ["fastighetsvärd"],
                ["Klotter på fasad i Nygård, flera nya taggar.", "Klotter på garagelängan.", "Klotter på lekplatsens förråd i Nygård.", "Klotter i trapphus, behöver saneras."]),
            new("H3", "vandalism", 0.35, ["fastighetsvärd", "väktare"],
                ["Sönderslagen belysning i entrén.", "Skadegörelse i tvättstugan, dörren uppbruten.", "Sönderslagna fönster i cykelförrådet."]),
        ], DayCumulative);
        AddPlanted(reports, plan, "H4", 65, true, DemoHotspot.All[3].Sample, d => FriSat(d, 1.8),
        [
            new("H4", "gathering", 0.45, ["fritidsledare", "polis", "väktare"],
                ["Ungdomar samlas vid fritidsgården sent på kvällen.", "Mopeder och bråk vid busshållplatsen i Södra staden.", "Större grupp utanför fritidsgården efter stängning."]),
            new("H4", "littering", 0.3, ["fritidsledare", "gatukontoret"],
                ["Mycket skräp och lustgaspatroner vid fritidsgården.", "Krossade flaskor på fritidsgårdens baksida."]),
            new("H4", "vandalism", 0.25, ["fritidsledare", "väktare"],
                ["Sönderslagen ruta på fritidsgården.", "Busskuren vid fritidsgården vandaliserad."]),
        ], DayCumulative);

        AddPath(reports, town, plan, DayCumulative);
        AddOutages(reports, plan, lights);
        AddSafetyWalks(reports, plan);

        return reports
            .Select((report, i) => (report, i))
            .OrderBy(x => x.report.At.UtcTicks)
            .ThenBy(x => x.i)
            .Select(x => x.report)
            .ToList();
    }

    private static void AddPlanted(List<DemoReport> reports, DemoPlan plan, string group, int perYear, bool lastYearOnly,
        Func<Random, Coordinate> place, Func<DateOnly, double> weight, Planted[] parts, Func<Func<DateOnly, double>, double[]> dayCumulative)
    {
        var r = DemoRandom.Stream(plan.Seed, "reports/" + group);
        var days = dayCumulative(d => lastYearOnly && d < plan.LastYearStart ? 0 : weight(d));
        var split = DemoRandom.Apportion(perYear * (lastYearOnly ? 1 : plan.Years), parts.Select(p => p.Share).ToArray());
        for (var p = 0; p < parts.Length; p++)
        {
            for (var i = 0; i < split[p]; i++)
            {
                var day = plan.Day(DemoRandom.Pick(r, days));
                var role = DemoRandom.Pick(r, parts[p].Roles);
                reports.Add(new DemoReport(When(r, plan, day, role), place(r), parts[p].Category, "est", role, DemoRandom.Pick(r, parts[p].Texts), group));
            }
        }
    }

    // Unsafe-place reports along Parkstigen, fewer once it is lit (a secondary planted effect).
    private static void AddPath(List<DemoReport> reports, DemoTown town, DemoPlan plan, Func<Func<DateOnly, double>, double[]> dayCumulative)
    {
        var r = DemoRandom.Stream(plan.Seed, "reports/path");
        string[] roles = ["fritidsledare", "polis", "väktare"];
        string[] before =
        [
            "Mörkt på Parkstigen genom Stadsparken, upplevs otryggt.", "Flera lampor släckta på Parkstigen, många undviker att gå där.",
            "Otryggt att gå genom parken kvällstid, mörkt och skymd sikt.", "Personer som uppehåller sig på Parkstigen kvällstid skapar otrygghet.",
        ];
        string[] after =
        [
            "Personer som uppehåller sig på Parkstigen sent på kvällen.", "Känns fortfarande otryggt i parkens norra del kvällstid.",
        ];
        var perDay = PathUnsafePerYear / 365.0;
        (string Group, int Count, Func<DateOnly, bool> Active, string[] Texts)[] parts =
        [
            ("path_unsafe_before", (int)Math.Round(perDay * plan.DaysBeforeLighting), d => d < plan.LightingDate, before),
            ("path_unsafe_after", (int)Math.Round(perDay * PathUnsafeShareAfter * plan.DaysFromLighting), d => d >= plan.LightingDate, after),
        ];
        foreach (var (group, count, active, texts) in parts)
        {
            var days = dayCumulative(d => active(d) ? DemoCategory.DarkMonths[d.Month - 1] : 0);
            for (var i = 0; i < count; i++)
            {
                var day = plan.Day(DemoRandom.Pick(r, days));
                var role = DemoRandom.Pick(r, roles);
                var at = town.OnPath(DemoIncidents.PathFromEnds + r.NextDouble() * (town.Path.Length - 2 * DemoIncidents.PathFromEnds),
                    DemoRandom.TruncatedGaussian(r, 3) * DemoIncidents.PathOffsetSd);
                reports.Add(new DemoReport(When(r, plan, day, role), at, "unsafe_place", "est", role, DemoRandom.Pick(r, texts), group));
            }
        }
    }

    // Most outages are reported within a few days, a few metres from the lamp.
    private static void AddOutages(List<DemoReport> reports, DemoPlan plan, IReadOnlyList<DemoLight> lights)
    {
        var r = DemoRandom.Stream(plan.Seed, "reports/outages");
        string[] roles = ["gatukontoret", "väktare", "fastighetsvärd"];
        foreach (var light in lights)
        {
            foreach (var (date, status) in light.Changes)
            {
                if (status != "out" || r.NextDouble() >= OutageReportShare)
                {
                    continue;
                }

                var day = date.AddDays(r.Next(5));
                if (day > plan.End)
                {
                    continue;
                }

                var role = DemoRandom.Pick(r, roles);
                var at = new Coordinate(Math.Round(light.At.X + r.Next(-400, 401) / 100.0, 2), Math.Round(light.At.Y + r.Next(-400, 401) / 100.0, 2));
                var text = light.Role == LightRole.OldPath
                    ? "Lampa släckt på Parkstigen, mycket mörkt."
                    : DemoRandom.Pick(r, new[] { "Gatlykta släckt på {street}.", "Belysningsstolpe släckt på {street}, mörkt på gångbanan.", "Lampa ur funktion på {street}." })
                        .Replace("{street}", light.Street, StringComparison.Ordinal);
                reports.Add(new DemoReport(When(r, plan, day, role), at, "broken_light", "est", role, text, "light_outage"));
            }
        }
    }

    private sealed record WalkPoint((double U, double V) At, string Category, string Text, Func<DemoPlan, DateOnly, (string Category, string Text)?>? Later = null);

    // Two safety walks a year, after dark: the centre on the first Tuesday of October, Nygård on the
    // first Wednesday of November. Some notes change once a measure has been carried out.
    private static void AddSafetyWalks(List<DemoReport> reports, DemoPlan plan)
    {
        var r = DemoRandom.Stream(plan.Seed, "reports/walks");
        WalkPoint[] centre =
        [
            new((0, 40), "unsafe_place", "Trygghetsvandring: torget upplevs otryggt efter stängning."),
            new((150, -60), "littering", "Trygghetsvandring: nedskräpat längs Storgatan."),
            new((300, -120), "unsafe_place", "Trygghetsvandring: dålig sikt vid busstationens baksida."),
            new((380, -200), "broken_light", "Trygghetsvandring: släckt lampa vid gångvägen bakom busstationen."),
            new((-150, 150), "graffiti", "Trygghetsvandring: klotter på elskåp vid Hantverkargatan."),
            new((75, 330), "unsafe_place", "Trygghetsvandring: mörk entré till Stadsparken från Kyrkogatan.",
                (p, d) => d >= p.LightingDate ? ("other", "Trygghetsvandring: bättre belysning vid parkentrén från Kyrkogatan.") : null),
            new((-75, -200), "other", "Trygghetsvandring: buskage skymmer sikten vid Skolgatan."),
            new((220, 140), "vandalism", "Trygghetsvandring: trasig bänk vid Nygatan."),
        ];
        WalkPoint[] nygard =
        [
            new((450, 830), "unsafe_place", "Trygghetsvandring: mörkt parti mellan husen."),
            new((560, 700), "unsafe_place", "Trygghetsvandring: Parkstigen mörk och otrygg, belysning saknas.",
                (p, d) => d >= p.LightingDate ? ("other", "Trygghetsvandring: ny belysning på Parkstigen, upplevs tryggare.") : null),
            new((300, 1000), "graffiti", "Trygghetsvandring: klotter på garagelängan."),
            new((600, 1110), "other", "Trygghetsvandring: höga buskar skymmer sikten vid gångstråket.",
                (p, d) => d >= p.VegetationDate ? ("other", "Trygghetsvandring: röjt vid gångstråket, bättre sikt.") : null),
            new((200, 900), "broken_light", "Trygghetsvandring: släckt lampa vid lekplatsen."),
            new((800, 950), "littering", "Trygghetsvandring: nedskräpat vid återvinningsstället."),
            new((500, 1200), "unsafe_place", "Trygghetsvandring: otrygg passage vid parkeringen."),
        ];
        for (var year = plan.Start.Year; year <= plan.End.Year; year++)
        {
            var walks = new[]
            {
                (Day: DemoClock.NextOrSame(new DateOnly(year, 10, 1), DayOfWeek.Tuesday), Points: centre),
                (Day: DemoClock.NextOrSame(new DateOnly(year, 11, 1), DayOfWeek.Wednesday), Points: nygard),
            };
            foreach (var (day, points) in walks)
            {
                if (!plan.Contains(day))
                {
                    continue;
                }

                for (var k = 0; k < points.Length; k++)
                {
                    var point = points[k];
                    var (category, text) = point.Later?.Invoke(plan, day) ?? (point.Category, point.Text);
                    var at = DemoTown.W(point.At.U + r.Next(-300, 301) / 100.0, point.At.V + r.Next(-300, 301) / 100.0);
                    reports.Add(new DemoReport(DemoClock.At(day, 18 * 60 + 12 * k, false), at, category, "safety_walk", "gatukontoret", text, "safety_walk"));
                }
            }
        }
    }

    private static DateTimeOffset When(Random r, DemoPlan plan, DateOnly day, string role)
    {
        var (_, hours, workdaysOnly) = Roles.First(x => x.Role == role);
        if (workdaysOnly && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            var monday = DemoClock.NextOrSame(day, DayOfWeek.Monday);
            day = monday <= plan.End ? monday : day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? -1 : -2);
        }

        var hour = DemoRandom.Pick(r, DemoRandom.Cumulative(hours));
        return DemoClock.At(day, hour * 60 + r.Next(60), r.NextDouble() < 0.5);
    }

    public static void Write(string path, IReadOnlyList<DemoReport> reports)
    {
        using var writer = DemoFormat.CreateText(path);
        writer.Write("id,x,y,time_from,category,kind,reporter_role,text\n");
        for (var i = 0; i < reports.Count; i++)
        {
            var x = reports[i];
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"R{i + 1:000000},{x.Place.X:F2},{x.Place.Y:F2},{DemoClock.Format(x.At)},{x.Category},{x.Kind},{DemoFormat.Csv(x.Role)},{DemoFormat.Csv(x.Text)}\n"));
        }
    }
}
