using System.Globalization;

namespace GeoTrygghet.Analysis.NearRepeat;

/// <summary>
/// One band of a Knox table: an interval of distance (metres) or time (days), closed at the top,
/// open at the bottom except the first: [0, w], (w, 2w], … and a last open-ended band (max, ∞). The
/// label states exactly these bounds, so no band reads one unit off from what was counted.
/// </summary>
public sealed record KnoxBand(int Index, double Lower, double? Upper, string Unit)
{
    public string Label
    {
        get
        {
            var inv = CultureInfo.InvariantCulture;
            if (Upper is not { } upper)
            {
                return string.Create(inv, $"> {Lower:0.###} {Unit}");
            }

            return Index == 0 ? string.Create(inv, $"[0, {upper:0.###}] {Unit}") : string.Create(inv, $"({Lower:0.###}, {upper:0.###}] {Unit}");
        }
    }

    public static KnoxBand[] Make(double width, int count, string unit) =>
        Enumerable.Range(0, count).Select(k => new KnoxBand(k, k * width, (k + 1) * width, unit))
            .Append(new KnoxBand(count, count * width, null, unit)).ToArray();

    /// <summary>The band holding a value: ⌈v / w⌉ − 1 for v &gt; 0, band 0 for 0, the open band beyond.</summary>
    public static int Of(double value, double width, int count)
    {
        if (value <= width)
        {
            return 0;
        }

        var k = (int)Math.Ceiling(value / width) - 1;
        return Math.Min(k, count);
    }
}
