using System.Text.Json.Nodes;
using GeoTrygghet.Server.Public;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// A measure's evaluation in the public view hides counts under k, and also the dark or daylight partner of a hidden
/// count (dark and daylight add up to all, so all minus the shown half would give the hidden one); conclusions and the
/// summary, from which counts can be worked back, go with them.
/// </summary>
public sealed class PublicEvaluationTests
{
    [Fact]
    public void A_small_daylight_count_hides_its_dark_partner_the_parts_conclusions_and_the_summary()
    {
        var full = Evaluation(all: [6, 30, 40, 41, 500, 480], dark: [5, 20, 25, 26, 300, 290], daylight: [1, 10, 15, 15, 200, 190]);
        var shown = PublicEvaluation.Reduce(full, 5);

        Assert.Equal(6, shown["all"]!["counts"]!["R0"]!.GetValue<int>());
        Assert.Equal("färre än 5", shown["daylight"]!["counts"]!["R0"]!.GetValue<string>());
        Assert.Equal("färre än 5", shown["dark"]!["counts"]!["R0"]!.GetValue<string>());
        Assert.Equal(20, shown["dark"]!["counts"]!["R1"]!.GetValue<int>());
        Assert.Null(shown["dark"]!["rate_ratio"]);
        Assert.NotNull(shown["all"]!["rate_ratio"]);
        Assert.DoesNotContain("R0=6", shown["summary_sv"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(shown["warnings"]);
    }

    [Fact]
    public void With_every_count_at_least_k_everything_but_the_warnings_is_shown()
    {
        var shown = PublicEvaluation.Reduce(Evaluation(all: [12, 30, 40, 41, 500, 480], dark: [6, 20, 25, 26, 300, 290], daylight: [6, 10, 15, 15, 200, 190]), 5);
        Assert.Equal(6, shown["daylight"]!["counts"]!["R0"]!.GetValue<int>());
        Assert.NotNull(shown["daylight"]!["relative_effect"]);
        Assert.Equal("summary R0=12", shown["summary_sv"]!.GetValue<string>());
    }

    private static JsonObject Evaluation(int[] all, int[] dark, int[] daylight)
    {
        var result = Section(all);
        result["dark"] = Section(dark);
        result["daylight"] = Section(daylight);
        result["measure"] = new JsonObject { ["id"] = "M01" };
        result["warnings"] = new JsonArray("only 7 events");
        result["summary_sv"] = $"summary R0={all[0]}";
        return result;
    }

    private static JsonObject Section(int[] n) => new()
    {
        ["counts"] = new JsonObject { ["R0"] = n[0], ["R1"] = n[1], ["B0"] = n[2], ["B1"] = n[3], ["C0"] = n[4], ["C1"] = n[5] },
        ["rate_ratio"] = new JsonObject { ["estimate"] = (double)n[1] / n[0] },
        ["relative_effect"] = new JsonObject { ["estimate"] = (double)n[1] / n[0] * n[4] / n[5] },
    };
}
