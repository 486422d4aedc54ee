using System.CommandLine;
using System.Text.Json;
using GeoTrygghet.Application.Access;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Access;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt users add|list|remove|token|revoke-tokens</c>: the people who sign in, their organisation and role.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "The people who sign in: their organisation and role, their passwords (kept as hashes only) and bearer tokens.");

        var name = new Argument<string>("name") { Description = "the user's name (2–64 letters, digits, '.', '_', '-', '@')" };
        var org = new Option<string>("--org") { Description = "the organisation the user acts for (./gt orgs list)", Required = true };
        var role = new Option<string>("--role") { Description = "analyst, coordinator or partner", Required = true };
        role.AcceptOnlyFromAmong(Accounts.Roles);
        var fromStdin = new Option<bool>("--password-stdin") { Description = "read the password from standard input (one line, at least 12 characters); without it a password is generated and printed once" };
        var add = new Command("add", "Add a user.") { name, org, role, fromStdin };
        add.SetAction(parse => CliRun.Guard(() =>
        {
            string? password = null;
            if (parse.GetValue(fromStdin))
            {
                password = Console.In.ReadLine() ?? throw new AccessException("--password-stdin: standard input held no line");
            }

            var generated = Accounts.AddUser(CliRun.Database(), parse.GetValue(name)!, parse.GetValue(org)!, parse.GetValue(role)!, password);
            Console.Error.WriteLine($"Added the user {parse.GetValue(name)} ({parse.GetValue(role)} of {parse.GetValue(org)}).");
            if (generated is not null)
            {
                Console.Error.WriteLine("Its password, shown this once (only a hash of it is kept):");
                Console.WriteLine(generated);
            }
        }));

        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var list = new Command("list", "List the users with their organisation, role and number of unexpired tokens.") { json };
        list.SetAction(parse => CliRun.Guard(() =>
        {
            var rows = AccessStore.Users(CliRun.Database());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    rows.Select(r => new { name = r.Name, org = r.OrgId, role = r.Role, created = StockholmTime.Format(r.CreatedAt), active_tokens = r.ActiveTokens }),
                    Core.JsonOutput.Indented));
                return;
            }

            if (rows.Count == 0)
            {
                Console.WriteLine("No users yet: ./gt users add NAME --org ID --role analyst|coordinator|partner");
            }

            foreach (var r in rows)
            {
                Console.WriteLine($"{r.Name,-24} {r.OrgId,-16} {r.Role,-12} {r.ActiveTokens,2} token(s)  since {StockholmTime.Format(r.CreatedAt)}");
            }
        }));

        var remove = new Command("remove", "Remove a user and every token of it.") { name };
        remove.SetAction(parse => CliRun.Guard(() =>
        {
            Accounts.RemoveUser(CliRun.Database(), parse.GetValue(name)!);
            Console.Error.WriteLine($"Removed the user {parse.GetValue(name)} and its tokens.");
        }));

        var expires = new Option<string>("--expires") { Description = "how long the token is valid: a number and m, h or d, from 1m to 366d (default 30d)", DefaultValueFactory = _ => "30d" };
        var token = new Command("token", "Make a bearer token for the user (Authorization: Bearer TOKEN; GDAL/QGIS: GDAL_HTTP_HEADERS); it is printed as the last line.") { name, expires };
        token.SetAction(parse => CliRun.Guard(() =>
        {
            var lifetime = Accounts.ParseLifetime(parse.GetValue(expires)!);
            var (value, until) = Accounts.IssueToken(CliRun.Database(), parse.GetValue(name)!, lifetime);
            Console.Error.WriteLine($"A token for {parse.GetValue(name)}, valid until {StockholmTime.Format(until)} (only a hash of it is kept; ./gt users revoke-tokens {parse.GetValue(name)} ends it):");
            Console.WriteLine(value);
        }));

        var revoke = new Command("revoke-tokens", "Make every token of the user invalid at once.") { name };
        revoke.SetAction(parse => CliRun.Guard(() =>
        {
            var n = Accounts.RevokeTokens(CliRun.Database(), parse.GetValue(name)!);
            Console.Error.WriteLine($"Revoked {n} token(s) of {parse.GetValue(name)}.");
        }));

        users.Add(add);
        users.Add(list);
        users.Add(remove);
        users.Add(token);
        users.Add(revoke);
        return users;
    }
}
