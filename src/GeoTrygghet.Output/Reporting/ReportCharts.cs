using GeoTrygghet.Core.Reporting;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// The report's charts, drawn by ScottPlot (5.1): the trend by month over two years and the top categories against the
/// year before. Text in DejaVu Sans from Debian's fonts-dejavu-core, registered once, since the SkiaSharp build we carry
/// finds no system fonts by itself. A hidden count of the public version is drawn as no bar and said in the alt text.
/// </summary>
internal static class ReportCharts
{
    private const string FontName = "DejaVu Sans";
    private static readonly Lazy<bool> FontReady = new(() =>
    {
        var file = PdfFonts.File;
        ScottPlot.Fonts.AddFontFile(FontName, file);
        ScottPlot.Fonts.Default = FontName;
        return true;
    });

    /// <summary>A chart laid out for <see cref="Width"/> × <see cref="Height"/> pixels, with its text alternative.</summary>
    public sealed record Chart(ScottPlot.Plot Plot, int Width, int Height, string Alt)
    {
        public byte[] Png() => Plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);

        /// <summary>Draws the chart as vectors into the rectangle (the PDF), scaled from its pixel layout.</summary>
        public void Draw(SkiaSharp.SKCanvas canvas, SkiaSharp.SKRect rect)
        {
            canvas.Save();
            canvas.Translate(rect.Left, rect.Top);
            canvas.Scale(rect.Width / Width, rect.Height / Height);
            Plot.Render(canvas, Width, Height);
            canvas.Restore();
        }
    }

    public static Chart Trend(AreaSection area, ReportWords w, int width, int height, int k)
    {
        _ = FontReady.Value;
        var plot = new ScottPlot.Plot();
        plot.Font.Set(FontName);
        var xs = Enumerable.Range(0, area.Months.Count).Select(i => (double)i).ToArray();
        var incidents = plot.Add.Bars(area.Months.Select((m, i) => new ScottPlot.Bar { Position = i, Value = m.Incidents ?? 0, FillColor = ScottPlot.Color.FromHex("#4c72b0") }).ToList());
        incidents.LegendText = w.T("Anmälda brott", "Police incidents");
        var reports = plot.Add.Scatter(xs, area.Months.Select(m => (double)(m.Reports ?? 0)).ToArray());
        reports.LegendText = w.T("EST-rapporter", "EST reports");
        reports.Color = ScottPlot.Color.FromHex("#dd8452");
        reports.LineWidth = 2;
        var ticks = area.Months.Select((m, i) => (m, i)).Where(t => t.m.Month.Month % 3 == 1).ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(t => (double)t.i).ToArray(), ticks.Select(t => w.Month(t.m.Month)).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(w.T($"Per månad, {w.Month(area.Months[0].Month)} – {w.Month(area.Months[^1].Month)}", $"By month, {w.Month(area.Months[0].Month)} – {w.Month(area.Months[^1].Month)}"), size: 13);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        var peak = area.Months.Where(m => m.Incidents is not null).OrderByDescending(m => m.Incidents).FirstOrDefault();
        var hidden = area.Months.Count(m => m.Incidents is null);
        var alt = w.T(
            $"Stapeldiagram: anmälda brott per månad i {area.Name} under {area.Months.Count} månader, med EST-rapporterna som linje. "
                + (peak is null ? "" : $"Flest brott i {w.Month(peak.Month)} ({peak.Incidents}), senaste månaden {w.Count(area.Months[^1].Incidents, k)}.")
                + (hidden > 0 ? $" {hidden} månader med dolt antal visas utan stapel." : ""),
            $"Bar chart: police incidents per month in {area.Name} over {area.Months.Count} months, with EST reports as a line. "
                + (peak is null ? "" : $"Most in {w.Month(peak.Month)} ({peak.Incidents}), the latest month {w.Count(area.Months[^1].Incidents, k)}.")
                + (hidden > 0 ? $" {hidden} months with a hidden count have no bar." : ""));
        return new Chart(plot, width, height, alt);
    }

    public static Chart Categories(AreaSection area, ReportWords w, int width, int height, int year, int k)
    {
        _ = FontReady.Value;
        var plot = new ScottPlot.Plot();
        plot.Font.Set(FontName);
        var top = area.TopCategories;
        var bars = new List<ScottPlot.Bar>();
        for (var i = 0; i < top.Count; i++)
        {
            bars.Add(new ScottPlot.Bar { Position = (i * 3) + 1, Value = top[i].PreviousYear ?? 0, FillColor = ScottPlot.Color.FromHex("#b0b0b0") });
            bars.Add(new ScottPlot.Bar { Position = (i * 3) + 2, Value = top[i].Count ?? 0, FillColor = ScottPlot.Color.FromHex("#4c72b0") });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(top.Select((_, i) => (i * 3) + 1.5).ToArray(), top.Select(t => Short(t.Category)).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(w.T($"Vanligaste kategorierna: {year - 1} (grå) och {year} (blå), samma kvartal", $"Top categories: {year - 1} (grey) and {year} (blue), same quarter"), size: 13);
        var alt = w.T("Stapeldiagram över de vanligaste brottskategorierna i kvartalet mot samma kvartal året före: ", "Bar chart of the top categories this quarter against the same quarter a year before: ")
            + string.Join("; ", top.Select(t => $"{t.Category} {w.Count(t.Count, k)} ({w.Count(t.PreviousYear, k)})")) + ".";
        return new Chart(plot, width, height, alt);
    }

    private static string Short(string text) => text.Length <= 14 ? text : text[..13] + "…";
}
