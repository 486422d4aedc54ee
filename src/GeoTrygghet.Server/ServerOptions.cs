namespace GeoTrygghet.Server;

/// <summary>
/// How the service runs: the address (loopback unless configured otherwise), the zoom from which point
/// layers are sent point by point, and public mode, in which sensitive layers are served only as
/// counts per cell at every zoom.
/// </summary>
public sealed record ServerOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public int DetailZoom { get; init; } = 14;

    /// <summary>At most this many points in a detail tile; a denser tile is sent as counts per cell (keeps tiles under ~500 KB).</summary>
    public int DetailFeatureBudget { get; init; } = 5000;

    public bool PublicMode { get; init; }

    public required string ConnectionString { get; init; }

    public int AnalysisSrid { get; init; } = 3006;

    public string? StaticFolder { get; init; }

    /// <summary>How to start the gt command line (program and leading arguments) for analyses asked for over HTTP; none: not offered.</summary>
    public IReadOnlyList<string>? AnalysisCommand { get; init; }
}
