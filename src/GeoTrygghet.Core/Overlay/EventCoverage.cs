namespace GeoTrygghet.Core.Overlay;

/// <summary>
/// One event against the assets at its time and place: the share of its time span that was dark, whether a
/// working lamp lit it, the lamps within reach that were out, the cameras that saw it while recording.
/// </summary>
public sealed record EventCoverage(double DarkShare, bool Lit, IReadOnlyList<string> LampsOut, IReadOnlyList<string> Cameras)
{
    public bool Dark => DarkShare >= 0.5;

    public bool Watched => Cameras.Count > 0;

    /// <summary>Dark, unlit: where a new lamp would have made a difference.</summary>
    public bool DarkUnlit => Dark && !Lit;
}
