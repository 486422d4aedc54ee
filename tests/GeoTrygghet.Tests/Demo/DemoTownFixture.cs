using GeoTrygghet.Demo;

namespace GeoTrygghet.Tests.Demo;

/// <summary>The demo town generated once with the default options into a temporary folder.</summary>
public sealed class DemoTownFixture : IDisposable
{
    public DemoTownFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N"));
        Summary = DemoTownGenerator.Write(Folder, new DemoTownOptions());
    }

    public string Folder { get; }

    public DemoTownSummary Summary { get; }

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
