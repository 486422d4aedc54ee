using System.Globalization;

namespace GeoTrygghet.Core.Reporting;

/// <summary>The words of the quarterly report in Swedish (default) and English: labels of groups, categories and statuses, numbers.</summary>
public sealed class ReportWords
{
    private static readonly NumberFormatInfo SwedishNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0", NegativeSign = "−" };

    private static readonly Dictionary<string, (string Sv, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["group.violence"] = ("Våld", "Violence"), ["group.robbery"] = ("Rån", "Robbery"), ["group.theft"] = ("Stöld", "Theft"),
        ["group.burglary"] = ("Inbrott", "Burglary"), ["group.vandalism"] = ("Skadegörelse", "Vandalism"), ["group.drugs"] = ("Narkotika", "Drugs"),
        ["group.weapons"] = ("Vapen", "Weapons"), ["group.disorder"] = ("Ordningsstörning", "Disorder"), ["group.traffic"] = ("Trafik", "Traffic"),
        ["group.fire"] = ("Brand", "Fire"), ["group.other"] = ("Övrigt", "Other"),
        ["report.vandalism"] = ("Skadegörelse", "Vandalism"), ["report.graffiti"] = ("Klotter", "Graffiti"), ["report.littering"] = ("Nedskräpning", "Littering"),
        ["report.broken_light"] = ("Trasig belysning", "Broken light"), ["report.gathering"] = ("Samling/folksamling", "Gathering"),
        ["report.unsafe_place"] = ("Otrygg plats", "Unsafe place"), ["report.other"] = ("Övrigt", "Other"),
        ["measure.lighting"] = ("Belysning", "Lighting"), ["measure.camera"] = ("Kamerabevakning", "Camera surveillance"),
        ["measure.vegetation"] = ("Röjning av vegetation", "Vegetation clearing"), ["measure.presence"] = ("Närvaro", "Presence"),
        ["measure.neighbourhood_watch"] = ("Grannsamverkan", "Neighbourhood watch"), ["measure.other"] = ("Annan åtgärd", "Other measure"),
        ["status.planned"] = ("planerad", "planned"), ["status.ongoing"] = ("pågår", "ongoing"), ["status.done"] = ("avslutad", "done"), ["status.cancelled"] = ("inställd", "cancelled"),
        ["hot.new"] = ("ny", "new"), ["hot.persistent"] = ("kvarstår", "persistent"), ["hot.gone"] = ("upphört", "gone"),
        ["theme.andt"] = ("ANDT bland unga", "Alcohol, drugs, doping and tobacco among young people"), ["theme.traffic"] = ("Trafiksäkerhet", "Traffic safety"),
        ["kind.incidents"] = ("anmälda brott", "police incidents"), ["kind.reports"] = ("EST-rapporter", "EST reports"), ["kind.measures_done"] = ("genomförda åtgärder", "measures done"),
        ["kind.presence_minutes"] = ("närvarominuter", "presence minutes"), ["kind.survey_score"] = ("trygghetsindex", "safety score"),
    };

    public ReportWords(ReportLanguage language) => Language = language;

    public ReportLanguage Language { get; }

    public bool Swedish => Language == ReportLanguage.Swedish;

    /// <summary>The text in the report's language: Swedish first, English second.</summary>
    public string T(string sv, string en) => Swedish ? sv : en;

    public string Label(string prefix, string code) =>
        Labels.TryGetValue(prefix + "." + code, out var l) ? (Swedish ? l.Sv : l.En) : code.Replace('_', ' ');

    public string Group(string code) => Label("group", code);

    public string ReportCategory(string code) => Label("report", code);

    public string MeasureType(string code) => Label("measure", code);

    public string Status(string code) => Label("status", code);

    public string HotStatus(string code) => Label("hot", code);

    public string Theme(string code) => Label("theme", code);

    /// <summary>
    /// A measure as people name it: the start of its description (up to the first comma, colon, bracket or full stop, at
    /// most about 70 letters), else its type; never the register's id.
    /// </summary>
    public string MeasureName(string type, string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return MeasureType(type);
        }

        var text = description.Trim();
        var cut = text.IndexOfAny([',', ':', '(', '.', ';']);
        text = (cut > 10 ? text[..cut] : text).Trim();
        if (text.Length > 70)
        {
            var space = text.LastIndexOf(' ', 68);
            text = (space > 20 ? text[..space] : text[..68]) + " …";
        }

        return text;
    }

    public string Kind(string code) => Label("kind", code);

    public string Num(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Swedish ? SwedishNumbers : CultureInfo.InvariantCulture);

    /// <summary>A count, or for one the public version hides (under the smallest count shown, or one that would let a small count be worked out) "dolt".</summary>
    public string Count(long? value, int minCount) => value is { } v ? Num(v, 0) : T("dolt", "hidden");

    public string Month(DateOnly month) => Swedish
        ? month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("sv-SE")).Replace(".", "", StringComparison.Ordinal)
        : month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static readonly string[] WeekdaysSv = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];

    public static readonly string[] WeekdaysEn = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public string Weekday(int index) => Swedish ? WeekdaysSv[index] : WeekdaysEn[index];

    public string Interval(double low, double high) => double.IsPositiveInfinity(high)
        ? T($"{Num(low, 2)}–∞", $"{Num(low, 2)}–∞")
        : $"{Num(low, 2)}–{Num(high, 2)}";
}
