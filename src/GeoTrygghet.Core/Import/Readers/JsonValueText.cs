using System.Text.Json;
using System.Text.RegularExpressions;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>A JSON value as the text an importer field parses: numbers keep their exact JSON text.</summary>
internal static class JsonValueText
{
    public static string? Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => StringOf(value),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when IsFlat(value) => string.Join(";", value.EnumerateArray().Select(Of)),
        JsonValueKind.Array when IsStatusHistory(value) => string.Join(";", value.EnumerateArray().Select(e => $"{e.GetProperty("date").GetString()}:{e.GetProperty("status").GetString()}")),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// True for values a field can take: scalars, and arrays of scalars, which become the
    /// semicolon-separated lists that list fields such as assets read. Objects are not.
    /// </summary>
    public static bool IsPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => false,
        JsonValueKind.Array => IsFlat(value) || IsStatusHistory(value),
        _ => true,
    };

    // A light's status history in the form GeoTrygghet stores and serves it: [{"date": …, "status": …}].
    private static bool IsStatusHistory(JsonElement array) =>
        array.GetArrayLength() > 0 && array.EnumerateArray().All(e =>
            e.ValueKind == JsonValueKind.Object &&
            e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String &&
            e.TryGetProperty("status", out var st) && st.ValueKind == JsonValueKind.String);

    private static bool IsFlat(JsonElement array) =>
        array.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False);

    // System.Text.Json throws on an escaped half of a surrogate pair ("\ud800"); unescaped by hand
    // instead, the broken character reaches the field check, which rejects the row and names it.
    private static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            return Regex.Unescape(raw[1..^1]);
        }
    }
}
