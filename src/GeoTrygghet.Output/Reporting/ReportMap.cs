using GeoTrygghet.Core.Reporting;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// The quarter's map of an area, drawn with SkiaSharp onto any canvas (the PDF page as vectors, a PNG for the HTML):
/// streets, the area's outline, measures, lamps out, cameras and the hot cells by status, with a legend, a scale bar and
/// north. Coordinates are the analysis CRS's metres.
/// </summary>
internal static class ReportMap
{
    public static readonly SKColor New = new(0xd6, 0x27, 0x28), Persistent = new(0xff, 0x7f, 0x0e), Gone = new(0x99, 0x99, 0x99);
    private static readonly SKColor Measure = new(0x2c, 0xa0, 0x2c), LampOut = new(0x22, 0x22, 0x22), Camera = new(0x1f, 0x77, 0xb4);

    public static void Draw(SKCanvas canvas, SKRect rect, AreaSection area, ReportWords words, SKTypeface typeface)
    {
        var map = area.Map;
        var extent = new Envelope();
        if (map.Outline is not null)
        {
            extent.ExpandToInclude(map.Outline.EnvelopeInternal);
        }

        foreach (var h in area.Hotspots)
        {
            extent.ExpandToInclude(h.X, h.Y);
        }

        if (extent.IsNull)
        {
            foreach (var s in map.Streets)
            {
                extent.ExpandToInclude(s.EnvelopeInternal);
            }
        }

        if (extent.IsNull)
        {
            extent = new Envelope(0, 1000, 0, 1000);
        }

        extent.ExpandBy((Math.Max(extent.Width, extent.Height) * 0.06) + area.Hotspots.Select(h => h.CellMetres).DefaultIfEmpty(50).Max());
        var legendHeight = 16f;
        var body = new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom - legendHeight);
        var scale = Math.Min(body.Width / extent.Width, body.Height / extent.Height);
        var ox = body.MidX - (float)(extent.Centre.X * scale);
        var oy = body.MidY + (float)(extent.Centre.Y * scale);
        SKPoint P(double x, double y) => new((float)(ox + (x * scale)), (float)(oy - (y * scale)));

        using var background = new SKPaint { Color = new SKColor(0xfa, 0xfa, 0xf7), Style = SKPaintStyle.Fill };
        using var frame = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        canvas.DrawRect(body, background);
        canvas.Save();
        canvas.ClipRect(body);
        using (var street = new SKPaint { Color = new SKColor(0xc8, 0xc8, 0xc8), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true })
        {
            foreach (var s in map.Streets)
            {
                Lines(canvas, s, P, street);
            }
        }

        if (map.Outline is not null)
        {
            using var outline = new SKPaint { Color = new SKColor(0x44, 0x44, 0x88), Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([6, 3], 0) };
            Polygons(canvas, map.Outline, P, outline, null);
        }

        using (var fill = new SKPaint { Color = Measure.WithAlpha(50), Style = SKPaintStyle.Fill, IsAntialias = true })
        using (var edge = new SKPaint { Color = Measure, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f, IsAntialias = true })
        {
            foreach (var (_, g) in map.Measures)
            {
                if (g is Polygon or MultiPolygon)
                {
                    Polygons(canvas, g, P, edge, fill);
                }
                else
                {
                    Lines(canvas, g, P, edge);
                }
            }
        }

        foreach (var h in area.Hotspots.OrderBy(h => h.Status == "gone" ? 0 : 1))
        {
            var colour = h.Status switch { "new" => New, "persistent" => Persistent, _ => Gone };
            using var cell = new SKPaint { Color = colour.WithAlpha(h.Status == "gone" ? (byte)90 : (byte)170), Style = SKPaintStyle.Fill, IsAntialias = true };
            var half = (float)(h.CellMetres / 2 * scale);
            foreach (var (cx, cy) in h.Cells)
            {
                var c = P(cx, cy);
                canvas.DrawRect(new SKRect(c.X - half, c.Y - half, c.X + half, c.Y + half), cell);
            }
        }

        using (var lamp = new SKPaint { Color = LampOut, Style = SKPaintStyle.Stroke, StrokeWidth = 1f, IsAntialias = true })
        {
            foreach (var l in map.LightsOut)
            {
                var c = P(l.X, l.Y);
                canvas.DrawLine(c.X - 2.5f, c.Y - 2.5f, c.X + 2.5f, c.Y + 2.5f, lamp);
                canvas.DrawLine(c.X - 2.5f, c.Y + 2.5f, c.X + 2.5f, c.Y - 2.5f, lamp);
            }
        }

