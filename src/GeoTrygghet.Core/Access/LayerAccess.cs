namespace GeoTrygghet.Core.Access;

/// <summary>How a signed-in reader sees a layer of events (issue #10).</summary>
public enum LayerAccess
{
    /// <summary>Point by point: the rows of <see cref="EventOwners"/>.</summary>
    Exact,

    /// <summary>Only as the public view's counts per fixed cell and month: no single event can be located.</summary>
    Aggregate,

    /// <summary>Not at all (every other organisation's rule is <c>none</c>; the public view still shows its counts).</summary>
    None,
}
