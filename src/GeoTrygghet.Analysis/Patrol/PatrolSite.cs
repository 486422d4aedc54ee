namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// A hotspot a patrol can visit: where to stand, and its risk for each hour of the week (Monday 00–01 is 0),
/// e.g. from <see cref="HourOfWeekRisk"/>.
/// </summary>
public sealed record PatrolSite(string Id, string Label, double X, double Y, double[] RiskByHourOfWeek);
