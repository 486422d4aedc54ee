using GeoTrygghet.Core.Domain;

namespace GeoTrygghet.Tests.Import;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("Rån", "robbery")]
    [InlineData("Trafikolycka, smitning från", "traffic")] // "från" is not "rån"
    [InlineData("Olaga intrång", "other")]
    [InlineData("Mordbrand", "fire")]
    [InlineData("Misshandel, grov", "violence")]
    [InlineData("Stöld/inbrott", "burglary")]
    [InlineData("Skadegörelse", "vandalism")]
    [InlineData("Narkotikabrott", "drugs")]
    [InlineData("Hotell", "other")] // "hot" only as a whole word
    [InlineData("", "other")]
    public void Police_categories_fall_into_the_right_coarse_group(string category, string group) =>
        Assert.Equal(group, Vocabulary.IncidentGroupOf(category));

    [Theory]
    [InlineData("Klotter", "graffiti")]
    [InlineData("skadegörelse", "vandalism")]
    [InlineData("Trasig belysning", "broken_light")]
    [InlineData("broken-light", "broken_light")]
    [InlineData("Otrygg plats", "unsafe_place")]
    public void Swedish_report_categories_map_onto_the_schema(string text, string expected) =>
        Assert.Equal(expected, Vocabulary.NormalizeReportCategory(text));

    [Fact]
    public void An_unknown_report_category_is_not_guessed() => Assert.Null(Vocabulary.NormalizeReportCategory("Fågelholk"));

    [Fact]
    public void Words_match_without_their_accents_as_the_class_promises()
    {
        Assert.Equal("other", Vocabulary.NormalizeMeasureType("Ovrigt"));
        Assert.Equal("survey_area", Vocabulary.NormalizeAreaKind("trygghetsundersokning"));
        Assert.Equal("graffiti", Vocabulary.NormalizeReportCategory("KLOTTER"));
        Assert.Null(Vocabulary.NormalizeMeasureType("okänt"));
    }
}
