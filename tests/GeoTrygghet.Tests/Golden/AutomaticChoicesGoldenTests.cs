using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Tests.Support;

namespace GeoTrygghet.Tests.Golden;

/// <summary>
/// The values GeoTrygghet chooses by itself — the cell size, the distance band and the KDE bandwidth, with the reason
/// it reports — pinned for the demo town and for a small town (its centre, 1.2 km across) in <c>Golden/automatic-choices.json</c>,
/// so that a change to a rule shows as a diff of that file in review. <c>GEOTRYGGHET_BLESS_GOLDEN=1</c> writes the
/// values of the code as the new golden file. (The rules themselves are checked against their references in
/// <c>Analysis/</c>.)
/// </summary>
public sealed class AutomaticChoicesGoldenTests
{
    [Fact]
    public void The_automatic_choices_for_the_demo_town_and_a_small_town_are_the_reviewed_ones()
    {
        var root = RepositoryRoot.Folder;
        var all = PointTable.ReadCsv(Path.Combine(root, "data", "demo", "incidents.csv"), null, 3006);
        // Stora torget, and the square of 600 m around it: a town of a tenth of the area.
        var small = Enumerable.Range(0, all.Count).Where(i => Math.Abs(all.X[i] - 556033) <= 600 && Math.Abs(all.Y[i] - 6597260) <= 600).ToArray();
        var cases = new (string Name, PointTable Points)[]
        {
            ("demo town, every incident", all),
            ("small town: the demo town's incidents within 600 m of Stora torget (both axes)", new PointTable
            {
                Ids = small.Select(i => all.Ids[i]).ToArray(), X = small.Select(i => all.X[i]).ToArray(), Y = small.Select(i => all.Y[i]).ToArray(),
                TimeFrom = small.Select(i => all.TimeFrom![i]).ToArray(),
            }),
        };

        var actual = new JsonObject();
        foreach (var (name, points) in cases)
        {
            var choices = new JsonObject { ["events"] = points.Count };
            foreach (var method in new[] { "gistar", "kde" })
            {
                var report = HotspotMethods.Run(method, points, name, new HotspotParameters(), 3006).Report;
                foreach (var (key, reason) in report.Automatic.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    choices[$"{method}.{key}"] = new JsonObject
                    {
                        ["value"] = JsonValue.Create(Convert.ToDouble(report.Parameters[key], CultureInfo.InvariantCulture)),
                        ["reason"] = reason,
                    };
                }
            }

            actual[name] = choices;
        }

        var text = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(root, "tests", "GeoTrygghet.Tests", "Golden", "automatic-choices.json");
        if (Environment.GetEnvironmentVariable("GEOTRYGGHET_BLESS_GOLDEN") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}: run with GEOTRYGGHET_BLESS_GOLDEN=1, read it and commit it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == text, $"the automatic choices differ from {path}; if the change is meant, rerun with GEOTRYGGHET_BLESS_GOLDEN=1 and commit the diff.\n--- expected\n{expected}\n--- actual\n{text}");
    }

}
