using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

/// <summary>What was written to incidents.csv, per ground-truth group and calendar year.</summary>
internal sealed class IncidentTally(IReadOnlyList<string> groups, int firstYear, int years)
{
    public IReadOnlyList<string> Groups { get; } = groups;

    public int FirstYear { get; } = firstYear;

    public int[,] ByGroupYear { get; } = new int[groups.Count, years];

    public Dictionary<string, int> ByCategory { get; } = new(StringComparer.Ordinal);

    public int Total { get; set; }

    public int Spans { get; set; }

    public int GroupTotal(string group)
    {
        var g = Groups.ToList().IndexOf(group);
        return Enumerable.Range(0, ByGroupYear.GetLength(1)).Sum(y => ByGroupYear[g, y]);
    }
}

/// <summary>
/// The incidents of the demo: a background of every category along the streets, the planted hotspots
/// and the dark path with its lighting effect. Rows are generated day by day and written in time order,
/// so a million rows need no more memory than one day of them.
/// </summary>
internal static class DemoIncidents
{
    public const double PathNightPerDay = 0.20;
    public const double PathDayPerDay = 0.06;

    /// <summary>Share of the night-time path incidents that the new lighting removes.</summary>
    public const double PlantedReduction = 0.5;

    public const double PathFromEnds = 20;
    public const double PathOffsetSd = 4;
    public const double PathFriSatNight = 1.6;

    public static readonly string[] Groups = ["background", "H1", "H2", "H3", "H4", "path_night_before", "path_night_after", "path_day_before", "path_day_after"];

    public static readonly (string Category, double Share)[] PathNightMix =
        [("Misshandel", 0.25), ("Olaga hot", 0.20), ("Narkotikabrott", 0.20), ("Rån", 0.15), ("Ordningsstörning", 0.10), ("Skadegörelse", 0.10)];

    public static readonly (string Category, double Share)[] PathDayMix =
        [("Stöld", 0.30), ("Skadegörelse", 0.30), ("Olaga hot", 0.20), ("Narkotikabrott", 0.20)];

