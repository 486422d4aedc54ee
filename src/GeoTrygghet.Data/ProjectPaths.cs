namespace GeoTrygghet.Data;

/// <summary>
/// Where the checkout is: <c>GEOTRYGGHET_HOME</c> (set by <c>./gt</c>), else the nearest folder upward
/// from the working directory that holds GeoTrygghet.sln. Project-local state lives in <c>.local/</c>.
/// </summary>
public static class ProjectPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalState => Path.Combine(Root, ".local");

    private static string FindRoot()
    {
        var home = Environment.GetEnvironmentVariable("GEOTRYGGHET_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            return Path.GetFullPath(home);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoTrygghet.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
