using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Analysis.Temporal;

namespace GeoTrygghet.Tests.Patrol;

/// <summary>Presence plans on hotspots whose risk is known by construction: every constraint, the risk followed, the seed.</summary>
public sealed class PresencePlannerTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    // Friday 2024-11-29 18:00 – Saturday 02:00 Stockholm time (CET, +01:00).
    private static readonly DateTimeOffset FridayEvening = new(2024, 11, 29, 18, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_plan_keeps_every_constraint()
    {
        var sites = Sites(12, seed: 7);
        var s = Settings(FridayEvening, 8, patrols: 3, presence: 200);
        var plan = PresencePlanner.Plan(sites, s, new StraightLineRouter(25));
        Assert.NotEmpty(plan.Stops);
        Assert.All(plan.Stops, stop =>
        {
            Assert.InRange(stop.Minutes, s.VisitMinMinutes, s.VisitMaxMinutes);
            Assert.InRange(stop.Patrol, 1, s.Patrols);
            Assert.True(stop.Arrive >= s.ShiftStart && stop.Depart <= s.ShiftEnd, $"{stop.Arrive}–{stop.Depart} outside the shift");
            Assert.Equal(stop.Minutes, (stop.Depart - stop.Arrive).TotalMinutes, 9);
        });
        foreach (var visits in plan.Stops.GroupBy(x => x.Site.Id))
        {
            var starts = visits.Select(v => v.Arrive).Order().ToList();
            Assert.All(starts.Zip(starts.Skip(1)), p => Assert.True((p.Second - p.First).TotalMinutes >= s.MinMinutesBetweenVisits, $"{visits.Key}: {p.First:HH:mm} and {p.Second:HH:mm}"));
        }

        foreach (var patrol in plan.Stops.GroupBy(x => x.Patrol))
        {
            Assert.True(patrol.Sum(x => x.Minutes) <= s.PresenceMinutesPerPatrol);
            var stops = patrol.OrderBy(x => x.Arrive).ToList();
            var legs = plan.Legs.Where(l => l.Patrol == patrol.Key).OrderBy(l => l.Depart).ToList();
            for (var i = 1; i < stops.Count; i++)
            {
                // Travel is inside the shift: the leg leaves when the last visit ends (or later, waiting on patrol) and arrives for the next.
                var leg = legs.Single(l => l.Arrive == stops[i].Arrive);
                Assert.True(leg.Depart >= stops[i - 1].Depart);
                Assert.Equal(leg.Route.Minutes, (leg.Arrive - leg.Depart).TotalMinutes, 6);
                Assert.Equal(stops[i - 1].Site.Id, leg.From);
                Assert.Equal(stops[i].Site.Id, leg.To);
            }
        }
    }

    [Fact]
    public void The_highest_risk_hotspots_of_the_shift_are_visited_and_minutes_follow_risk()
    {
        var sites = Sites(10, seed: 3);
        var s = Settings(FridayEvening, 8, patrols: 2, presence: 240);
        var plan = PresencePlanner.Plan(sites, s, new StraightLineRouter(25));
        var top = plan.ShiftRisk.OrderByDescending(kv => kv.Value).Take(3).Select(kv => kv.Key).ToList();
        Assert.All(top, id => Assert.Contains(plan.Stops, stop => stop.Site.Id == id));
        var given = plan.Stops.GroupBy(x => x.Site.Id).ToDictionary(g => g.Key, g => g.Sum(x => x.Minutes));
        Assert.Equal(s.Patrols * s.PresenceMinutesPerPatrol, plan.TargetMinutes.Values.Sum(), 6);
        Assert.All(plan.TargetMinutes.Values, t => Assert.True(t <= 64 + 1e-9, "no more than a 16-minute visit every two hours of an 8-hour shift"));
        foreach (var (id, target) in plan.TargetMinutes.Where(kv => kv.Value >= 10))
        {
            // At most a visit short of its share, or two when its share needs more than two visits (the two-hour rest and travel cost one).
            Assert.True(given.GetValueOrDefault(id) >= target - (target > 32 ? 33 : 16.5), $"{id}: {given.GetValueOrDefault(id)} minutes for a share of {target:0.0}");
            Assert.True(given.GetValueOrDefault(id) <= 64);
        }

        // Minutes follow risk: Spearman's rank correlation of share and minutes given.
        var ids = plan.TargetMinutes.Keys.ToList();
        Assert.True(Spearman(ids.Select(i => plan.TargetMinutes[i]).ToArray(), ids.Select(i => given.GetValueOrDefault(i)).ToArray()) >= 0.6);
    }

    [Fact]
    public void A_Friday_night_plan_differs_from_a_Tuesday_morning_plan()
    {
        var night = new double[AoristicHourOfWeek.Hours];
        var morning = new double[AoristicHourOfWeek.Hours];
        for (var h = 20; h < 24; h++)
        {
            night[(4 * 24) + h] = 5; // Friday 20–24
        }

        for (var h = 8; h < 12; h++)
        {
            morning[(1 * 24) + h] = 5; // Tuesday 08–12
        }

        PatrolSite[] sites = [new("NIGHT", "torget", 0, 0, night), new("MORNING", "skolan", 600, 0, morning), new("BOTH", "stationen", 300, 400, Add(night, morning, 0.3))];
        var friday = PresencePlanner.Plan(sites, Settings(FridayEvening, 6, 1, 60), new StraightLineRouter(25));
        var tuesday = PresencePlanner.Plan(sites, Settings(new DateTimeOffset(2024, 11, 26, 7, 0, 0, TimeSpan.FromHours(1)), 6, 1, 60), new StraightLineRouter(25));
        Assert.Contains(friday.Stops, x => x.Site.Id == "NIGHT");
        Assert.DoesNotContain(friday.Stops, x => x.Site.Id == "MORNING");
        Assert.Contains(tuesday.Stops, x => x.Site.Id == "MORNING");
        Assert.DoesNotContain(tuesday.Stops, x => x.Site.Id == "NIGHT");
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_other_seeds_another_order()
    {
        var sites = Sites(15, seed: 11);
        var router = new StraightLineRouter(25);
        string Text(PresencePlan p) => string.Join('|', p.Stops.Select(x => $"{x.Patrol}:{x.Site.Id}@{x.Arrive:O}+{x.Minutes}"));
        var one = Text(PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 2, 200) with { Seed = 5 }, router));
        var again = Text(PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 2, 200) with { Seed = 5 }, router));
        Assert.Equal(one, again);
        var others = Enumerable.Range(6, 4).Select(seed => Text(PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 2, 200) with { Seed = seed }, router)));
        Assert.Contains(others, o => o != one);
    }

    [Fact]
    public void Presence_is_paced_by_the_risk_through_the_shift()
    {
        // All the risk lies after 22:00: a patrol with 60 minutes keeps them for the late hours.
        var late = new double[AoristicHourOfWeek.Hours];
        for (var h = 22; h < 24; h++)
        {
            late[(4 * 24) + h] = 3;
        }

        late[(5 * 24) + 0] = 3;
        late[(5 * 24) + 1] = 3;
        PatrolSite[] sites = [new("A", "a", 0, 0, late), new("B", "b", 200, 0, late), new("C", "c", 0, 200, late), new("D", "d", 200, 200, late)];
        var plan = PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 1, 60), new StraightLineRouter(25));
        Assert.All(plan.Stops, x => Assert.True(TimeZoneInfo.ConvertTime(x.Arrive, Zone).Hour is >= 21 or < 2, $"a stop at {x.Arrive:HH:mm}"));
    }

    [Fact]
    public void Impossible_settings_are_refused_with_the_reason()
    {
        var sites = Sites(3, seed: 1);
        Assert.Throws<GeoTrygghet.Analysis.AnalysisException>(() => PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 0, 60), new StraightLineRouter(25)));
        Assert.Throws<GeoTrygghet.Analysis.AnalysisException>(() => PresencePlanner.Plan(sites, Settings(FridayEvening, 1, 1, 90), new StraightLineRouter(25)));
        Assert.Throws<GeoTrygghet.Analysis.AnalysisException>(() => PresencePlanner.Plan(sites, Settings(FridayEvening, 8, 1, 5), new StraightLineRouter(25)));
        Assert.Throws<GeoTrygghet.Analysis.AnalysisException>(() => PresencePlanner.Plan([new PatrolSite("Z", "z", 0, 0, new double[168])], Settings(FridayEvening, 8, 1, 60), new StraightLineRouter(25)));
    }

    private static PresenceSettings Settings(DateTimeOffset start, double hours, int patrols, double presence) => new()
    {
        ShiftStart = start, ShiftEnd = start.AddHours(hours), Patrols = patrols, PresenceMinutesPerPatrol = presence, Zone = Zone,
    };

    private static List<PatrolSite> Sites(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, n).Select(i =>
        {
            var profile = Enumerable.Range(0, AoristicHourOfWeek.Hours).Select(_ => random.NextDouble() * random.NextDouble() * i).ToArray();
            return new PatrolSite($"S{i:00}", $"site {i}", random.NextDouble() * 2000, random.NextDouble() * 2000, profile);
        }).ToList();
    }

    private static double Spearman(double[] a, double[] b)
    {
        static double[] Ranks(double[] v) => v.Select(x => v.Count(y => y < x) + ((v.Count(y => y == x) + 1) / 2.0)).ToArray();
        var (ra, rb) = (Ranks(a), Ranks(b));
        var (ma, mb) = (ra.Average(), rb.Average());
        var cov = ra.Zip(rb, (x, y) => (x - ma) * (y - mb)).Sum();
        return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(y => (y - mb) * (y - mb)));
    }

    private static double[] Add(double[] a, double[] b, double scale) => a.Zip(b, (x, y) => (x + y) * scale).ToArray();
}
