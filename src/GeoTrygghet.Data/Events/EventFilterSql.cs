using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Time;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Data.Events;

/// <summary>
/// The one translation of an <see cref="EventFilter"/> into SQL, for every reader of events: the map layers (vector and
/// raster tiles, OGC pages), the analyses, the overlay and the presence plans. Its conditions are on an events table
/// (<see cref="EventTable"/>) under an alias, with their parameters added to the command once, so two parts of one
/// query (incidents UNION reports) share them. Periods and hours are of Stockholm local time.
/// </summary>
public static class EventFilterSql
{
    /// <summary>The local hour of a timestamp column, as the hour filters and the public view count it.</summary>
    public static string LocalHour(string column) => $"extract(hour FROM {column} AT TIME ZONE 'Europe/Stockholm')";

    public static List<string> Conditions(EventFilter filter, EventTable table, string alias, NpgsqlCommand cmd)
    {
        var e = alias;
        var where = new List<string>();
        if (filter.From is { } from)
        {
            where.Add($"{e}.time_from >= @ev_from");
            Bind(cmd, "ev_from", NpgsqlDbType.TimestampTz, StockholmTime.StartOfDay(from));
        }

        if (filter.To is { } to)
        {
            where.Add($"{e}.time_from < @ev_to");
            Bind(cmd, "ev_to", NpgsqlDbType.TimestampTz, StockholmTime.StartOfDay(to.AddDays(1)));
        }

        if (filter.Hours is var (h0, h1))
        {
            var hour = LocalHour($"{e}.time_from");
            where.Add(h0 < h1 ? $"({hour} >= @ev_h0 AND {hour} < @ev_h1)" : $"({hour} >= @ev_h0 OR {hour} < @ev_h1)");
            Bind(cmd, "ev_h0", NpgsqlDbType.Integer, h0);
            Bind(cmd, "ev_h1", NpgsqlDbType.Integer, h1);
        }

        if (filter.Categories is { Count: > 0 } categories)
        {
            // An incident matches by its coarse group (violence, theft, …) or its category as given; a report by its category.
            where.Add(table == EventTable.Incidents ? $"({e}.category_group = ANY(@ev_categories) OR {e}.category = ANY(@ev_categories))" : $"{e}.category = ANY(@ev_categories)");
            Bind(cmd, "ev_categories", NpgsqlDbType.Array | NpgsqlDbType.Text, categories.ToArray());
        }

        if (filter.Group is { } group)
        {
            where.Add(table == EventTable.Incidents ? $"{e}.category_group = @ev_group" : $"{e}.category = @ev_group");
            Bind(cmd, "ev_group", NpgsqlDbType.Text, group);
        }

        if (filter.Owners is { } owners)
        {
            // The sharing rules (issue #10); row-level security applies them once more under the service's role.
            var name = table == EventTable.Incidents ? "ev_owners_incidents" : "ev_owners_reports";
            where.Add($"{e}.org_id = ANY(@{name})");
            Bind(cmd, name, NpgsqlDbType.Array | NpgsqlDbType.Text, (table == EventTable.Incidents ? owners.Incidents : owners.Reports).ToArray());
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            where.Add($"{e}.source = ANY(@ev_sources)");
            Bind(cmd, "ev_sources", NpgsqlDbType.Array | NpgsqlDbType.Text, sources.ToArray());
        }

        if (filter.Area is { } area)
        {
            // A safety survey's area (survey_area) may carry the name of the focus area it was asked in: it is not the area.
            where.Add($"EXISTS (SELECT 1 FROM areas a WHERE a.name = @ev_area AND a.kind <> 'survey_area' AND ST_Covers(a.geom, {e}.geom))");
            Bind(cmd, "ev_area", NpgsqlDbType.Text, area);
        }

        if (filter.AreaWkt is { } wkt)
        {
            where.Add($"ST_Covers(ST_GeomFromText(@ev_area_wkt, ST_SRID({e}.geom)), {e}.geom)");
            Bind(cmd, "ev_area_wkt", NpgsqlDbType.Text, wkt);
        }

        return where;
    }

    private static void Bind(NpgsqlCommand cmd, string name, NpgsqlDbType type, object value)
    {
        if (!cmd.Parameters.Contains(name))
        {
            cmd.Parameters.AddWithValue(name, type, value);
        }
    }
}
