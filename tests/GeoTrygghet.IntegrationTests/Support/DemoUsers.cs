using GeoTrygghet.Data;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>The passwords gt demo printed for its users, which it keeps per database in <c>.local/demo-users-DATABASE.txt</c>.</summary>
public static class DemoUsers
{
    public static string Password(TestDatabase db, string user) =>
        File.ReadAllLines(Path.Combine(ProjectPaths.Root, ".local", $"demo-users-{db.Name}.txt"))
            .Single(l => l.StartsWith(user + " ", StringComparison.Ordinal))[(user.Length + 1)..];
}
