using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace GeoTrygghet.Demo;

/// <summary>
/// The municipal street-light register: lamps along every street except Ringvägen (a state road, whose
/// lights are Trafikverket's), the old and new lamps of Parkstigen, and the outages of the period.
/// </summary>
internal static class DemoLights
{
    public const int PlantedOutages = 30;
    public const int PlantedRemovals = 3;
    public const int OldPathOutages = 3;
    public const double OldPathSpacing = 75;
    public const double NewPathSpacing = 25;

    private sealed record Spec(double Spacing, double Offset, bool BothSides, double Height, double LedShare,
        (int Lumen, int Watt) Led, (int FromYear, int ToYear) LedYears, (int Lumen, int Watt) Hps, (int FromYear, int ToYear) HpsYears);

    private static readonly Spec Main = new(35, 9, false, 10, 0.4, (7800, 60), (2016, 2020), (10700, 100), (1980, 2000));
    private static readonly Spec Centre = new(25, 7, true, 7, 0.8, (5200, 40), (2019, 2021), (6600, 70), (1988, 2004));
    private static readonly Spec Residential = new(35, 5, false, 5, 0.35, (3600, 27), (2015, 2021), (4400, 50), (1972, 2008));

    public static List<DemoLight> Generate(DemoTown town, DemoPlan plan)
    {
        var r = DemoRandom.Stream(plan.Seed, "lights");
        var lights = new List<DemoLight>();
        var occupied = new Dictionary<(long, long), List<Coordinate>>();

        bool Free(Coordinate c)
        {
            var (cx, cy) = ((long)Math.Floor(c.X / 10), (long)Math.Floor(c.Y / 10));
            for (var i = cx - 1; i <= cx + 1; i++)
            {
                for (var j = cy - 1; j <= cy + 1; j++)
                {
                    if (occupied.TryGetValue((i, j), out var list) && list.Any(o => o.Distance(c) < 10))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        void Occupy(Coordinate c)
        {
            var key = ((long)Math.Floor(c.X / 10), (long)Math.Floor(c.Y / 10));
            if (!occupied.TryGetValue(key, out var list))
            {
                occupied[key] = list = [];
            }

            list.Add(c);
        }

        foreach (var street in town.Streets)
        {
            var spec = street.Class switch
            {
                StreetClass.Main => Main,
                StreetClass.Centre => Centre,
                StreetClass.Residential => Residential,
                _ => null,
            };
            if (spec is null)
            {
                continue;
            }

            // A street is usually lit by one generation of lamps; a few single lamps were replaced later.
            var led = r.NextDouble() < spec.LedShare;
            var installed = RandomDate(r, led ? spec.LedYears : spec.HpsYears);
            var line = new LengthIndexedLine(street.Line);
            var length = street.Line.Length;
            var k = 0;
            for (var d = spec.Spacing / 2; d < length; d += spec.Spacing, k++)
            {
                var side = spec.BothSides && k % 2 == 1 ? -1 : 1;
                var c = Round(line.ExtractPoint(d, side * spec.Offset));
                if (!DemoTown.InBounds(c.X, c.Y) || !Free(c))
                {
                    continue;
                }

                Occupy(c);
                var single = !led && r.NextDouble() < 0.05;
                var (lumen, watt) = led || single ? spec.Led : spec.Hps;
                lights.Add(new DemoLight
                {
                    Id = string.Empty,
                    At = c,
                    Street = street.Name,
                    Role = LightRole.Street,
                    LampType = led || single ? "LED" : "HPS",
                    Lumen = lumen,
                    Watt = watt,
                    Height = spec.Height,
                    InstalledOn = single ? RandomDate(r, (2018, 2021)) : installed,
                });
            }
        }

        var path = new LengthIndexedLine(town.Path);
        for (var d = OldPathSpacing / 2; d < town.Path.Length; d += OldPathSpacing)
        {
            lights.Add(PathLight(Round(path.ExtractPoint(d, 2.5)), LightRole.OldPath, "HPS", 4400, 50, 4.0, new DateOnly(1987, 9, 14)));
        }

        for (var d = NewPathSpacing / 2; d < town.Path.Length; d += NewPathSpacing)
        {
            lights.Add(PathLight(Round(path.ExtractPoint(d, -2.5)), LightRole.NewPath, "LED", 2600, 20, 4.5, plan.LightingDate));
        }

        for (var i = 0; i < lights.Count; i++)
        {
            lights[i].Id = "L" + (i + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        }

        PlantOutages(lights, plan);
        return lights;
    }

    private static DemoLight PathLight(Coordinate at, LightRole role, string type, int lumen, int watt, double height, DateOnly installed) => new()
    {
        Id = string.Empty,
        At = at,
        Street = "Parkstigen",
        Role = role,
        LampType = type,
        Lumen = lumen,
        Watt = watt,
        Height = height,
        InstalledOn = installed,
    };

    private static void PlantOutages(List<DemoLight> lights, DemoPlan plan)
    {
        var r = DemoRandom.Stream(plan.Seed, "light-outages");
        var street = lights.Where(l => l.Role == LightRole.Street).ToArray();

        // Partial Fisher–Yates: a fixed-size sample without replacement, in draw order.
        for (var i = 0; i < PlantedOutages + PlantedRemovals; i++)
        {
            var j = i + r.Next(street.Length - i);
            (street[i], street[j]) = (street[j], street[i]);
            var light = street[i];
            if (i < PlantedRemovals)
            {
                light.Changes.Add((plan.Day(30 + r.Next(plan.Days - 60)), "removed"));
                continue;
            }

            var day = 10 + r.Next(plan.Days - 20);
            light.Changes.Add((plan.Day(day), "out"));
            while (r.NextDouble() < 0.7)
            {
                var repaired = day + 2 + r.Next(74);
                if (repaired >= plan.Days)
                {
                    break;
                }

                light.Changes.Add((plan.Day(repaired), "working"));
                day = repaired + 20 + r.Next(300);
                if (r.NextDouble() >= 0.25 || day >= plan.Days)
                {
                    break;
                }

                light.Changes.Add((plan.Day(day), "out"));
            }
        }

        // The old lamps of Parkstigen: three went dark well before the measure and were never repaired;
        // all were taken down when the new LEDs went up.
        var old = lights.Where(l => l.Role == LightRole.OldPath).ToArray();
        var before = plan.DaysBeforeLighting;
        for (var i = 0; i < old.Length; i++)
        {
            if (i % 3 == 1 && i / 3 < OldPathOutages && before > 120)
            {
                old[i].Changes.Add((plan.Day(60 + r.Next(before - 100)), "out"));
            }

            old[i].Changes.Add((plan.LightingDate, "removed"));
        }
    }

    private static DateOnly RandomDate(Random r, (int FromYear, int ToYear) years)
    {
        var from = new DateOnly(years.FromYear, 1, 1).DayNumber;
        var to = new DateOnly(years.ToYear, 12, 31).DayNumber;
        return DateOnly.FromDayNumber(from + r.Next(to - from + 1));
    }

    private static Coordinate Round(Coordinate c) => new(Math.Round(c.X, 2), Math.Round(c.Y, 2));
}
