using System.Globalization;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Tests.Analysis;

namespace GeoTrygghet.Tests.Reporting;

/// <summary>
/// The report's comparison of a quarter with the same quarter a year before against R's poisson.test(c(a, b),
/// conf.level = 0.90) (tests/fixtures/reporting/make_quarter_fixtures.R), and the plain summary's claims against it.
/// </summary>
public sealed class QuarterComparisonTests
{
    public static IEnumerable<object[]> Reference() => File
        .ReadLines(Path.Combine(Path.GetDirectoryName(FixtureCsv.Folder)!, "reporting", "quarter_reference.csv")).Skip(1)
        .Select(l => l.Split(','))
        .Select(f => new object[] { long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4], f[5] });

    [Theory]
    [MemberData(nameof(Reference))]
    public void The_rate_ratio_interval_and_p_equal_Rs_poisson_test(long count, long previousYear, string ratio, string p, string low, string high)
    {
        var ours = RateComparison.Of(count, previousYear);
        if (ratio == "Inf")
        {
            Assert.Null(ours.RateRatio);
        }
        else
        {
            Close(Parse(ratio), ours.RateRatio!.Value, 1e-9);
        }

        Close(Parse(p), ours.P, 1e-7);
        Close(Parse(low), ours.Low, 1e-6);
        if (high == "Inf")
        {
            Assert.True(double.IsPositiveInfinity(ours.High));
        }
        else
        {
            Close(Parse(high), ours.High, 1e-6);
        }
    }

    [Fact]
    public void The_summary_calls_a_change_certain_only_when_the_whole_interval_is_on_one_side_of_one()
    {
        string Said(long a, long b)
        {
            var section = Section(a, b);
            return string.Join(" ", ReportSummaryText.Write(section, new Quarter(2024, 4), ReportLanguage.Swedish));
        }

        Assert.Contains("Ökningen är statistiskt säkerställd", Said(250, 180));
        Assert.Contains("Minskningen är statistiskt säkerställd", Said(3, 12));
        var unsure = Said(117, 120);
        Assert.Contains("Skillnaden kan vara slumpmässig", unsure);
        Assert.DoesNotContain("är statistiskt säkerställd", unsure);
        Assert.Contains("The difference may be chance", string.Join(" ", ReportSummaryText.Write(Section(117, 120), new Quarter(2024, 4), ReportLanguage.English)));
        Assert.Contains("döljer antal under 5", string.Join(" ", ReportSummaryText.Write(Section(117, 120) with { Incidents = new IncidentSummary(null, 120, null, new Dictionary<string, CountPair>()) }, new Quarter(2024, 4), ReportLanguage.Swedish)));
    }

    [Theory]
    [InlineData("Kamerabevakning av busstationen och Storgatans östra del, tre kameror (tillstånd IMY-2022-1883).", "Kamerabevakning av busstationen och Storgatans östra del")]
    [InlineData("Ny LED-belysning längs Parkstigen genom Stadsparken: 24 armaturer.", "Ny LED-belysning längs Parkstigen genom Stadsparken")]
    [InlineData("Förstärkt vuxennärvaro fredag och lördag kväll (fritidsledare och nattvandrare) vid fritidsgården.", "Förstärkt vuxennärvaro fredag och lördag kväll")]
    [InlineData(null, "Belysning")]
    [InlineData("Röjning av buskage och sänkning av häckar längs gångstråket i Nygård mellan skolan och centrum för bättre sikt", "Röjning av buskage och sänkning av häckar längs gångstråket i Nygård …")]
    public void A_measure_is_named_by_its_description_not_its_id(string? description, string name) =>
        Assert.Equal(name, new ReportWords(ReportLanguage.Swedish).MeasureName("lighting", description));

    [Fact]
    public void Quarters_know_their_days_and_neighbours()
    {
        var q = Quarter.Of(2024, 1);
        Assert.Equal(new DateOnly(2024, 1, 1), q.First);
        Assert.Equal(new DateOnly(2024, 3, 31), q.Last);
        Assert.Equal(new Quarter(2023, 4), q.Previous);
        Assert.Equal(new Quarter(2023, 1), q.YearBefore);
        Assert.Equal(new DateOnly(2024, 12, 31), Quarter.Of(2024, 4).Last);
        Assert.Equal(new Quarter(2026, 3), Quarter.LastCompleteBefore(new DateOnly(2026, 12, 8)));
        Assert.Equal(new Quarter(2025, 4), Quarter.LastCompleteBefore(new DateOnly(2026, 1, 1)));
        Assert.Throws<FormatException>(() => Quarter.Of(2024, 5));
    }

    private static AreaSection Section(long a, long b) => new("Centrum", "focus_area",
        new IncidentSummary(a, b, RateComparison.Of(a, b), new Dictionary<string, CountPair>()),
        new ReportSummary(0, 0, new Dictionary<string, CountPair>()), [], [], new PresenceSummary(null, 0, 0), null, [], new HourOfWeekTable([]), [], [],
        new MapLayers(null, [], [], [], []), []);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
