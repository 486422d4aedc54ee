using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Server.Layers;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Server.Analyses;

/// <summary>
/// The body of <c>POST /analyses</c>, checked value by value before anything runs: every value has the JSON type it
/// must have and stays within <see cref="AnalysisLimits"/>. A value that fails is a <see cref="FilterException"/>
/// naming it (400). The checked body becomes the request of <see cref="HotspotRunner"/>, run in-process.
/// </summary>
public sealed record AnalysisRequest(string Method, string? Name, HotspotRunner.Request Run)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

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
    public static IReadOnlyDictionary<string, string[]> Methods => HotspotMethods.Parameters;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    /// <summary>Checks a request body and turns it into the runner's request (without the name, which the endpoint settles).</summary>
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
        var drawn = Area(area, analysisSrid);
        var name = Text(body, "name", AnalysisLimits.MaxNameLength);
        var include = Text(body, "include", 40) ?? "incidents";
        if (include is not ("incidents" or "reports" or "both"))
        {
            throw new FilterException("include", $"'{include}' is not incidents, reports or both");
        }

        (int From, int To)? hours = null;
        if (Text(body, "hours", 40) is { Length: > 0 } hourText)
        {
            try
            {
                hours = EventFilter.ParseHours(hourText);
            }
            catch (FormatException e)
            {
                throw new FilterException("hours", e.Message);
            }
        }

        var filter = new EventFilter(
            Day(body, "from"),
            Day(body, "to"),
            Texts(body, "category") is { Count: > 0 } categories ? categories : null,
            Texts(body, "source") is { Count: > 0 } sources ? sources : null,
            Hours: hours,
            IncidentWeight: include is "incidents" or "both" ? 1 : 0,
            ReportWeight: include is "reports" or "both" ? 1 : 0,
            AreaWkt: drawn.AsText());
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            throw new FilterException("to", string.Create(Inv, $"{t:yyyy-MM-dd} is before from {f:yyyy-MM-dd}"));
        }

        var darkOnly = false;
        if (body["dark_only"] is { } dark && (dark is not JsonValue d || !d.TryGetValue(out darkOnly)))
        {
            throw new FilterException("dark_only", "must be true or false");
        }

        if (body["parameters"] is { } given and not JsonObject)
        {
            throw new FilterException("parameters", $"must be an object of {string.Join(", ", allowed)}, not {given.GetValueKind()}");
        }

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in body["parameters"]?.AsObject() ?? [])
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new FilterException($"parameters.{key}", $"{method} takes {string.Join(", ", allowed)}");
            }

            Parameter($"parameters.{key}", Rules[key], value, numbers, texts);
        }

        if (method == "dbscan" && !(numbers.ContainsKey("eps") && numbers.ContainsKey("min_points")))
        {
            throw new FilterException(numbers.ContainsKey("eps") ? "parameters.min_points" : "parameters.eps", "DBSCAN needs eps (metres) and min_points");
        }

        CheckWork(numbers, maxX - minX, maxY - minY);
        double? Number(string key) => numbers.TryGetValue(key, out var v) ? v : null;
        var parameters = new HotspotParameters
        {
            Cell = Number("cell"),
            Grid = texts.GetValueOrDefault("grid") == "hex" ? GridShape.Hexagon : GridShape.Square,
            Band = Number("band"),
            Fdr = texts.GetValueOrDefault("fdr", "bh") == "bh",
            Eps = Number("eps") ?? 0,
            MinPoints = (int)(Number("min_points") ?? 0),
            TimeEpsHours = Number("time_eps_hours"),
            Bandwidth = Number("bandwidth"),
            Permutations = (int)(Number("permutations") ?? 999),
            Seed = (int)(Number("seed") ?? 1),
        };
        return new AnalysisRequest(method, name, new HotspotRunner.Request(method, filter, parameters, darkOnly));
    }

    /// <summary>The drawn area in the analysis CRS, as one valid (multi)polygon.</summary>
    private static Geometry Area(JsonObject area, int analysisSrid)
    {
        try
        {
            var geometry = area.Deserialize<Geometry>(GeoJson);
            return DrawnArea.Of([geometry], 4326, analysisSrid, "the analysis area");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or AnalysisException)
        {
            throw new FilterException("area", e.Message);
        }
    }

    private static DateOnly? Day(JsonObject body, string key) =>
        Text(body, key, 40) is not { Length: > 0 } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var day) && StockholmTime.InRange(day) ? day
        : throw new FilterException(key, $"'{text}' is not a date YYYY-MM-DD within {StockholmTime.YearRange}");

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

    private static void Parameter(string name, ParameterRule rule, JsonNode? value, Dictionary<string, double> numbers, Dictionary<string, string> texts)
    {
        var key = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (rule.Kind == "text")
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            texts[key] = text is not null && rule.Among!.Contains(text, StringComparer.Ordinal)
                ? text
                : throw new FilterException(name, $"must be one of {string.Join(", ", rule.Among!)}");
            return;
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

        numbers[key] = d;
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

        // No value is ever handed to a command line now, but the run's name and filters are shown and stored: a value
        // that a command line would read as an option (-…) or a response file (@…) stays refused, as defence in depth.
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
