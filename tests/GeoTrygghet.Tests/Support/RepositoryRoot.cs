namespace GeoTrygghet.Tests.Support;

/// <summary>The checkout the tests run in: the nearest folder upward that holds GeoTrygghet.sln.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoTrygghet.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string Folder => Find() ?? throw new InvalidOperationException("The tests do not run inside a GeoTrygghet checkout.");
}
