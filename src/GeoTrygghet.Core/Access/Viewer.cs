namespace GeoTrygghet.Core.Access;

/// <summary>
/// A signed-in reader of the service (issue #10): the user, the organisation and role it acts for, and how it sees each
/// layer of events under the sharing rules. Someone without an account is no viewer: the public view.
/// </summary>
public sealed record Viewer(string User, string Org, string OrgName, string OrgKind, string Role, EventOwners Owners, LayerAccess Incidents, LayerAccess Reports)
{
    /// <summary>When the token or session the request came with ends.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public LayerAccess AccessTo(bool incidents) => incidents ? Incidents : Reports;

    /// <summary>Analyses, overlays and candidate places: the police's and the municipality's analysts and coordinators.</summary>
    public bool MayAnalyse => Role is "analyst" or "coordinator";

    /// <summary>Presence plans are the police's: its analysts plan where and when patrols are seen.</summary>
    public bool MayPlanPresence => Role == "analyst" && OrgKind == "police";
}
