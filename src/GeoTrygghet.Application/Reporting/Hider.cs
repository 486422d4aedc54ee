using GeoTrygghet.Core.Reporting;

namespace GeoTrygghet.Application.Reporting;

/// <summary>
/// The public version's rule for counts (issue #8's public view): a count of 1 to k−1 is hidden (null); 0 and k or more
/// are shown. Outside the public version every count is shown.
/// </summary>
internal sealed class Hider(bool isPublic, int minCount)
{
    public bool Allows(long count) => !isPublic || count == 0 || count >= minCount;

    public long? Count(long count) => Allows(count) ? count : null;

    public bool IsPublic => isPublic;

    /// <summary>
    /// Which of a total and its parts to hide (Hundepool et al., "Statistical Disclosure Control", 2012, ch. 4: primary
    /// and secondary cell suppression): each part of 1 to k−1 is hidden; then, while the total less the parts shown
    /// would give the hidden parts' sum as 1 to k−1, the smallest part shown that is not 0 is hidden too, and when no
    /// such part is left, the total. A part shown is 0 or at least k, so each added part lifts that sum to k or more.
    /// <paramref name="hidden"/> may come with parts hidden already (by another total); they stay hidden.
    /// </summary>
    public bool Suppress(long total, IReadOnlyList<long> parts, bool[] hidden)
    {
        if (!isPublic)
        {
            return false;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            hidden[i] |= !Allows(parts[i]);
        }

        if (!Allows(total))
        {
            return true;
        }

        while (true)
        {
            var rest = total - Enumerable.Range(0, parts.Count).Where(i => !hidden[i]).Sum(i => parts[i]);
            if (Allows(rest))
            {
                return false;
            }

            var next = Enumerable.Range(0, parts.Count).Where(i => !hidden[i] && parts[i] > 0).OrderBy(i => parts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is not { } n)
            {
                return true;
            }

            hidden[n] = true;
        }
    }

    /// <summary>The total hidden as well when the parts shown leave 1 to k−1 for the hidden ones (the parts themselves stay).</summary>
    public long? Guarded(long? total, IEnumerable<long?> parts)
    {
        if (!isPublic || total is not { } t)
        {
            return total;
        }

        var rest = t - parts.Where(p => p is not null).Sum(p => p!.Value);
        return Allows(rest) ? total : null;
    }

    /// <summary>
    /// The municipality's totals less the focus areas' (which do not overlap) leave the rest of the town: where every
    /// part is shown and that rest is 1 to k−1, the municipality's total would give it away, so it is hidden too.
    /// </summary>
    public AreaSection Complement(AreaSection municipality, IReadOnlyList<AreaSection> areas)
    {
        if (!isPublic || areas.Count == 0)
        {
            return municipality;
        }

        // A part hidden in an area is unknown to the reader: the rest is the municipality less the parts shown.
        var incidents = municipality.Incidents with
        {
            Count = Guarded(municipality.Incidents.Count, areas.Select(a => a.Incidents.Count)),
            PreviousYear = Guarded(municipality.Incidents.PreviousYear, areas.Select(a => a.Incidents.PreviousYear)),
            ByGroup = municipality.Incidents.ByGroup.ToDictionary(g => g.Key, g => new CountPair(
                Guarded(g.Value.Count, areas.Select(a => a.Incidents.ByGroup.TryGetValue(g.Key, out var p) ? p.Count : 0)),
                Guarded(g.Value.PreviousYear, areas.Select(a => a.Incidents.ByGroup.TryGetValue(g.Key, out var p) ? p.PreviousYear : 0)))),
        };
        if (incidents.Count is null || incidents.PreviousYear is null)
        {
            incidents = incidents with { Comparison = null };
        }

        var reports = municipality.Reports with
        {
            Count = Guarded(municipality.Reports.Count, areas.Select(a => a.Reports.Count)),
            PreviousYear = Guarded(municipality.Reports.PreviousYear, areas.Select(a => a.Reports.PreviousYear)),
            ByCategory = municipality.Reports.ByCategory.ToDictionary(g => g.Key, g => new CountPair(
                Guarded(g.Value.Count, areas.Select(a => a.Reports.ByCategory.TryGetValue(g.Key, out var p) ? p.Count : 0)),
                Guarded(g.Value.PreviousYear, areas.Select(a => a.Reports.ByCategory.TryGetValue(g.Key, out var p) ? p.PreviousYear : 0)))),
        };
        var months = municipality.Months.Select((m, i) => m with
        {
            Incidents = Guarded(m.Incidents, areas.Select(a => a.Months[i].Incidents)),
            Reports = Guarded(m.Reports, areas.Select(a => a.Months[i].Reports)),
        }).ToList();
        var week = new HourOfWeekTable(municipality.HourOfWeek.Counts.Select((day, d) => day.Select((c, h) => Guarded(c, areas.Select(a => a.HourOfWeek.Counts[d][h]))).ToArray()).ToArray());

        // An area lists only its top categories: where one of them is missing there, its count is unknown and the
        // municipality's is hidden unless it is 0 (conservative).
        var top = municipality.TopCategories.Select(c =>
        {
            var parts = areas.Select(a => a.TopCategories.FirstOrDefault(t => t.Category == c.Category)).ToList();
            return parts.Any(p => p is null)
                ? c with { Count = c.Count == 0 ? 0 : null, PreviousYear = c.PreviousYear == 0 ? 0 : null }
                : c with { Count = Guarded(c.Count, parts.Select(p => p!.Count)), PreviousYear = Guarded(c.PreviousYear, parts.Select(p => p!.PreviousYear)) };
        }).ToList();
        var themes = municipality.Themes.Select(t => t with
        {
            Count = Guarded(t.Count, areas.Select(a => a.Themes.FirstOrDefault(x => x.Theme == t.Theme)?.Count)),
            PreviousYear = Guarded(t.PreviousYear, areas.Select(a => a.Themes.FirstOrDefault(x => x.Theme == t.Theme)?.PreviousYear)),
        }).ToList();
        // What the complement hid may leave one of the municipality's own totals giving away its hidden parts: then the total goes too.
        var count = Guarded(Guarded(incidents.Count, incidents.ByGroup.Values.Select(g => g.Count)), week.Counts.SelectMany(d => d));
        count = Guarded(count, months.Skip(months.Count - 3).Select(m => m.Incidents));
        var previous = Guarded(incidents.PreviousYear, incidents.ByGroup.Values.Select(g => g.PreviousYear));
        previous = Guarded(previous, months.Skip(months.Count - 15).Take(3).Select(m => m.Incidents));
        incidents = incidents with { Count = count, PreviousYear = previous, Comparison = count is null || previous is null ? null : incidents.Comparison };
        reports = reports with
        {
            Count = Guarded(reports.Count, reports.ByCategory.Values.Select(c => c.Count)),
            PreviousYear = Guarded(reports.PreviousYear, reports.ByCategory.Values.Select(c => c.PreviousYear)),
        };
        return municipality with { Incidents = incidents, Reports = reports, Months = months, HourOfWeek = week, TopCategories = top, Themes = themes };
    }
}
