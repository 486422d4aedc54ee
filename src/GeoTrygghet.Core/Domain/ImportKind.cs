namespace GeoTrygghet.Core.Domain;

/// <summary>The kinds of data <c>gt import</c> loads; the lower-case name is the command-line word.</summary>
public enum ImportKind
{
    Incidents,
    Reports,
    Lights,
    Cameras,
    Measures,
    Areas,

    /// <summary>Streets, paths, blocks and parks drawn under the data (the demo town's basemap).</summary>
    Basemap,
}
