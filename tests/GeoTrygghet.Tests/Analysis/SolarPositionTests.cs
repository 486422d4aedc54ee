using System.Globalization;
using GeoTrygghet.Analysis.Solar;

namespace GeoTrygghet.Tests.Analysis;

/// <summary>
/// Sunrise, sunset and civil twilight at Köping for every day of 2024 against PyEphem (an independent
/// implementation, almanac conventions; tests/fixtures/darkness/make_sun_table.py), and darkness
/// across the daylight-saving changes.
/// </summary>
public sealed class SolarPositionTests
{
    private const double Lat = 59.51, Lon = 15.99;

    [Fact]
    public void Sunrise_sunset_and_civil_twilight_agree_with_PyEphem_within_a_minute_every_day_of_2024()
    {
        var path = Path.Combine(Path.GetDirectoryName(FixtureCsv.Folder)!, "darkness", "koping_2024_sun.csv");
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(366, rows.Count);
        var worst = 0.0;
        foreach (var row in rows)
        {
            foreach (var (column, depression, rising) in new[] { (1, SolarPosition.SunriseDepression, true), (2, SolarPosition.SunriseDepression, false), (3, SolarPosition.CivilDepression, true), (4, SolarPosition.CivilDepression, false) })
            {
                var expected = DateTimeOffset.Parse(row[column], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var ours = SolarPosition.Crossing(DateOnly.FromDateTime(expected.UtcDateTime), Lat, Lon, depression, rising);
                Assert.NotNull(ours);
                var seconds = Math.Abs((ours.Value - expected).TotalSeconds);
                worst = Math.Max(worst, seconds);
                Assert.True(seconds <= 60, $"{row[0]} column {column}: {ours:O} vs PyEphem {expected:O} ({seconds:0} s)");
            }
        }
    }

    [Theory]
    [InlineData("2024-03-31T02:30:00Z", DaylightClass.Dark)]           // the night clocks go forward, 04:30 CEST: before dawn
    [InlineData("2024-03-31T17:00:00Z", DaylightClass.Day)]            // 19:00 CEST, sunset 17:37 UTC
    [InlineData("2024-03-31T18:00:00Z", DaylightClass.CivilTwilight)]  // between sunset and civil dusk (18:19 UTC)
    [InlineData("2024-03-31T18:30:00Z", DaylightClass.Dark)]
    [InlineData("2024-10-27T15:30:00Z", DaylightClass.CivilTwilight)]  // the day clocks go back: 16:30 CET
    [InlineData("2024-06-21T22:30:00Z", DaylightClass.Dark)]           // midsummer night at 59.5 N: briefly dark (sun ~7° below)
    [InlineData("2024-06-21T21:00:00Z", DaylightClass.CivilTwilight)]
    [InlineData("2024-12-21T12:00:00Z", DaylightClass.Day)]
    public void Darkness_follows_the_sun_through_the_daylight_saving_changes(string utc, DaylightClass expected) =>
        Assert.Equal(expected, Darkness.Classify(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), Lat, Lon));

    [Fact]
    public void A_night_span_is_almost_all_dark_in_December_and_hardly_at_all_in_June()
    {
        var december = Darkness.DarkShare(new DateTimeOffset(2024, 12, 10, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 11, 7, 0, 0, TimeSpan.Zero), Lat, Lon);
        var june = Darkness.DarkShare(new DateTimeOffset(2024, 6, 20, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 21, 7, 0, 0, TimeSpan.Zero), Lat, Lon);
        // Dark from 19:00 UTC until civil dawn at 06:49 UTC (the fixture's row for 2024-12-11): 709 of 720 minutes.
        Assert.Equal(709.0 / 720, december, 2);
        Assert.InRange(june, 0.05, 0.2);
        // At PyEphem's sunset the sun's centre stands at the almanac's −0.833° (upper limb on a horizon lowered by refraction).
        Assert.InRange(SolarPosition.GeometricElevationDegrees(new DateTimeOffset(2024, 3, 31, 17, 37, 38, TimeSpan.Zero), Lat, Lon), -0.85, -0.81);
    }
}
