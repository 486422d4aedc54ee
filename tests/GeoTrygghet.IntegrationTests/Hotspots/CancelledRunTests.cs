using GeoTrygghet.Application.Evaluation;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Application.Patrol;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Evaluation;
using GeoTrygghet.Data.Patrol;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Hotspots;

/// <summary>
/// The runners the service calls stop when their request does (the client left, or its time is up): a run that would
/// take minutes ends in an <see cref="OperationCanceledException"/> and leaves nothing behind.
/// </summary>
public sealed class CancelledRunTests(DemoTownDatabase demo) : IClassFixture<DemoTownDatabase>
{
    [Fact]
    public void A_hotspot_run_stopped_midway_stores_nothing()
    {
        var before = demo.Scalar("SELECT count(*) FROM analysis_runs");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        // Local Moran with 99,999 permutations on a 10 m grid of the whole town runs for many minutes.
        var request = new HotspotRunner.Request("moran", new EventFilter(), new HotspotParameters { Cell = 10, Band = 100, Permutations = 99_999 }, Name: "stopped midway");
        Assert.ThrowsAny<OperationCanceledException>(() => HotspotRunner.Run(demo.ConnectionString, request, stop.Token));
        Assert.Equal(before, demo.Scalar("SELECT count(*) FROM analysis_runs"));
        Assert.Equal(0, demo.Scalar("SELECT count(*) FROM analysis_runs WHERE name = 'stopped midway'"));
    }

    [Fact]
    public void A_hotspot_run_not_stopped_is_stored_with_the_database_crs()
    {
        var run = HotspotRunner.Run(demo.ConnectionString, new HotspotRunner.Request("dbscan", new EventFilter(), new HotspotParameters { Eps = 60, MinPoints = 25 }, Name: "runner dbscan"));
        Assert.Equal((long)run.Features, demo.Scalar($"SELECT count(*) FROM analysis_features WHERE run_id = {run.RunId}"));
        Assert.True(run.Features > 0);
        Assert.Equal(demo.Scalar("SELECT coalesce((SELECT value::bigint FROM deployment_settings WHERE key = 'analysis_srid'), 3006)"), run.Srid);
        Assert.Equal($"EPSG:{run.Srid}", run.Outcome.Report.Parameters["crs"]);
    }

    [Fact]
    public void Plans_and_evaluations_asked_for_by_a_request_that_has_left_do_not_run()
    {
        using var left = new CancellationTokenSource();
        left.Cancel();
        var shift = new DateTimeOffset(2024, 11, 29, 17, 0, 0, TimeSpan.Zero);
        Assert.ThrowsAny<OperationCanceledException>(() => PatrolRunner.Run(demo.ConnectionString, new PatrolRequest { ShiftStart = shift, ShiftEnd = shift.AddHours(8), Patrols = 2 }, left.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => EvaluationRunner.Run(demo.ConnectionString, new EvaluationRequest { MeasureId = "M01" }, left.Token));
    }
}
