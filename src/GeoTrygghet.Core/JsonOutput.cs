using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoTrygghet.Core;

/// <summary>
/// How GeoTrygghet writes JSON for people and the viewer: Swedish letters and "&amp;" as themselves, not \u-escaped.
/// Nothing here is embedded in HTML, so the relaxed encoder is safe.
/// </summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
