using System.Xml.Linq;

using GeoTrygghet.Tests.Support;

namespace GeoTrygghet.Tests.Architecture;

/// <summary>
/// Each project to its job, and references pointing one way: Cli and Server → Data → Core → Analysis. The project that
/// installs and starts the local PostgreSQL cluster (apt-get, initdb) and the demo-town generator are for the command
/// line (and the tests) only: the web service links neither.
/// </summary>
public sealed class ProjectReferenceTests
{
    // A project may reference only projects of a lower rank.
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["GeoTrygghet.Analysis"] = 0,
        ["GeoTrygghet.Core"] = 1,
        ["GeoTrygghet.Data"] = 2,
        ["GeoTrygghet.Demo"] = 2,
        ["GeoTrygghet.Cluster"] = 3,
        ["GeoTrygghet.Server"] = 3,
        ["GeoTrygghet.Cli"] = 4,
    };

    [Fact]
    public void Every_project_reference_points_down_the_layers()
    {
        var graph = Graph();
        Assert.Equal(Rank.Keys.Order(StringComparer.Ordinal), graph.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in graph)
        {
            foreach (var reference in references)
            {
                Assert.True(Rank[reference] < Rank[project], $"{project} references {reference}, which is not below it (Cli/Server → Data → Core → Analysis)");
            }
        }
    }

    [Fact]
    public void The_web_service_links_neither_the_local_cluster_management_nor_the_demo_generator()
    {
        var graph = Graph();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(["GeoTrygghet.Server"]);
        while (stack.TryPop(out var project))
        {
            foreach (var reference in graph[project].Where(reached.Add))
            {
                stack.Push(reference);
            }
        }

        Assert.DoesNotContain("GeoTrygghet.Cluster", reached);
        Assert.DoesNotContain("GeoTrygghet.Cli", reached);
        Assert.DoesNotContain("GeoTrygghet.Demo", reached);
        Assert.Contains("GeoTrygghet.Data", reached);
    }

    private static Dictionary<string, List<string>> Graph()
    {
        var src = Path.Combine(RepositoryRoot.Folder, "src");
        return Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => XDocument.Load(p).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))
                    .ToList(),
                StringComparer.Ordinal);
    }

}
