using System.CommandLine;
using System.Text.Json;
using GeoTrygghet.Application.Access;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Access;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt orgs add|list</c>: the organisations of the collaboration (police, municipality, partners).</summary>
internal static class OrgsCommand
{
    public static Command Create()
    {
        var orgs = new Command("orgs", "The organisations that share the situation picture: the police, the municipality and partners such as a housing company.");

        var id = new Argument<string>("id") { Description = "short id used in commands and data, e.g. polisen, kommun, kbab" };
        var name = new Option<string>("--name") { Description = "the organisation's name as people say it", Required = true };
        var kind = new Option<string>("--kind") { Description = "police, municipality or partner", Required = true };
        kind.AcceptOnlyFromAmong(Accounts.OrganisationKinds);
        var add = new Command("add", "Add an organisation.") { id, name, kind };
        add.SetAction(parse => Guard(() =>
        {
            var cs = Database();
            Accounts.AddOrganisation(cs, parse.GetValue(id)!, parse.GetValue(name)!, parse.GetValue(kind)!);
            Console.Error.WriteLine($"Added the organisation {parse.GetValue(id)} ({parse.GetValue(name)}, {parse.GetValue(kind)}). Users: ./gt users add NAME --org {parse.GetValue(id)} --role analyst|coordinator|partner");
        }));

        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var list = new Command("list", "List the organisations with their kind and number of users.") { json };
        list.SetAction(parse => Guard(() =>
        {
            var rows = AccessStore.Organisations(Database());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { id = r.Id, name = r.Name, kind = r.Kind, users = r.Users }), Indented));
                return;
            }

            if (rows.Count == 0)
            {
                Console.WriteLine("No organisations yet: ./gt orgs add ID --name TEXT --kind police|municipality|partner");
            }

            foreach (var r in rows)
            {
                Console.WriteLine($"{r.Id,-16} {r.Kind,-13} {r.Users,3} user(s)  {r.Name}");
            }
        }));

        orgs.Add(add);
        orgs.Add(list);
        return orgs;
    }

    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The database of the command, checked to have the current schema.</summary>
    internal static string Database()
    {
        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        return cs;
    }

    /// <summary>As <see cref="CliRun.Guard(Action)"/>, and an <see cref="AccessException"/> is one clear line too.</summary>
    internal static int Guard(Action body) => CliRun.Guard(() =>
    {
        try
        {
            body();
            return CliRun.Ok;
        }
        catch (AccessException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliRun.Failed;
        }
    });
}
