namespace GeoTrygghet.Analysis.Lighting;

/// <summary>
/// How far a street lamp lights the ground, from its mounting height and light output. The lamp is taken as
/// a point source at height h sending its flux Φ evenly into the lower hemisphere (intensity I = Φ/2π cd);
/// by the inverse-square and cosine laws the horizontal illuminance at ground distance d is
/// E(d) = I·h/(h² + d²)^(3/2). The lit radius is where E falls to the threshold, by default 0.4 lx — the
/// minimum point illuminance of the lowest pedestrian class, P6, of EN 13201-2 (SS-EN 13201-2:2015).
/// Output is the lumen figure when known, else watts times the lamp type's typical efficacy; the radius is
/// capped at four mounting heights, beyond which the light comes at grazing angles. With neither output nor
/// height the documented default radius is used. A simple, stated model: real optics throw light along the
/// street more than across it.
/// </summary>
public static class LitRadius
{
    public const double DefaultThresholdLux = 0.4;
    public const double DefaultRadiusMetres = 15;
    public const double DefaultHeightMetres = 6;
    public const double CapInHeights = 4;

    /// <summary>Typical luminous efficacy, lumen per watt, of the lamp types in Swedish registers.</summary>
    public static double Efficacy(string? lampType) => (lampType ?? string.Empty).Trim().ToUpperInvariant() switch
    {
        "LED" => 100,
        "HPS" or "NATRIUM" or "SON" or "HÖGTRYCKSNATRIUM" => 90,
        "MH" or "METALLHALOGEN" or "CDM" => 80,
        "CFL" or "LYSRÖR" or "KOMPAKTLYSRÖR" => 60,
        "HG" or "HQL" or "KVICKSILVER" => 45,
        _ => 70,
    };

    public static double Metres(double? heightMetres, double? lumen, double? watt, string? lampType, double thresholdLux = DefaultThresholdLux)
    {
        var flux = lumen is > 0 ? lumen.Value : watt is > 0 ? watt.Value * Efficacy(lampType) : 0;
        if (flux <= 0 && heightMetres is not > 0)
        {
            return DefaultRadiusMetres;
        }

        var h = heightMetres is > 0 ? heightMetres.Value : DefaultHeightMetres;
        if (flux <= 0)
        {
            return Math.Min(DefaultRadiusMetres, CapInHeights * h);
        }

        var intensity = flux / (2 * Math.PI);
        var reach = Math.Pow(intensity * h / thresholdLux, 2.0 / 3.0) - (h * h);
        return reach <= 0 ? 0 : Math.Min(Math.Sqrt(reach), CapInHeights * h);
    }

    /// <summary>The illuminance in lux on the ground at <paramref name="distance"/> metres from the foot of the lamp.</summary>
    public static double Lux(double heightMetres, double lumen, double distance) =>
        lumen / (2 * Math.PI) * heightMetres / Math.Pow((heightMetres * heightMetres) + (distance * distance), 1.5);
}
