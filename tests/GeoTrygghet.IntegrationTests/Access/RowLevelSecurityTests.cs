using GeoTrygghet.Data.Access;
using GeoTrygghet.IntegrationTests.Support;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// The second line of the sharing rules (issue #10): PostgreSQL's row-level security on the connections the service
/// reads with. A query that forgets the event filter entirely — a bare <c>SELECT</c> — still gets only what the
/// organisation may see; a connection of nobody's gets no event at all; only the aggregating connection reads the
/// whole; and the service's role cannot change events.
/// </summary>
public sealed class RowLevelSecurityTests : IClassFixture<DemoTownDatabase>
{
    private readonly DemoTownDatabase demo;

    public RowLevelSecurityTests(DemoTownDatabase demo)
    {
        this.demo = demo;
        ServiceRole.Grant(demo.ConnectionString);
    }

    private static long Count(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private long Owned(string table, params string[] orgs) =>
        demo.Scalar($"SELECT count(*) FROM {table} WHERE org_id IN ({string.Join(", ", orgs.Select(o => $"'{o}'"))})");

    [Theory]
    [InlineData("polisen", "incidents", new[] { "polisen" })]
    [InlineData("polisen", "reports", new[] { "kommun" })]
    [InlineData("kommun", "incidents", new string[0])]
    [InlineData("kommun", "reports", new[] { "kommun", "kbab" })]
    [InlineData("kbab", "incidents", new string[0])]
    [InlineData("kbab", "reports", new[] { "kbab" })]
    public void A_query_without_any_filter_reads_only_what_the_organisation_may_see(string org, string table, string[] visible)
    {
        var cs = ServiceRole.ForOrganisation(demo.ConnectionString, org);
        Assert.Equal(visible.Length == 0 ? 0 : Owned(table, visible), Count(cs, $"SELECT count(*) FROM {table}"));
        Assert.True(demo.Scalar($"SELECT count(*) FROM {table}") > 0);
    }

    [Fact]
    public void Nobodys_connection_reads_no_event_and_the_aggregating_one_reads_them_all()
    {
        var nobody = ServiceRole.ForOrganisation(demo.ConnectionString, null);
        Assert.Equal(0, Count(nobody, "SELECT count(*) FROM incidents"));
        Assert.Equal(0, Count(nobody, "SELECT count(*) FROM reports"));
        Assert.Equal(0, Count(nobody, "SELECT count(*) FROM analysis_runs"));
        var all = ServiceRole.ForAggregates(demo.ConnectionString);
        Assert.Equal(demo.Scalar("SELECT count(*) FROM incidents"), Count(all, "SELECT count(*) FROM incidents"));
        Assert.Equal(demo.Scalar("SELECT count(*) FROM reports"), Count(all, "SELECT count(*) FROM reports"));
        using var conn = new NpgsqlConnection(all);
        conn.Open();
        using var who = new NpgsqlCommand("SELECT current_user::text", conn);
        Assert.Equal(ServiceRole.NameFor(demo.ConnectionString), who.ExecuteScalar());
    }

    [Fact]
    public void The_services_role_cannot_change_events_and_a_pooled_connection_keeps_its_organisation()
    {
        var kommun = ServiceRole.ForOrganisation(demo.ConnectionString, "kommun");
        var error = Assert.Throws<PostgresException>(() => Count(kommun, "WITH d AS (DELETE FROM incidents RETURNING 1) SELECT count(*) FROM d"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);

        // A request that changes its connection's organisation or role is undone when the pool resets the connection
        // (DISCARD ALL): the start-up options are what the next request gets.
        var pooled = new NpgsqlConnectionStringBuilder(kommun) { Pooling = true, MaxPoolSize = 1 }.ConnectionString;
        using (var conn = new NpgsqlConnection(pooled))
        {
            conn.Open();
            using var set = new NpgsqlCommand("SET gt.org = 'polisen'", conn);
            set.ExecuteNonQuery();
            using var count = new NpgsqlCommand("SELECT count(*) FROM incidents", conn);
            Assert.Equal(Owned("incidents", "polisen"), (long)count.ExecuteScalar()!);
        }

        Assert.Equal(0, Count(pooled, "SELECT count(*) FROM incidents"));
    }
}
