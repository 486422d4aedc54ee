using System.CommandLine;
using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt fields [kind]</c>: the fields each import kind reads, their aliases and meaning.</summary>
internal static class FieldsCommand
{
    public static Command Create()
    {
        var kind = new Argument<string?>("kind") { Description = "one import kind (default: all)", Arity = ArgumentArity.ZeroOrOne };
        kind.AcceptOnlyFromAmong(Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant()).ToArray());
        var command = new Command("fields", "List the fields each import kind reads, with the column names recognised without --map.") { kind };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(kind);
            foreach (var k in Enum.GetValues<ImportKind>().Where(k => chosen is null || k.ToString().Equals(chosen, StringComparison.OrdinalIgnoreCase)))
            {
                Console.WriteLine(k.ToString().ToLowerInvariant());
                foreach (var f in ImportFields.For(k))
                {
                    var aliases = f.Aliases.Length > 0 ? $" [also: {string.Join(", ", f.Aliases)}]" : string.Empty;
                    Console.WriteLine($"  {f.Name,-15}{(f.Required ? "required " : "optional ")} {f.Description}{aliases}");
                }

                Console.WriteLine();
            }

            return 0;
        });
        return command;
    }
}
