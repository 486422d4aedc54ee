using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Access;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt audit [--user NAME] [--since DATE] [--json]</c>: who read which layer or collection, which area and period,
/// which export, and who imported, deleted or changed access, when (issue #10). Times in Stockholm time.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "only this user's rows (a user name, or cli:NAME for the command line)" };
        var since = new Option<string?>("--since") { Description = "only rows from this day on (YYYY-MM-DD, Stockholm time)" };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("audit", "Who read what (layers, features, exports, analyses, plans) and who imported, deleted or changed access, when.") { user, since, json };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? StockholmTime.StartOfDay(day)
                    : throw new FormatException($"--since '{text}' is not a date YYYY-MM-DD");
            }

            var rows = AuditLog.Read(CliRun.Database(), parse.GetValue(user), from);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    at = StockholmTime.Format(r.At!.Value), user = r.User, org = r.Org, action = r.Action, target = r.Target, area = r.Area, period = r.Period, detail = r.Detail,
                }), Core.JsonOutput.Indented));
                return;
            }

            foreach (var r in rows)
            {
                Console.WriteLine($"{StockholmTime.Format(r.At!.Value)}  {r.User ?? "-",-20} {r.Org ?? "-",-10} {r.Action,-14} {r.Target,-22} {r.Area ?? string.Empty} {(r.Period is null ? string.Empty : "period " + r.Period)} {r.Detail ?? string.Empty}".TrimEnd());
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows."));
        }));
        return command;
    }
}
