using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

internal sealed record DemoCamera(
    string Id, Coordinate At, int Direction, int Fov, int Range, string Hours, string Owner, string? Permit, DateOnly InstalledOn)
{
    /// <summary>The area the camera sees: a circular sector from its position.</summary>
    public Polygon Sector()
    {
        var coords = new List<Coordinate> { At.Copy() };
        for (var a = -Fov / 2.0; a <= Fov / 2.0 + 1e-9; a += Fov / 12.0)
        {
            var bearing = (Direction + a) * Math.PI / 180;
            coords.Add(new Coordinate(Math.Round(At.X + Range * Math.Sin(bearing), 2), Math.Round(At.Y + Range * Math.Cos(bearing), 2)));
        }

        coords.Add(At.Copy());
        return DemoTown.Factory.CreatePolygon(coords.ToArray());
    }
}

/// <summary>
/// Cameras of the kinds a Swedish town has: the municipality's permitted cameras at the square, the bus
/// station and a school (public authorities need a permit from IMY, and run them at night); the housing
/// company's at entrances and refuse rooms; the utility's at its sites; shops at their doors.
/// </summary>
internal static class DemoCameras
{
    public static readonly string[] BusStationIds = ["K05", "K06", "K07"];

    public static List<DemoCamera> Generate(DemoPlan plan)
    {
        var r = DemoRandom.Stream(plan.Seed, "cameras");
        var list = new List<DemoCamera>();
        void Add((double U, double V) at, (double U, double V) target, int fov, int range, string hours, string owner, string? permit, DateOnly installed)
        {
            var direction = (int)Math.Round((Math.Atan2(target.U - at.U, target.V - at.V) * 180 / Math.PI + 360) % 360) % 360;
            var id = "K" + (list.Count + 1).ToString("00", CultureInfo.InvariantCulture);
            list.Add(new DemoCamera(id, DemoTown.W(at.U, at.V), direction, fov, range, hours, owner, permit, installed));
        }

        const string kommun = "Köpings kommun", kbab = "KBAB", vme = "VME", shop = "Butik (privat)";
        var beforePeriod = plan.Start.AddDays(-200);

        // Stora torget: four corners looking in, evenings and nights only, as the permit allows.
        foreach (var corner in new[] { (-68.0, -63.0), (68.0, -63.0), (68.0, 63.0), (-68.0, 63.0) })
        {
            Add(corner, (0, 0), 90, 60, "18:00-06:00", kommun, "IMY-2021-0412", beforePeriod);
        }

        // Busstationen: the camera measure of the period.
        Add((230, -82), (330, -70), 80, 50, "24/7", kommun, "IMY-2022-1883", plan.CameraDate);
        Add((300, -82), (240, -110), 100, 45, "24/7", kommun, "IMY-2022-1883", plan.CameraDate);
        Add((368, -120), (300, -80), 90, 50, "24/7", kommun, "IMY-2022-1883", plan.CameraDate);

        foreach (var (u, hours) in new[] { (-300.0, "24/7"), (-150.0, "07:00-22:00"), (120.0, "24/7"), (180.0, "08:00-21:00"), (330.0, "24/7") })
        {
            Add((u, -60), (u, -70), 70, 15 + r.Next(6), hours, shop, null, DateOnly.FromDayNumber(beforePeriod.DayNumber - r.Next(2000)));
        }

        // KBAB in Nygård: entrances, refuse rooms and car parks. Cameras from before 2019 still carry the
        // county board permit of the old camera surveillance act; private-law owners need none since then.
        (double U, double V)[] kbabSites = [(300, 900), (420, 1060), (560, 960), (700, 1100), (200, 1180), (850, 880), (500, 820), (640, 1240)];
        foreach (var site in kbabSites)
        {
            var installed = DateOnly.FromDayNumber(new DateOnly(2015, 1, 1).DayNumber + r.Next(3200));
            if (installed > plan.End)
            {
                installed = plan.Start;
            }

            var permit = installed.Year < 2019
                ? "Lst 211-" + (1000 + r.Next(9000)).ToString(CultureInfo.InvariantCulture) + "-" + installed.Year.ToString(CultureInfo.InvariantCulture)
                : null;
            Add(site, (site.U + r.Next(-30, 31), site.V - 25), 90, 25, "24/7", kbab, permit, installed);
        }

        Add((900, -420), (930, -440), 70, 30, "24/7", vme, null, new DateOnly(2019, 5, 20));
        Add((-700, 300), (-680, 280), 60, 25, "24/7", vme, null, new DateOnly(2017, 11, 6));
        Add((1000, 700), (1020, 730), 90, 30, "24/7", vme, null, new DateOnly(2020, 3, 2));

        // A school yard in Västra staden, watched when the school is closed.
        var school = DemoClock.NextOrSame(plan.Start.AddDays(plan.Days * 63 / 100), DayOfWeek.Monday);
        Add((-700, -480), (-640, -520), 90, 50, "20:00-06:00", kommun, "IMY-2023-1127", school);
        Add((-640, -560), (-700, -500), 90, 50, "20:00-06:00", kommun, "IMY-2023-1127", school);
        return list;
    }
}
