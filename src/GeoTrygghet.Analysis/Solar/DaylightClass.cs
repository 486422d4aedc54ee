namespace GeoTrygghet.Analysis.Solar;

/// <summary>Daylight, civil twilight (sun between 0.833° and 6° below the horizon), or dark (more than 6° below).</summary>
public enum DaylightClass
{
    Day,
    CivilTwilight,
    Dark,
}
