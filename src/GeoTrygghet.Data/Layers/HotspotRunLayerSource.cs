using System.Globalization;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The cells or clusters of one stored analysis run (<c>run=ID</c>; without it the latest run). A run named that does not
/// exist is reported as missing rather than served as an empty tile.
/// </summary>
public sealed class HotspotRunLayerSource : LayerSource
{
    private static readonly string[] RunFilter = ["run"];

    public override IReadOnlyList<string> FilterNames => RunFilter;

    public override void Conditions(LayerFilter filter, List<string> where, NpgsqlCommand cmd)
    {
        where.Add(filter.Run is null ? "t.run_id = (SELECT max(id) FROM analysis_runs)" : "t.run_id = @run");
        if (filter.Run is { } run)
        {
            cmd.Parameters.AddWithValue("run", run);
        }
    }

    public override async Task<string?> MissingAsync(NpgsqlDataSource db, LayerFilter filter, CancellationToken cancel)
    {
        if (filter.Run is not { } run)
        {
            return null;
        }

        await using var check = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM analysis_runs WHERE id = $1)");
        check.Parameters.AddWithValue(run);
        return (bool)(await check.ExecuteScalarAsync(cancel))!
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"There is no analysis run {run}; GET /tiles lists the runs.");
    }
}
