using System.Globalization;
using GeoTrygghet.Analysis.Evaluation;
using GeoTrygghet.Tests.Analysis;

namespace GeoTrygghet.Tests.Evaluation;

/// <summary>
/// The before/after statistics against R (tests/fixtures/evaluation/make_evaluation_fixtures.R): R's own
/// poisson.test for the exact rate ratio, and the papers' formulas written out independently in R for the
/// displacement quotient, the displacement difference and the relative effect size.
/// </summary>
public sealed class EvaluationStatisticsTests
{
    private static readonly Dictionary<(string Case, string Quantity), double> Reference = File
        .ReadLines(Path.Combine(Path.GetDirectoryName(FixtureCsv.Folder)!, "evaluation", "evaluation_reference.csv"))
        .Skip(1).Select(l => l.Split(','))
        .ToDictionary(p => (p[0], p[1]), p => double.Parse(p[2], CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("dark_halved", 55, 1500.25, 110, 1720.5)]
    [InlineData("equal_year", 28, 365, 20, 365)]
    [InlineData("small", 3, 100, 7, 120)]
    [InlineData("none_after", 0, 10, 5, 10)]
    [InlineData("big", 1480, 365, 1532, 366)]
    public void The_exact_rate_ratio_test_agrees_with_Rs_poisson_test(string name, long after, double exposureAfter, long before, double exposureBefore)
    {
        var ours = PoissonRateRatio.Test(after, exposureAfter, before, exposureBefore);
        Close(Reference[(name, "rate_estimate")], ours.Estimate!.Value, 1e-9);
        Close(Reference[(name, "rate_p")], ours.P, 1e-7);
        Close(Reference[(name, "rate_low")], ours.Low, 1e-6);
        Close(Reference[(name, "rate_high")], ours.High, 1e-6);
    }

    [Theory]
    [InlineData("lighting", 110, 55, 40, 38, 3000, 3050)]
    [InlineData("displaced", 20, 12, 15, 24, 500, 450)]
    [InlineData("small", 7, 3, 2, 5, 120, 130)]
    [InlineData("wheeler_ratcliffe", 100, 80, 0, 0, 100, 90)]
    public void Displacement_quotient_difference_and_relative_effect_agree_with_R(string name, long r0, long r1, long b0, long b1, long c0, long c1)
    {
        var n = new BeforeAfterCounts(r0, r1, b0, b1, c0, c1);
        var wdq = WeightedDisplacementQuotient.Compute(n);
        Close(Reference[(name, "success_measure")], wdq.SuccessMeasure!.Value, 1e-12);
        Close(Reference[(name, "wdq")], wdq.Quotient!.Value, 1e-9);
        var wdd = WeightedDisplacementDifference.Compute(n);
        Close(Reference[(name, "wdd")], wdd.Estimate, 1e-9);
        Close(Reference[(name, "wdd_se")], wdd.StandardError, 1e-9);
        Close(Reference[(name, "wdd_z")], wdd.Z, 1e-9);
        Close(Reference[(name, "wdd_low")], wdd.Low90, 1e-7);
        Close(Reference[(name, "wdd_high")], wdd.High90, 1e-7);
        Close(Reference[(name, "wdd_p")], wdd.P, 1e-7);
        var res = RelativeEffectSize.Compute(r0, r1, c0, c1);
        Close(Reference[(name, "res")], res.Estimate!.Value, 1e-9);
        Close(Reference[(name, "res_low")], res.Low90!.Value, 1e-7);
        Close(Reference[(name, "res_high")], res.High90!.Value, 1e-7);
    }

    [Fact]
    public void The_weighted_displacement_difference_gives_the_papers_worked_example()
    {
        // Wheeler & Ratcliffe 2018: control 100 → 90, treated 100 → 80: 10 fewer than the control predicts, SE √370 ≈ 19.2.
        var wdd = WeightedDisplacementDifference.Compute(new BeforeAfterCounts(100, 80, 0, 0, 100, 90), scaleControl: false, withBuffer: false);
        Assert.Equal(-10, wdd.Estimate, 12);
        Assert.Equal(19.24, wdd.StandardError, 2);
        Assert.True(wdd.Low90 < 0 && wdd.High90 > 0, "not significant at 90 %, as the paper says");
    }

    [Fact]
    public void Undefined_statistics_are_reported_as_missing_not_as_numbers()
    {
        Assert.Null(WeightedDisplacementQuotient.Compute(new BeforeAfterCounts(5, 3, 2, 2, 0, 10)).Quotient);
        Assert.Null(WeightedDisplacementQuotient.Compute(new BeforeAfterCounts(10, 10, 2, 2, 100, 100)).Quotient);
        Assert.Null(RelativeEffectSize.Compute(0, 3, 50, 40).Estimate);
        Assert.Null(PoissonRateRatio.Test(4, 10, 0, 10).Estimate);
        Assert.Equal(1, PoissonRateRatio.Test(0, 10, 0, 10).P);
    }

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
