using System.Globalization;
using GeoTrygghet.Analysis.Solar;
using GeoTrygghet.Tests.Analysis;

namespace GeoTrygghet.Tests.Evaluation;

/// <summary>
/// Dark hours, the exposure of after-dark rates, against PyEphem's civil dusk and dawn at Köping
/// (tests/fixtures/darkness/koping_2024_sun.csv): every night of 2024 from dusk to the next dawn.
/// </summary>
public sealed class DarkHoursTests
{
    private const double Lat = 59.51, Lon = 15.99;

    [Fact]
    public void Every_night_of_2024_is_as_long_as_PyEphem_says_within_two_minutes()
    {
        var rows = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(FixtureCsv.Folder)!, "darkness", "koping_2024_sun.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(p => (Dawn: Utc(p[3]), Dusk: Utc(p[4]))).ToList();
        var worst = 0.0;
        for (var d = 0; d + 1 < rows.Count; d++)
        {
            var night = (rows[d + 1].Dawn - rows[d].Dusk).TotalHours;
            // An hour of daylight on each side: only the night's darkness is in the window.
            var ours = DarkHours.Between(rows[d].Dusk.AddHours(-1), rows[d + 1].Dawn.AddHours(1), Lat, Lon);
            worst = Math.Max(worst, Math.Abs(ours - night) * 60);
            Assert.True(Math.Abs(ours - night) * 60 <= 2, $"night after {rows[d].Dusk:yyyy-MM-dd}: {ours * 60:0.0} min vs PyEphem {night * 60:0.0} min");
        }

        Assert.True(worst > 0, "the comparison ran");
    }

    [Fact]
    public void A_winter_half_year_holds_far_more_dark_hours_than_a_summer_half_year()
    {
        var winter = DarkHours.Between(new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), Lat, Lon);
        var summer = DarkHours.Between(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero), Lat, Lon);
        Assert.True(winter > 2 * summer, $"winter {winter:0} h, summer {summer:0} h");
        Assert.Equal(0, DarkHours.Between(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Lat, Lon));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
