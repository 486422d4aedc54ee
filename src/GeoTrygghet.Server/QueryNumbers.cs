using System.Globalization;
using GeoTrygghet.Server.Layers;

namespace GeoTrygghet.Server;

/// <summary>
/// Numbers from a query string, each within the range its parameter is documented with (README, "Limits"): a value
/// outside it is a 400 naming the parameter and the range, never a 500 from an overflow or a plan of a million patrols.
/// </summary>
internal static class QueryNumbers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static double Number(string? text, string name, double fallback, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, Inv, out var v) || !double.IsFinite(v))
        {
            throw new FilterException(name, $"'{text}' is not a number");
        }

        return v >= min && v <= max ? v : throw new FilterException(name, string.Create(Inv, $"{text} is outside {min}–{max}"));
    }

    public static int Integer(string? text, string name, int fallback, int min, int max)
    {
        var v = Number(text, name, fallback, min, max);
        return v == Math.Floor(v) ? (int)v : throw new FilterException(name, $"'{text}' is not a whole number");
    }
}
