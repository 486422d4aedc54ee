using GeoTrygghet.Core.Reporting;
using SkiaSharp;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// The quarterly report as an A4 PDF for the EST meeting (SkiaSharp's PDF backend): a page group per area with its
/// summary, map, key figures, trend, hour-of-week table, categories, EST reports, hot cells, measures, presence and
/// survey; then the citizen promises and the method and data. The time it was made is printed; the JSON has none.
/// </summary>
public static class QuarterReportPdf
{
    /// <summary>Writes the PDF; returns the number of pages.</summary>
    public static int Write(string path, QuarterReport report, ReportLanguage language, int minCount, DateTimeOffset made)
    {
        using var stream = File.Create(path);
        return Write(stream, report, language, minCount, made);
    }

    public static int Write(Stream stream, QuarterReport report, ReportLanguage language, int minCount, DateTimeOffset made)
    {
        var w = new ReportWords(language);
        using var typeface = SKTypeface.FromFile(PdfFonts.File);
        var title = ReportContent.Title(report, w);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "GeoTrygghet", Producer = "GeoTrygghet (SkiaSharp, ScottPlot)", Creation = made.UtcDateTime });
        var flow = new PdfFlow(document, typeface, page => w.T($"GeoTrygghet · {title} · sida {page}", $"GeoTrygghet · {title} · page {page}"));
        using (flow)
        {
            flow.Heading(flow.H1, title, 4);
            flow.Paragraph(ReportContent.Subtitle(report, w, made), flow.Small, grey: true);
            var first = true;
            foreach (var area in report.Areas.Append(report.Municipality))
            {
                if (!first)
                {
                    flow.NewPage();
                }

                first = false;
                Area(flow, area, report, w, minCount);
            }

            flow.NewPage();
            flow.Heading(flow.H2, ReportContent.Headings.Promises(w), 0);
            if (report.Promises.Count == 0)
            {
                flow.Paragraph(w.T("Inga medborgarlöften för kvartalet i registret (gt import promises).", "No citizen promises for the quarter in the store (gt import promises)."));
            }

            foreach (var p in report.Promises)
            {
                flow.Heading(flow.H3, $"{p.Id}: {p.Title}");
                flow.Paragraph(w.T($"Gäller {p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd}", $"Valid {p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd}")
                    + (p.Area is { } a ? w.T($", fokusområde {a}.", $", focus area {a}.") : p.Theme is { } t ? w.T($", tema {w.Theme(t)}.", $", theme {w.Theme(t)}.") : "."), flow.Small);
                Table(flow, ReportContent.Activities(p, report, w));
                Table(flow, ReportContent.Indicators(p, w));
            }

            flow.Heading(flow.H2, ReportContent.Headings.Method(w), 12);
            foreach (var line in ReportContent.Method(report, w))
            {
                flow.Paragraph(line, flow.Small);
            }

            return flow.Pages;
        }
    }

    private static void Area(PdfFlow flow, AreaSection area, QuarterReport report, ReportWords w, int k)
    {
        var q = report.Period;
        flow.Heading(flow.H2, area.Kind == "municipality" ? area.Name : w.T($"Fokusområde {area.Name}", $"Focus area {area.Name}"), 6);
        flow.Heading(flow.H3, ReportContent.Headings.Summary(w), 2);
        foreach (var line in area.Summary)
        {
            flow.Paragraph(line);
        }

        flow.Heading(flow.H3, ReportContent.Headings.Map(w));
        flow.Room(290);
        var rect = new SKRect(flow.Left, flow.Y + 2, flow.Right, flow.Y + 282);
        ReportMap.Draw(flow.Canvas, rect, area, w, flow.Typeface);
        flow.Y = rect.Bottom + 6;

        flow.Heading(flow.H3, ReportContent.Headings.KeyFigures(w));
        Table(flow, ReportContent.KeyFigures(area, report, w, k));
        Table(flow, ReportContent.Groups(area, w, k, q));

        flow.Heading(flow.H3, ReportContent.Headings.Trend(w));
        var trend = ReportCharts.Trend(area, w, 1020, 420, k);
        flow.Drawing((flow.Right - flow.Left) * 420 / 1020, trend.Draw);

        flow.Heading(flow.H3, ReportContent.Headings.HourOfWeek(w));
        Table(flow, ReportContent.HourOfWeek(area, w, k));

        flow.Heading(flow.H3, ReportContent.Headings.Categories(w));
        if (area.TopCategories.Count > 0)
        {
            var categories = ReportCharts.Categories(area, w, 1020, 420, q.Year, k);
            flow.Drawing((flow.Right - flow.Left) * 420 / 1020, categories.Draw);
            Table(flow, ReportContent.Categories(area, w, k, q));
        }
        else
        {
            flow.Paragraph(ReportContent.NoCategories(report, w));
        }

        flow.Heading(flow.H3, ReportContent.Headings.Reports(w));
        Table(flow, ReportContent.Reports(area, w, k, q));

        flow.Heading(flow.H3, ReportContent.Headings.Hotspots(w));
        if (area.Hotspots.Count == 0)
        {
            flow.Paragraph(w.T("Inga brottskoncentrationer i kvartalet eller kvartalet före.", "No hotspots in the quarter or the quarter before."));
        }
        else
        {
            Table(flow, ReportContent.Hotspots(area, w, k));
        }

        flow.Heading(flow.H3, ReportContent.Headings.Measures(w));
        if (area.Measures.Count == 0)
        {
            flow.Paragraph(w.T("Inga åtgärder i området i registret.", "No measures in the area in the store."));
        }
        else
        {
            Table(flow, ReportContent.Measures(area, w));
        }

        flow.Heading(flow.H3, ReportContent.Headings.Presence(w));
        Table(flow, ReportContent.Presence(area, w));
        flow.Heading(flow.H3, ReportContent.Headings.Survey(w));
        flow.Paragraph(ReportContent.Survey(area, w));
    }

    private static void Table(PdfFlow flow, ReportTable table)
    {
        flow.Paragraph(table.Caption, flow.Small, grey: true);
        flow.Table(table.Header, table.Widths, table.Rows);
    }
}
