namespace GeoTrygghet.Demo;

internal enum SpanStyle
{
    None,

    /// <summary>From the evening to the next morning (found in the morning).</summary>
    Overnight,

    /// <summary>Over a weekend from a Friday, during a working day, or overnight.</summary>
    Burglary,

    /// <summary>During a working day or overnight.</summary>
    Bicycle,
}

/// <summary>
/// An incident category with its rhythms: an hourly profile, a weekly one (Friday and Saturday nights,
/// working days), a monthly one (summer peak or dark season), and the share recorded as a time span.
/// </summary>
internal sealed class DemoCategory
{
    private readonly double[][] _hourWeights = new double[7][];
    private readonly double[][] _hourCumulative = new double[7][];
    private readonly double[] _dayTotals = new double[7];

    public DemoCategory(string name, string code, double perYear, double[] hours, double[] months, double friSatNight, double workdayDaytime,
        double spanShare, SpanStyle span, double centreWeight, double[]? weekdays = null)
    {
        Name = name;
        Code = code;
        PerYear = perYear;
        Months = months;
        SpanShare = spanShare;
        Span = span;
        CentreWeight = centreWeight;
        for (var dow = 0; dow < 7; dow++)
        {
            var w = new double[24];
            for (var h = 0; h < 24; h++)
            {
                // The small hours belong to the night that began the evening before.
                var nightOf = (DayOfWeek)(h < 6 ? (dow + 6) % 7 : dow);
                var factor = 1.0;
                if ((nightOf is DayOfWeek.Friday or DayOfWeek.Saturday) && (h >= 18 || h < 6))
                {
                    factor = friSatNight;
                }
                else if (h is >= 8 and < 18)
                {
                    factor = (DayOfWeek)dow switch
                    {
                        DayOfWeek.Sunday => 1 / (workdayDaytime * workdayDaytime),
                        DayOfWeek.Saturday => 1,
                        _ => workdayDaytime,
                    };
                }

                w[h] = hours[h] * factor * (weekdays?[dow] ?? 1.0);
            }

            _hourWeights[dow] = w;
            _hourCumulative[dow] = DemoRandom.Cumulative(w);
            _dayTotals[dow] = w.Sum();
        }
    }

    public string Name { get; }

    public string Code { get; }

    public double PerYear { get; }

    public double[] Months { get; }

    public double SpanShare { get; }

    public SpanStyle Span { get; }

    public double CentreWeight { get; }

    public double DayWeight(DateOnly day) => Months[day.Month - 1] * _dayTotals[(int)day.DayOfWeek];

    public int SampleHour(Random r, DateOnly day) => DemoRandom.Pick(r, _hourCumulative[(int)day.DayOfWeek]);

    // Profiles: relative weights per hour 0–23 and per month January–December.
    public static readonly double[] NightHours = [1.6, 1.5, 1.3, 0.9, 0.5, 0.3, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.5, 0.55, 0.65, 0.75, 0.85, 0.95, 1.05, 1.2, 1.35, 1.5, 1.6];
    public static readonly double[] EveningHours = [1.2, 1.0, 0.8, 0.5, 0.3, 0.2, 0.2, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.75, 0.9, 1.0, 1.1, 1.3, 1.5, 1.6, 1.6, 1.4];
    public static readonly double[] DayHours = [0.2, 0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.3, 1.35, 1.4, 1.5, 1.55, 1.5, 1.3, 1.0, 0.8, 0.6, 0.45, 0.3];
    public static readonly double[] BurglaryHours = [0.3, 0.3, 0.3, 0.3, 0.2, 0.2, 0.3, 0.5, 0.8, 1.0, 1.1, 1.2, 1.2, 1.2, 1.3, 1.4, 1.5, 1.5, 1.4, 1.2, 1.0, 0.8, 0.6, 0.4];
    public static readonly double[] RobberyHours = [1.4, 1.3, 1.0, 0.6, 0.3, 0.2, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.5];

    public static readonly double[] SummerMonths = [0.8, 0.8, 0.9, 1.0, 1.1, 1.25, 1.3, 1.25, 1.05, 0.95, 0.85, 0.95];
    public static readonly double[] DarkMonths = [1.3, 1.15, 1.0, 0.85, 0.75, 0.7, 0.75, 0.8, 0.95, 1.15, 1.3, 1.35];
    public static readonly double[] TheftMonths = [0.85, 0.85, 0.95, 1.0, 1.05, 1.1, 1.1, 1.1, 1.05, 1.0, 0.95, 1.1];
    public static readonly double[] BicycleMonths = [0.4, 0.4, 0.7, 1.1, 1.4, 1.5, 1.5, 1.5, 1.4, 1.1, 0.6, 0.4];
    public static readonly double[] GraffitiMonths = [0.7, 0.7, 0.9, 1.2, 1.2, 1.1, 0.9, 1.0, 1.2, 1.2, 1.0, 0.8];
    public static readonly double[] FlatMonths = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary>
    /// The categories of the demo with their background counts a year. The crime codes are four-digit
    /// codes in the style of Brå's list, picked for the demo and not checked against a version of it.
    /// </summary>
    public static IReadOnlyList<DemoCategory> All { get; } =
    [
        new("Stöld", "0899", 640, DayHours, TheftMonths, 1.0, 1.15, 0.15, SpanStyle.Overnight, 3.0),
        new("Cykelstöld", "0866", 210, DayHours, BicycleMonths, 1.0, 1.1, 0.45, SpanStyle.Bicycle, 2.5),
        new("Inbrott", "0813", 160, BurglaryHours, DarkMonths, 1.0, 1.0, 0.8, SpanStyle.Burglary, 0.4, [0.8, 1.0, 1.0, 1.0, 1.0, 1.6, 0.9]),
        new("Skadegörelse", "1201", 310, EveningHours, SummerMonths, 1.6, 1.0, 0.3, SpanStyle.Overnight, 1.2),
        new("Klotter", "1214", 150, EveningHours, GraffitiMonths, 1.3, 1.0, 0.55, SpanStyle.Overnight, 1.5),
        new("Misshandel", "0391", 210, NightHours, SummerMonths, 2.4, 1.0, 0, SpanStyle.None, 3.0),
        new("Olaga hot", "0402", 110, NightHours, FlatMonths, 1.6, 1.0, 0, SpanStyle.None, 2.0),
        new("Rån", "9820", 28, RobberyHours, DarkMonths, 1.8, 1.0, 0, SpanStyle.None, 2.5),
        new("Narkotikabrott", "5010", 160, EveningHours, FlatMonths, 1.5, 1.0, 0, SpanStyle.None, 2.0),
        new("Ordningsstörning", "1603", 140, NightHours, SummerMonths, 2.6, 1.0, 0, SpanStyle.None, 3.0),
    ];

    public static DemoCategory Named(string name) => All.First(c => c.Name == name);
}
