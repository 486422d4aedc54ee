namespace GeoTrygghet.Core.Evaluation;

/// <summary>An evaluation that cannot be made as asked (no such measure, empty area, window outside the data); the message says why.</summary>
public sealed class EvaluationException(string message) : Exception(message);
