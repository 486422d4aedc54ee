namespace GeoTrygghet.Analysis;

/// <summary>An analysis that cannot run on the input given, with the reason in words a planner understands.</summary>
public sealed class AnalysisException(string message) : Exception(message);
