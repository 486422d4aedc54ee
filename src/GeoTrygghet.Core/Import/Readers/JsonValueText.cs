using System.Text.Json;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>A JSON value as the text an importer field parses: numbers keep their exact JSON text.</summary>
internal static class JsonValueText
{
    public static string? Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
