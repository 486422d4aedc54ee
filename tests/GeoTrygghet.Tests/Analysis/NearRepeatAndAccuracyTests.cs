using GeoTrygghet.Analysis.Evaluation;
using GeoTrygghet.Analysis.NearRepeat;

namespace GeoTrygghet.Tests.Analysis;

public sealed class NearRepeatAndAccuracyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 0)]        // the first band is [0, 100]: exactly 100 m counts in it
    [InlineData(100.0001, 1)]
    [InlineData(200, 1)]
    [InlineData(200.5, 2)]
    [InlineData(10_000, 3)]     // beyond three bands of 100 m: the open band
    public void A_distance_falls_in_the_band_whose_label_contains_it(double d, int band)
    {
        Assert.Equal(band, KnoxBand.Of(d, 100, 3));
        var labels = KnoxBand.Make(100, 3, "m");
        Assert.Equal(["[0, 100] m", "(100, 200] m", "(200, 300] m", "> 300 m"], labels.Select(l => l.Label));
    }

    [Fact]
    public void The_observed_Knox_table_equals_a_brute_force_count_of_every_pair()
    {
        var random = new Random(11);
        var n = 300;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2000).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2000).ToArray();
        var t = Enumerable.Range(0, n).Select(_ => Math.Floor(random.NextDouble() * 365)).ToArray();

        var result = KnoxTest.Run(x, y, t, 100, 4, 7, 3, simulations: 9);

        var brute = new long[5, 4];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var d = Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j])));
                brute[KnoxBand.Of(d, 100, 4), KnoxBand.Of(Math.Abs(t[i] - t[j]), 7, 3)]++;
            }
        }

        foreach (var cell in result.Cells)
        {
            Assert.Equal(brute[cell.Space.Index, cell.Time.Index], cell.Observed);
        }

        Assert.Equal(n * (n - 1) / 2, result.Cells.Sum(c => c.Observed));
    }

    [Fact]
    public void Planted_near_repeats_give_a_high_Knox_ratio_and_a_small_p_and_independent_events_do_not()
    {
        var random = new Random(5);
        var xs = new List<double>();
        var ys = new List<double>();
        var ts = new List<double>();
        for (var k = 0; k < 150; k++)
        {
            var (x, y, t) = (random.NextDouble() * 5000, random.NextDouble() * 5000, random.NextDouble() * 365);
            xs.Add(x);
            ys.Add(y);
            ts.Add(t);
            // A repeat within 50 m and 5 days of a third of the events.
            if (k % 3 == 0)
            {
                xs.Add(x + 30);
                ys.Add(y + 20);
                ts.Add(t + 3);
            }
        }

        var near = KnoxTest.Run(xs.ToArray(), ys.ToArray(), ts.ToArray(), 100, 2, 7, 2, simulations: 199, seed: 3).Cells.First(c => c.Space.Index == 0 && c.Time.Index == 0);
        Assert.True(near.Ratio > 5, $"ratio {near.Ratio}");
        Assert.Equal(1.0 / 200, near.P, 9);

        var shuffled = ts.OrderBy(_ => random.Next()).ToArray();
        var none = KnoxTest.Run(xs.ToArray(), ys.ToArray(), shuffled, 100, 2, 7, 2, simulations: 199, seed: 3).Cells.First(c => c.Space.Index == 0 && c.Time.Index == 0);
        Assert.True(none.P > 0.01, $"p {none.P} for shuffled times");
    }

    [Fact]
    public void Pai_pei_and_rri_follow_their_definitions_on_a_worked_example()
    {
        // 10 cells; hotspots are cells 0 and 1 (20 % of the area).
        bool[] hot = [true, true, false, false, false, false, false, false, false, false];
        double[] before = [10, 6, 2, 2, 0, 0, 0, 0, 0, 0];   // N1 = 20, n1 = 16
        double[] after = [8, 2, 9, 1, 0, 0, 0, 0, 0, 0];     // N2 = 20, n2 = 10; best two cells hold 17

        var r = ForecastAccuracy.Compute(hot, before, after);

        Assert.Equal((10.0 / 20) / 0.2, r.Pai, 12);                     // 2.5
        Assert.Equal(r.Pai / ((17.0 / 20) / 0.2), r.Pei, 12);           // 2.5 / 4.25
        Assert.Equal((10.0 / 16) / (20.0 / 20), r.Rri, 12);             // 0.625
    }
}
