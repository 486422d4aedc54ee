namespace GeoTrygghet.Analysis.Clustering;

/// <summary>
/// DBSCAN parameters. <see cref="EpsMeters"/> is inclusive (a point at exactly eps is a neighbour);
/// <see cref="MinPoints"/> counts the point itself, as in Ester et al. and scikit-learn's min_samples.
/// With <see cref="TimeEps"/> it is ST-DBSCAN: neighbours must also lie within that time of each other.
/// </summary>
public sealed record DbscanOptions(double EpsMeters, int MinPoints, TimeSpan? TimeEps = null)
{
    public void Validate()
    {
        if (!(EpsMeters > 0) || !double.IsFinite(EpsMeters))
        {
            throw new AnalysisException($"eps must be a positive number of metres, not {EpsMeters.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (MinPoints < 1)
        {
            throw new AnalysisException($"min points must be at least 1 (it counts the point itself), not {MinPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (TimeEps is { } t && t <= TimeSpan.Zero)
        {
            throw new AnalysisException("the time eps of ST-DBSCAN must be positive.");
        }
    }
}
