using System.Collections;
using System.Globalization;
using System.Text;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Data.Layers;
using GeoTrygghet.Server.Ogc;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Sql;

/// <summary>
/// The SQL the service and the analyses send to PostGIS, recorded in <c>Sql/Baselines/*.sql</c> so that a change to it
/// shows in review as a diff of those files (as efcore.pg's AssertSql). A test fails when the SQL differs from its
/// baseline; <c>GEOTRYGGHET_BLESS_SQL=1</c> writes the new SQL as the baseline, to be read and committed with the change.
/// </summary>
public sealed class SqlBaselineTests
{
    private static readonly LayerFilter Filtered = new(
        new EventFilter(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), ["violence"], ["demo"], Hours: (18, 6)), null);

    public static TheoryData<string> Cases => new(Queries.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sql_sent_to_postgis_is_the_reviewed_one(string name)
    {
        using var cmd = Queries[name]();
        var actual = Render(cmd);
        var path = Path.Combine(GtProcess.RepositoryRoot, "tests", "GeoTrygghet.IntegrationTests", "Sql", "Baselines", $"{name}.sql");
        if (Environment.GetEnvironmentVariable("GEOTRYGGHET_BLESS_SQL") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no baseline {path}: run the tests with GEOTRYGGHET_BLESS_SQL=1, read the file and commit it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"the SQL of {name} differs from {path}; if the change is meant, rerun with GEOTRYGGHET_BLESS_SQL=1 and commit the diff.\n--- expected\n{expected}\n--- actual\n{actual}");
    }

    private static readonly Dictionary<string, Func<NpgsqlCommand>> Queries = new(StringComparer.Ordinal)
    {
        ["tile-incidents-points"] = () => Layer("incidents").Tile(null, 16, 35678, 19210, LayerFilter.None, 3006, 0),
        ["tile-incidents-cells-filtered"] = () => Layer("incidents").Tile(null, 12, 2229, 1200, Filtered, 3006, TileGrid.AggregateCellsPerSide),
        ["tile-incidents-count-filtered"] = () => Layer("incidents").TileCount(null, 14, 8919, 4802, Filtered, 3006, 5001),
        ["tile-reports-points-filtered"] = () => Layer("reports").Tile(null, 14, 8919, 4802, Filtered, 3006, 0),
        ["tile-hotspots-run"] = () => Layer("hotspots").Tile(null, 14, 8919, 4802, new LayerFilter(new EventFilter(), 7), 3006, 0),
        ["tile-lights-low-zoom"] = () => Layer("lights").Tile(null, 1, 1, 0, LayerFilter.None, 3006, 0),
        ["ogc-incidents-where"] = () =>
        {
            var cmd = new NpgsqlCommand();
            cmd.CommandText = Layer("incidents").Where(OgcEndpoints.Query(Layer("incidents"), Filtered, "15.98,59.50,16.00,59.52", "2024-03-01T00:00:00Z/.."), 3006, cmd);
            return cmd;
        },
        ["public-incidents-tile-month-group"] = () => PublicCellsSql.Tile(null, (EventLayerSource)Layer("incidents"), 14, 8919, 4802, new PublicCellsSql.Query(2024, 3, "violence", 250, 5), 3006),
        ["analysis-events-both-in-area"] = () => PointSource.Command(new EventFilter(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), ["violence"], Area: "Centrum",
            IncidentWeight: 1, ReportWeight: 0.5, AreaWkt: "POLYGON((555000 6597000,556000 6597000,556000 6598000,555000 6597000))")),
    };

    private static LayerSource Layer(string id) => LayerSources.Find(id)!;

    private static string Render(NpgsqlCommand cmd)
    {
        var text = new StringBuilder();
        text.Append(cmd.CommandText.ReplaceLineEndings("\n").TrimEnd()).Append('\n');
        text.Append("-- parameters\n");
        foreach (NpgsqlParameter p in cmd.Parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"-- @{p.ParameterName} = {Value(p.Value)}\n");
        }

        return text.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "NULL",
        string s => $"'{s}'",
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Value))}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