        using (var camera = new SKPaint { Color = Camera, Style = SKPaintStyle.Fill, IsAntialias = true })
        {
            foreach (var k in map.Cameras)
            {
                var c = P(k.X, k.Y);
                canvas.DrawRect(new SKRect(c.X - 2.5f, c.Y - 2.5f, c.X + 2.5f, c.Y + 2.5f), camera);
            }
        }

        using var font = new SKFont(typeface, 7.5f);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var h in area.Hotspots.Where(h => h.Status != "gone"))
        {
            var c = P(h.X, h.Y);
            canvas.DrawText(h.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), c.X - 2.5f, c.Y + 3, SKTextAlign.Left, font, ink);
        }

        canvas.Restore();
        canvas.DrawRect(body, frame);

        var metres = new[] { 50, 100, 200, 250, 500, 1000, 2000, 5000 }.LastOrDefault(m => m * scale <= body.Width / 4, 50);
        var bar = (float)(metres * scale);
        canvas.DrawRect(new SKRect(body.Left + 8, body.Bottom - 12, body.Left + 8 + bar, body.Bottom - 9), ink);
        canvas.DrawText($"{metres} m", body.Left + 12 + bar, body.Bottom - 8, SKTextAlign.Left, font, ink);
        canvas.DrawText("N ↑", body.Right - 22, body.Top + 12, SKTextAlign.Left, font, ink);

        // The legend below the map.
        var x = rect.Left;
        var y = rect.Bottom - 4;
        void Key(SKColor colour, string label, bool cross = false)
        {
            using var paint = new SKPaint { Color = colour, Style = cross ? SKPaintStyle.Stroke : SKPaintStyle.Fill, IsAntialias = true };
            if (cross)
            {
                canvas.DrawLine(x, y - 7, x + 7, y, paint);
                canvas.DrawLine(x, y, x + 7, y - 7, paint);
            }
            else
            {
                canvas.DrawRect(new SKRect(x, y - 7, x + 7, y), paint);
            }

            canvas.DrawText(label, x + 10, y, SKTextAlign.Left, font, ink);
            x += 16 + font.MeasureText(label);
        }

        Key(New.WithAlpha(170), words.T("ny brottskoncentration", "new hotspot"));
        Key(Persistent.WithAlpha(170), words.T("kvarstående", "persistent"));
        Key(Gone.WithAlpha(90), words.T("upphörd", "gone"));
        Key(LampOut, words.T("släckt lampa", "lamp out"), cross: true);
        Key(Camera, words.T("kamera", "camera"));
        Key(Measure.WithAlpha(120), words.T("åtgärd", "measure"));
    }

    private static void Lines(SKCanvas canvas, Geometry g, Func<double, double, SKPoint> p, SKPaint paint)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i);
            if (part is LineString line)
            {
                Path(canvas, line.Coordinates, p, paint, null, close: false);
            }
            else if (part is Polygon polygon)
            {
                Path(canvas, polygon.ExteriorRing.Coordinates, p, paint, null, close: true);
            }
        }
    }

    private static void Polygons(SKCanvas canvas, Geometry g, Func<double, double, SKPoint> p, SKPaint edge, SKPaint? fill)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is Polygon polygon)
            {
                Path(canvas, polygon.ExteriorRing.Coordinates, p, edge, fill, close: true);
            }
        }
    }

    private static void Path(SKCanvas canvas, Coordinate[] coordinates, Func<double, double, SKPoint> p, SKPaint edge, SKPaint? fill, bool close)
    {
        if (coordinates.Length < 2)
        {
            return;
        }

        using var builder = new SKPathBuilder();
        builder.MoveTo(p(coordinates[0].X, coordinates[0].Y));
        foreach (var c in coordinates.Skip(1))
        {
            builder.LineTo(p(c.X, c.Y));
        }

        if (close)
        {
            builder.Close();
        }

        using var path = builder.Detach();
        if (fill is not null)
        {
            canvas.DrawPath(path, fill);
        }

        canvas.DrawPath(path, edge);
    }
}
