using SkiaSharp;

namespace GeoTrygghet.Server.Raster;

/// <summary>
/// How a layer is drawn on raster tiles: fill and stroke colours, point radius, and for street lights
/// a colour per status (working yellow, out red, removed grey) so outages stand out.
/// </summary>
internal sealed record RasterStyle(SKColor Fill, SKColor Stroke, float Radius, float StrokeWidth)
{
    public static RasterStyle For(string layer) => layer switch
    {
        "incidents" => new(new SKColor(0xD7, 0x30, 0x27, 0xCC), new SKColor(0x7F, 0x00, 0x00), 3, 1),
        "reports" => new(new SKColor(0x45, 0x75, 0xB4, 0xCC), new SKColor(0x08, 0x30, 0x6B), 3, 1),
        "lights" => new(new SKColor(0xFE, 0xE0, 0x8B), new SKColor(0x66, 0x55, 0x00), 2.5f, 1),
        "cameras" => new(new SKColor(0x1A, 0x98, 0x50), new SKColor(0x00, 0x44, 0x1B), 3.5f, 1),
        "camera_views" => new(new SKColor(0x1A, 0x98, 0x50, 0x40), new SKColor(0x1A, 0x98, 0x50, 0xB0), 0, 1),
        "focus_areas" => new(new SKColor(0x99, 0x70, 0xAB, 0x30), new SKColor(0x76, 0x2A, 0x83), 0, 2),
        "measures" => new(new SKColor(0xF4, 0x6D, 0x43, 0x40), new SKColor(0xF4, 0x6D, 0x43), 3, 2),
        "basemap" => new(new SKColor(0xE8, 0xE4, 0xDC), new SKColor(0x9E, 0x9E, 0x9E), 1, 1.5f),
        _ => new(new SKColor(0xD7, 0x30, 0x27, 0x80), new SKColor(0xA5, 0x00, 0x26), 3, 1),
    };

    public static SKColor LightStatus(string? status) => status switch
    {
        "out" => new SKColor(0xE3, 0x1A, 0x1C),
        "removed" => new SKColor(0x9E, 0x9E, 0x9E),
        _ => new SKColor(0xFE, 0xD9, 0x76),
    };

    /// <summary>A heat ramp from transparent through yellow and orange to dark red.</summary>
    public static SKColor Heat(double t)
    {
        t = Math.Clamp(t, 0, 1);
        if (t <= 0)
        {
            return SKColors.Transparent;
        }

        (double R, double G, double B)[] stops = [(255, 255, 178), (254, 204, 92), (253, 141, 60), (240, 59, 32), (189, 0, 38)];
        var position = t * (stops.Length - 1);
        var i = Math.Min(stops.Length - 2, (int)position);
        var f = position - i;
        byte Mix(double a, double b) => (byte)Math.Round(a + ((b - a) * f));
        var alpha = (byte)Math.Round(60 + (180 * Math.Min(1, t * 2)));
        return new SKColor(Mix(stops[i].R, stops[i + 1].R), Mix(stops[i].G, stops[i + 1].G), Mix(stops[i].B, stops[i + 1].B), alpha);
    }
}
