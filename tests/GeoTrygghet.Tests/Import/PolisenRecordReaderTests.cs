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

    [Fact]
    public void An_impossible_time_in_the_name_falls_back_to_the_publication_time_with_a_note_naming_the_event()
    {
        var path = Path.Combine(Path.GetTempPath(), $"polisen-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            [{"id":7,"datetime":"2024-05-01 10:00:00 +02:00","name":"30 februari 09:00, Stöld, Köping","type":"Stöld","location":{"name":"Köping","gps":"59.5118,15.9926"}},
             {"id":8,"datetime":"2024-05-01 10:00:00 +02:00","name":"Sammanfattning natt","type":"Sammanfattning","location":{"name":"Köping","gps":"59.5118,15.9926"}}]
            """);
        try
        {
            using var reader = new PolisenRecordReader(path);
            var records = reader.Read().ToList();

            Assert.Equal("2024-05-01 10:00:00 +02:00", records[0].Values["time_from"]);
            Assert.Contains("event id 7", records[0].Values[GeoTrygghet.Core.Import.RowValues.NoteKey], StringComparison.Ordinal);
            Assert.Contains("30 februari 09:00", records[0].Values[GeoTrygghet.Core.Import.RowValues.NoteKey], StringComparison.Ordinal);
            Assert.False(records[1].Values.ContainsKey(GeoTrygghet.Core.Import.RowValues.NoteKey));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
