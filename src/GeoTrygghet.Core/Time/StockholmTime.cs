using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoTrygghet.Core.Time;

/// <summary>
/// Parses the times found in Swedish data into UTC instants. ISO 8601 with an offset or Z is taken
/// as it says; a time without an offset is local time in Europe/Stockholm (with daylight saving).
/// Also accepted: a space instead of T, a one-digit hour, seconds and fractions optional, a date alone
/// (local midnight), and the police events form "2023-03-28 17:15:34 +02:00". A local time in the
/// spring-forward gap does not exist and is an error; one in the autumn overlap happens twice and is
/// taken as the first (summer-time) instant, which the caller is told about.
/// </summary>
public static partial class StockholmTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public enum Outcome
    {
        Ok,
        AmbiguousTookFirst,
        Invalid,
    }

    public static Outcome TryParse(string text, out DateTimeOffset utc, out string? error)
    {
        utc = default;
        error = null;
        var m = IsoPattern().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text}' is not a date or time; write ISO 8601 such as 2024-03-01T21:30 or 2024-03-01T21:30+01:00";
            return Outcome.Invalid;
        }

        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        DateTime local;
        try
        {
            local = new DateTime(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"), DateTimeKind.Unspecified);
            if (m.Groups["f"].Success)
            {
                var fraction = m.Groups["f"].Value.PadRight(7, '0')[..7];
                local = local.AddTicks(long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            error = $"'{text}' is not a valid date or time (month, day or hour out of range)";
            return Outcome.Invalid;
        }

        if (m.Groups["z"].Success)
        {
            var zone = m.Groups["z"].Value;
            TimeSpan offset = TimeSpan.Zero;
            if (zone != "Z" && zone != "z")
            {
                var digits = zone.Replace(":", string.Empty, StringComparison.Ordinal);
                var hours = int.Parse(digits.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
                var minutes = int.Parse(digits.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
                if (hours > 14 || minutes > 59)
                {
                    error = $"'{text}' has an impossible UTC offset {zone}";
                    return Outcome.Invalid;
                }

                offset = new TimeSpan(hours, minutes, 0) * (digits[0] == '-' ? -1 : 1);
            }

            utc = new DateTimeOffset(local, offset).ToUniversalTime();
            return Outcome.Ok;
        }

        return FromLocal(local, text, out utc, out error);
    }

    /// <summary>A Stockholm wall-clock time as a UTC instant, with the same rules as <see cref="TryParse"/>.</summary>
    public static Outcome FromLocal(DateTime local, string textForErrors, out DateTimeOffset utc, out string? error)
    {
        error = null;
        utc = default;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            error = $"'{textForErrors}' does not exist in Europe/Stockholm (the clocks skip that hour for daylight saving); give the UTC offset";
            return Outcome.Invalid;
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            utc = new DateTimeOffset(local, summer).ToUniversalTime();
            return Outcome.AmbiguousTookFirst;
        }

        utc = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return Outcome.Ok;
    }

    /// <summary>The instant as Stockholm local time with its offset, e.g. 2024-03-01T21:30:00+01:00.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?\s*(?<z>Z|z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
