using System.Xml.Linq;

using GeoTrygghet.Tests.Support;

namespace GeoTrygghet.Tests.Architecture;

/// <summary>
/// Each project to its job, and references pointing one way: Cli and Server → Application (the runners) → Data and
/// Output (the file writers) → Core → Analysis. The project that installs and starts the local PostgreSQL cluster
/// (apt-get, initdb) and the demo-town generator are for the command line (and the tests) only: the web service links
/// neither. The PDF library's native assets are carried by the output layer and the service's raster tiles only.
/// </summary>
public sealed class ProjectReferenceTests
{
    // A project may reference only projects of a lower rank.
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["GeoTrygghet.Analysis"] = 0,
        ["GeoTrygghet.Core"] = 1,
        ["GeoTrygghet.Data"] = 2,
        ["GeoTrygghet.Output"] = 2,
        ["GeoTrygghet.Demo"] = 2,
        ["GeoTrygghet.Application"] = 3,
        ["GeoTrygghet.Cluster"] = 3,
        ["GeoTrygghet.Server"] = 4,
        ["GeoTrygghet.Cli"] = 5,
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
                Assert.True(Rank[reference] < Rank[project], $"{project} references {reference}, which is not below it (Cli/Server → Application → Data/Output → Core → Analysis)");
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

    [Fact]
    public void Every_runner_is_in_the_application_layer_and_holds_no_sql()
    {
        var src = Path.Combine(RepositoryRoot.Folder, "src");
        string[] useCases = ["HotspotRunner.cs", "OverlayRunner.cs", "EvaluationRunner.cs", "PatrolRunner.cs", "ImportService.cs"];
        var runners = SourceFiles(src).Where(f => useCases.Contains(Path.GetFileName(f))).ToList();
        Assert.Equal(useCases.Length, runners.Count);
        foreach (var runner in runners)
        {
            Assert.StartsWith(Path.Combine(src, "GeoTrygghet.Application") + Path.DirectorySeparatorChar, runner, StringComparison.Ordinal);
        }

        foreach (var file in SourceFiles(Path.Combine(src, "GeoTrygghet.Application")))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("NpgsqlCommand", StringComparison.Ordinal) || text.Contains("SELECT ", StringComparison.Ordinal),
                $"{Path.GetFileName(file)} holds SQL; SQL belongs in GeoTrygghet.Data");
        }
    }

    [Fact]
    public void The_service_holds_no_sql_and_decides_nothing_by_a_layers_id()
    {
        var src = Path.Combine(RepositoryRoot.Folder, "src");
        var layerIds = new System.Text.RegularExpressions.Regex(@"(\.Id|\b\w*[Ll]ayer\w*)\s*(==|!=|\bis\b)\s*""|\b\w*[Ll]ayer\w*\s+switch\b");
        foreach (var file in SourceFiles(Path.Combine(src, "GeoTrygghet.Server")))
        {
            var text = File.ReadAllText(file);
            // The raster tiles' style sheet gives each layer its colours: a look, not a behaviour.
            var styleSheet = Path.GetFileName(file) == "RasterStyle.cs";
            foreach (var sql in new[] { "SELECT ", "NpgsqlCommand", "CreateCommand(", "LISTEN " })
            {
                Assert.False(text.Contains(sql, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds SQL ({sql.Trim()}); a layer's SQL belongs to its source in GeoTrygghet.Data/Layers");
            }

            Assert.False(!styleSheet && layerIds.IsMatch(text), $"{Path.GetFileName(file)} decides by a layer's id ({layerIds.Match(text).Value}); give the layer's source the behaviour instead");
        }

        foreach (var file in SourceFiles(Path.Combine(src, "GeoTrygghet.Data", "Layers")))
        {
            var text = File.ReadAllText(file);
            Assert.False(layerIds.IsMatch(text), $"{Path.GetFileName(file)} decides by a layer's id ({layerIds.Match(text).Value})");
        }
    }

    /// <summary>
    /// Issue #10: a request reads the database only as its reader (the service's role with the reader's organisation,
    /// under row-level security, from Security/ServiceDatabase). The owner's connection string, which sees everything,
    /// is for signing in, the data versions and the service's start, in Security/, ServerApp and DataVersions only.
    /// </summary>
    [Fact]
    public void Requests_read_the_database_only_as_their_reader()
    {
        var server = Path.Combine(RepositoryRoot.Folder, "src", "GeoTrygghet.Server");
        var owner = new System.Text.RegularExpressions.Regex(@"options\.ConnectionString|new NpgsqlConnection\(|NpgsqlDataSourceBuilder");
        foreach (var file in SourceFiles(server))
        {
            var relative = Path.GetRelativePath(server, file);
            // The data versions listen to the change log, which holds no event.
            if (relative.StartsWith($"Security{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || relative is "ServerApp.cs" or "ServerOptions.cs"
                || relative == Path.Combine("Tiles", "DataVersions.cs"))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            Assert.False(owner.IsMatch(text), $"{relative} reads the database as its owner ({owner.Match(text).Value}); take the request's connection from ServiceDatabase");
        }
    }

    [Fact]
    public void Only_the_output_layer_and_the_raster_tiles_carry_the_pdf_library()
    {
        var src = Path.Combine(RepositoryRoot.Folder, "src");
        var carriers = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("PackageReference").Any(r => r.Attribute("Include")!.Value.StartsWith("SkiaSharp", StringComparison.Ordinal)))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["GeoTrygghet.Output", "GeoTrygghet.Server"], carriers);
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

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