    private static readonly double[] PathNightActivity = [1.3, 1.0, 0.7, 0.4, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.0, 1.3, 1.6, 1.8, 1.8, 1.6];
    private static readonly double[] PathDayActivity = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.6, 0.8, 0.8, 0.9, 1.0, 1.1, 1.1, 1.2, 1.4, 1.5, 1.5, 1.3, 1.1, 0.9, 0.7, 0.5, 0.3];
    private static readonly int[] AccuracyValues = [10, 25, 50, 100, 250];
    private static readonly double[] AccuracyCumulative = DemoRandom.Cumulative([0.35, 0.30, 0.20, 0.10, 0.05]);

    public static List<IncidentComponent> Plan(DemoTown town, DemoPlan plan, int? total)
    {
        var components = new List<IncidentComponent>();
        var defaults = new List<double>();
        double[] Weights(Func<DateOnly, double> weight) => Enumerable.Range(0, plan.Days).Select(d => weight(plan.Day(d))).ToArray();

        foreach (var category in DemoCategory.All)
        {
            var sampler = new StreetSampler(town, s => s.Class switch
            {
                StreetClass.Centre => category.CentreWeight,
                StreetClass.Main => 0.6,
                StreetClass.Ring => 0.15,
                _ => 1.0,
            });
            components.Add(new IncidentComponent
            {
                Key = "background/" + category.Name,
                Group = "background",
                Category = category,
                Place = r => sampler.Sample(r).At,
                Rule = TimeRule.Rhythm,
                DayWeights = Weights(category.DayWeight),
            });
            defaults.Add(category.PerYear * plan.Years);
        }

        foreach (var hotspot in DemoHotspot.All)
        {
            var count = hotspot.PerYear * (hotspot.LastYearOnly ? 1 : plan.Years);
            var split = DemoRandom.Apportion(count, hotspot.Mix.Select(m => m.Share).ToArray());
            for (var i = 0; i < hotspot.Mix.Length; i++)
            {
                var category = DemoCategory.Named(hotspot.Mix[i].Category);
                components.Add(new IncidentComponent
                {
                    Key = hotspot.Id + "/" + category.Name,
                    Group = hotspot.Id,
                    Category = category,
                    Place = hotspot.Sample,
                    Rule = TimeRule.Rhythm,
                    DayWeights = Weights(d => hotspot.LastYearOnly && d < plan.LastYearStart ? 0 : category.DayWeight(d)),
                });
                defaults.Add(split[i]);
            }
        }

        Coordinate OnPath(Random r) =>
            town.OnPath(PathFromEnds + r.NextDouble() * (town.Path.Length - 2 * PathFromEnds), DemoRandom.TruncatedGaussian(r, 3) * PathOffsetSd);
        void AddPath(string group, (string Category, double Share)[] mix, double expected, TimeRule rule, Func<DateOnly, double> weight)
        {
            var split = DemoRandom.Apportion((int)Math.Round(expected), mix.Select(m => m.Share).ToArray());
            for (var i = 0; i < mix.Length; i++)
            {
                components.Add(new IncidentComponent
                {
                    Key = group + "/" + mix[i].Category,
                    Group = group,
                    Category = DemoCategory.Named(mix[i].Category),
                    Place = OnPath,
                    Rule = rule,
                    Activity = rule == TimeRule.Dark ? PathNightActivity : PathDayActivity,
                    DayWeights = Weights(weight),
                    AllowSpans = false,
                });
                defaults.Add(split[i]);
            }
        }

        double FriSat(DateOnly d) => d.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? PathFriSatNight : 1.0;
        AddPath("path_night_before", PathNightMix, PathNightPerDay * plan.DaysBeforeLighting, TimeRule.Dark,
            d => d < plan.LightingDate ? FriSat(d) : 0);
        AddPath("path_night_after", PathNightMix, PathNightPerDay * (1 - PlantedReduction) * plan.DaysFromLighting, TimeRule.Dark,
            d => d >= plan.LightingDate ? FriSat(d) : 0);
        // Daytime counts are fixed on each side of the date too, so that "no change by day" holds exactly.
        AddPath("path_day_before", PathDayMix, PathDayPerDay * plan.DaysBeforeLighting, TimeRule.Daylight, d => d < plan.LightingDate ? 1.0 : 0);
        AddPath("path_day_after", PathDayMix, PathDayPerDay * plan.DaysFromLighting, TimeRule.Daylight, d => d >= plan.LightingDate ? 1.0 : 0);

        var counts = total is { } n ? DemoRandom.Apportion(n, defaults) : defaults.Select(d => (int)d).ToArray();
        for (var i = 0; i < components.Count; i++)
        {
            components[i].Count = counts[i];
        }

        return components;
    }

    private struct Draft
    {
        public long Ticks;
        public int Seq;
        public Coordinate At;
        public DateTimeOffset From;
        public DateTimeOffset? To;
        public IncidentComponent Component;
        public int Accuracy;
    }

    public static IncidentTally Write(string path, DemoPlan plan, List<IncidentComponent> components)
    {
        var total = components.Sum(c => c.Count);
        var width = Math.Max(6, DemoFormat.Int(total).Length);
        var idFormat = new string('0', width);
        var tally = new IncidentTally(Groups, plan.Start.Year, plan.End.Year - plan.Start.Year + 1);
        var groupIndex = components.Select(c => Array.IndexOf(Groups, c.Group)).ToArray();
        foreach (var c in components)
        {
            c.Begin(plan.Seed);
        }

        using var writer = DemoFormat.CreateText(path);
        writer.Write("id,x,y,time_from,time_to,category,crime_code,accuracy\n");
        var drafts = new List<Draft>(1024);
        var dayLight = new DaySlots();
        var seq = 0;
        var written = 0;
        for (var d = 0; d < plan.Days; d++)
        {
            var day = plan.Day(d);
            drafts.Clear();
            dayLight.Reset(day);
            for (var ci = 0; ci < components.Count; ci++)
            {
                var c = components[ci];
                var n = c.Allocate(d);
                for (var i = 0; i < n; i++)
                {
                    var r = c.Rng;
                    var at = c.Place(r);
                    var (from, to) = c.Rule switch
                    {
                        TimeRule.Rhythm => Rhythm(r, c, day, plan.End),
                        _ => (dayLight.Sample(r, c.Rule == TimeRule.Dark, c.Activity!), (DateTimeOffset?)null),
                    };
                    var accuracy = AccuracyValues[DemoRandom.Pick(r, AccuracyCumulative)];
                    drafts.Add(new Draft { Ticks = from.UtcTicks, Seq = seq++, At = at, From = from, To = to, Component = c, Accuracy = accuracy });
                    tally.ByGroupYear[groupIndex[ci], from.Year - tally.FirstYear]++;
                }
            }

            drafts.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Seq.CompareTo(b.Seq));
            foreach (var x in drafts)
            {
                written++;
                var category = x.Component.Category;
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"I{written.ToString(idFormat, CultureInfo.InvariantCulture)},{x.At.X:F2},{x.At.Y:F2},{DemoClock.Format(x.From)},{(x.To is { } to ? DemoClock.Format(to) : string.Empty)},{category.Name},{category.Code},{x.Accuracy}\n"));
                tally.ByCategory[category.Name] = tally.ByCategory.GetValueOrDefault(category.Name) + 1;
                if (x.To is not null)
                {
                    tally.Spans++;
                }
            }
        }

        tally.Total = written;
        return tally;
    }

    private static (DateTimeOffset From, DateTimeOffset? To) Rhythm(Random r, IncidentComponent c, DateOnly day, DateOnly end)
    {
        var category = c.Category;
        if (c.AllowSpans && category.Span != SpanStyle.None && r.NextDouble() < category.SpanShare)
        {
            return Span(r, category.Span, day, end);
        }

        var minute = r.Next(60);
        if (r.NextDouble() < 0.5)
        {
            minute -= minute % 5;
        }

        return (DemoClock.At(day, category.SampleHour(r, day) * 60 + minute, r.NextDouble() < 0.5), null);
    }

    // Spans as victims report them: when the thing was last seen and when the loss was found.
    private static (DateTimeOffset From, DateTimeOffset? To) Span(Random r, SpanStyle style, DateOnly day, DateOnly end)
    {
        static int Five(int minute) => minute - minute % 5;
        (int FromMinute, int ToDays, int ToMinute) shape;
        var u = r.NextDouble();
        if (style == SpanStyle.Burglary && day.DayOfWeek == DayOfWeek.Friday && u < 0.6)
        {
            shape = (15 * 60 + r.Next(300), 3, 6 * 60 + r.Next(240));
        }
        else if (style is SpanStyle.Burglary or SpanStyle.Bicycle && r.NextDouble() < 0.5)
        {
            shape = (7 * 60 + r.Next(150), 0, 14 * 60 + r.Next(240));
        }
        else
        {
            shape = (17 * 60 + r.Next(360), 1, 5 * 60 + r.Next(240));
        }

        var from = DemoClock.At(day, Five(shape.FromMinute), r.NextDouble() < 0.5);
        var toDay = day.AddDays(shape.ToDays);
        var to = toDay > end ? DemoClock.At(end, 23 * 60 + 55, true) : DemoClock.At(toDay, Five(shape.ToMinute), r.NextDouble() < 0.5);
        return to > from ? (from, to) : (from, null);
    }

    /// <summary>The quarter hours of one local day, each marked dark or not at its middle minute.</summary>
    private sealed class DaySlots
    {
        private readonly bool[] _dark = new bool[96];
        private DateOnly _day;
        private bool _ready;

        public void Reset(DateOnly day)
        {
            _day = day;
            _ready = false;
        }

        public DateTimeOffset Sample(Random r, bool dark, double[] activity)
        {
            if (!_ready)
            {
                for (var k = 0; k < 96; k++)
                {
                    _dark[k] = DemoSun.IsDark(DemoClock.At(_day, k * 15 + 7, false));
                }

                _ready = true;
            }

            var weights = new double[96];
            for (var k = 0; k < 96; k++)
            {
                weights[k] = _dark[k] == dark ? activity[k / 4] : 0;
            }

            // At 59.5° N every night has some civil darkness and every day some light; the guard is for
            // a town placed further north.
            var slot = weights.Sum() > 0 ? DemoRandom.Pick(r, DemoRandom.Cumulative(weights)) : dark ? 4 : 48;
            var at = DemoClock.At(_day, slot * 15 + r.Next(15), r.NextDouble() < 0.5);
            return DemoSun.IsDark(at) == dark ? at : DemoClock.At(_day, slot * 15 + 7, false);
        }
    }
}
