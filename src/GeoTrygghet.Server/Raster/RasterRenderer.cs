using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SkiaSharp;

namespace GeoTrygghet.Server.Raster;

/// <summary>
/// Draws a 256 × 256 PNG tile from geometries already in tile pixel coordinates (as
/// <c>ST_AsMVTGeom</c> with an extent of 256 gives them: origin at the top left, y down), and the heat
/// map from counts per pixel with a quartic kernel. Stateless; every call owns its canvas.
/// </summary>
internal static class RasterRenderer
{
    public const int Size = 256;

    public static byte[] Features(string layer, IEnumerable<(byte[] Wkb, string? Status, int Count)> rows)
    {
        var style = RasterStyle.For(layer);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Color = style.Fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { Color = style.Stroke, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = style.StrokeWidth };
        var reader = new WKBReader();
        foreach (var (wkb, status, count) in rows)
        {
            var geometry = reader.Read(wkb);
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                switch (geometry.GetGeometryN(i))
                {
                    case Point p:
                        // Counts per cell grow with the square root of the count, so area follows the number.
                        var radius = count > 1 ? Math.Min(14f, style.Radius * (float)Math.Sqrt(count)) : style.Radius;
                        // Only a layer with a status column (the lights) gives one.
                        if (status is not null)
                        {
                            fill.Color = RasterStyle.LightStatus(status);
                        }

                        canvas.DrawCircle((float)p.X, (float)p.Y, radius, fill);
                        canvas.DrawCircle((float)p.X, (float)p.Y, radius, stroke);
                        break;
                    case LineString line:
                        using (var builder = new SKPathBuilder())
                        {
                            AddRing(builder, line.Coordinates, close: false);
                            using var path = builder.Detach();
                            canvas.DrawPath(path, stroke);
                        }

                        break;
                    case Polygon polygon:
                        using (var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd })
                        {
                            AddRing(builder, polygon.ExteriorRing.Coordinates, close: true);
                            foreach (var hole in polygon.InteriorRings)
                            {
                                AddRing(builder, hole.Coordinates, close: true);
                            }

                            using var path = builder.Detach();
                            canvas.DrawPath(path, fill);
                            canvas.DrawPath(path, stroke);
                        }

                        break;
                }
            }
        }

        return Encode(surface);
    }

    /// <summary>
    /// The heat map: every count spreads over a quartic kernel of <paramref name="radius"/> pixels; a pixel
    /// is fully red where the kernels of <paramref name="saturation"/> events at one place would overlap,
    /// the same at every tile of a zoom so tiles join without seams.
    /// </summary>
    public static byte[] Heat(IEnumerable<(double X, double Y, int Count)> cells, int radius, double saturation)
    {
        var grid = new double[Size * Size];
        var r2 = (double)radius * radius;
        foreach (var (cx, cy, count) in cells)
        {
            var x0 = Math.Max(0, (int)Math.Floor(cx - radius));
            var x1 = Math.Min(Size - 1, (int)Math.Ceiling(cx + radius));
            var y0 = Math.Max(0, (int)Math.Floor(cy - radius));
            var y1 = Math.Min(Size - 1, (int)Math.Ceiling(cy + radius));
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var d2 = ((x + 0.5 - cx) * (x + 0.5 - cx)) + ((y + 0.5 - cy) * (y + 0.5 - cy));
                    if (d2 < r2)
                    {
                        var t = 1 - (d2 / r2);
                        grid[(y * Size) + x] += count * t * t;
                    }
                }
            }
        }

        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                bitmap.SetPixel(x, y, RasterStyle.Heat(grid[(y * Size) + x] / saturation));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void AddRing(SKPathBuilder builder, Coordinate[] coordinates, bool close)
    {
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (i == 0)
            {
                builder.MoveTo((float)coordinates[i].X, (float)coordinates[i].Y);
            }
            else
            {
                builder.LineTo((float)coordinates[i].X, (float)coordinates[i].Y);
            }
        }

        if (close)
        {
            builder.Close();
        }
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
