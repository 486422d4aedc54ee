using GeoTrygghet.Analysis.Temporal;

namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// Turns hotspots and their hour-of-week risk into a presence plan for one shift. The presence minutes of all
/// patrols are shared out in proportion to each hotspot's risk over the shift's hours (its target); visits last
/// 10–16 minutes (Koper 1995: long enough for residual deterrence, short enough not to waste it); a hotspot is
/// visited at most once per two hours; travel is timed by the router and counted inside the shift. Each patrol,
/// when free, picks its next stop at random — reproducibly, from the seed — with odds proportional to the minutes
/// the hotspot still lacks times e^(−travel/15 min), so that plans follow the risk but are not predictable
/// (Sherman &amp; Weisburd 1995; the "Koper curve" patrol of Telep, Mitchell &amp; Weisburd 2014). Hotspots owed
/// at least one visit get their first before any gets a second. Presence is paced by the risk through the shift:
/// a patrol whose minutes run ahead of the hotspots' combined risk curve (plus one visit) patrols on until it is due,
/// so a Friday-night plan keeps minutes for the late hours.
/// </summary>
public static class PresencePlanner
{
    public static PresencePlan Plan(IReadOnlyList<PatrolSite> sites, PresenceSettings s, IPatrolRouter router, CancellationToken cancel = default)
    {
        Validate(s);
        var shiftRisk = sites.ToDictionary(site => site.Id, site => ShiftRisk(site, s), StringComparer.Ordinal);
        var totalRisk = shiftRisk.Values.Sum();
        if (sites.Count == 0 || totalRisk <= 0)
        {
            throw new AnalysisException("no hotspot has any risk in the shift's hours: nothing to plan (check the run, the look-back and the area).");
        }

        var budget = s.Patrols * s.PresenceMinutesPerPatrol;
        var target = Targets(sites, shiftRisk, budget, s);
        var ranks = sites.OrderByDescending(site => shiftRisk[site.Id]).ThenBy(site => site.Id, StringComparer.Ordinal)
            .Select((site, i) => (site.Id, Rank: i + 1)).ToDictionary(p => p.Id, p => p.Rank, StringComparer.Ordinal);
        var given = sites.ToDictionary(site => site.Id, _ => 0.0, StringComparer.Ordinal);
        var lastStart = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var random = new Random(s.Seed);
        var pace = Pace(sites, s);
        var patrols = Enumerable.Range(1, s.Patrols).Select(p => new PatrolState(p, s.ShiftStart, s.Start)).ToList();
        var stops = new List<PlannedStop>();
        var legs = new List<PlannedLeg>();

        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var patrol = patrols.Where(p => !p.Done).OrderBy(p => p.Time).ThenBy(p => p.Number).FirstOrDefault();
            if (patrol is null)
            {
                break;
            }

            var remaining = s.PresenceMinutesPerPatrol - patrol.Presence;
            if (remaining < s.VisitMinMinutes)
            {
                patrol.Done = true;
                continue;
            }

            // Presence follows the risk through the shift: a patrol ahead of the risk curve patrols on until it is due.
            var due = Due(pace, s, patrol.Presence);
            if (due > patrol.Time)
            {
                if (due >= s.ShiftEnd)
                {
                    patrol.Done = true;
                    continue;
                }

                patrol.Time = due;
            }

            var options = new List<(PatrolSite Site, RouteLeg Leg, DateTimeOffset Arrive, double Length)>();
            DateTimeOffset? nextChance = null;
            foreach (var site in sites)
            {
                var leg = patrol.Position is { } p ? router.Route(p.X, p.Y, site.X, site.Y) : new RouteLeg(0, 0, [(site.X, site.Y)]);
                var arrive = patrol.Time.AddMinutes(leg.Minutes);
                var length = Math.Clamp(Math.Round(target[site.Id] - given[site.Id]), s.VisitMinMinutes, Math.Min(s.VisitMaxMinutes, remaining));
                if (lastStart.TryGetValue(site.Id, out var last) && arrive < last.AddMinutes(s.MinMinutesBetweenVisits))
                {
                    var free = last.AddMinutes(s.MinMinutesBetweenVisits).AddMinutes(-leg.Minutes);
                    nextChance = nextChance is null || free < nextChance ? free : nextChance;
                    continue;
                }

                if (arrive.AddMinutes(length) > s.ShiftEnd || shiftRisk[site.Id] <= 0 || patrol.Position is { } here && here == (site.X, site.Y) && patrol.LastSite == site.Id)
                {
                    continue;
                }

                options.Add((site, leg, arrive, length));
            }

            if (options.Count == 0)
            {
                // Everything near is on its two-hour rest: wait (on patrol between stops) until one is free, if that is within the shift.
                if (nextChance is { } t && t > patrol.Time && t < s.ShiftEnd)
                {
                    patrol.Time = t;
                }
                else
                {
                    patrol.Done = true;
                }

                continue;
            }

            var choice = Pick(options, s, target, given, random);
            var (chosen, route, arriveAt, minutes) = choice;
            if (patrol.Position is not null && route.Metres > 0)
            {
                legs.Add(new PlannedLeg(patrol.Number, patrol.LastSite ?? "start", chosen.Id, patrol.Time, arriveAt, route));
            }

            var risk = chosen.RiskByHourOfWeek[AoristicHourOfWeek.HourOfWeek(TimeZoneInfo.ConvertTime(arriveAt, s.Zone))];
            var depart = arriveAt.AddMinutes(minutes);
            var order = stops.Count(x => x.Patrol == patrol.Number) + 1;
            var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"risk rank {ranks[chosen.Id]} of {sites.Count} over the shift ({shiftRisk[chosen.Id]:0.##} weighted events in these hours of the week); {risk:0.###} in the hour of arrival; {target[chosen.Id]:0} of the shift's {budget:0} presence minutes are its share");
            stops.Add(new PlannedStop(patrol.Number, order, chosen, arriveAt, depart, minutes, risk, ranks[chosen.Id], reason));
            given[chosen.Id] += minutes;
            lastStart[chosen.Id] = arriveAt;
            patrol.Presence += minutes;
            patrol.Time = depart;
            patrol.Position = (chosen.X, chosen.Y);
            patrol.LastSite = chosen.Id;
        }

        return new PresencePlan(stops.OrderBy(x => x.Patrol).ThenBy(x => x.Arrive).ToList(), legs.OrderBy(l => l.Patrol).ThenBy(l => l.Depart).ToList(), target, shiftRisk, router.Description, router.SwedishDescription);
    }

    /// <summary>
    /// Minutes in proportion to risk, but no hotspot more than it can take — a visit of the longest length every
    /// two hours — with what it cannot take shared out again among the others (water filling).
    /// </summary>
    private static Dictionary<string, double> Targets(IReadOnlyList<PatrolSite> sites, Dictionary<string, double> risk, double budget, PresenceSettings s)
    {
        var shift = (s.ShiftEnd - s.ShiftStart).TotalMinutes;
        var cap = (Math.Floor(Math.Max(0, shift - s.VisitMaxMinutes) / s.MinMinutesBetweenVisits) + 1) * s.VisitMaxMinutes;
        var target = sites.ToDictionary(site => site.Id, _ => 0.0, StringComparer.Ordinal);
        var open = sites.Where(site => risk[site.Id] > 0).Select(site => site.Id).ToHashSet(StringComparer.Ordinal);
        var left = budget;
        while (left > 1e-9 && open.Count > 0)
        {
            var weight = open.Sum(id => risk[id]);
            var full = open.Where(id => left * risk[id] / weight >= cap - target[id]).ToList();
            if (full.Count == 0)
            {
                foreach (var id in open)
                {
                    target[id] += left * risk[id] / weight;
                }

                break;
            }

            foreach (var id in full)
            {
                left -= cap - target[id];
                target[id] = cap;
                open.Remove(id);
            }
        }

        return target;
    }

    /// <summary>The share of the shift's risk (all hotspots) that has passed by the end of each quarter hour.</summary>
    private static double[] Pace(IReadOnlyList<PatrolSite> sites, PresenceSettings s)
    {
        var quarters = (int)Math.Ceiling((s.ShiftEnd - s.ShiftStart).TotalMinutes / 15);
        var cumulative = new double[quarters];
        var sum = 0.0;
        for (var q = 0; q < quarters; q++)
        {
            var t = s.ShiftStart.AddMinutes(q * 15);
            var hour = AoristicHourOfWeek.HourOfWeek(TimeZoneInfo.ConvertTime(t, s.Zone));
            sum += sites.Sum(site => site.RiskByHourOfWeek[hour]);
            cumulative[q] = sum;
        }

        return sum > 0 ? cumulative.Select(c => c / sum).ToArray() : cumulative.Select((_, q) => (q + 1.0) / quarters).ToArray();
    }

    /// <summary>The earliest time at which a patrol that has given <paramref name="presence"/> minutes may start its next visit.</summary>
    private static DateTimeOffset Due(double[] pace, PresenceSettings s, double presence)
    {
        for (var q = 0; q < pace.Length; q++)
        {
            // One visit of slack once the shift's risk has begun, none before it.
            if (pace[q] > 0 && presence < (s.PresenceMinutesPerPatrol * pace[q]) + s.VisitMaxMinutes)
            {
                return s.ShiftStart.AddMinutes(q * 15);
            }
        }

        return s.ShiftEnd;
    }

    /// <summary>The hotspot's risk summed over the shift, each hour of the week weighted by the minutes of it the shift holds.</summary>
    public static double ShiftRisk(PatrolSite site, PresenceSettings s)
    {
        var total = 0.0;
        for (var t = s.ShiftStart; t < s.ShiftEnd; t = t.AddMinutes(15))
        {
            var quarter = Math.Min(15, (s.ShiftEnd - t).TotalMinutes) / 60;
            total += site.RiskByHourOfWeek[AoristicHourOfWeek.HourOfWeek(TimeZoneInfo.ConvertTime(t, s.Zone))] * quarter;
        }

        return total;
    }

    private static (PatrolSite Site, RouteLeg Leg, DateTimeOffset Arrive, double Length) Pick(
        List<(PatrolSite Site, RouteLeg Leg, DateTimeOffset Arrive, double Length)> options, PresenceSettings s,
        Dictionary<string, double> target, Dictionary<string, double> given, Random random)
    {
        // Urgent first: a hotspot that needs as many visits as its two-hour rests leave room for before the shift
        // ends, so the riskiest places get their share instead of the slack going elsewhere. Then first visits to
        // hotspots owed one, then the rest by what they still lack; if nobody lacks anything, by target.
        bool Urgent((PatrolSite Site, RouteLeg Leg, DateTimeOffset Arrive, double Length) o)
        {
            var lack = target[o.Site.Id] - given[o.Site.Id];
            var visitsNeeded = Math.Ceiling(Math.Max(0, lack - 0.5) / s.VisitMaxMinutes);
            var slotsLeft = Math.Floor(Math.Max(0, (s.ShiftEnd - o.Arrive).TotalMinutes - s.VisitMinMinutes) / s.MinMinutesBetweenVisits) + 1;
            return visitsNeeded > 0 && visitsNeeded >= slotsLeft;
        }

        var urgent = options.Where(Urgent).ToList();
        var owed = options.Where(o => given[o.Site.Id] == 0 && target[o.Site.Id] >= s.VisitMinMinutes / 2).ToList();
        var pool = urgent.Count > 0 ? urgent : owed.Count > 0 ? owed : options.Where(o => target[o.Site.Id] - given[o.Site.Id] > 0).ToList();
        if (pool.Count == 0)
        {
            pool = options;
        }

        // A hotspot that has had its share still draws a little, by its share, when nothing owed is free.
        var weights = pool.Select(o => (target[o.Site.Id] - given[o.Site.Id] is var lack && lack > 0 ? lack : (0.05 * target[o.Site.Id]) + 1e-3)
            * Math.Exp(-o.Leg.Minutes / s.TravelPreferenceMinutes)).ToArray();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < pool.Count; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return pool[i];
            }
        }

        return pool[^1];
    }

    /// <summary>More patrols than a police area has in a shift only costs memory and time (10,000,000 took 1 GB).</summary>
    public const int MaxPatrols = 50;

    public const int MaxHotspots = 500;

    /// <summary>Refuses requests whose work has no sensible bound, before any data is read.</summary>
    public static void CheckBounds(int patrols, double speedKmh, int maxHotspots)
    {
        if (patrols < 1 || patrols > MaxPatrols)
        {
            throw new AnalysisException($"the number of patrols must be 1–{MaxPatrols}, not {patrols}.");
        }

        if (!(speedKmh >= 1 && speedKmh <= 200))
        {
            throw new AnalysisException($"the travel speed must be 1–200 km/h, not {speedKmh.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (maxHotspots < 1 || maxHotspots > MaxHotspots)
        {
            throw new AnalysisException($"the number of hotspots to plan over must be 1–{MaxHotspots}, not {maxHotspots}.");
        }
    }

    private static void Validate(PresenceSettings s)
    {
        if (s.ShiftEnd <= s.ShiftStart)
        {
            throw new AnalysisException("the shift must end after it starts.");
        }

        if (s.Patrols < 1)
        {
            throw new AnalysisException("at least one patrol is needed.");
        }

        if (s.VisitMinMinutes <= 0 || s.VisitMaxMinutes < s.VisitMinMinutes)
        {
            throw new AnalysisException("visit lengths must be positive, the longest at least the shortest.");
        }

        if (s.PresenceMinutesPerPatrol < s.VisitMinMinutes)
        {
            throw new AnalysisException($"the presence minutes per patrol ({s.PresenceMinutesPerPatrol}) are fewer than one visit ({s.VisitMinMinutes}).");
        }

        if (s.PresenceMinutesPerPatrol > (s.ShiftEnd - s.ShiftStart).TotalMinutes)
        {
            throw new AnalysisException("the presence minutes per patrol are more than the shift is long.");
        }
    }

    private sealed class PatrolState(int number, DateTimeOffset time, (double X, double Y)? position)
    {
        public int Number { get; } = number;
        public DateTimeOffset Time { get; set; } = time;
        public (double X, double Y)? Position { get; set; } = position;
        public string? LastSite { get; set; }
        public double Presence { get; set; }
        public bool Done { get; set; }
    }
}
