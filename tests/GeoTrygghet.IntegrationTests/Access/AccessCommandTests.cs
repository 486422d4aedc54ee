using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.Application.Access;
using GeoTrygghet.IntegrationTests.Support;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// The command-line contracts of organisations, users, tokens and sharing (issue #10), through the real gt process on a
/// database of its own: what is printed and stored, what is refused and how, and that neither a password nor a token
/// can be read back from the database.
/// </summary>
public sealed class AccessCommandTests : IDisposable
{
    private readonly TestDatabase db = new();

    public void Dispose() => db.Dispose();

    private GtProcess.Result Gt(params string[] args) => GtProcess.Run(db.ConnectionString, args);

    private void Ok(GtProcess.Result r) => Assert.True(r.ExitCode == 0, r.All);

    [Fact]
    public void Organisations_are_added_and_listed_and_a_bad_or_duplicate_one_is_refused()
    {
        Ok(Gt("orgs", "add", "polisen", "--name", "Polisen lokalpolisområde Eskilstuna", "--kind", "police"));
        Ok(Gt("orgs", "add", "kommun", "--name", "Eskilstuna kommun", "--kind", "municipality"));
        var list = Gt("orgs", "list", "--json");
        Ok(list);
        var orgs = JsonNode.Parse(list.Stdout)!.AsArray();
        Assert.Equal(["kommun", "polisen"], orgs.Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal("police", orgs[1]!["kind"]!.GetValue<string>());
        Assert.Equal("Polisen lokalpolisområde Eskilstuna", orgs[1]!["name"]!.GetValue<string>());

        var again = Gt("orgs", "add", "polisen", "--name", "Annan", "--kind", "police");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("'polisen' exists already", again.Stderr, StringComparison.Ordinal);
        var badKind = Gt("orgs", "add", "x1", "--name", "X", "--kind", "church");
        Assert.Equal(2, badKind.ExitCode);
        var badId = Gt("orgs", "add", "Polisen!", "--name", "X", "--kind", "police");
        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("not an organisation id", badId.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(Gt("orgs", "list", "--json").Stdout)!.AsArray().Count);
    }

    [Fact]
    public void A_generated_password_is_printed_once_and_only_its_hash_is_kept()
    {
        Ok(Gt("orgs", "add", "kommun", "--name", "Eskilstuna kommun", "--kind", "municipality"));
        var add = Gt("users", "add", "anna.berg", "--org", "kommun", "--role", "coordinator");
        Ok(add);
        var password = add.Stdout.Trim();
        Assert.Matches("^[A-Za-z2-9]{20}$", password);

        var stored = Scalar<string>("SELECT password_hash FROM users WHERE name = 'anna.berg'");
        Assert.Equal(0, Scalar<long>($"SELECT count(*) FROM users u WHERE strpos(u::text, '{password}') > 0"));
        // ASP.NET Core Identity's version 3 format: a 0x01 marker, then PRF, iterations, salt and subkey.
        Assert.Equal(0x01, Convert.FromBase64String(stored)[0]);
        Assert.True(Accounts.CheckPassword(db.ConnectionString, "anna.berg", password));
        Assert.False(Accounts.CheckPassword(db.ConnectionString, "anna.berg", password + "x"));
        Assert.False(Accounts.CheckPassword(db.ConnectionString, "nobody", password));

        var list = JsonNode.Parse(Gt("users", "list", "--json").Stdout)!.AsArray();
        var user = Assert.Single(list)!;
        Assert.Equal("kommun", user["org"]!.GetValue<string>());
        Assert.Equal("coordinator", user["role"]!.GetValue<string>());
        Assert.DoesNotContain("hash", user.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, Gt("users", "list").All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_from_standard_input_is_taken_and_a_short_one_or_an_unknown_organisation_is_refused()
    {
        Ok(Gt("orgs", "add", "polisen", "--name", "Polisen", "--kind", "police"));
        var add = GtProcess.RunWithInput(db.ConnectionString, "correct horse battery staple\n", "users", "add", "per", "--org", "polisen", "--role", "analyst", "--password-stdin");
        Ok(add);
        Assert.Equal(string.Empty, add.Stdout.Trim());
        Assert.True(Accounts.CheckPassword(db.ConnectionString, "per", "correct horse battery staple"));

        var shortOne = GtProcess.RunWithInput(db.ConnectionString, "kort\n", "users", "add", "eva", "--org", "polisen", "--role", "analyst", "--password-stdin");
        Assert.Equal(2, shortOne.ExitCode);
        Assert.Contains("12–256 characters", shortOne.Stderr, StringComparison.Ordinal);
        var noOrg = Gt("users", "add", "eva", "--org", "kbab", "--role", "partner");
        Assert.Equal(2, noOrg.ExitCode);
        Assert.Contains("no organisation 'kbab'", noOrg.Stderr, StringComparison.Ordinal);
        var twice = GtProcess.RunWithInput(db.ConnectionString, "another long password\n", "users", "add", "per", "--org", "polisen", "--role", "analyst", "--password-stdin");
        Assert.Equal(2, twice.ExitCode);
        Assert.Single(JsonNode.Parse(Gt("users", "list", "--json").Stdout)!.AsArray());
    }

    [Fact]
    public void A_token_is_the_last_line_is_kept_as_a_hash_expires_and_is_revoked_with_all_the_users_tokens()
    {
        Ok(Gt("orgs", "add", "polisen", "--name", "Polisen", "--kind", "police"));
        Ok(Gt("users", "add", "per", "--org", "polisen", "--role", "analyst"));
        var first = Gt("users", "token", "per", "--expires", "1h");
        var second = Gt("users", "token", "per");
        Ok(first);
        Ok(second);
        var t1 = first.Stdout.TrimEnd().Split('\n')[^1];
        var t2 = second.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("gt_", t1, StringComparison.Ordinal);
        Assert.NotEqual(t1, t2);

        var owner = Accounts.ViewerOf(db.ConnectionString, t1);
        Assert.NotNull(owner);
        Assert.Equal(("per", "polisen", "police", "analyst"), (owner.User, owner.Org, owner.OrgKind, owner.Role));
        Assert.InRange(owner.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(61));
        Assert.InRange(Accounts.ViewerOf(db.ConnectionString, t2)!.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        Assert.Null(Accounts.ViewerOf(db.ConnectionString, t1 + "x"));
        // The token is nowhere in the table, only its SHA-256.
        Assert.Equal(0, Scalar<long>($"SELECT count(*) FROM user_tokens t WHERE strpos(t::text, '{t1}') > 0 OR strpos(t::text, '{t2}') > 0"));
        Assert.Equal(1, Scalar<long>($"SELECT count(*) FROM user_tokens WHERE token_hash = decode('{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(t1)))}', 'hex')"));

        // An expired token speaks for nobody.
        Execute($"UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = decode('{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(t1)))}', 'hex')");
        Assert.Null(Accounts.ViewerOf(db.ConnectionString, t1));
        Assert.NotNull(Accounts.ViewerOf(db.ConnectionString, t2));

        var revoke = Gt("users", "revoke-tokens", "per");
        Ok(revoke);
        Assert.Contains("Revoked 2 token(s)", revoke.Stderr, StringComparison.Ordinal);
        Assert.Null(Accounts.ViewerOf(db.ConnectionString, t2));

        Assert.Equal(2, Gt("users", "token", "per", "--expires", "2y").ExitCode);
        Assert.Equal(2, Gt("users", "token", "nobody").ExitCode);
        Assert.Equal(2, Gt("users", "revoke-tokens", "nobody").ExitCode);
    }

    [Fact]
    public void An_import_is_owned_by_the_organisation_it_names_or_its_kinds_one_organisation_and_a_wrong_owner_imports_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gt-owner-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "id,x,y,time_from,category,kind\nA1,556100,6597300,2024-03-03T12:00:00+01:00,graffiti,est\n");
        try
        {
            GtProcess.Result Import(params string[] more) => Gt(["import", "reports", file, "--crs", "EPSG:3006", .. more]);

            // No organisation yet: imported without an owner, and said so.
            var ownerless = Import("--source", "s0");
            Ok(ownerless);
            Assert.Contains("no organisations are set up yet", ownerless.Stderr, StringComparison.Ordinal);

            Ok(Gt("orgs", "add", "kommun", "--name", "Kommunen", "--kind", "municipality"));
            Ok(Gt("orgs", "add", "kbab", "--name", "Bostadsbolaget", "--kind", "partner"));
            Ok(Import("--source", "s1"));
            Assert.Equal("kommun", Scalar<string>("SELECT org_id FROM reports WHERE source = 's1'"));
            Ok(Import("--source", "s2", "--org", "kbab"));
            Assert.Equal("kbab", Scalar<string>("SELECT org_id FROM reports WHERE source = 's2'"));

            var unknown = Import("--source", "s3", "--org", "nosuch");
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("there is no organisation 'nosuch'", unknown.Stderr, StringComparison.Ordinal);
            var areas = Gt("import", "areas", file, "--org", "kommun");
            Assert.Equal(2, areas.ExitCode);
            Assert.Contains("areas belong to everyone", areas.Stderr, StringComparison.Ordinal);

            // Two municipalities: without --org the import cannot know whose the reports are, and says which there are.
            Ok(Gt("orgs", "add", "grannkommun", "--name", "Grannkommunen", "--kind", "municipality"));
            var ambiguous = Import("--source", "s4");
            Assert.Equal(2, ambiguous.ExitCode);
            Assert.Contains("there is more than one", ambiguous.Stderr, StringComparison.Ordinal);
            Assert.Contains("grannkommun (municipality)", ambiguous.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, Scalar<long>("SELECT count(*) FROM reports WHERE source IN ('s3', 's4')"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Removing_a_user_ends_its_tokens()
    {
        Ok(Gt("orgs", "add", "kbab", "--name", "Kommunens bostadsbolag", "--kind", "partner"));
        Ok(Gt("users", "add", "lisa", "--org", "kbab", "--role", "partner"));
        var token = Gt("users", "token", "lisa").Stdout.TrimEnd().Split('\n')[^1];
        Assert.NotNull(Accounts.ViewerOf(db.ConnectionString, token));
        Ok(Gt("users", "remove", "lisa"));
        Assert.Null(Accounts.ViewerOf(db.ConnectionString, token));
        Assert.Empty(JsonNode.Parse(Gt("users", "list", "--json").Stdout)!.AsArray());
        Assert.Equal(2, Gt("users", "remove", "lisa").ExitCode);
    }

    [Fact]
    public void Sharing_rules_are_set_replaced_and_listed_with_the_default_for_every_other_pair()
    {
        Ok(Gt("orgs", "add", "polisen", "--name", "Polisen", "--kind", "police"));
        Ok(Gt("orgs", "add", "kommun", "--name", "Eskilstuna kommun", "--kind", "municipality"));
        var empty = JsonNode.Parse(Gt("sharing", "list", "--json").Stdout)!;
        Assert.Equal("aggregate", empty["default"]!.GetValue<string>());
        Assert.Empty(empty["rules"]!.AsArray());

        Ok(Gt("sharing", "set", "--from", "polisen", "--to", "kommun", "--layer", "incidents", "--level", "none"));
        Ok(Gt("sharing", "set", "--from", "polisen", "--to", "kommun", "--layer", "incidents", "--level", "exact"));
        Ok(Gt("sharing", "set", "--from", "kommun", "--to", "polisen", "--layer", "reports", "--level", "exact"));
        var rules = JsonNode.Parse(Gt("sharing", "list", "--json").Stdout)!["rules"]!.AsArray();
        Assert.Equal(
            ["kommun→polisen reports exact", "polisen→kommun incidents exact"],
            rules.Select(r => $"{r!["from"]}→{r["to"]} {r["layer"]} {r["level"]}"));
        Assert.Contains("Every other pair of organisations: aggregate", Gt("sharing", "list").Stdout, StringComparison.Ordinal);

        var self = Gt("sharing", "set", "--from", "polisen", "--to", "polisen", "--layer", "incidents", "--level", "none");
        Assert.Equal(2, self.ExitCode);
        Assert.Contains("always sees its own data", self.Stderr, StringComparison.Ordinal);
        var unknown = Gt("sharing", "set", "--from", "polisen", "--to", "kbab", "--layer", "incidents", "--level", "exact");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no organisation 'kbab'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Gt("sharing", "set", "--from", "polisen", "--to", "kommun", "--layer", "lights", "--level", "exact").ExitCode);
        Assert.Equal(2, JsonNode.Parse(Gt("sharing", "list", "--json").Stdout)!["rules"]!.AsArray().Count);
    }

    private T Scalar<T>(string sql)
    {
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return (T)cmd.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
