using GeoTrygghet.Core.Access;
using GeoTrygghet.Data.Access;
using GeoTrygghet.Server.Tiles;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Which organisations own police incidents and which own EST reports, read once per data version (issue #10): an
/// organisation that owns rows of a layer sees that layer exactly (its own rows, and what others share exactly), even
/// where no other organisation shares it exactly.
/// </summary>
public sealed class LayerOwners(ServerOptions options, DataVersions versions)
{
    private readonly Lock _gate = new();
    private (long Version, IReadOnlySet<string> Incidents, IReadOnlySet<string> Reports)? _owners;

    public Viewer WithOwnRows(Viewer viewer)
    {
        var (incidents, reports) = Current();
        return viewer with
        {
            Incidents = viewer.Incidents != LayerAccess.Exact && incidents.Contains(viewer.Org) ? LayerAccess.Exact : viewer.Incidents,
            Reports = viewer.Reports != LayerAccess.Exact && reports.Contains(viewer.Org) ? LayerAccess.Exact : viewer.Reports,
        };
    }

    private (IReadOnlySet<string> Incidents, IReadOnlySet<string> Reports) Current()
    {
        var version = versions.Of(["incidents", "reports"]) + versions.Epoch;
        lock (_gate)
        {
            if (_owners is not { } owners || owners.Version != version || !versions.Ready)
            {
                owners = (version, AccessStore.OwnersOf(options.ConnectionString, incidents: true), AccessStore.OwnersOf(options.ConnectionString, incidents: false));
                _owners = owners;
            }

            return (owners.Incidents, owners.Reports);
        }
    }
}
