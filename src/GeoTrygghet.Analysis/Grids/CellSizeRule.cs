using System.Globalization;

namespace GeoTrygghet.Analysis.Grids;

/// <summary>
/// The automatic cell size when none is given: the shorter side of the input's bounding box divided by
/// 50, rounded down to a "nice" size (1, 2, 2.5 or 5 times a power of ten), and never below 10 m nor
/// above 1,000 m. Fifty cells along the shorter side is the middle of the 30–100 that crime-mapping
/// guidance gives (Chainey 2013, JDiBrief series; Hart &amp; Zandbergen 2014), the floor keeps a small
/// town or a single street from getting cells of a few centimetres or of zero, and rounding makes the
/// size easy to state and to reuse next quarter.
/// </summary>
public static class CellSizeRule
{
    public const double MinimumMeters = 10;
    public const double MaximumMeters = 1000;
    public const int CellsAlongShorterSide = 50;

    public static double Choose(double width, double height)
    {
        var shorter = Math.Min(Math.Abs(width), Math.Abs(height));
        var raw = shorter / CellsAlongShorterSide;
        if (!(raw > MinimumMeters))
        {
            return MinimumMeters;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = new[] { 5, 2.5, 2, 1 }.Select(m => m * power).First(v => v <= raw);
        return Math.Clamp(nice, MinimumMeters, MaximumMeters);
    }

    public static string Describe(double width, double height) => string.Create(CultureInfo.InvariantCulture,
        $"automatic: shorter side of the extent ({Math.Min(width, height):0} m) / {CellsAlongShorterSide}, rounded down to a nice size, at least {MinimumMeters} m");
}
