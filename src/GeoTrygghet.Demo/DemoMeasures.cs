using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

internal sealed record DemoMeasure(
    string Id, string Type, DateOnly Start, DateOnly? End, string Description, IReadOnlyList<string> Assets, Geometry Geometry, string PlantedEffect);

/// <summary>
/// The measures of the period: the planted lighting measure on Parkstigen, and three others without
/// any planted effect, so that an analysis also meets measures where the right answer is "no change".
/// </summary>
internal static class DemoMeasures
{
    public static List<DemoMeasure> Build(DemoTown town, DemoPlan plan, IReadOnlyList<DemoLight> lights, IReadOnlyList<DemoCamera> cameras)
    {
        var newLights = lights.Where(l => l.Role == LightRole.NewPath).ToList();
        var oldLights = lights.Where(l => l.Role == LightRole.OldPath).ToList();
        var busCameras = cameras.Where(c => DemoCameras.BusStationIds.Contains(c.Id)).ToList();
        var coverage = DemoTown.Reduce(DemoTown.Factory.CreateGeometryCollection(busCameras.Select(c => (Geometry)c.Sector()).ToArray()).Union());
        return
        [
            new("M01", "lighting", plan.LightingDate, null,
                "Ny LED-belysning längs Parkstigen genom Stadsparken: " + DemoFormat.Int(newLights.Count)
                    + " armaturer på 4,5 m stolpar var 25:e meter. De " + DemoFormat.Int(oldLights.Count) + " gamla natriumarmaturerna monterades ned.",
                newLights.Select(l => "light:" + l.Id).ToList(), town.PathCorridor,
                "night-time incidents in the Parkstigen corridor fall by half; unsafe_place reports there by 70 %"),
            new("M02", "camera", plan.CameraDate, null,
                "Kamerabevakning av busstationen och Storgatans östra del, tre kameror (tillstånd IMY-2022-1883).",
                busCameras.Select(c => "camera:" + c.Id).ToList(), coverage, "none"),
            new("M03", "vegetation", plan.VegetationDate, null,
                "Röjning av buskage och sänkning av häckar längs gångstråket i Nygård för bättre sikt.",
                [], DemoTown.Local((540, 1080), (680, 1080), (680, 1140), (540, 1140)), "none"),
            new("M04", "presence", plan.PresenceStart, plan.End,
                "Förstärkt vuxennärvaro fredag och lördag kväll (fritidsledare och nattvandrare) vid fritidsgården i Södra staden.",
                [], DemoTown.Reduce(DemoTown.P(650, -650).Buffer(120, 16)), "none"),
        ];
    }
}
