using SkiaSharp;

namespace GeoTrygghet.Output.Reporting;

/// <summary>
/// Text and tables flowing down A4 pages of a SkiaSharp PDF: a cursor that starts a new page (with the footer) when
/// the next block does not fit, and wraps paragraphs at word boundaries.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const float Width = 595, Height = 842, Margin = 42;
    private readonly SKDocument _document;
    private readonly Func<int, string> _footer;
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _grey = new() { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };

    public PdfFlow(SKDocument document, SKTypeface typeface, Func<int, string> footer)
    {
        _document = document;
        _footer = footer;
        Typeface = typeface;
        Body = new SKFont(typeface, 9.5f);
        Small = new SKFont(typeface, 8f);
        H1 = new SKFont(typeface, 17f) { Embolden = true };
        H2 = new SKFont(typeface, 13f) { Embolden = true };
        H3 = new SKFont(typeface, 10.5f) { Embolden = true };
        Canvas = _document.BeginPage(Width, Height);
        Y = Margin;
    }

    public SKTypeface Typeface { get; }

    public SKFont Body { get; }

    public SKFont Small { get; }

    public SKFont H1 { get; }

    public SKFont H2 { get; }

    public SKFont H3 { get; }

    public SKCanvas Canvas { get; private set; }

    public float Y { get; set; }

    public int Pages { get; private set; } = 1;

    public float Left => Margin;

    public float Right => Width - Margin;

    public void NewPage()
    {
        Footer();
        _document.EndPage();
        Canvas = _document.BeginPage(Width, Height);
        Pages++;
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit.</summary>
    public void Room(float height)
    {
        if (Y + height > Height - Margin - 10)
        {
            NewPage();
        }
    }

    public void Heading(SKFont font, string text, float before = 8)
    {
        Room(before + font.Size + 40);
        Y += before + font.Size;
        Canvas.DrawText(text, Left, Y, SKTextAlign.Left, font, _ink);
        Y += 5;
    }

    public void Paragraph(string text, SKFont? font = null, bool grey = false)
    {
        font ??= Body;
        foreach (var line in Wrap(text, font, Right - Left))
        {
            Room(font.Size + 3);
            Y += font.Size + 2.5f;
            Canvas.DrawText(line, Left, Y, SKTextAlign.Left, font, grey ? _grey : _ink);
        }

        Y += 3;
    }

    /// <summary>A table with a bold header row; cells are cut to their column's width.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<float> widths, IEnumerable<IReadOnlyList<string>> rows, SKFont? font = null)
    {
        font ??= Small;
        using var bold = new SKFont(Typeface, font.Size) { Embolden = true };
        using var rule = new SKPaint { Color = new SKColor(0xbb, 0xbb, 0xbb), StrokeWidth = 0.6f };
        void Row(IReadOnlyList<string> cells, SKFont f)
        {
            var lines = cells.Select((c, i) => Wrap(c, f, widths[i] - 4).ToList()).ToList();
            var height = (lines.Max(l => l.Count) * (f.Size + 2)) + 4;
            Room(height);
            var x = Left;
            for (var i = 0; i < cells.Count; i++)
            {
                var y = Y;
                foreach (var line in lines[i])
                {
                    y += f.Size + 2;
                    Canvas.DrawText(line, x, y, SKTextAlign.Left, f, _ink);
                }

                x += widths[i];
            }

            Y += height;
            Canvas.DrawLine(Left, Y - 1.5f, Left + widths.Sum(), Y - 1.5f, rule);
        }

        Row(header, bold);
        foreach (var r in rows)
        {
            Row(r, font);
        }

        Y += 4;
    }

    /// <summary>Room for a drawing of the given height, drawn by <paramref name="draw"/> into its rectangle.</summary>
    public void Drawing(float height, Action<SKCanvas, SKRect> draw)
    {
        Room(height + 4);
        draw(Canvas, new SKRect(Left, Y, Right, Y + height));
        Y += height + 4;
    }

    public static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width || line.Length == 0)
            {
                line = candidate;
            }
            else
            {
                yield return line;
                line = word;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private void Footer() => Canvas.DrawText(_footer(Pages), Left, Height - 22, SKTextAlign.Left, Small, _grey);

    public void Dispose()
    {
        Footer();
        _document.EndPage();
        _document.Close();
        _ink.Dispose();
        _grey.Dispose();
        Body.Dispose();
        Small.Dispose();
        H1.Dispose();
        H2.Dispose();
        H3.Dispose();
    }
}
