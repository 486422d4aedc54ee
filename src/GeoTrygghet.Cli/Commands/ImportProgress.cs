using System.Globalization;

namespace GeoTrygghet.Cli.Commands;

/// <summary>Progress of a long import on stderr: a rewritten line on a terminal, a line per tenth otherwise.</summary>
internal sealed class ImportProgress(TextWriter log, string name) : IProgress<(long Done, long? Total, long Rows)>
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private bool _wrote;

    public void Report((long Done, long? Total, long Rows) value)
    {
        var percent = value.Total is > 0 ? 100.0 * value.Done / value.Total.Value : (double?)null;
        var text = string.Create(CultureInfo.InvariantCulture, $"{name}: {value.Rows:N0} rows read{(percent is null ? string.Empty : $" ({percent:0}%)")}");
        if (_terminal)
        {
            log.Write("\r" + text);
            _wrote = true;
            return;
        }

        var tenth = percent is null ? -1 : (int)(percent.Value / 10);
        if (tenth > _lastTenth && value.Rows >= 100_000)
        {
            _lastTenth = tenth;
            log.WriteLine(text);
        }
    }

    public void Finish()
    {
        if (_wrote)
        {
            log.WriteLine();
        }
    }
}
