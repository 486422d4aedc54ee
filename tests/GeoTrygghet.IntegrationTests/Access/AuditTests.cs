using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.Data.Access;
using GeoTrygghet.IntegrationTests.Server;
using GeoTrygghet.IntegrationTests.Support;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// The audit log (issue #10) over the real service and command line: a signed-in reader's reads and exports are there
/// with their area and period (and a failed sign-in with the name but never the password), the public view's are
/// not; imports and deletions on the command line are there; and no one can change or delete a row.
/// </summary>
public sealed class AuditTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    private JsonArray Audit(params string[] args)
    {
        var run = GtProcess.Run(service.Db.ConnectionString, ["audit", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonNode.Parse(run.Stdout)!.AsArray();
    }

    /// <summary>The rows matching, once the service's background writer has written them (it writes every half second).</summary>
    private async Task<List<JsonNode>> Eventually(Func<JsonNode, bool> match, params string[] args)
    {
        for (var i = 0; ; i++)
        {
            var rows = Audit(args).Select(r => r!).Where(match).ToList();
            if (rows.Count > 0 || i == 20)
            {
                return rows;
            }

            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_signed_in_readers_reads_and_exports_are_logged_with_area_and_period_and_the_publics_are_not()
    {
        using var kommun = service.ClientFor("kommun.samordnare");
        (await kommun.GetAsync($"{service.BaseUrl}/tiles/reports/14/8919/4802.mvt?from=2024-03-01&to=2024-03-31")).EnsureSuccessStatusCode();
        (await kommun.GetAsync($"{service.BaseUrl}/ogc/collections/reports/items?limit=5&bbox=15.98,59.50,16.00,59.52")).EnsureSuccessStatusCode();
        (await service.Anonymous.GetAsync($"{service.BaseUrl}/tiles/incidents/14/8919/4802.mvt?month=2024-03")).EnsureSuccessStatusCode();

        var read = Assert.Single(await Eventually(r => r["action"]!.GetValue<string>() == "read" && r["target"]!.GetValue<string>() == "reports", "--user", "kommun.samordnare"));
        Assert.Equal("kommun", read["org"]!.GetValue<string>());
        Assert.Equal("2024-03-01..2024-03-31", read["period"]!.GetValue<string>());
        Assert.StartsWith("tiles 14/", read["area"]!.GetValue<string>(), StringComparison.Ordinal);
        var export = Assert.Single(await Eventually(r => r["action"]!.GetValue<string>() == "export", "--user", "kommun.samordnare"));
        Assert.Equal("bbox 15.98,59.50,16.00,59.52", export["area"]!.GetValue<string>());

        // Nobody signed in read the public cells: no row without a user for a layer.
        Assert.DoesNotContain(Audit(), r => r!["user"] is null && r["target"]!.GetValue<string>() == "incidents");
        Assert.Empty(Audit("--user", "kommun.samordnare", "--since", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_with_the_name_tried_and_never_the_password()
    {
        using var response = await service.Anonymous.PostAsync($"{service.BaseUrl}/auth/login",
            new StringContent("""{"user":"kbab.partner","password":"hemligt-men-fel-9"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await Eventually(r => r["action"]!.GetValue<string>() == "sign_in_failed", "--user", "kbab.partner"));
        Assert.Equal("auth/login", row["target"]!.GetValue<string>());
        Assert.Equal(0, service.Db.Scalar("SELECT count(*) FROM audit_log a WHERE strpos(a::text, 'hemligt-men-fel-9') > 0"));
    }

    [Fact]
    public void Imports_and_deletions_on_the_command_line_are_logged()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gt-audit-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "id,x,y,time_from,category,kind\nA1,556100,6597300,2024-03-03T12:00:00+01:00,graffiti,est\n");
        try
        {
            var import = GtProcess.Run(service.Db.ConnectionString, "import", "reports", file, "--source", "audit-probe", "--org", "kbab", "--crs", "EPSG:3006");
            Assert.True(import.ExitCode == 0, import.All);
            var delete = GtProcess.Run(service.Db.ConnectionString, "import", "delete", "reports", "--source", "audit-probe", "--yes");
            Assert.True(delete.ExitCode == 0, delete.All);
        }
        finally
        {
            File.Delete(file);
        }

        var rows = Audit().Select(r => r!).Where(r => r["target"]!.GetValue<string>() == "reports" && (r["detail"]?.GetValue<string>() ?? string.Empty).Contains("audit-probe", StringComparison.Ordinal)).ToList();
        Assert.Equal(["import", "delete"], rows.Select(r => r["action"]!.GetValue<string>()));
        Assert.Equal("kbab", rows[0]["org"]!.GetValue<string>());
        Assert.StartsWith("cli:", rows[0]["user"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("inserted 1", rows[0]["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_one_can_change_or_delete_an_audit_row_and_the_services_role_may_only_append()
    {
        Assert.True(service.Db.Scalar("SELECT count(*) FROM audit_log") > 0);
        foreach (var cs in new[] { ServiceRole.ForOrganisation(service.Db.ConnectionString, "polisen"), service.Db.ConnectionString })
        {
            foreach (var sql in new[] { "UPDATE audit_log SET user_name = 'someone else'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
            {
                using var conn = new NpgsqlConnection(cs);
                conn.Open();
                using var cmd = new NpgsqlCommand(sql, conn);
                var error = Assert.Throws<PostgresException>(() => cmd.ExecuteNonQuery());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
            }
        }

        AuditLog.Append(ServiceRole.ForOrganisation(service.Db.ConnectionString, null), [new Core.Access.AuditEntry("probe", null, "read", "incidents")]);
        Assert.Equal(1, service.Db.Scalar("SELECT count(*) FROM audit_log WHERE user_name = 'probe'"));
    }
}
