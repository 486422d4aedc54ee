using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;
using GeoTrygghet.Analysis.Temporal;

namespace GeoTrygghet.Tests.Analysis;

/// <summary>Properties that follow from the definitions, checked on inputs small enough to reason about.</summary>
public sealed class AnalysisPropertyTests
{
    [Fact]
    public void Dbscan_labels_core_border_and_noise_as_in_the_paper()
    {
        // A 10 m cross: the centre is core (5 within eps), the arms are border; a point 14 m beyond an arm
        // and one far away are noise. eps 10, min 4.
        double[] x = [0, 10, -10, 0, 0, 24, 500];
        double[] y = [0, 0, 0, 10, -10, 0, 500];
        var r = DbscanClusterer.Cluster(x, y, new DbscanOptions(10, 4));

        Assert.Equal([true, false, false, false, false, false, false], r.IsCore);
        Assert.Equal([0, 0, 0, 0, 0, -1, -1], r.Labels);
        Assert.Equal(1, r.ClusterCount);
    }

    [Fact]
    public void Dbscan_eps_is_inclusive_and_min_points_counts_the_point_itself()
    {
        double[] x = [0, 10, 20];
        double[] y = [0, 0, 0];
        Assert.Equal([0, 0, 0], DbscanClusterer.Cluster(x, y, new DbscanOptions(10, 3)).Labels);
        Assert.Equal([-1, -1, -1], DbscanClusterer.Cluster(x, y, new DbscanOptions(9.999, 2)).Labels);
    }

    [Fact]
    public void St_dbscan_separates_the_same_place_at_different_times()
    {
        double[] x = [0, 1, 2, 0, 1, 2];
        double[] y = [0, 0, 0, 1, 1, 1];
        var day = TimeSpan.TicksPerDay;
        long[] t = [0, day / 24, day / 12, 30 * day, (30 * day) + 1, (30 * day) + 2];
        var r = DbscanClusterer.Cluster(x, y, new DbscanOptions(5, 3, TimeSpan.FromHours(3)), t);
        Assert.Equal(2, r.ClusterCount);
        Assert.Equal(r.Labels[0], r.Labels[2]);
        Assert.NotEqual(r.Labels[0], r.Labels[3]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 300)]
    [InlineData(120, 80)]
    public void The_automatic_cell_size_is_never_below_ten_metres_in_a_small_town(double width, double height) =>
        Assert.Equal(CellSizeRule.MinimumMeters, CellSizeRule.Choose(width, height));

    [Fact]
    public void The_automatic_cell_size_is_a_nice_fiftieth_of_the_shorter_side() =>
        Assert.Equal(50, CellSizeRule.Choose(3000, 2975));

    [Fact]
    public void Square_grids_are_aligned_so_two_extents_share_their_cells()
    {
        var a = GridSpec.Covering(GridShape.Square, 100, 556012, 6597033, 556987, 6597550, 1_000_000);
        var b = GridSpec.Covering(GridShape.Square, 100, 555501, 6596999, 557003, 6598000, 1_000_000);
        Assert.Equal((556050.0, 6597050.0), a.Centre(0, 0));
        var (bx, by) = b.Centre(5, 1);
        Assert.Equal(a.Centre(0, 0), (bx, by));
        Assert.Equal((0, 0), a.CellOf(556012, 6597033));
    }

    [Fact]
    public void A_hexagon_grid_puts_each_point_in_the_cell_of_its_nearest_centre()
    {
        var grid = GridSpec.Covering(GridShape.Hexagon, 100, 0, 0, 1000, 1000, 1_000_000);
        var random = new Random(7);
        for (var k = 0; k < 500; k++)
        {
            var (x, y) = (random.NextDouble() * 1000, random.NextDouble() * 1000);
            var (c, r) = grid.CellOf(x, y)!.Value;
            var (cx, cy) = grid.Centre(c, r);
            var d = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy)));
            // A flat-topped hexagon of centre spacing s reaches at most s/√3 from its centre.
            Assert.True(d <= (100 / Math.Sqrt(3)) + 1e-9, $"({x}, {y}) is {d} m from its cell centre");
        }
    }

    [Fact]
    public void Gi_star_refuses_cells_that_all_have_the_same_count()
    {
        double[] x = [0, 100, 200, 0, 100, 200];
        double[] y = [0, 0, 0, 100, 100, 100];
        double[] v = [3, 3, 3, 3, 3, 3];
        var e = Assert.Throws<AnalysisException>(() => GetisOrdGiStar.Compute(x, y, v, 150, fdr: true));
        Assert.Contains("same count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gi_star_is_positive_at_a_hot_cell_and_its_p_value_is_two_sided()
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var vs = new List<double>();
        for (var r = 0; r < 10; r++)
        {
            for (var c = 0; c < 10; c++)
            {
                xs.Add(c * 100);
                ys.Add(r * 100);
                vs.Add(r is 4 or 5 && c is 4 or 5 ? 20 : 1);
            }
        }

        var result = GetisOrdGiStar.Compute(xs.ToArray(), ys.ToArray(), vs.ToArray(), 150, fdr: true);
        var hot = (4 * 10) + 4;
        Assert.True(result.Z[hot] > 3);
        Assert.Equal(3, result.Bins[hot]);
        Assert.Equal(Normal.TwoSidedP(-result.Z[hot]), result.P[hot]);
        Assert.Equal(9, result.NeighbourCounts[hot]); // band 150 m over 100 m cells: the 3 × 3 block
    }

    [Theory]
    [InlineData(1.959963984540054, 0.05)]
    [InlineData(2.5758293035489004, 0.01)]
    [InlineData(0, 1)]
    public void Two_sided_p_values_match_the_normal_quantiles(double z, double p) =>
        Assert.Equal(p, Normal.TwoSidedP(z), 12);

    [Fact]
    public void Benjamini_Hochberg_finds_the_largest_p_under_its_line()
    {
        double[] p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
        // k·α/m with α 0.05, m 10: 0.005, 0.010, 0.015, 0.020, 0.025 … p₂ = 0.008 ≤ 0.010 is the last under it.
        Assert.Equal(0.008, BenjaminiHochberg.Threshold(p, 0.05));
    }

    [Fact]
    public void A_quartic_density_integrates_to_the_number_of_events()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 200).Select(_ => 5000 + (random.NextDouble() * 1000)).ToArray();
        var y = Enumerable.Range(0, 200).Select(_ => 5000 + (random.NextDouble() * 1000)).ToArray();
        var grid = GridSpec.Covering(GridShape.Square, 5, 4000, 4000, 7000, 7000, 10_000_000);
        var density = KernelDensityEstimator.Estimate(grid, x, y, 150);
        var events = density.Sum() * (5.0 * 5.0 / 1e6);
        Assert.Equal(200, events, 0.5);
    }

    [Fact]
    public void An_aoristic_span_is_shared_by_the_hours_it_covers_and_adds_up_to_one()
    {
        var profile = new double[AoristicHourOfWeek.Hours];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        // Friday 2024-03-01 23:00 to Saturday 01:00 local (UTC+1).
        AoristicHourOfWeek.Add(profile, new DateTimeOffset(2024, 3, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal(0.5, profile[(4 * 24) + 23], 12);
        Assert.Equal(0.5, profile[5 * 24], 12);
        Assert.Equal(1, profile.Sum(), 12);
    }
}
