using System.Globalization;
using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core.Time;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoTrygghet.Output.Patrol;

/// <summary>
/// The printable briefing of a presence plan (A4, SkiaSharp's PDF backend): the shift and its settings, a map of
/// the hotspots and each patrol's route with numbered stops, scale bar and north arrow, and the timetable — when,
/// how long, where and why — continued on further pages when it does not fit. Text in DejaVu or Liberation Sans
/// from Debian's font packages (fonts-dejavu-core), which carry the Swedish letters.
/// </summary>
public static class PatrolBriefingPdf
{
    private const float Width = 595, Height = 842, Margin = 36;
    // Swedish text has a decimal comma (the numbers of the plan's files keep the invariant culture).
    private static readonly NumberFormatInfo Swedish = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " " };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly SKColor[] PatrolColours = [new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0x94, 0x67, 0xbd), new(0xff, 0x7f, 0x0e), new(0x17, 0xbe, 0xcf)];

    /// <summary>Writes the briefing; returns the number of pages.</summary>
    public static int Write(string path, PresencePlan plan, PresenceSettings settings, IReadOnlyDictionary<string, Geometry> hotspotAreas, IReadOnlyList<Geometry> streets, string title)
    {
        using var stream = File.Create(path);
        return Write(stream, plan, settings, hotspotAreas, streets, title);
    }

    public static int Write(Stream stream, PresencePlan plan, PresenceSettings settings, IReadOnlyDictionary<string, Geometry> hotspotAreas, IReadOnlyList<Geometry> streets, string title)
    {
        using var typeface = SKTypeface.FromFile(PdfFonts.File);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "GeoTrygghet", Producer = "GeoTrygghet (SkiaSharp)" });
        var pages = 1;
        var canvas = document.BeginPage(Width, Height);
        using var font = new SKFont(typeface, 9);
        using var bold = new SKFont(typeface, 15) { Embolden = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        Text(canvas, title, Margin, Margin + 12, bold, ink);
        var minutes = (settings.ShiftEnd - settings.ShiftStart).TotalMinutes;
        Text(canvas, string.Create(Inv, $"Pass {Local(settings.ShiftStart, "yyyy-MM-dd HH:mm")}–{Local(settings.ShiftEnd, "HH:mm")} ({minutes:0} min), {settings.Patrols} patrull(er), {settings.PresenceMinutesPerPatrol:0} min närvaro per patrull, slumpfrö {settings.Seed}."),
            Margin, Margin + 30, font, ink);
        Text(canvas, string.Create(Inv, $"Besök {settings.VisitMinMinutes:0}–{settings.VisitMaxMinutes:0} min, högst ett besök per plats på {settings.MinMinutesBetweenVisits:0} min. Vägar {plan.RouterSv}."), Margin, Margin + 42, font, ink);
        var mapRect = new SKRect(Margin, Margin + 52, Width - Margin, Margin + 52 + 330);
        DrawMap(canvas, mapRect, plan, hotspotAreas, streets, font);

        // The timetable.
        var y = mapRect.Bottom + 22;
        float[] columns = [Margin, Margin + 34, Margin + 56, Margin + 122, Margin + 146, Margin + 300];
        void Header(SKCanvas c, float top)
        {
            using var head = new SKFont(typeface, 8.5f) { Embolden = true };
            string[] titles = ["Patrull", "Nr", "Tid", "Min", "Plats", "Varför"];
            for (var i = 0; i < titles.Length; i++)
            {
                Text(c, titles[i], columns[i], top, head, ink);
            }
        }

        Header(canvas, y);
        y += 12;
        using var small = new SKFont(typeface, 7.5f);
        foreach (var stop in plan.Stops)
        {
            if (y > Height - Margin - 14)
            {
                Footer(canvas, font, ink, pages);
                document.EndPage();
                canvas = document.BeginPage(Width, Height);
                pages++;
                y = Margin + 12;
                Header(canvas, y);
                y += 12;
            }

            using var colour = new SKPaint { Color = PatrolColours[(stop.Patrol - 1) % PatrolColours.Length], IsAntialias = true };
            Text(canvas, stop.Patrol.ToString(Inv), columns[0], y, small, colour);
            Text(canvas, stop.Order.ToString(Inv), columns[1], y, small, ink);
            Text(canvas, $"{PatrolPlanFiles.Local(stop.Arrive)}–{PatrolPlanFiles.Local(stop.Depart)}", columns[2], y, small, ink);
            Text(canvas, stop.Minutes.ToString(Inv), columns[3], y, small, ink);
            Text(canvas, Fit($"{stop.Site.Id} {stop.Site.Label}", columns[5] - columns[4] - 6, small), columns[4], y, small, ink);
            // The briefing's short form of why; the plan's JSON and GPX carry the full sentence.
            Text(canvas, Fit(string.Create(Swedish, $"risk nr {stop.Rank} av {plan.ShiftRisk.Count}, {stop.Risk:0.##} ankomsttimmen, andel {plan.TargetMinutes[stop.Site.Id]:0} min"), Width - Margin - columns[5], small),
                columns[5], y, small, ink);
            y += 10.5f;
        }

        Footer(canvas, font, ink, pages);
        document.EndPage();
        document.Close();
        return pages;
    }

    private static void DrawMap(SKCanvas canvas, SKRect rect, PresencePlan plan, IReadOnlyDictionary<string, Geometry> areas, IReadOnlyList<Geometry> streets, SKFont font)
    {
        var extent = new Envelope();
        foreach (var s in plan.Stops)
        {
            extent.ExpandToInclude(s.Site.X, s.Site.Y);
        }

        foreach (var l in plan.Legs)
        {
            foreach (var (x, y) in l.Route.Path)
            {
                extent.ExpandToInclude(x, y);
            }
        }

        foreach (var a in areas.Values)
        {
            extent.ExpandToInclude(a.EnvelopeInternal);
        }

        if (extent.IsNull)
        {
            extent = new Envelope(0, 1, 0, 1);
        }

        extent.ExpandBy(Math.Max(extent.Width, extent.Height) * 0.06 + 50);
        var scale = Math.Min(rect.Width / extent.Width, rect.Height / extent.Height);
        var ox = rect.MidX - ((float)(extent.Centre.X - extent.MinX) * (float)scale);
        var oy = rect.MidY + ((float)(extent.Centre.Y - extent.MinY) * (float)scale);
        SKPoint P(double x, double y) => new(ox + (float)((x - extent.MinX) * scale), oy - (float)((y - extent.MinY) * scale));

        using var frame = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
        canvas.Save();
        canvas.ClipRect(rect);
        using var street = new SKPaint { Color = new SKColor(0xc8, 0xc8, 0xc8), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        foreach (var g in streets)
        {
            foreach (var line in Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<LineString>())
            {
                Polyline(canvas, line.Coordinates.Select(c => P(c.X, c.Y)), street);
            }
        }

        using var hotFill = new SKPaint { Color = new SKColor(0xe3, 0x4a, 0x33, 0x55), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var hotEdge = new SKPaint { Color = new SKColor(0xb3, 0x00, 0x00), Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, IsAntialias = true };
        foreach (var area in areas.Values)
        {
            foreach (var polygon in Enumerable.Range(0, area.NumGeometries).Select(area.GetGeometryN).OfType<Polygon>())
            {
                using var builder = new SKPathBuilder();
                var ring = polygon.ExteriorRing.Coordinates.Select(c => P(c.X, c.Y)).ToList();
                builder.MoveTo(ring[0]);
                foreach (var p in ring.Skip(1))
                {
                    builder.LineTo(p);
                }

                builder.Close();
                using var path = builder.Detach();
                canvas.DrawPath(path, hotFill);
                canvas.DrawPath(path, hotEdge);
            }
        }

        foreach (var leg in plan.Legs)
        {
            using var route = new SKPaint { Color = PatrolColours[(leg.Patrol - 1) % PatrolColours.Length], Style = SKPaintStyle.Stroke, StrokeWidth = 1.8f, IsAntialias = true };
            Polyline(canvas, leg.Route.Path.Select(p => P(p.X, p.Y)), route);
        }

        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        foreach (var stop in plan.Stops)
        {
            using var dot = new SKPaint { Color = PatrolColours[(stop.Patrol - 1) % PatrolColours.Length], IsAntialias = true };
            var p = P(stop.Site.X, stop.Site.Y);
            // Stops of several patrols at one place fan out so every number stays readable.
            p.Offset((stop.Patrol - 1) * 9, 0);
            canvas.DrawCircle(p, 6.5f, dot);
            var label = stop.Order.ToString(Inv);
            Text(canvas, label, p.X - (font.MeasureText(label) / 2), p.Y + 3.2f, font, white);
        }

        canvas.Restore();
        canvas.DrawRect(rect, frame);

        // North arrow and a scale bar of a round length.
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
        using (var arrow = new SKPathBuilder())
        {
            var top = new SKPoint(rect.Right - 18, rect.Top + 8);
            arrow.MoveTo(top);
            arrow.LineTo(top.X - 6, top.Y + 18);
            arrow.LineTo(top.X, top.Y + 13);
            arrow.LineTo(top.X + 6, top.Y + 18);
            arrow.Close();
            using var path = arrow.Detach();
            canvas.DrawPath(path, ink);
            Text(canvas, "N", top.X - 3.5f, top.Y + 30, font, ink);
        }

        var metres = new[] { 50, 100, 200, 250, 500, 1000, 2000, 5000 }.LastOrDefault(m => m * scale <= rect.Width / 4, 50);
        var bar = (float)(metres * scale);
        canvas.DrawRect(new SKRect(rect.Left + 10, rect.Bottom - 14, rect.Left + 10 + bar, rect.Bottom - 11), ink);
        Text(canvas, $"{metres} m", rect.Left + 14 + bar, rect.Bottom - 10, font, ink);
    }

    private static void Polyline(SKCanvas canvas, IEnumerable<SKPoint> points, SKPaint paint)
    {
        using var builder = new SKPathBuilder();
        var first = true;
        foreach (var p in points)
        {
            if (first)
            {
                builder.MoveTo(p);
                first = false;
            }
            else
            {
                builder.LineTo(p);
            }
        }

        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static void Footer(SKCanvas canvas, SKFont font, SKPaint ink, int page) =>
        Text(canvas, string.Create(Inv, $"GeoTrygghet · närvaroplan · sida {page} · skapad {StockholmTime.Format(DateTimeOffset.UtcNow)}"), Margin, Height - 18, font, ink);

    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        while (text.Length > 1 && font.MeasureText(text + "…") > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private static void Text(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint paint) => canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);

    private static string Local(DateTimeOffset t, string format) => TimeZoneInfo.ConvertTime(t, StockholmTime.Zone).ToString(format, Inv);
}
