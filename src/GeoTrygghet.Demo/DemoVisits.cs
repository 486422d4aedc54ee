using System.Globalization;
using GeoTrygghet.Core.Crs;

namespace GeoTrygghet.Demo;

/// <summary>
/// The police's presence in the demo's last year, as check-ins (the CSV that <c>gt patrol visits</c> reads): on most
/// Friday and Saturday evenings patrol P1 stops at Stora torget and the bus station, patrol P2 in Nygård and at the
/// youth centre in Södra staden, twice each, 10–16 minutes a stop (Koper's curve). Synthetic, with no planted effect.
/// </summary>
internal static class DemoVisits
{
    private static readonly (string Patrol, string Site, double U, double V)[] Sites =
    [
        ("P1", "Stora torget", 0, 0), ("P1", "Busstationen", 265, -70), ("P2", "Nygård", 450, 1000), ("P2", "Fritidsgården", 650, -650),
    ];

    public static int Write(string path, DemoPlan plan)
    {
        var r = DemoRandom.Stream(plan.Seed, "visits");
        var wgs84 = new GeometryReprojector(3006, 4326);
        using var writer = DemoFormat.CreateText(path);
        writer.Write("id,patrol,arrive,depart,lon,lat,hotspot\n");
        var n = 0;
        for (var day = plan.LastYearStart; day <= plan.End; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) || r.NextDouble() > 0.8)
            {
                continue;
            }

            foreach (var patrol in new[] { "P1", "P2" })
            {
                var minute = (19 * 60) + r.Next(30);
                for (var round = 0; round < 2; round++)
                {
                    foreach (var site in Sites.Where(s => s.Patrol == patrol))
                    {
                        var stay = 10 + r.Next(7);
                        var at = DemoTown.W(site.U + (r.NextDouble() * 30) - 15, site.V + (r.NextDouble() * 30) - 15);
                        var (lon, lat) = wgs84.ToLonLat(at.X, at.Y);
                        n++;
                        writer.Write(string.Create(CultureInfo.InvariantCulture,
                            $"V{n:000000},{patrol},{DemoClock.Format(DemoClock.At(day, minute, false))},{DemoClock.Format(DemoClock.At(day, minute + stay, false))},{lon:F6},{lat:F6},{site.Site}\n"));
                        minute += stay + 15 + r.Next(20);
                    }

                    minute = Math.Max(minute, (22 * 60) + 30);
                }
            }
        }

        return n;
    }
}
