using System.Text.RegularExpressions;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// <c>gt demo</c> serves through <c>gt serve</c>'s code with its own command line: every serve option must be one of its
/// options too, or the service starts with that option's zero value (a public cell of 0 m refused every demo start).
/// </summary>
public sealed partial class DemoServeOptionsTests
{
    [Fact]
    public void The_demo_takes_every_option_of_serve()
    {
        var serve = Options(GtProcess.Run("Host=unused", "serve", "--help").Stdout);
        var demo = Options(GtProcess.Run("Host=unused", "demo", "--help").Stdout);
        Assert.Contains("--public-cell-m", serve);
        Assert.Empty(serve.Except(demo));
    }

    private static HashSet<string> Options(string help) => OptionName().Matches(help).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+(--[a-z][a-z0-9-]*)", RegexOptions.Multiline)]
    private static partial Regex OptionName();
}
