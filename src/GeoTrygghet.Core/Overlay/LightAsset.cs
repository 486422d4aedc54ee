namespace GeoTrygghet.Core.Overlay;

/// <summary>A span of days with one status; <c>To</c> is the first day of the next status (exclusive), null while it lasts.</summary>
public readonly record struct StatusPeriod(string Status, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day < To);
}

/// <summary>A street lamp with its lit radius (<see cref="Analysis.Lighting.LitRadius"/>) and its status history.</summary>
public sealed record LightAsset(string Id, double X, double Y, double RadiusMetres, IReadOnlyList<StatusPeriod> Periods)
{
    /// <summary>working, out or removed on that day; null before it was installed.</summary>
    public string? StatusOn(DateOnly day)
    {
        foreach (var p in Periods)
        {
            if (p.Covers(day))
            {
                return p.Status;
            }
        }

        return null;
    }
}
