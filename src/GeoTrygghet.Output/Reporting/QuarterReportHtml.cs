using System.Net;
using System.Text;
using GeoTrygghet.Core.Reporting;
using SkiaSharp;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// The quarterly report as one self-contained HTML page for the intranet: the same sections and tables as the PDF,
/// headings in order, tables with captions and header cells, and every chart and map as an image with a text
/// alternative that says what it shows. No script and nothing fetched from elsewhere.
/// </summary>
public static class QuarterReportHtml
{
    public static void Write(string path, QuarterReport report, ReportLanguage language, int minCount, DateTimeOffset made) =>
        File.WriteAllText(path, Render(report, language, minCount, made), new UTF8Encoding(false));

    public static string Render(QuarterReport report, ReportLanguage language, int minCount, DateTimeOffset made)
    {
        var w = new ReportWords(language);
        var title = ReportContent.Title(report, w);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(w.Swedish ? "sv" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">").Append(E(ReportContent.Subtitle(report, w, made))).Append("</p>\n");
        html.Append("<nav aria-label=\"").Append(E(w.T("Innehåll", "Contents"))).Append("\"><ul>");
        foreach (var (area, i) in report.Areas.Append(report.Municipality).Select((a, i) => (a, i)))
        {
            html.Append("<li><a href=\"#area-").Append(i).Append("\">").Append(E(AreaHeading(area, w))).Append("</a></li>");
        }

        html.Append("<li><a href=\"#promises\">").Append(E(ReportContent.Headings.Promises(w))).Append("</a></li><li><a href=\"#method\">")
            .Append(E(ReportContent.Headings.Method(w))).Append("</a></li></ul></nav>\n");
        using var typeface = SKTypeface.FromFile(PdfFonts.File);
        foreach (var (area, i) in report.Areas.Append(report.Municipality).Select((a, i) => (a, i)))
        {
            Area(html, area, i, report, w, minCount, typeface);
        }

        html.Append("<section id=\"promises\">\n<h2>").Append(E(ReportContent.Headings.Promises(w))).Append("</h2>\n");
        if (report.Promises.Count == 0)
        {
            html.Append("<p>").Append(E(w.T("Inga medborgarlöften för kvartalet i registret (gt import promises).", "No citizen promises for the quarter in the store (gt import promises)."))).Append("</p>\n");
        }

        foreach (var p in report.Promises)
        {
            html.Append("<h3>").Append(E($"{p.Id}: {p.Title}")).Append("</h3>\n<p>")
                .Append(E(w.T($"Gäller {p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd}", $"Valid {p.From:yyyy-MM-dd} – {p.To:yyyy-MM-dd}")
                    + (p.Area is { } a ? w.T($", fokusområde {a}.", $", focus area {a}.") : p.Theme is { } t ? w.T($", tema {w.Theme(t)}.", $", theme {w.Theme(t)}.") : ".")))
                .Append("</p>\n");
            Table(html, ReportContent.Activities(p, report, w));
            Table(html, ReportContent.Indicators(p, w));
        }

        html.Append("</section>\n<section id=\"method\">\n<h2>").Append(E(ReportContent.Headings.Method(w))).Append("</h2>\n<ul>\n");
        foreach (var line in ReportContent.Method(report, w))
        {
            html.Append("<li>").Append(E(line)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string AreaHeading(AreaSection area, ReportWords w) =>
        area.Kind == "municipality" ? area.Name : w.T($"Fokusområde {area.Name}", $"Focus area {area.Name}");

    private static void Area(StringBuilder html, AreaSection area, int index, QuarterReport report, ReportWords w, int k, SKTypeface typeface)
    {
        var q = report.Period;
        html.Append("<section id=\"area-").Append(index).Append("\">\n<h2>").Append(E(AreaHeading(area, w))).Append("</h2>\n");
        html.Append("<h3>").Append(E(ReportContent.Headings.Summary(w))).Append("</h3>\n");
        foreach (var line in area.Summary)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        html.Append("<h3>").Append(E(ReportContent.Headings.Map(w))).Append("</h3>\n");
        var hot = area.Hotspots.Where(h => h.Status != "gone").ToList();
        var mapAlt = w.T(
            $"Karta över {area.Name} för {q.Label(w.Language)}: {hot.Count} brottskoncentrationer ({hot.Count(h => h.Status == "new")} nya, {hot.Count(h => h.Status == "persistent")} kvarstående), {area.Hotspots.Count - hot.Count} upphörda, {area.Map.LightsOut.Count} släckta lampor, {area.Map.Cameras.Count} kameror och {area.Map.Measures.Count} åtgärder. Brottskoncentrationerna finns också i tabellen nedan.",
            $"Map of {area.Name} for {q.Label(w.Language)}: {hot.Count} hotspots ({hot.Count(h => h.Status == "new")} new, {hot.Count(h => h.Status == "persistent")} persistent), {area.Hotspots.Count - hot.Count} gone, {area.Map.LightsOut.Count} lamps out, {area.Map.Cameras.Count} cameras and {area.Map.Measures.Count} measures. The hotspots are also in the table below.");
        Image(html, MapPng(area, w, typeface), mapAlt, 760, 500);

        html.Append("<h3>").Append(E(ReportContent.Headings.KeyFigures(w))).Append("</h3>\n");
        Table(html, ReportContent.KeyFigures(area, report, w, k));
        Table(html, ReportContent.Groups(area, w, k, q));
        html.Append("<h3>").Append(E(ReportContent.Headings.Trend(w))).Append("</h3>\n");
        var trend = ReportCharts.Trend(area, w, 1020, 420, k);
        Image(html, trend.Png(), trend.Alt, 760, 313);
        html.Append("<h3>").Append(E(ReportContent.Headings.HourOfWeek(w))).Append("</h3>\n");
        Table(html, ReportContent.HourOfWeek(area, w, k), "week");
        html.Append("<h3>").Append(E(ReportContent.Headings.Categories(w))).Append("</h3>\n");
        if (area.TopCategories.Count > 0)
        {
            var categories = ReportCharts.Categories(area, w, 1020, 420, q.Year, k);
            Image(html, categories.Png(), categories.Alt, 760, 313);
            Table(html, ReportContent.Categories(area, w, k, q));
        }
        else
        {
            html.Append("<p>").Append(E(ReportContent.NoCategories(report, w))).Append("</p>\n");
        }

        html.Append("<h3>").Append(E(ReportContent.Headings.Reports(w))).Append("</h3>\n");
        Table(html, ReportContent.Reports(area, w, k, q));
        html.Append("<h3>").Append(E(ReportContent.Headings.Hotspots(w))).Append("</h3>\n");
        if (area.Hotspots.Count == 0)
        {
            html.Append("<p>").Append(E(w.T("Inga brottskoncentrationer i kvartalet eller kvartalet före.", "No hotspots in the quarter or the quarter before."))).Append("</p>\n");
        }
        else
        {
            Table(html, ReportContent.Hotspots(area, w, k));
        }

        html.Append("<h3>").Append(E(ReportContent.Headings.Measures(w))).Append("</h3>\n");
        if (area.Measures.Count == 0)
        {
            html.Append("<p>").Append(E(w.T("Inga åtgärder i området i registret.", "No measures in the area in the store."))).Append("</p>\n");
        }
        else
        {
            Table(html, ReportContent.Measures(area, w));
        }

        html.Append("<h3>").Append(E(ReportContent.Headings.Presence(w))).Append("</h3>\n");
        Table(html, ReportContent.Presence(area, w));
        html.Append("<h3>").Append(E(ReportContent.Headings.Survey(w))).Append("</h3>\n<p>").Append(E(ReportContent.Survey(area, w))).Append("</p>\n</section>\n");
    }

    private static byte[] MapPng(AreaSection area, ReportWords w, SKTypeface typeface)
    {
        const int width = 760, height = 500, scale = 2;
        using var surface = SKSurface.Create(new SKImageInfo(width * scale, height * scale));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        ReportMap.Draw(surface.Canvas, new SKRect(2, 2, width - 2, height - 2), area, w, typeface);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static void Image(StringBuilder html, byte[] png, string alt, int width, int height) =>
        html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\" alt=\"").Append(E(alt))
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\"></figure>\n");

    private static void Table(StringBuilder html, ReportTable table, string? cssClass = null)
    {
        html.Append("<table").Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append(">\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var h in table.Header)
        {
            html.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; margin: 0; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.7rem; } h2 { font-size: 1.35rem; border-top: 2px solid #446; padding-top: .6rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.3rem; }
        .meta { color: #444; font-size: .9rem; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
        caption { text-align: left; color: #333; font-style: italic; padding-bottom: .2rem; }
        th, td { border-bottom: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #666; }
        table.week td, table.week th { padding: .1rem .2rem; font-size: .75rem; text-align: right; }
        figure { margin: .5rem 0; } img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        nav ul { columns: 2; }
        a { color: #0645ad; }
        @media print { h2 { break-before: page; } nav { display: none; } }

        """;
}
