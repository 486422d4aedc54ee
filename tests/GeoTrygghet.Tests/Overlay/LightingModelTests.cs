using GeoTrygghet.Analysis.Lighting;
using GeoTrygghet.Core.Overlay;

namespace GeoTrygghet.Tests.Overlay;

/// <summary>The lit-radius model and a lamp's status history.</summary>
public sealed class LightingModelTests
{
    [Fact]
    public void The_lit_radius_is_where_the_illuminance_falls_to_the_threshold()
    {
        // 5,200 lm at 7 m: I = 827.6 cd; E(d) = I·h/(h²+d²)^1.5 = 0.4 lx at d = √((I·h/0.4)^(2/3) − h²) ≈ 23.35 m (by hand).
        var r = LitRadius.Metres(7, 5200, null, "LED");
        Assert.Equal(23.35, r, 2);
        Assert.Equal(LitRadius.DefaultThresholdLux, LitRadius.Lux(7, 5200, r), 9);
        Assert.True(LitRadius.Lux(7, 5200, r - 1) > LitRadius.DefaultThresholdLux);
        Assert.True(LitRadius.Metres(7, 5200, null, "LED", 2.0) < r, "a stricter threshold lights less ground");
    }

    [Fact]
    public void Watts_stand_in_for_lumen_by_the_lamp_types_efficacy_and_defaults_are_used_when_nothing_is_known()
    {
        Assert.Equal(LitRadius.Metres(5, 4500, null, null), LitRadius.Metres(5, null, 50, "HPS"), 9);
        Assert.Equal(LitRadius.DefaultRadiusMetres, LitRadius.Metres(null, null, null, null));
        Assert.Equal(3 * LitRadius.CapInHeights, LitRadius.Metres(3, 50_000, null, "LED"));
        Assert.Equal(Math.Min(LitRadius.DefaultRadiusMetres, 4 * 2.5), LitRadius.Metres(2.5, null, null, null));
    }

    [Fact]
    public void A_lamps_status_follows_its_history_by_day()
    {
        var lamp = new LightAsset("L1", 0, 0, 10,
        [
            new StatusPeriod("working", new DateOnly(2020, 1, 1), new DateOnly(2022, 3, 13)),
            new StatusPeriod("out", new DateOnly(2022, 3, 13), new DateOnly(2022, 4, 29)),
            new StatusPeriod("working", new DateOnly(2022, 4, 29), null),
        ]);
        Assert.Null(lamp.StatusOn(new DateOnly(2019, 12, 31)));
        Assert.Equal("working", lamp.StatusOn(new DateOnly(2022, 3, 12)));
        Assert.Equal("out", lamp.StatusOn(new DateOnly(2022, 3, 13)));
        Assert.Equal("out", lamp.StatusOn(new DateOnly(2022, 4, 28)));
        Assert.Equal("working", lamp.StatusOn(new DateOnly(2030, 1, 1)));
    }
}
