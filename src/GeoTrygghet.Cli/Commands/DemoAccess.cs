using System.Globalization;
using GeoTrygghet.Application.Access;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Access;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// The demo's collaboration (issue #10): the organisations polisen (police), kommun (municipality) and kbab (the housing
/// company), a user of each with a generated password, and two sharing rules that EST groups commonly agree on (the
/// municipality's reports exactly to the police, the housing company's exactly to the municipality; everything else the
/// default, aggregated). Existing organisations, users and rules are left alone; the users' passwords are kept in
/// <c>.local/demo-users-DATABASE.txt</c> (readable by the owner only) so that a second <c>gt demo</c> can print them again.
/// </summary>
internal static class DemoAccess
{
    public static readonly (string Id, string Name, string Kind)[] Organisations =
    [
        ("polisen", "Polisen, lokalpolisområde Demostad", "police"),
        ("kommun", "Demostads kommun", "municipality"),
        ("kbab", "Demostads Bostads AB", "partner"),
    ];

    public static readonly (string User, string Org, string Role)[] Users =
    [
        ("polis.analytiker", "polisen", "analyst"),
        ("kommun.samordnare", "kommun", "coordinator"),
        ("kbab.partner", "kbab", "partner"),
    ];

    // One file per database: the tests load the demo into databases of their own.
    private static string PasswordFile(string cs) =>
        Path.Combine(ProjectPaths.Root, ".local", $"demo-users-{new Npgsql.NpgsqlConnectionStringBuilder(cs).Database ?? "default"}.txt");

    public static void EnsureOrganisations(string cs)
    {
        var existing = AccessStore.Organisations(cs).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, name, kind) in Organisations.Where(o => !existing.Contains(o.Id)))
        {
            Accounts.AddOrganisation(cs, id, name, kind);
        }

        var rules = AccessStore.Sharing(cs);
        foreach (var (from, to) in new[] { ("kommun", "polisen"), ("kbab", "kommun") })
        {
            if (!rules.Any(r => r.FromOrg == from && r.ToOrg == to && r.Layer == "reports"))
            {
                Accounts.SetSharing(cs, from, to, "reports", "exact");
            }
        }
    }

    /// <summary>Creates the demo's users that are missing and prints how each signs in.</summary>
    public static void EnsureUsers(string cs, TextWriter output)
    {
        var file = PasswordFile(cs);
        var kept = File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var existing = AccessStore.Users(cs).Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (user, org, role) in Users)
        {
            if (existing.Contains(user) && kept.ContainsKey(user))
            {
                continue;
            }

            // A demo user whose password was not kept (another checkout made it) gets a new one.
            if (existing.Contains(user))
            {
                Accounts.RemoveUser(cs, user);
            }

            kept[user] = Accounts.AddUser(cs, user, org, role, password: null)!;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, Users.Select(u => $"{u.User} {kept[u.User]}"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        output.WriteLine("Sign in to the viewer (Logga in) as one of the demo's users; without signing in it shows the public view:");
        foreach (var (user, org, role) in Users)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {user,-18} {kept[user]}   ({org}, {role})"));
        }

        output.WriteLine($"  (kept in {Path.GetRelativePath(Environment.CurrentDirectory, file)}; a GIS client takes a token instead: ./gt users token polis.analytiker)");
    }
}
