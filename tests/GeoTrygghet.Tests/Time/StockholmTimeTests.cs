using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Tests.Time;

public sealed class StockholmTimeTests
{
    [Theory]
    [InlineData("2024-01-15T21:30", "2024-01-15T20:30:00Z")]        // winter: UTC+1
    [InlineData("2024-07-15 21:30", "2024-07-15T19:30:00Z")]        // summer: UTC+2, space instead of T
    [InlineData("2024-07-15", "2024-07-14T22:00:00Z")]              // a date alone is local midnight
    [InlineData("2024-07-15T21:30:00+02:00", "2024-07-15T19:30:00Z")]
    [InlineData("2024-07-15T19:30:00Z", "2024-07-15T19:30:00Z")]
    [InlineData("2022-10-31 8:24:32 +01:00", "2022-10-31T07:24:32Z")] // police events form, one-digit hour
    [InlineData("2024-03-01T12:00:00.5", "2024-03-01T11:00:00.5Z")]
    [InlineData("2024-07-15T21:30+02", "2024-07-15T19:30:00Z")]           // ±hh alone
    [InlineData("2024-07-15t21:30:00z", "2024-07-15T21:30:00Z")]          // RFC 3339 allows lower case
    public void Times_without_offset_are_Stockholm_local_and_offsets_are_honoured(string text, string expectedUtc)
    {
        Assert.Equal(StockholmTime.Outcome.Ok, StockholmTime.TryParse(text, out var utc, out var error));
        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void A_local_time_in_the_spring_forward_gap_is_an_error()
    {
        Assert.Equal(StockholmTime.Outcome.Invalid, StockholmTime.TryParse("2024-03-31T02:30", out _, out var error));
        Assert.Contains("does not exist in Europe/Stockholm", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_in_the_autumn_overlap_takes_the_first_summer_time_instant_and_says_so()
    {
        Assert.Equal(StockholmTime.Outcome.AmbiguousTookFirst, StockholmTime.TryParse("2024-10-27T02:30", out var utc, out _));
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30T10:00")]
    [InlineData("01/03/2024")]
    [InlineData("2024-03-01T25:00")]
    [InlineData("2024-03-01T10:00+15:00")]
    [InlineData("2024-03-01T10:00+14:30")]
    [InlineData("2024-03-01T10:00:00+14:59")]
    [InlineData("0001-01-01T00:00")]
    [InlineData("9999-12-31T23:00:00-02:00")]
    [InlineData("２０２４-05-01T10:00")]
    public void Impossible_dates_are_errors_that_quote_the_text(string text)
    {
        Assert.Equal(StockholmTime.Outcome.Invalid, StockholmTime.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_are_shown_in_Stockholm_time_with_their_offset()
    {
        Assert.Equal("2024-07-15T21:30:00+02:00", StockholmTime.Format(new DateTimeOffset(2024, 7, 15, 19, 30, 0, TimeSpan.Zero)));
    }
}
