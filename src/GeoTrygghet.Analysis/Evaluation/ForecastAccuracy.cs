using System.Globalization;

namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// How well hotspots found in one period predict the next, on grid cells:
/// <list type="bullet">
/// <item>PAI, the Predictive Accuracy Index (Chainey, Tompson &amp; Uhlig 2008, Security Journal 21):
/// (n/N)/(a/A), the share of the next period's events in the hotspots over the share of the area they take.</item>
/// <item>PEI, the Predictive Efficiency Index (Hunt 2016, "Do crime hot spots move?", NIJ): PAI over the
/// best PAI possible with the same area, i.e. with the same number of cells chosen by the next
/// period's counts (n*/N)/(a/A); 1 is perfect.</item>
/// <item>RRI, the Recapture Rate Index (Levine 2008, CrimeStat III; Chainey et al. 2008): (n₂/n₁)/(N₂/N₁),
/// the change in events inside the hotspots relative to the change everywhere; 1 means as before.</item>
/// </list>
/// All cells have the same area; the study area is all cells given.
/// </summary>
public static class ForecastAccuracy
{
    public sealed record Result(double Pai, double Pei, double Rri, int HotspotCells, int Cells, double HitRate, double AreaShare, double EventsInHotspotsBefore, double EventsInHotspotsAfter, double EventsBefore, double EventsAfter);

    public static Result Compute(ReadOnlySpan<bool> hotspot, ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var cells = hotspot.Length;
        if (before.Length != cells || after.Length != cells)
        {
            throw new ArgumentException("hotspot, before and after must have one value per cell.");
        }

        var hot = 0;
        double n1 = 0, n2 = 0, total1 = 0, total2 = 0;
        for (var i = 0; i < cells; i++)
        {
            total1 += before[i];
            total2 += after[i];
            if (hotspot[i])
            {
                hot++;
                n1 += before[i];
                n2 += after[i];
            }
        }

        if (hot == 0)
        {
            throw new AnalysisException("no hotspot cells: there is nothing whose accuracy can be measured.");
        }

        if (total2 <= 0 || total1 <= 0)
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"both periods need events (before {total1}, after {total2})."));
        }

        var areaShare = (double)hot / cells;
        var hitRate = n2 / total2;
        var pai = hitRate / areaShare;
        var best = after.ToArray();
        Array.Sort(best);
        var nBest = best.AsSpan(cells - hot).ToArray().Sum();
        var pei = nBest > 0 ? pai / (nBest / total2 / areaShare) : double.NaN;
        var rri = n1 > 0 ? (n2 / n1) / (total2 / total1) : double.NaN;
        return new Result(pai, pei, rri, hot, cells, hitRate, areaShare, n1, n2, total1, total2);
    }
}
