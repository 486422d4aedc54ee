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

    // Outside these years a date in crime or report data is a typo; they also keep every offset
    // arithmetic inside DateTimeOffset's range (year 1 or 9999 with an offset threw).
    private const int MinYear = 1900;
    private const int MaxYear = 2200;
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>Whether a date lies in the years GeoTrygghet accepts (1900–2200), for date options and filters.</summary>
    public static bool InRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>The accepted years, for messages.</summary>
    public static string YearRange => string.Create(CultureInfo.InvariantCulture, $"{MinYear}–{MaxYear}");

    public static Outcome TryParse(string text, out DateTimeOffset utc, out string? error)
    {
        utc = default;
        error = null;
        if (TryParseCommon(text.AsSpan().Trim(), out var fast, out var fastOffset))
        {
            if (fastOffset is { } offset)
            {
                utc = new DateTimeOffset(fast, offset).ToUniversalTime();
                return Outcome.Ok;
            }

            return FromLocal(fast, text, out utc, out error);
        }

        var m = IsoPattern().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text}' is not a date or time; write ISO 8601 such as 2024-03-01T21:30 or 2024-03-01T21:30+01:00";
            return Outcome.Invalid;
        }

        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (Part("y") is < MinYear or > MaxYear)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{text}' has the year {Part("y")}, outside {MinYear}–{MaxYear}; check the date");
            return Outcome.Invalid;
        }

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
                var minutes = digits.Length >= 5 ? int.Parse(digits.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0; // ±hh alone is ISO 8601 too
                if (minutes > 59 || new TimeSpan(hours, minutes, 0) > MaxOffset)
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
        if (local.Year is < MinYear or > MaxYear)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{textForErrors}' lies outside the years {MinYear}–{MaxYear}");
            return Outcome.Invalid;
        }

        // Stockholm's clocks change on whole hours, so every local hour has one answer: cache it.
        var hourKey = local.Ticks / TimeSpan.TicksPerHour;
        if (OffsetOfLocalHour.TryGetValue(hourKey, out var cached))
        {
            utc = new DateTimeOffset(local, cached).ToUniversalTime();
            return Outcome.Ok;
        }

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

        var offsetOfHour = Zone.GetUtcOffset(local);
        if (OffsetOfLocalHour.Count < 1_000_000)
        {
            OffsetOfLocalHour[hourKey] = offsetOfHour;
        }

        utc = new DateTimeOffset(local, offsetOfHour).ToUniversalTime();
        return Outcome.Ok;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, TimeSpan> OffsetOfLocalHour = new();

    // The shapes nearly every file uses, read without a regex: yyyy-MM-dd, then T or space and
    // HH:mm[:ss[.f…]], then nothing, Z, or ±hh:mm. Anything else goes to the general pattern.
    private static bool TryParseCommon(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-' ||
            !Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d))
        {
            return false;
        }

        int h = 0, mi = 0, sec = 0;
        long ticks = 0;
        var i = 10;
        if (s.Length > 10)
        {
            if ((s[10] != 'T' && s[10] != ' ') || s.Length < 16 || s[13] != ':' ||
                !Digits(s, 11, 2, out h) || !Digits(s, 14, 2, out mi))
            {
                return false;
            }

            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (s.Length < 19 || !Digits(s, 17, 2, out sec))
                {
                    return false;
                }

                i = 19;
                if (i < s.Length && s[i] == '.')
                {
                    var start = ++i;
                    var scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        scale /= 10;
                        ticks += (s[i] - '0') * scale;
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }
        }

        if (i < s.Length)
        {
            if (s[i] == 'Z' && i == s.Length - 1)
            {
                offset = TimeSpan.Zero;
            }
            else if ((s[i] == '+' || s[i] == '-') && s.Length - i == 6 && s[i + 3] == ':' &&
                     Digits(s, i + 1, 2, out var oh) && Digits(s, i + 4, 2, out var om) && om <= 59 && new TimeSpan(oh, om, 0) <= MaxOffset)
            {
                offset = new TimeSpan(oh, om, 0) * (s[i] == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), mo) || h > 23 || mi > 59 || sec > 59 || y < MinYear || y > MaxYear)
        {
            return false; // the general path reports it
        }

        local = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }

            value = value * 10 + (s[k] - '0');
        }

        return true;
    }

    /// <summary>The Stockholm calendar day an instant falls on.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a Stockholm calendar day begins (local midnight, which always exists in Sweden).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        return FromLocal(date.ToDateTime(TimeOnly.MinValue), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var utc, out var error) == Outcome.Invalid
            ? throw new ArgumentOutOfRangeException(nameof(date), error)
            : utc;
    }

    /// <summary>The instant as Stockholm local time with its offset, e.g. 2024-03-01T21:30:00+01:00.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    // [0-9], not \d: \d also matches full-width and other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[Tt ](?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?)?\s*(?<z>Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
