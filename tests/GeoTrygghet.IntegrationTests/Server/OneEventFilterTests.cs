using System.Globalization;
using System.Text.Json;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Data.Analysis;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// One event filter, one translation into SQL: the same period, category, source and hours give the same events through
/// every reader — the analyses' loader, the OGC pages (the tiles' filter), the overlay — and agree with SQL written
/// here by hand, the local hour taken by PostgreSQL's own time zone rules.
/// </summary>
public sealed class OneEventFilterTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Theory]
    [InlineData("2024-01-01", "2024-06-30", "violence", "18-6")]
    [InlineData("2023-03-20", "2023-04-02", null, "8-17")]
    [InlineData("2022-10-29", "2022-10-31", null, null)]
    public async Task Every_reader_of_events_takes_the_same_events_for_a_filter(string from, string to, string? category, string? hours)
    {
        var hourRange = hours is null ? ((int, int)?)null : EventFilter.ParseHours(hours);
        var hourSql = hourRange is var (h0, h1)
            ? h0 < h1
                ? FormattableString.Invariant($"AND extract(hour FROM time_from AT TIME ZONE 'Europe/Stockholm') BETWEEN {h0} AND {h1 - 1}")
                : FormattableString.Invariant($"AND NOT extract(hour FROM time_from AT TIME ZONE 'Europe/Stockholm') BETWEEN {h1} AND {h0 - 1}")
            : string.Empty;
        var expected = service.Db.Scalar($"""
            SELECT count(*) FROM incidents
            WHERE (time_from AT TIME ZONE 'Europe/Stockholm')::date BETWEEN '{from}' AND '{to}'
              {(category is null ? string.Empty : $"AND (category_group = '{category}' OR category = '{category}')")} {hourSql}
            """);
        Assert.True(expected > 0, "the case selects some events");

        var filter = new EventFilter(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), category is null ? null : [category], Hours: hourRange);
        Assert.Equal(expected, PointSource.Load(service.Db.ConnectionString, filter).Count);

        var query = $"from={from}&to={to}{(category is null ? string.Empty : $"&category={category}")}{(hours is null ? string.Empty : $"&hours={hours}")}";
        using var page = JsonDocument.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/ogc/collections/incidents/items?{query}&limit=10000"));
        Assert.Equal(expected, page.RootElement.GetProperty("numberReturned").GetInt64());

        using var areas = JsonDocument.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/overlay/areas?areas=all&{query}"));
        Assert.Equal(expected, areas.RootElement.GetProperty("events").GetInt64());
    }
}
