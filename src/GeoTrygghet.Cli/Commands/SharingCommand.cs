using System.CommandLine;
using System.Text.Json;
using GeoTrygghet.Application.Access;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Access;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt sharing set|list</c>: what each organisation lets another see of its incidents and reports.</summary>
internal static class SharingCommand
{
    public static Command Create()
    {
        var sharing = new Command("sharing", $"What each organisation lets another see of the incidents and reports it owns (as their agreement says); without a rule: {Accounts.DefaultSharingLevel}.");

        var from = new Option<string>("--from") { Description = "the organisation that owns the data", Required = true };
        var to = new Option<string>("--to") { Description = "the organisation that sees it", Required = true };
        var layer = new Option<string>("--layer") { Description = "incidents or reports", Required = true };
        layer.AcceptOnlyFromAmong(Accounts.SharedLayers);
        var level = new Option<string>("--level") { Description = "exact (every event), aggregate (counts per cell and month, as the public view) or none", Required = true };
        level.AcceptOnlyFromAmong(Accounts.SharingLevels);
        var set = new Command("set", "Set what one organisation shares of a layer with another.") { from, to, layer, level };
        set.SetAction(parse => CliRun.Guard(() =>
        {
            Accounts.SetSharing(CliRun.Database(), parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(layer)!, parse.GetValue(level)!);
            Console.Error.WriteLine($"{parse.GetValue(from)} shares its {parse.GetValue(layer)} with {parse.GetValue(to)}: {parse.GetValue(level)}.");
        }));

        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var list = new Command("list", "List the sharing rules; every pair of organisations without one shares at the default level.") { json };
        list.SetAction(parse => CliRun.Guard(() =>
        {
            var rows = AccessStore.Sharing(CliRun.Database());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    @default = Accounts.DefaultSharingLevel,
                    rules = rows.Select(r => new { from = r.FromOrg, to = r.ToOrg, layer = r.Layer, level = r.Level, updated = StockholmTime.Format(r.UpdatedAt) }),
                }, Core.JsonOutput.Indented));
                return;
            }

            foreach (var r in rows)
            {
                Console.WriteLine($"{r.FromOrg,-16} → {r.ToOrg,-16} {r.Layer,-10} {r.Level}");
            }

            Console.WriteLine($"Every other pair of organisations: {Accounts.DefaultSharingLevel} (the default).");
        }));

        sharing.Add(set);
        sharing.Add(list);
        return sharing;
    }
}
