namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// Where a GPS track stood still: runs of consecutive points that stay within <c>radius</c> of the run's first
/// point for at least <c>minMinutes</c> (the stay-point detection of Li et al. 2008, "Mining user similarity based
/// on location history", ACM GIS). Each stay is reported at the mean of its points, from its first to its last time.
/// </summary>
public static class DwellDetector
{
    public sealed record Stay(double X, double Y, DateTimeOffset Arrive, DateTimeOffset Depart, int Points);

    public static List<Stay> Find(IReadOnlyList<(double X, double Y, DateTimeOffset Time)> track, double radius, double minMinutes)
    {
        if (!(radius > 0) || !(minMinutes > 0))
        {
            throw new AnalysisException("the stay radius and the least stay must be above 0.");
        }

        var stays = new List<Stay>();
        var i = 0;
        while (i < track.Count)
        {
            var j = i + 1;
            while (j < track.Count && Distance(track[i], track[j]) <= radius)
            {
                j++;
            }

            // track[i .. j-1] stayed within the radius of track[i].
            if ((track[j - 1].Time - track[i].Time).TotalMinutes >= minMinutes)
            {
                var n = j - i;
                var x = 0.0;
                var y = 0.0;
                for (var k = i; k < j; k++)
                {
                    x += track[k].X;
                    y += track[k].Y;
                }

                stays.Add(new Stay(x / n, y / n, track[i].Time, track[j - 1].Time, n));
                i = j;
            }
            else
            {
                i++;
            }
        }

        return stays;
    }

    private static double Distance((double X, double Y, DateTimeOffset) a, (double X, double Y, DateTimeOffset) b) =>
        Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
