using GeoTrygghet.Core.Import.Readers;

namespace GeoTrygghet.Tests.Import;

public sealed class PolisenRecordReaderTests
{
    [Theory]
    [InlineData("28 mars 16:39, Försvunnen person, Köping", "2023-03-28 17:15:34 +02:00", "2023-03-28T16:39")]
    [InlineData("31 december 23:50, Misshandel, Köping", "2024-01-01 00:20:00 +01:00", "2023-12-31T23:50")]
    [InlineData("Sammanfattning natt", "2024-01-01 06:00:00 +01:00", null)]
    public void The_event_time_comes_from_the_name_with_the_year_of_the_notice(string name, string published, string? expected) =>
        Assert.Equal(expected, PolisenRecordReader.EventTime(name, published));
}
