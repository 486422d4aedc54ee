using GeoTrygghet.Analysis.Temporal;

namespace GeoTrygghet.Tests.Analysis;

public sealed class EmergingHotspotTests
{
    private static readonly MannKendall.Result NoTrend = new(0, 1, 0, 1);
    private static readonly MannKendall.Result Rising = new(40, 100, 3.9, 0.0001);
    private static readonly MannKendall.Result Falling = new(-40, 100, -3.9, 0.0001);

    [Fact]
    public void Mann_Kendall_on_a_strictly_rising_series_of_five_follows_its_formula()
    {
        // S = 10 (every pair rises), Var = 5·4·15/18, Z = (10 − 1)/√Var.
        var r = MannKendall.Test([1, 2, 3, 4, 5]);
        Assert.Equal(10, r.S);
        Assert.Equal(5 * 4 * 15 / 18.0, r.Variance, 12);
        Assert.Equal(9 / Math.Sqrt(5 * 4 * 15 / 18.0), r.Z, 12);
    }

    [Fact]
    public void Mann_Kendall_corrects_its_variance_for_ties()
    {
        // Two groups of tied values of size 2: Var = [6·5·17 − 2·(2·1·9)]/18.
        var r = MannKendall.Test([1, 1, 2, 2, 3, 4]);
        Assert.Equal(((6 * 5 * 17) - (2 * 2 * 1 * 9)) / 18.0, r.Variance, 12);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 }, "NoTrend", EmergingCategory.NewHot)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 }, "NoTrend", EmergingCategory.ConsecutiveHot)]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 3 }, "NoTrend", EmergingCategory.PersistentHot)]
    [InlineData(new[] { 1, 1, 1, 2, 2, 2, 2, 3, 3, 3 }, "Rising", EmergingCategory.IntensifyingHot)]
    [InlineData(new[] { 3, 3, 3, 3, 2, 2, 2, 1, 1, 1 }, "Falling", EmergingCategory.DiminishingHot)]
    [InlineData(new[] { 0, 2, 0, 0, 3, 0, 2, 0, 0, 2 }, "NoTrend", EmergingCategory.SporadicHot)]
    [InlineData(new[] { 0, -2, 0, 0, 3, 0, 0, 0, 0, 2 }, "NoTrend", EmergingCategory.OscillatingHot)]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 0 }, "NoTrend", EmergingCategory.HistoricalHot)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, -1 }, "NoTrend", EmergingCategory.NewCold)]
    [InlineData(new[] { -2, -2, -2, -2, -2, -2, -2, -3, -3, -3 }, "Falling", EmergingCategory.IntensifyingCold)]
    [InlineData(new[] { 0, 2, 0, 0, 0, 0, 0, 0, 0, 0 }, "NoTrend", EmergingCategory.NoPattern)]
    [InlineData(new[] { 2, 0, 0, 0, 0, 0, 0, 1, 2, 3 }, "NoTrend", EmergingCategory.SporadicHot)] // hot before the final run: not consecutive
    public void Locations_are_classified_by_the_documented_rules(int[] bins, string trend, EmergingCategory expected)
    {
        var t = trend switch { "Rising" => Rising, "Falling" => Falling, _ => NoTrend };
        Assert.Equal(expected, EmergingHotspotClassifier.Classify(bins, t));
    }

    [Fact]
    public void A_cell_that_becomes_hot_only_in_the_last_steps_is_found_as_emerging()
    {
        // 8 × 8 cells of 100 m; 12 monthly steps of background counts; one cell hot from step 10.
        var random = new Random(2);
        var x = new double[64];
        var y = new double[64];
        for (var i = 0; i < 64; i++)
        {
            (x[i], y[i]) = (i % 8 * 100, i / 8 * 100);
        }

        var counts = new double[12][];
        for (var t = 0; t < 12; t++)
        {
            counts[t] = Enumerable.Range(0, 64).Select(_ => (double)random.Next(0, 3)).ToArray();
            if (t >= 10)
            {
                counts[t][27] = 40;
                counts[t][28] = 30;
            }
        }

        var result = EmergingHotspots.Compute(x, y, counts, 150);

        Assert.Contains(result.Category[27], new[] { EmergingCategory.ConsecutiveHot, EmergingCategory.NewHot });
        Assert.DoesNotContain(result.Category, c => c is EmergingCategory.PersistentHot or EmergingCategory.IntensifyingHot);
    }
}
