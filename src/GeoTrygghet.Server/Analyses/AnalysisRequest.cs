using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Server.Layers;

namespace GeoTrygghet.Server.Analyses;

/// <summary>
/// The body of <c>POST /analyses</c>, checked value by value before anything runs: every value has the JSON type it
/// must have, stays within <see cref="AnalysisLimits"/>, and no value can be read by the command line as an option
/// (<c>-…</c>) or a response file (<c>@…</c>). A value that fails is a <see cref="FilterException"/> naming it (400).
/// </summary>
public sealed record AnalysisRequest(string Method, string? Name, JsonObject Area, IReadOnlyList<string> Arguments)
{
    private sealed record ParameterRule(string Kind, double Min, double Max, string[]? Among = null);

    private static readonly Dictionary<string, ParameterRule> Rules = new(StringComparer.Ordinal)
    {
        ["cell"] = new("number", AnalysisLimits.MinCellMetres, AnalysisLimits.MaxDistanceMetres),
        ["band"] = new("number", AnalysisLimits.MinCellMetres, AnalysisLimits.MaxDistanceMetres),
        ["bandwidth"] = new("number", AnalysisLimits.MinCellMetres, AnalysisLimits.MaxDistanceMetres),
        ["eps"] = new("number", 0.1, AnalysisLimits.MaxEpsMetres),
        ["time_eps_hours"] = new("number", 0.01, 24 * 366),
        ["min_points"] = new("integer", 1, AnalysisLimits.MaxMinPoints),
        ["permutations"] = new("integer", 9, AnalysisLimits.MaxPermutations),
        ["seed"] = new("integer", int.MinValue, int.MaxValue),
        ["grid"] = new("text", 0, 0, ["square", "hex"]),
        ["fdr"] = new("text", 0, 0, ["bh", "none"]),
    };

