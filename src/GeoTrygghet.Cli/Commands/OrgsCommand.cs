using System.CommandLine;
using System.Text.Json;
using GeoTrygghet.Application.Access;
using GeoTrygghet.Data.Access;

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
        add.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = CliRun.Database();
            Accounts.AddOrganisation(cs, parse.GetValue(id)!, parse.GetValue(name)!, parse.GetValue(kind)!);
            Console.Error.WriteLine($"Added the organisation {parse.GetValue(id)} ({parse.GetValue(name)}, {parse.GetValue(kind)}). Users: ./gt users add NAME --org {parse.GetValue(id)} --role analyst|coordinator|partner");
        }));

        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var list = new Command("list", "List the organisations with their kind and number of users.") { json };
        list.SetAction(parse => CliRun.Guard(() =>
        {
            var rows = AccessStore.Organisations(CliRun.Database());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { id = r.Id, name = r.Name, kind = r.Kind, users = r.Users }), Core.JsonOutput.Indented));
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
}
