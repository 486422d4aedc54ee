namespace GeoTrygghet.Demo;

/// <summary>What <see cref="DemoTownGenerator.Write"/> wrote: row or feature counts per file, and the file names.</summary>
public sealed record DemoTownSummary(
    string Folder,
    int Incidents,
    int Reports,
    int Lights,
    int Cameras,
    int Measures,
    int Areas,
    int BasemapFeatures,
    IReadOnlyList<string> Files);
