using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Tests.Analysis;

namespace GeoTrygghet.Tests.Reporting;

public sealed class PromiseRegisterReaderTests
{
    private static string Demo => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(FixtureCsv.Folder))!, "..", "data", "demo", "promises.json");

    [Fact]
    public void The_demo_register_reads_with_its_promises_activities_and_indicators()
    {
        var promises = PromiseRegisterReader.Read(Demo).Select(p => p.Promise).ToList();
        Assert.Equal(["ML-2024-1", "ML-2024-2", "ML-2024-3", "ML-2024-4"], promises.Select(p => p.Id));
        Assert.Equal("andt", promises[0].Theme);
        Assert.Equal("Centrum", promises[1].Area);
        Assert.Equal(new DateOnly(2024, 1, 1), promises[1].From);
        Assert.Contains(promises[1].Indicators, i => i.Kind == "presence_minutes" && i.TargetValue == 800);
        Assert.Contains(promises[0].Indicators, i => i.Kind == "incidents" && i.ChangePercent == -10 && i.Categories.SequenceEqual(["drugs"]));
        Assert.All(promises, p => Assert.NotEmpty(p.Activities));
    }

    [Fact]
    public void Every_fault_is_named_with_the_file_the_promise_and_the_field_and_nothing_is_returned()
    {
        var path = Path.Combine(Path.GetTempPath(), "gt-promises-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"promises": [
              {"id": "A", "title": "Trygg park", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "area": "Parken",
               "activities": [{"text": "Belysning", "owner": "kommun", "status": "klar"}],
               "indicators": [{"name": "Brott", "kind": "crimes", "target": {"change_percent": -10}}]},
              {"id": "A", "title": "Igen", "period": {"from": "2024-12-31", "to": "2024-01-01"}, "theme": "andt",
               "indicators": [{"name": "Rån", "kind": "incidents", "target": {"change_percent": "tio"}}]},
              {"title": "Utan id", "period": {"from": "2024-01-01", "to": "2024-12-31"}}
            ]}
            """);
        try
        {
            var e = Assert.Throws<ImportFormatException>(() => PromiseRegisterReader.Read(path));
            Assert.StartsWith(path, e.Message);
            Assert.Contains("nothing imported", e.Message);
            Assert.Contains("promise 1 (A), activities[1].status: 'klar' is not one of planned, ongoing, done, cancelled", e.Message);
            Assert.Contains("promise 1 (A), indicators[1].kind: 'crimes' is not one of", e.Message);
            Assert.Contains("promise 2 (A), period: ends 2024-01-01 before it starts 2024-12-31", e.Message);
            Assert.Contains("promise 2 (A), indicators[1].target.change_percent: must be a number", e.Message);
            Assert.Contains("promise 3, id: required", e.Message);
            Assert.Contains("promise 3, area: a promise names its focus area", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_register_that_is_not_json_or_not_there_says_so()
    {
        var xlsx = Path.Combine(Path.GetTempPath(), "gt-promises-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllBytes(xlsx, [0x50, 0x4b, 0x03, 0x04]);
        try
        {
            Assert.Contains("is read from JSON (.json)", Assert.Throws<ImportFormatException>(() => PromiseRegisterReader.Read(xlsx)).Message);
        }
        finally
        {
            File.Delete(xlsx);
        }

        Assert.Contains("does not exist", Assert.Throws<ImportFormatException>(() => PromiseRegisterReader.Read(xlsx)).Message);
    }
}
