using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// A stable id for rows that come without one: a hash of the row's validated content (times in UTC,
/// coordinates in the analysis CRS rounded to a millimetre), so the same row imported again gets the
/// same id. Identical rows within one file are told apart by their occurrence ("#2", "#3"), so none
/// is lost and a re-import still matches them.
/// </summary>
public sealed class ContentHash
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(params object?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part switch
            {
                null => "∅",
                double d => Math.Round(d, 3).ToString("R", CultureInfo.InvariantCulture),
                DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => part.ToString(),
            }).Append('\u001f');
        }

        var hash = "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..20];
        var occurrence = _seen[hash] = _seen.GetValueOrDefault(hash) + 1;
        return occurrence == 1 ? hash : string.Create(CultureInfo.InvariantCulture, $"{hash}#{occurrence}");
    }
}