    /// <summary>The parameters each method takes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Methods = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["gistar"] = ["cell", "grid", "band", "fdr"],
        ["moran"] = ["cell", "grid", "band", "fdr", "permutations", "seed"],
        ["dbscan"] = ["eps", "min_points", "time_eps_hours"],
        ["kde"] = ["cell", "bandwidth"],
    };

    /// <summary>Checks a request body and turns it into the arguments of <c>gt hotspots METHOD</c> (without the name and the area file).</summary>
    public static AnalysisRequest Parse(JsonObject body, int analysisSrid)
    {
        var method = Text(body, "method", 20) ?? string.Empty;
        if (!Methods.TryGetValue(method, out var allowed))
        {
            throw new FilterException("method", $"'{method}' is not one of {string.Join(", ", Methods.Keys)}");
        }

        if (body["area"] is not JsonObject area || Text(area, "type", 20) is not ("Polygon" or "MultiPolygon"))
        {
            throw new FilterException("area", "a GeoJSON Polygon or MultiPolygon in CRS84 (longitude, latitude) is needed");
        }

        var (minX, minY, maxX, maxY) = Extent(area, analysisSrid);
        var name = Text(body, "name", AnalysisLimits.MaxNameLength);
        var args = new List<string> { "hotspots", method };

        foreach (var (key, option) in new[] { ("from", "--from"), ("to", "--to"), ("hours", "--hours"), ("include", "--include") })
        {
            if (Text(body, key, 40) is { Length: > 0 } value)
            {
                args.AddRange([option, value]);
            }
        }

        foreach (var (key, option) in new[] { ("category", "--category"), ("source", "--source") })
        {
            foreach (var value in Texts(body, key))
            {
                args.AddRange([option, value]);
            }
        }

        if (body["dark_only"] is { } dark)
        {
            if (dark is not JsonValue d || !d.TryGetValue<bool>(out var darkOnly))
            {
                throw new FilterException("dark_only", "must be true or false");
            }

            if (darkOnly)
            {
                args.Add("--dark-only");
            }
        }

        if (body["parameters"] is { } given and not JsonObject)
        {
            throw new FilterException("parameters", $"must be an object of {string.Join(", ", allowed)}, not {given.GetValueKind()}");
        }

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in body["parameters"]?.AsObject() ?? [])
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new FilterException($"parameters.{key}", $"{method} takes {string.Join(", ", allowed)}");
            }

            args.AddRange(["--" + key.Replace('_', '-'), Parameter($"parameters.{key}", Rules[key], value, numbers)]);
        }

        CheckWork(numbers, maxX - minX, maxY - minY);
        return new AnalysisRequest(method, name, area, args);
    }

    /// <summary>
    /// A grid too fine for its area, or a band of hundreds of cells, is minutes of work and gigabytes for one request:
    /// refused before it runs, with what would be allowed.
    /// </summary>
    private static void CheckWork(Dictionary<string, double> numbers, double width, double height)
    {
        if (numbers.TryGetValue("cell", out var cell))
        {
            var cells = Math.Ceiling((width / cell) + 1) * Math.Ceiling((height / cell) + 1);
            if (cells > AnalysisLimits.MaxCells)
            {
                var smallest = Math.Ceiling(Math.Sqrt(width * height / AnalysisLimits.MaxCells));
                throw new FilterException("parameters.cell", string.Create(CultureInfo.InvariantCulture,
                    $"a {cell} m grid over the area ({width:0} × {height:0} m) has about {cells:N0} cells, more than the {AnalysisLimits.MaxCells:N0} one analysis may have; take a cell of at least {smallest} m or a smaller area"));
            }

            foreach (var key in new[] { "band", "bandwidth" })
            {
                if (numbers.TryGetValue(key, out var reach) && reach / cell > AnalysisLimits.MaxReachInCells)
                {
                    throw new FilterException($"parameters.{key}", string.Create(CultureInfo.InvariantCulture,
                        $"{reach} m is {reach / cell:0} cells of {cell} m; at most {AnalysisLimits.MaxReachInCells} cells (a larger cell or a shorter {key})"));
                }
            }
        }
    }

    private static string Parameter(string name, ParameterRule rule, JsonNode? value, Dictionary<string, double> numbers)
    {
        if (rule.Kind == "text")
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            return text is not null && rule.Among!.Contains(text, StringComparer.Ordinal)
                ? text
                : throw new FilterException(name, $"must be one of {string.Join(", ", rule.Among!)}");
        }

        if (value is not JsonValue number || !number.TryGetValue<double>(out var d) || !double.IsFinite(d))
        {
            throw new FilterException(name, "must be a number");
        }

        if (rule.Kind == "integer" && d != Math.Floor(d))
        {
            throw new FilterException(name, "must be a whole number");
        }

        if (d < rule.Min || d > rule.Max)
        {
            throw new FilterException(name, string.Create(CultureInfo.InvariantCulture, $"{d} is outside {rule.Min}–{rule.Max}"));
        }

        numbers[name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]] = d;
        return d.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A text value: null when absent; refused when of another JSON type, too long, with control characters, or read as an option.</summary>
    private static string? Text(JsonObject body, string key, int maxLength) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => Safe(key, s, maxLength),
        var other => throw new FilterException(key, $"must be a text, not {other.GetValueKind()}"),
    };

    private static List<string> Texts(JsonObject body, string key)
    {
        switch (body[key])
        {
            case null:
                return [];
            case JsonArray list when list.Count <= AnalysisLimits.MaxListValues:
                return list.Select((item, i) => item is JsonValue v && v.TryGetValue<string>(out var s)
                    ? Safe($"{key}[{i}]", s, AnalysisLimits.MaxTextLength)
                    : throw new FilterException($"{key}[{i}]", "must be a text")).Where(s => s.Length > 0).ToList();
            case JsonArray:
                throw new FilterException(key, $"at most {AnalysisLimits.MaxListValues} values");
            case var other:
                throw new FilterException(key, $"must be a list of texts, not {other.GetValueKind()}");
        }
    }

    private static string Safe(string key, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new FilterException(key, string.Create(CultureInfo.InvariantCulture, $"at most {maxLength} characters"));
        }

        if (value.Any(char.IsControl))
        {
            throw new FilterException(key, "must not contain control characters");
        }

        // The run is made by the gt command line: a value starting with - would be read as one of its options, and one
        // starting with @ as a response file to read arguments from.
        return value.TrimStart().StartsWith('-') || value.TrimStart().StartsWith('@')
            ? throw new FilterException(key, "must not start with - or @")
            : value;
    }

    /// <summary>The area's extent in the analysis CRS; refuses rings with too many vertices or coordinates off the globe.</summary>
    private static (double MinX, double MinY, double MaxX, double MaxY) Extent(JsonObject area, int analysisSrid)
    {
        var positions = new List<(double Lon, double Lat)>();
        Collect(area["coordinates"], positions, 0);
        if (positions.Count < 4)
        {
            throw new FilterException("area", "the polygon has no ring of at least four positions");
        }

        var toAnalysis = new GeometryReprojector(4326, analysisSrid);
        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var (lon, lat) in positions)
        {
            var (x, y) = toAnalysis.Transform(lon, lat);
            (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
        }

        return (minX, minY, maxX, maxY);
    }

    private static void Collect(JsonNode? node, List<(double Lon, double Lat)> positions, int depth)
    {
        if (node is not JsonArray array || depth > 3)
        {
            throw new FilterException("area", "coordinates must be nested lists of [longitude, latitude]");
        }

        if (array.Count >= 2 && array[0] is JsonValue)
        {
            var lon = array[0] is JsonValue a && a.TryGetValue<double>(out var x) ? x : double.NaN;
            var lat = array[1] is JsonValue b && b.TryGetValue<double>(out var y) ? y : double.NaN;
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
            {
                throw new FilterException("area", "a position is not [longitude, latitude] in degrees");
            }

            positions.Add((lon, lat));
            if (positions.Count > AnalysisLimits.MaxVertices)
            {
                throw new FilterException("area", string.Create(CultureInfo.InvariantCulture, $"more than {AnalysisLimits.MaxVertices:N0} vertices; simplify the drawing"));
            }

            return;
        }

        foreach (var child in array)
        {
            Collect(child, positions, depth + 1);
        }
    }
}
