using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GeoTrygghet.Core.Reporting;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// The report's numbers as JSON in the contract of issue #11 (<c>period</c>, <c>areas</c>, <c>municipality</c>,
/// <c>promises</c>, <c>data</c>), with the charts' series beside them. The same data give the same bytes: keys in a fixed
/// order, maps sorted, numbers rounded, and no clock (the time a report is made is printed in the PDF and HTML only).
/// </summary>
public static class QuarterReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(QuarterReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("period");
            w.WriteNumber("year", report.Period.Year);
            w.WriteNumber("quarter", report.Period.Number);
            w.WriteString("from", Date(report.Period.First));
            w.WriteString("to", Date(report.Period.Last));
            w.WriteString("time_zone", "Europe/Stockholm");
            w.WriteEndObject();
            w.WriteBoolean("public", report.Public);
            w.WriteStartArray("areas");
            foreach (var area in report.Areas)
            {
                Area(w, area);
            }

            w.WriteEndArray();
            w.WritePropertyName("municipality");
            Area(w, report.Municipality);
            w.WriteStartArray("promises");
            foreach (var p in report.Promises)
            {
                Promise(w, p);
            }

            w.WriteEndArray();
            w.WriteStartObject("data");
            w.WriteString("version", report.Data.DataVersion);
            w.WriteStartObject("versions");
            foreach (var (table, version) in report.Data.Versions.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(table, version);
            }

            w.WriteEndObject();
            w.WriteStartObject("parameters");
            foreach (var (key, value) in report.Data.Parameters.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(key);
                JsonSerializer.Serialize(w, value, value.GetType());
            }

            w.WriteEndObject();
            w.WriteStartObject("choices");
            foreach (var (key, value) in report.Data.Choices.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string WriteText(QuarterReport report) => Encoding.UTF8.GetString(Write(report));

    private static void Area(Utf8JsonWriter w, AreaSection a)
    {
        w.WriteStartObject();
        w.WriteString("name", a.Name);
        w.WriteString("kind", a.Kind);
        w.WriteStartObject("incidents");
        Count(w, "count", a.Incidents.Count);
        Count(w, "previous_year", a.Incidents.PreviousYear);
        var c = a.Incidents.Comparison;
        Number(w, "rate_ratio", c?.RateRatio);
        if (c is null)
        {
            w.WriteNull("ci90");
        }
        else
        {
            w.WriteStartArray("ci90");
            Value(w, c.Low);
            Value(w, c.High);
            w.WriteEndArray();
        }

        Number(w, "p", c?.P);
        Pairs(w, "by_group", a.Incidents.ByGroup);
        w.WriteEndObject();

        w.WriteStartObject("reports");
        Count(w, "count", a.Reports.Count);
        Count(w, "previous_year", a.Reports.PreviousYear);
        Pairs(w, "by_category", a.Reports.ByCategory);
        w.WriteEndObject();

        w.WriteStartArray("hotspots");
        foreach (var h in a.Hotspots)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", h.Rank);
            w.WriteNumber("lon", h.Lon);
            w.WriteNumber("lat", h.Lat);
            Count(w, "count", h.Count);
            w.WriteString("status", h.Status);
            Text(w, "place", h.Place);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("measures");
        foreach (var m in a.Measures)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("type", m.Type);
            w.WriteString("status", m.Status);
            w.WriteString("start_date", Date(m.Start));
            if (m.End is { } end)
            {
                w.WriteString("end_date", Date(end));
            }
            else
            {
                w.WriteNull("end_date");
            }

            if (m.Evaluation is { } e)
            {
                w.WriteStartObject("evaluation");
                Count(w, "before", e.Before);
                Count(w, "after", e.After);
                Number(w, "relative_effect", e.RelativeEffect);
                w.WriteStartArray("ci90");
                Value(w, e.Low);
                Value(w, e.High);
                w.WriteEndArray();
                Number(w, "rate_ratio", e.RateRatio);
                Number(w, "p", e.P);
                w.WriteString("summary_sv", e.Summary);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("evaluation");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("presence");
        Number(w, "planned_minutes", a.Presence.PlannedMinutes);
        Number(w, "delivered_minutes", a.Presence.DeliveredMinutes);
        w.WriteNumber("visits", a.Presence.Visits);
        w.WriteEndObject();
        if (a.Survey is { } s)
        {
            w.WriteStartObject("survey");
            w.WriteNumber("score", s.Score);
            Number(w, "previous", s.Previous);
            w.WriteNumber("respondents", s.Respondents);
            w.WriteNumber("year", s.Year);
            if (s.PreviousYear is { } py)
            {
                w.WriteNumber("previous_year", py);
            }
            else
            {
                w.WriteNull("previous_year");
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("survey");
        }

        w.WriteStartArray("months");
        foreach (var m in a.Months)
        {
            w.WriteStartObject();
            w.WriteString("month", m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            Count(w, "incidents", m.Incidents);
            Count(w, "reports", m.Reports);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("hour_of_week");
        foreach (var day in a.HourOfWeek.Counts)
        {
            w.WriteStartArray();
            foreach (var n in day)
            {
                if (n is { } v)
                {
                    w.WriteNumberValue(v);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteStartArray("top_categories");
        foreach (var t in a.TopCategories)
        {
            w.WriteStartObject();
            w.WriteString("category", t.Category);
            Count(w, "count", t.Count);
            Count(w, "previous_year", t.PreviousYear);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("themes");
        foreach (var t in a.Themes)
        {
            w.WriteStartObject();
            w.WriteString("theme", t.Theme);
            w.WriteStartArray("groups");
            foreach (var g in t.Groups)
            {
                w.WriteStringValue(g);
            }

            w.WriteEndArray();
            Count(w, "count", t.Count);
            Count(w, "previous_year", t.PreviousYear);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("summary");
        foreach (var line in a.Summary)
        {
            w.WriteStringValue(line);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Promise(Utf8JsonWriter w, PromiseStatus p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteString("from", Date(p.From));
        w.WriteString("to", Date(p.To));
        Text(w, "area", p.Area);
        Text(w, "theme", p.Theme);
        w.WriteStartArray("activities");
        foreach (var a in p.Activities)
        {
            w.WriteStartObject();
            w.WriteString("text", a.Text);
            w.WriteString("owner", a.Owner);
            w.WriteString("status", a.Status);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("indicators");
        foreach (var i in p.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("name", i.Name);
            w.WriteString("kind", i.Kind);
            Number(w, "value", i.Value);
            Number(w, "baseline", i.Baseline);
            Number(w, "target", i.Target);
            if (i.Met is { } met)
            {
                w.WriteBoolean("met", met);
            }
            else
            {
                w.WriteNull("met");
            }

            w.WriteString("basis", i.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Pairs(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, CountPair> pairs)
    {
        w.WriteStartObject(name);
        foreach (var (key, pair) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(key);
            Count(w, "count", pair.Count);
            Count(w, "previous_year", pair.PreviousYear);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        w.WritePropertyName(name);
        Value(w, value);
    }

    private static void Value(Utf8JsonWriter w, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumberValue(Math.Round(v, 6));
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
