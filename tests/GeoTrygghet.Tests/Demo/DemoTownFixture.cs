using GeoTrygghet.Demo;

namespace GeoTrygghet.Tests.Demo;

/// <summary>The demo town generated once with the default options into a temporary folder.</summary>
public class DemoTownFixture : IDisposable
{
    public DemoTownFixture()
        : this(new DemoTownOptions())
    {
    }

    protected DemoTownFixture(DemoTownOptions options)
    {
        Folder = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N"));
        Summary = DemoTownGenerator.Write(Folder, options);
    }

    public string Folder { get; }

    public DemoTownSummary Summary { get; }

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The demo town ending on another day than the committed one (mid-June, so that its years start in June), as
/// <c>gt demo</c> makes one ending yesterday: the planted story must hold whatever the end (issue #11).
/// </summary>
public sealed class MovedDemoTownFixture() : DemoTownFixture(new DemoTownOptions { End = new(2026, 6, 14) });
