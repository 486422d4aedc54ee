using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;

namespace GeoTrygghet.Tests.Import;

public sealed class FieldMappingTests
{
    private static readonly Dictionary<string, string> NoMap = [];

    [Fact]
    public void Lon_lat_and_longitude_latitude_are_recognised_as_x_and_y()
    {
        var a = FieldMapping.Build(ImportKind.Incidents, ["Longitude", "Latitude", "date"], NoMap, "f.csv");
        Assert.Equal("Longitude", a.ColumnFor("x"));
        Assert.Equal("Latitude", a.ColumnFor("y"));
        Assert.Equal("date", a.ColumnFor("time_from"));
    }

    [Fact]
    public void A_map_option_takes_any_column_and_unused_columns_are_reported()
    {
        var m = FieldMapping.Build(ImportKind.Incidents, ["Tid", "E", "N", "Brottstyp", "Handläggare"], new Dictionary<string, string> { ["time_from"] = "Tid" }, "f.csv");
        Assert.Equal("Tid", m.ColumnFor("time_from"));
        Assert.Equal("Brottstyp", m.ColumnFor("category"));
        Assert.Equal(["Handläggare"], m.UnusedColumns);
    }

    [Fact]
    public void A_map_to_an_unknown_field_or_a_missing_column_is_an_error_naming_both()
    {
        var e1 = Assert.Throws<ImportFormatException>(() => FieldMapping.Build(ImportKind.Incidents, ["a"], new Dictionary<string, string> { ["tme_from"] = "a" }, "f.csv"));
        Assert.Contains("tme_from", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ImportFormatException>(() => FieldMapping.Build(ImportKind.Incidents, ["a"], new Dictionary<string, string> { ["time_from"] = "Tid" }, "f.csv"));
        Assert.Contains("no column 'Tid'", e2.Message, StringComparison.Ordinal);
    }
}
