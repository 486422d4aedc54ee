namespace GeoTrygghet.Analysis.Temporal;

/// <summary>The emerging hot spot categories of a location (as ArcGIS's Emerging Hot Spot Analysis names them), hot and cold.</summary>
public enum EmergingCategory
{
    NoPattern,
    NewHot,
    ConsecutiveHot,
    IntensifyingHot,
    PersistentHot,
    DiminishingHot,
    SporadicHot,
    OscillatingHot,
    HistoricalHot,
    NewCold,
    ConsecutiveCold,
    IntensifyingCold,
    PersistentCold,
    DiminishingCold,
    SporadicCold,
    OscillatingCold,
    HistoricalCold,
}
