namespace GeoTrygghet.Output;

/// <summary>
/// The font of every PDF and chart we write (the presence briefing, the quarterly report), from Debian's font packages,
/// which carry the Swedish letters: the SkiaSharp build we ship finds no system fonts by itself.
/// </summary>
internal static class PdfFonts
{
    private static readonly string[] Files =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    public static string File => Files.FirstOrDefault(System.IO.File.Exists)
        ?? throw new IOException("no font for the PDF: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)");
}
