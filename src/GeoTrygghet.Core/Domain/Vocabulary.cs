namespace GeoTrygghet.Core.Domain;

/// <summary>
/// The closed word lists of the schema, with the Swedish words found in municipal registers and
/// reporting tools (Embrace exports, light registers) mapped onto them. Matching is case- and
/// accent-insensitive on the trimmed text.
/// </summary>
public static partial class Vocabulary
{
    public static readonly IReadOnlyList<string> ReportCategories =
        ["vandalism", "graffiti", "littering", "broken_light", "gathering", "unsafe_place", "other"];

    public static readonly IReadOnlyList<string> ReportKinds = ["est", "safety_walk"];

    public static readonly IReadOnlyList<string> LightStatuses = ["working", "out", "removed"];

    public static readonly IReadOnlyList<string> MeasureTypes =
        ["lighting", "camera", "vegetation", "presence", "neighbourhood_watch", "other"];

    public static readonly IReadOnlyList<string> AreaKinds = ["focus_area", "district", "survey_area"];

    /// <summary>Coarse groups of incidents, for maps and filters; the crime code and category are kept as given.</summary>
    public static readonly IReadOnlyList<string> IncidentGroups =
        ["violence", "robbery", "theft", "burglary", "vandalism", "drugs", "weapons", "disorder", "traffic", "fire", "other"];

    private static readonly Dictionary<string, string> ReportSynonyms = Synonyms(new()
    {
        ["vandalism"] = ["skadegörelse", "skadegorelse", "vandalisering"],
        ["graffiti"] = ["klotter", "tagg", "taggning"],
        ["littering"] = ["nedskräpning", "nedskrapning", "skräp", "litter"],
        ["broken_light"] = ["trasig belysning", "belysning", "släckt belysning", "broken light", "light out"],
        ["gathering"] = ["samling", "folksamling", "ungdomssamling", "gathering of people"],
        ["unsafe_place"] = ["otrygg plats", "otrygghet", "unsafe place", "otrygg"],
        ["other"] = ["övrigt", "ovrigt", "annat"],
    });

    private static readonly Dictionary<string, string> ReportKindSynonyms = Synonyms(new()
    {
        ["est"] = ["rapport", "report", "embrace"],
        ["safety_walk"] = ["trygghetsvandring", "safety walk", "walk"],
    });

    private static readonly Dictionary<string, string> LightStatusSynonyms = Synonyms(new()
    {
        ["working"] = ["ok", "fungerar", "tänd", "tand", "on", "in service", "i drift"],
        ["out"] = ["släckt", "slackt", "trasig", "ur funktion", "off", "broken", "fel"],
        ["removed"] = ["borttagen", "nedmonterad", "demonterad"],
    });

    private static readonly Dictionary<string, string> MeasureSynonyms = Synonyms(new()
    {
        ["lighting"] = ["belysning", "light", "lights"],
        ["camera"] = ["kamera", "kameraövervakning", "cctv", "cameras"],
        ["vegetation"] = ["röjning", "rojning", "vegetationsröjning", "clearing"],
        ["presence"] = ["närvaro", "narvaro", "patrol", "patrullering"],
        ["neighbourhood_watch"] = ["grannsamverkan", "neighborhood_watch", "neighbourhood watch"],
        ["other"] = ["övrigt", "annat"],
    });

    private static readonly Dictionary<string, string> AreaSynonyms = Synonyms(new()
    {
        ["focus_area"] = ["fokusområde", "fokusomrade", "focus"],
        ["district"] = ["stadsdel", "område", "omrade", "district"],
        ["survey_area"] = ["trygghetsundersökning", "survey"],
    });

    // Words looked for in the category or police event type, first match wins: so the more specific
    // come first (mordbrand before mord, rån before stöld). A word of five letters or more also matches
    // as the start of a longer word (stöld → stölder); shorter ones only whole (rån is not "från").
    private static readonly (string Group, string[] Words)[] IncidentKeywords =
    [
        ("fire", ["mordbrand", "brand", "fire", "arson"]),
        ("robbery", ["rån", "robbery", "väpnat rån"]),
        ("burglary", ["inbrott", "burglary", "bostadsinbrott"]),
        ("violence", ["misshandel", "assault", "battery", "mord", "dråp", "våld", "hot", "homicide", "knivskuren", "skottlossning", "våldtäkt", "sexualbrott"]),
        ("weapons", ["vapen", "vapenlagen", "knivlagen", "weapon"]),
        ("drugs", ["narkotika", "narkotikabrott", "drog", "droger", "drugs", "narcotics"]),
        ("theft", ["stöld", "stold", "theft", "snatteri", "tillgrepp", "stulet", "stulen"]),
        ("vandalism", ["skadegörelse", "skadegorelse", "vandalism", "klotter", "graffiti", "damage"]),
        ("traffic", ["trafik", "trafikolycka", "trafikbrott", "rattfylleri", "traffic", "olovlig"]),
        ("disorder", ["ordningsstörning", "fylleri", "bråk", "disorder", "störning", "berusad", "ofredande"]),
    ];

    public static string? NormalizeReportCategory(string text) => Lookup(ReportSynonyms, text);

    public static string? NormalizeReportKind(string text) => Lookup(ReportKindSynonyms, text);

    public static string? NormalizeLightStatus(string text) => Lookup(LightStatusSynonyms, text);

    public static string? NormalizeMeasureType(string text) => Lookup(MeasureSynonyms, text);

    public static string? NormalizeAreaKind(string text) => Lookup(AreaSynonyms, text);

    // Imports see the same few hundred category texts a million times: look each up once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> GroupCache = new(StringComparer.Ordinal);

    public static string IncidentGroupOf(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return "other";
        }

        return GroupCache.Count < 100_000 ? GroupCache.GetOrAdd(category, GroupOfUncached) : GroupOfUncached(category);
    }

    private static string GroupOfUncached(string category)
    {
        var text = category.Trim().ToLowerInvariant();
        if (IncidentGroups.Contains(text))
        {
            return text;
        }

        var tokens = WordSplit().Split(text).Where(t => t.Length > 0).ToArray();
        foreach (var (group, words) in IncidentKeywords)
        {
            foreach (var word in words)
            {
                if (word.Contains(' ', StringComparison.Ordinal)
                        ? text.Contains(word, StringComparison.Ordinal)
                        : tokens.Any(t => t == word || (word.Length >= 5 && t.StartsWith(word, StringComparison.Ordinal))))
                {
                    return group;
                }
            }
        }

        return "other";
    }

    private static Dictionary<string, string> Synonyms(Dictionary<string, string[]> byCanonical)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, words) in byCanonical)
        {
            map[Key(canonical)] = canonical;
            foreach (var word in words)
            {
                map[Key(word)] = canonical;
            }
        }

        return map;
    }

    private static string? Lookup(Dictionary<string, string> map, string text) =>
        map.TryGetValue(Key(text), out var canonical) ? canonical : null;

    // Case and accents folded (ö → o, å → a), so "Ovrigt" from a keyboard without Swedish letters matches.
    private static string Key(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c is '-' or ' ' ? '_' : c);
            }
        }

        return folded.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}]+")]
    private static partial System.Text.RegularExpressions.Regex WordSplit();
}
