namespace GeoTrygghet.Core.Access;

/// <summary>
/// The organisations whose police incidents and whose EST reports a reader may see exactly (issue #10): its own and
/// those that share the layer with it as <c>exact</c>. Part of the one event filter, so every reader of events applies
/// it; null there means the command line, which reads everything.
/// </summary>
public sealed record EventOwners(IReadOnlyList<string> Incidents, IReadOnlyList<string> Reports)
{
    public string Describe() => $"incidents: {string.Join(",", Incidents)}; reports: {string.Join(",", Reports)}";
}
