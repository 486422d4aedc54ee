namespace GeoTrygghet.Demo;

/// <summary>
/// The calendar of the demo period and the planted dates, all derived from the options so that a
/// different end or length still gives a consistent story: every planted date moves with the end. With the
/// defaults: 2022-01-01 to 2024-12-31, lighting measure on Monday 2023-07-03.
/// </summary>
internal sealed class DemoPlan
{
    public DemoPlan(DemoTownOptions options)
    {
        Seed = options.Seed;
        Years = options.Years;
        End = options.End;
        Start = options.End.AddDays(1).AddYears(-options.Years);
        Days = End.DayNumber - Start.DayNumber + 1;
        LastYearStart = Start.AddYears(options.Years - 1);
        // The citizen promises, surveys and focus areas are of the year whose quarter was the last complete one, the
        // quarter a report is made for on the day after the end.
        PromiseYear = Core.Reporting.Quarter.LastCompleteBefore(End.AddDays(1)).Year;

        // The lighting measure sits in the middle so that the before and after periods are equally long
        // and each holds the same mix of seasons as nearly as whole days allow.
        LightingDate = DemoClock.NextOrSame(Start.AddDays(Days / 2), DayOfWeek.Monday);
        CameraDate = DemoClock.NextOrSame(Start.AddDays(Days / 4), DayOfWeek.Monday);
        VegetationDate = DemoClock.NextOrSame(Start.AddDays(Days * 42 / 100), DayOfWeek.Monday);
        PresenceStart = DemoClock.NextOrSame(LastYearStart.AddMonths(8), DayOfWeek.Friday);
        DaysBeforeLighting = LightingDate.DayNumber - Start.DayNumber;
        DaysFromLighting = Days - DaysBeforeLighting;
    }

    public int Seed { get; }

    public int Years { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public int Days { get; }

    public DateOnly LastYearStart { get; }

    public int PromiseYear { get; }

    public DateOnly LightingDate { get; }

    public DateOnly CameraDate { get; }

    public DateOnly VegetationDate { get; }

    public DateOnly PresenceStart { get; }

    public int DaysBeforeLighting { get; }

    public int DaysFromLighting { get; }

    public DateOnly Day(int index) => Start.AddDays(index);

    public int IndexOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
