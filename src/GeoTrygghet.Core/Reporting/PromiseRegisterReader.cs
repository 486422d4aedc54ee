using System.Globalization;
using System.Text.Json;
using GeoTrygghet.Core.Import;

namespace GeoTrygghet.Core.Reporting;

/// <summary>
/// Reads a promise register from JSON: <c>{"promises": [{"id", "title", "period": {"from", "to"}, "area" or "theme",
/// "activities": [{"text", "owner", "status"}], "indicators": [{"name", "kind", "categories", "area", "direction",
/// "target": {"change_percent"} or {"value"}, "baseline_year", "measure_type"}]}]}</c>. Every fault is collected and
/// reported together, each with the file, the promise and the field, so that nothing is half imported.
/// </summary>
public static class PromiseRegisterReader
{
    /// <summary>The promises of a register file, each with its JSON text as stored.</summary>
    public static IReadOnlyList<(Promise Promise, string Json)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportFormatException(path, "the file does not exist");
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportFormatException(path, "a promise register is read from JSON (.json); see README.md, 'Citizen promises', for its fields");
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses a register; <paramref name="name"/> names it in the faults (a file, or the table it was stored in).</summary>
    public static IReadOnlyList<(Promise Promise, string Json)> Parse(byte[] utf8, string name)
    {
        var path = name;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var errors = new List<string>();
            var promises = new List<(Promise Promise, string Json)>();
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("promises", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ImportFormatException(path, "the file must be an object with a \"promises\" array");
            }

            var index = 0;
            foreach (var p in list.EnumerateArray())
            {
                index++;
                var where = new Where(index, null, errors);
                var promise = ReadPromise(p, where);
                if (promise is not null)
                {
                    promises.Add((promise, p.GetRawText()));
                }
            }

            foreach (var duplicate in promises.GroupBy(p => p.Promise.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add($"promise id '{duplicate.Key}' is given {duplicate.Count()} times");
            }

            if (promises.Count == 0 && errors.Count == 0)
            {
                errors.Add("the register holds no promise");
            }

            if (errors.Count > 0)
            {
                throw new ImportFormatException(path, $"{errors.Count} fault(s), nothing imported:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors.Take(50)));
            }

            return promises;
        }
    }

    private sealed class Where(int index, string? id, List<string> errors)
    {
        public string? Id { get; set; } = id;

        public void Fault(string field, string message) => errors.Add($"promise {index}{(Id is null ? "" : $" ({Id})")}, {field}: {message}");
    }

    private static Promise? ReadPromise(JsonElement p, Where where)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            where.Fault("", "must be an object");
            return null;
        }

        var id = Text(p, "id", where, required: true);
        where.Id = id;
        var title = Text(p, "title", where, required: true);
        DateOnly? from = null, to = null;
        if (p.TryGetProperty("period", out var period) && period.ValueKind == JsonValueKind.Object)
        {
            from = Date(period, "from", "period.from", where);
            to = Date(period, "to", "period.to", where);
            if (from is { } f && to is { } t && t < f)
            {
                where.Fault("period", $"ends {t:yyyy-MM-dd} before it starts {f:yyyy-MM-dd}");
            }
        }
        else
        {
            where.Fault("period", "required: {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}");
        }

        var area = Text(p, "area", where, required: false);
        var theme = Text(p, "theme", where, required: false);
        if (area is null && theme is null)
        {
            where.Fault("area", "a promise names its focus area (\"area\") or its theme (\"theme\")");
        }

        var activities = new List<PromiseActivity>();
        if (p.TryGetProperty("activities", out var acts) && acts.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var a in acts.EnumerateArray())
            {
                i++;
                var field = $"activities[{i}]";
                var text = Text(a, "text", where, true, field);
                var owner = Text(a, "owner", where, true, field);
                var status = Text(a, "status", where, true, field);
                if (status is not null && !PromiseIndicator.ActivityStatuses.Contains(status))
                {
                    where.Fault(field + ".status", $"'{status}' is not one of {string.Join(", ", PromiseIndicator.ActivityStatuses)}");
                }

                if (text is not null && owner is not null && status is not null)
                {
                    activities.Add(new PromiseActivity(text, owner, status));
                }
            }
        }

        var indicators = new List<PromiseIndicator>();
        if (p.TryGetProperty("indicators", out var inds) && inds.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var n in inds.EnumerateArray())
            {
                i++;
                if (ReadIndicator(n, $"indicators[{i}]", where) is { } indicator)
                {
                    indicators.Add(indicator);
                }
            }
        }

        return id is null || title is null || from is null || to is null ? null
            : new Promise(id, title, from.Value, to.Value, area, theme, activities, indicators);
    }

    private static PromiseIndicator? ReadIndicator(JsonElement n, string field, Where where)
    {
        var name = Text(n, "name", where, true, field);
        var kind = Text(n, "kind", where, true, field);
        if (kind is not null && !PromiseIndicator.Kinds.Contains(kind))
        {
            where.Fault(field + ".kind", $"'{kind}' is not one of {string.Join(", ", PromiseIndicator.Kinds)}");
            kind = null;
        }

        var categories = new List<string>();
        if (n.TryGetProperty("categories", out var cats))
        {
            if (cats.ValueKind == JsonValueKind.Array && cats.EnumerateArray().All(c => c.ValueKind == JsonValueKind.String))
            {
                categories.AddRange(cats.EnumerateArray().Select(c => c.GetString()!));
            }
            else
            {
                where.Fault(field + ".categories", "must be a list of texts");
            }
        }

        var direction = Text(n, "direction", where, false, field) ?? "decrease";
        if (!PromiseIndicator.Directions.Contains(direction))
        {
            where.Fault(field + ".direction", $"'{direction}' is not decrease or increase");
        }

        double? change = null, value = null;
        if (n.TryGetProperty("target", out var target))
        {
            change = Number(target, "change_percent", field + ".target.change_percent", where);
            value = Number(target, "value", field + ".target.value", where);
            if ((change is null) == (value is null))
            {
                where.Fault(field + ".target", "give either change_percent (against the baseline) or value");
            }
        }

        int? baselineYear = null;
        if (n.TryGetProperty("baseline_year", out var by))
        {
            if (by.ValueKind == JsonValueKind.Number && by.TryGetInt32(out var y) && y is >= 1900 and <= 2200)
            {
                baselineYear = y;
            }
            else
            {
                where.Fault(field + ".baseline_year", "must be a year such as 2023");
            }
        }

        var measureType = Text(n, "measure_type", where, false, field);
        if (kind == "measures_done" && measureType is not null && !Domain.Vocabulary.MeasureTypes.Contains(measureType))
        {
            where.Fault(field + ".measure_type", $"'{measureType}' is not one of {string.Join(", ", Domain.Vocabulary.MeasureTypes)}");
        }

        return name is null || kind is null ? null
            : new PromiseIndicator(name, kind, categories, Text(n, "area", where, false, field), direction, change, value, baselineYear, measureType);
    }

    private static string? Text(JsonElement e, string name, Where where, bool required, string? parent = null)
    {
        var field = parent is null ? name : $"{parent}.{name}";
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                where.Fault(field, "required");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            where.Fault(field, "must be a text that is not empty");
            return null;
        }

        return v.GetString()!.Trim();
    }

    private static DateOnly? Date(JsonElement e, string name, string field, Where where)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        where.Fault(field, "required, a date YYYY-MM-DD");
        return null;
    }

    private static double? Number(JsonElement e, string name, string field, Where where)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble()))
        {
            return v.GetDouble();
        }

        where.Fault(field, "must be a number (a decimal point, not a comma)");
        return null;
    }
}
