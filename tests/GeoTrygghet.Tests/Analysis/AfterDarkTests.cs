using System.Text.Json;
using GeoTrygghet.Core.Hotspots;

namespace GeoTrygghet.Tests.Analysis;

/// <summary>The "only after dark" selection on the demo town finds the planted dark path (data/demo/ground_truth.json).</summary>
public sealed class AfterDarkTests
{
    [Fact]
    public void After_dark_keeps_the_planted_night_incidents_of_the_dark_path()
    {
        var demo = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(FixtureCsv.Folder))!, "..", "data", "demo");
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo, "ground_truth.json"))).RootElement.GetProperty("dark_path");
        var corridor = new NetTopologySuite.IO.WKTReader().Read(truth.GetProperty("corridor_wkt").GetString());
        var all = PointTable.ReadCsv(Path.Combine(demo, "incidents.csv"), null, 3006);
        var onPath = all.Inside(corridor);

        var dark = onPath.AfterDark(3006);

        // The generator planted 110 + 55 night incidents (by the same darkness rule, at time_from) and 33 + 33 by day.
        var night = truth.GetProperty("night_incidents_before").GetInt32() + truth.GetProperty("night_incidents_after").GetInt32();
        var day = truth.GetProperty("day_incidents_before").GetInt32() + truth.GetProperty("day_incidents_after").GetInt32();
        Assert.Equal(night + day, onPath.Count);
        Assert.InRange(dark.Count, night - 5, night + 5);
        Assert.True(all.AfterDark(3006).Count < 0.6 * all.Count, "most of the town's incidents are not after dark");
    }
}
