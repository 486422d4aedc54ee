namespace GeoTrygghet.Core.Evaluation;

/// <summary>Where an event of an evaluation fell: treated area, displacement buffer or control.</summary>
public enum EvaluationRegion
{
    Treated,
    Buffer,
    Control,
}

/// <summary>One event inside the evaluation's areas and windows, with its position in degrees for the sun.</summary>
public readonly record struct EvaluationEvent(EvaluationRegion Region, bool After, double Latitude, double Longitude, DateTimeOffset TimeFrom, DateTimeOffset? TimeTo);
