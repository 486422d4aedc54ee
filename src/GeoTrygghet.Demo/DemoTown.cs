using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Precision;

namespace GeoTrygghet.Demo;

/// <summary>
/// The street network, blocks, park, dark path and areas of the synthetic town, in EPSG:3006 metres.
/// Geometry is laid out in local metres around the centre (u east, v north) and rounded to 0.01 m
/// once, when a coordinate is made, so that street ends that should meet share exactly the same
/// vertex. Blocks are the faces of the noded street network, inset from the centrelines. Nothing here
/// is random: the town is the same for every seed; the seed varies what happens in it.
/// </summary>
internal sealed class DemoTown
{
    public const double CentreE = 556033;
    public const double CentreN = 6597260;
    public const double HalfSize = 1500;
    public const double PathCorridorHalfWidth = 15;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 3006);

    // Seeds: a local point inside each face of the skeleton network.
    private static readonly (double U, double V) ParkSeed = (250, 500), SquareSeed = (0, 0), BusStationSeed = (300, -140);
    private static readonly (double U, double V) NorthWest = (-800, 600), SouthWest = (-800, -700), Nygard = (450, 1000), East = (1000, 300), SouthEast = (700, -700);

    private static readonly Wave ParkvagenWave = new(670, 15, 600, 100);

    private static readonly string[] Birds =
    [
        "Lärkvägen", "Trastvägen", "Finkvägen", "Svalvägen", "Sparvvägen", "Mesvägen", "Hägervägen", "Tranvägen", "Duvvägen", "Måsvägen",
        "Vipvägen", "Orrvägen", "Tjädervägen", "Ripvägen", "Ugglevägen", "Göktitavägen", "Domherrevägen", "Rödhakevägen", "Nötväckevägen", "Hackspettsvägen",
        "Starvägen", "Siskvägen", "Kajvägen", "Korpvägen", "Kråkvägen", "Skatvägen", "Svanvägen", "Gåsvägen", "Ejdervägen", "Lomvägen",
        "Beckasinvägen", "Spovvägen", "Kärrhöksvägen", "Falkvägen", "Örnvägen", "Hökvägen", "Glentevägen", "Vråkvägen", "Gökvägen", "Gärdsmygvägen",
        "Lärkgränd", "Trastgränd", "Finkgränd", "Svalgränd", "Sparvgränd", "Mesgränd", "Hägergränd", "Trangränd", "Duvgränd", "Måsgränd",
        "Vipgränd", "Orrgränd", "Ripgränd", "Ugglegränd", "Stargränd", "Kajgränd", "Korpgränd", "Skatgränd", "Svangränd", "Falkgränd",
    ];

    private static readonly string[] Trees =
    [
        "Björkvägen", "Lönnvägen", "Askvägen", "Ekvägen", "Almvägen", "Rönnvägen", "Hasselvägen", "Lindvägen", "Aspvägen", "Sälgvägen",
        "Oxelvägen", "Tallvägen", "Granvägen", "Envägen", "Pilvägen", "Poppelvägen", "Bokvägen", "Kastanjevägen", "Björkgränd", "Lönngränd",
        "Askgränd", "Ekgränd", "Almgränd", "Rönngränd", "Hasselgränd", "Lindgränd", "Aspgränd", "Sälggränd", "Oxelgränd", "Tallgränd",
        "Grangränd", "Engränd", "Pilgränd", "Poppelgränd", "Bokgränd", "Kastanjegränd", "Häggvägen", "Idegransvägen", "Lärkträdsvägen", "Vidjevägen",
    ];

    private static readonly string[] Flowers =
    [
        "Blåklintsvägen", "Prästkragevägen", "Vallmovägen", "Klövervägen", "Liljevägen", "Rosenvägen", "Tulpanvägen", "Violvägen", "Syrenvägen", "Nejlikevägen",
        "Smörblommevägen", "Kabbelekevägen", "Gullvivevägen", "Vitsippsvägen", "Blåsippsvägen", "Ljungvägen", "Kaprifolvägen", "Pionvägen", "Solrosvägen", "Ringblomsvägen",
        "Lupinvägen", "Aklejavägen", "Hyacintvägen", "Krokusvägen", "Narcissvägen", "Pensévägen", "Lavendelvägen", "Blåklintsgränd", "Prästkragegränd", "Vallmogränd",
        "Klövergränd", "Liljegränd", "Rosengränd", "Tulpangränd", "Violgränd", "Syrengränd", "Nejlikegränd", "Gullvivegränd", "Vitsippsgränd", "Blåsippsgränd",
        "Ljunggränd", "Piongränd", "Solrosgränd", "Lupingränd", "Krokusgränd", "Lavendelgränd", "Kaprifolgränd", "Aklejagränd", "Hyacintgränd", "Narcissgränd",
        "Mandelblomsvägen", "Backsippsvägen", "Styvmorsviolsvägen", "Förgätmigejvägen", "Kornvallmovägen", "Linnévägen", "Rosmarinvägen", "Timjansvägen", "Salviavägen", "Myntavägen",
    ];

    private static readonly string[] Kvarter =
    [
        "Kv. Oxen", "Kv. Hjorten", "Kv. Räven", "Kv. Björnen", "Kv. Vargen", "Kv. Lodjuret", "Kv. Haren", "Kv. Ekorren",
        "Kv. Bävern", "Kv. Uttern", "Kv. Grävlingen", "Kv. Älgen", "Kv. Rådjuret", "Kv. Mården", "Kv. Igelkotten", "Kv. Falken",
        "Kv. Örnen", "Kv. Svanen", "Kv. Tranan", "Kv. Ugglan", "Kv. Duvan", "Kv. Korpen", "Kv. Kråkan", "Kv. Skatan",
    ];

    private readonly List<DemoStreet> _streets = [];
    private readonly Dictionary<string, Polygon> _skeletonFaces = new(StringComparer.Ordinal);

    public DemoTown()
    {
        var ring = Ring();
        var ringPolygon = Factory.CreatePolygon(ring.Coordinates);
        AddStreet("Ringvägen", StreetClass.Ring, ring);
        BuildAxesAndCentre(ringPolygon);
        BuildSkeletonFaces();
        BuildFills();
        Path = BuildPath();
        PathCorridor = (Polygon)Reduce(Path.Buffer(PathCorridorHalfWidth, new BufferParameters { EndCapStyle = EndCapStyle.Flat }));
        BuildBlocks();
        Pond = Ellipse(-60, 520, 70, 45);
        Areas = BuildAreas();
    }

    public static Envelope Bounds { get; } = new(CentreE - HalfSize, CentreE + HalfSize, CentreN - HalfSize, CentreN + HalfSize);

    public IReadOnlyList<DemoStreet> Streets => _streets;

    public LineString Path { get; }

    public Polygon PathCorridor { get; }

    public Polygon Park { get; private set; } = Polygon.Empty;

    public Polygon Square { get; private set; } = Polygon.Empty;

    public Polygon Pond { get; }

    public IReadOnlyList<DemoPolygon> Blocks { get; private set; } = [];

    public IReadOnlyList<DemoArea> Areas { get; }

    public static Coordinate W(double u, double v) => new(Math.Round(CentreE + u, 2), Math.Round(CentreN + v, 2));

    public static Point P(double u, double v) => Factory.CreatePoint(W(u, v));

    public static (double U, double V) Local(Coordinate c) => (c.X - CentreE, c.Y - CentreN);

    public static double Parkvagen(double u) => ParkvagenWave.At(u);

    /// <summary>Is the point inside the town's 3 × 3 km square (edges included)?</summary>
    public static bool InBounds(double x, double y) => Bounds.Covers(x, y);

    public static Polygon Ellipse(double u, double v, double ru, double rv, int points = 48)
    {
        var coords = new Coordinate[points + 1];
        for (var i = 0; i < points; i++)
        {
            var a = 2 * Math.PI * i / points;
            coords[i] = W(u + ru * Math.Cos(a), v + rv * Math.Sin(a));
        }

        coords[points] = coords[0].Copy();
        return Factory.CreatePolygon(coords);
    }

    public static Polygon Local(params (double U, double V)[] ring)
    {
        var coords = ring.Select(p => W(p.U, p.V)).Append(W(ring[0].U, ring[0].V)).ToArray();
        return Factory.CreatePolygon(coords);
    }

    public static Geometry Reduce(Geometry g) => GeometryPrecisionReducer.Reduce(g, new PrecisionModel(100));

    private static IEnumerable<double> Steps(double from, double to, double step = 10)
    {
        var lo = Math.Min(from, to);
        var hi = Math.Max(from, to);
        var list = new List<double> { lo };
        for (var k = (long)Math.Floor(lo / step) + 1; k * step < hi; k++)
        {
            if (k * step > lo)
            {
                list.Add(k * step);
            }
        }

        list.Add(hi);
        if (from > to)
        {
            list.Reverse();
        }

        return list;
    }

    private static Coordinate OnWave(bool northSouth, Wave wave, double s) => northSouth ? W(wave.At(s), s) : W(s, wave.At(s));

    private static LineString WaveLine(bool northSouth, Wave wave, double from, double to) =>
        Factory.CreateLineString(Steps(from, to).Select(s => OnWave(northSouth, wave, s)).ToArray());

    private static LineString Segment(double u0, double v0, double u1, double v1) => Factory.CreateLineString([W(u0, v0), W(u1, v1)]);

    // A rounded square (half-size 1,400 m, corner radius 450 m): a bypass around the built-up area.
    private static LineString Ring()
    {
        const double half = 1400, radius = 450, inner = half - radius;
        var coords = new List<Coordinate>();
        void Side(double u0, double v0, double u1, double v1)
        {
            var length = Math.Max(Math.Abs(u1 - u0), Math.Abs(v1 - v0));
            for (var d = 0.0; d < length; d += 50)
            {
                coords.Add(W(u0 + (u1 - u0) * d / length, v0 + (v1 - v0) * d / length));
            }
        }

        void Arc(double cu, double cv, double fromDeg)
        {
            for (var a = 0; a < 90; a += 5)
            {
                var rad = (fromDeg + a) * Math.PI / 180;
                coords.Add(W(cu + radius * Math.Cos(rad), cv + radius * Math.Sin(rad)));
            }
        }

        Side(half, -inner, half, inner);
        Arc(inner, inner, 0);
        Side(inner, half, -inner, half);
        Arc(-inner, inner, 90);
        Side(-half, inner, -half, -inner);
        Arc(-inner, -inner, 180);
        Side(-inner, -half, inner, -half);
        Arc(inner, -inner, 270);
        coords.Add(coords[0].Copy());
        return Factory.CreateLineString(coords.ToArray());
    }

    private static double Ease(double t) => (1 - Math.Cos(Math.PI * Math.Clamp(t, 0, 1))) / 2;

    // The east-west through road: straight Storgatan in the grid, bending gently outside it.
    private static double MainRoad(double u) => u switch
    {
        < -375 => -70 + 40 * Ease((-375 - u) / 1125),
        > 375 => -70 - 50 * Ease((u - 375) / 1125),
        _ => -70,
    };

    private void AddStreet(string name, StreetClass streetClass, LineString line) =>
        _streets.Add(new DemoStreet("S" + (_streets.Count + 1).ToString("000", CultureInfo.InvariantCulture), name, streetClass, line));

    private void BuildAxesAndCentre(Polygon ringPolygon)
    {
        LineString Main(double from, double to) => Factory.CreateLineString(Steps(from, to).Select(u => W(u, MainRoad(u))).ToArray());
        AddStreet("Arbogavägen", StreetClass.Main, Main(-1500, -375));
        AddStreet("Storgatan", StreetClass.Centre, Main(-375, 375));
        AddStreet("Västeråsvägen", StreetClass.Main, Main(375, 1500));
        AddStreet("Mälarvägen", StreetClass.Main, Segment(-225, -1500, -225, -350));
        AddStreet("Kungsgatan", StreetClass.Centre, Segment(-225, -350, -225, 350));
        AddStreet("Skogsvägen", StreetClass.Main, Segment(-225, 350, -225, 1500));

        (double U, string Name)[] northSouth = [(-375, "Västra Långgatan"), (-75, "Torggatan"), (75, "Kyrkogatan"), (225, "Drottninggatan"), (375, "Östra Långgatan")];
        foreach (var (u, name) in northSouth)
        {
            AddStreet(name, StreetClass.Centre, Segment(u, -350, u, 350));
        }

        (double V, string Name)[] eastWest = [(-350, "Järnvägsgatan"), (-210, "Skolgatan"), (70, "Nygatan"), (210, "Hantverkargatan")];
        foreach (var (v, name) in eastWest)
        {
            AddStreet(name, StreetClass.Centre, Segment(-375, v, 375, v));
        }

        // Parkgatan runs on east of the grid to Parkallén, closing the park on the south.
        AddStreet("Parkgatan", StreetClass.Centre, Factory.CreateLineString([W(-375, 350), W(375, 350), W(720, 350)]));
        AddStreet("Parkallén", StreetClass.Residential, Segment(720, 350, 720, Parkvagen(720)));
        var parkvagen = WaveLine(false, ParkvagenWave, -225, 1500).Intersection(ringPolygon.Buffer(2));
        AddStreet("Parkvägen", StreetClass.Residential, RoundLine((LineString)parkvagen.GetGeometryN(0)));
    }

    private static LineString RoundLine(LineString line) =>
        Factory.CreateLineString(line.Coordinates.Select(c => new Coordinate(Math.Round(c.X, 2), Math.Round(c.Y, 2))).ToArray());

    private static List<Polygon> Faces(IEnumerable<LineString> lines)
    {
        var noded = Factory.CreateMultiLineString(lines.ToArray()).Union();
        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);
        return polygonizer.GetPolygons().Cast<Polygon>().ToList();
    }

    private static Polygon FaceAt(IEnumerable<Polygon> faces, (double U, double V) seed)
    {
        var point = P(seed.U, seed.V);
        return faces.First(f => f.Contains(point));
    }

    private void BuildSkeletonFaces()
    {
        var faces = Faces(_streets.Select(s => s.Line));
        (string Key, (double, double) Seed)[] seeds =
        [
            ("park", ParkSeed), ("nw", NorthWest), ("sw", SouthWest), ("nygard", Nygard), ("east", East), ("se", SouthEast),
        ];
        foreach (var (key, seed) in seeds)
        {
            _skeletonFaces[key] = FaceAt(faces, seed);
        }
    }

    private sealed record FillLine(Wave Wave, double From = -1500, double To = 1500, bool Virtual = false);

    // Each residential quarter is filled with gently waving parallel streets and staggered cross
    // streets between neighbours; "virtual" lines are existing roads that only anchor cross streets.
    private void BuildFills()
    {
        var names = new Queue<string>(Birds);
        Fill(["nw", "sw"], northSouth: true, crossSpacing: 290, names,
        [
            new(new Wave(-225), Virtual: true),
            new(new Wave(-350, 18, 620, 0)),
            new(new Wave(-570, 20, 700, 150)),
            new(new Wave(-790, 18, 620, 310)),
            new(new Wave(-1010, 22, 760, 460)),
            new(new Wave(-1230, 18, 620, 90)),
            new(new Wave(-1600), Virtual: true),
        ]);

        names = new Queue<string>(Trees);
        Fill(["nygard"], northSouth: false, crossSpacing: 240, names,
        [
            new(ParkvagenWave, Virtual: true),
            new(new Wave(835, 25, 700, 0)),
            new(new Wave(1000, 35, 900, 150)),
            new(new Wave(1165, 25, 650, 300)),
            new(new Wave(1330, 20, 700, 50)),
            new(new Wave(1600), Virtual: true),
        ], specialName: (2, "Nygårdsvägen"));

        names = new Queue<string>(Flowers);
        Fill(["east", "se"], northSouth: true, crossSpacing: 270, names,
        [
            new(new Wave(-225), Virtual: true),
            new(new Wave(-40, 15, 540, 0)),
            new(new Wave(150, 15, 540, 135)),
            new(new Wave(340, 15, 540, 270)),
            new(new Wave(530, 15, 540, 405)),
            new(new Wave(710), To: 352),
            new(new Wave(910, 15, 540, 60)),
            new(new Wave(1130, 18, 600, 200)),
            new(new Wave(1600), Virtual: true),
        ]);
    }

    private void Fill(string[] faceKeys, bool northSouth, double crossSpacing, Queue<string> names, FillLine[] lines, (int Index, string Name)? specialName = null)
    {
        var region = Factory.CreateGeometryCollection(faceKeys.Select(k => (Geometry)_skeletonFaces[k]).ToArray()).Union().Buffer(2);
        string NextName() => names.Count > 0 ? names.Dequeue() : "Tvärgatan";

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Virtual)
            {
                continue;
            }

            var name = specialName is { } special && special.Index == i ? special.Name : NextName();
            foreach (var part in Clip(WaveLine(northSouth, line.Wave, line.From, line.To), region, 60))
            {
                AddStreet(name, StreetClass.Residential, part);
            }
        }

        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var (a, b) = (lines[i], lines[i + 1]);
            var from = Math.Max(a.From, b.From);
            var to = Math.Min(a.To, b.To);
            var offset = i % 2 == 0 ? 0 : crossSpacing / 2;
            for (var s = Math.Ceiling((from + offset + 60) / crossSpacing) * crossSpacing - offset; s < to - 60; s += crossSpacing)
            {
                var at = Math.Round(s / 10) * 10;
                var cross = Factory.CreateLineString([OnWave(northSouth, a.Wave, at), OnWave(northSouth, b.Wave, at)]);
                var parts = Clip(cross, region, 40).ToList();
                if (parts.Count > 0)
                {
                    var name = NextName();
                    foreach (var part in parts)
                    {
                        AddStreet(name, StreetClass.Residential, part);
                    }
                }
            }
        }
    }

    private static IEnumerable<LineString> Clip(LineString line, Geometry region, double minLength)
    {
        var clipped = line.Intersection(region);
        for (var i = 0; i < clipped.NumGeometries; i++)
        {
            if (clipped.GetGeometryN(i) is LineString part && part.Length >= minLength)
            {
                yield return RoundLine(part);
            }
        }
    }

    // Parkstigen: a footpath from the end of Kyrkogatan through the park to Parkvägen, the short cut
    // between the centre and Nygård; a cubic Bézier curve.
    private static LineString BuildPath()
    {
        (double U, double V) p0 = (75, 350), p1 = (75, 480), p2 = (330, 560), p3 = (560, Parkvagen(560));
        var coords = new Coordinate[61];
        for (var i = 0; i <= 60; i++)
        {
            var t = i / 60.0;
            var a = (1 - t) * (1 - t) * (1 - t);
            var b = 3 * (1 - t) * (1 - t) * t;
            var c = 3 * (1 - t) * t * t;
            var d = t * t * t;
            coords[i] = W(a * p0.U + b * p1.U + c * p2.U + d * p3.U, a * p0.V + b * p1.V + c * p2.V + d * p3.V);
        }

        return Factory.CreateLineString(coords);
    }

    private void BuildBlocks()
    {
        var faces = Faces(_streets.Select(s => s.Line));
        var park = FaceAt(faces, ParkSeed);
        var square = FaceAt(faces, SquareSeed);
        var busStation = FaceAt(faces, BusStationSeed);
        Park = Largest(park.Buffer(-8));
        Square = Largest(square.Buffer(-6));

        var centre = Local((-375, -350), (375, -350), (375, 350), (-375, 350));
        var parts = new List<(Polygon Polygon, string? Name, bool Centre)>();
        foreach (var face in faces)
        {
            if (ReferenceEquals(face, park) || ReferenceEquals(face, square))
            {
                continue;
            }

            var name = ReferenceEquals(face, busStation) ? "Busstationen" : null;
            var inCentre = centre.Contains(face.InteriorPoint);
            var inset = Reduce(face.Buffer(-7));
            for (var i = 0; i < inset.NumGeometries; i++)
            {
                if (inset.GetGeometryN(i) is Polygon polygon && polygon.Area >= 600)
                {
                    parts.Add((polygon, name, inCentre));
                }
            }
        }

        // Reading order (north to south, west to east) gives stable, findable ids.
        var ordered = parts
            .Select(p => (p.Polygon, p.Name, p.Centre, At: p.Polygon.InteriorPoint.Coordinate))
            .OrderByDescending(p => Math.Round(p.At.Y / 50))
            .ThenBy(p => p.At.X)
            .ToList();
        var blocks = new List<DemoPolygon>();
        var kvarter = 0;
        foreach (var (polygon, name, inCentre, _) in ordered)
        {
            var blockName = name ?? (inCentre && kvarter < Kvarter.Length ? Kvarter[kvarter++] : null);
            blocks.Add(new DemoPolygon("B" + (blocks.Count + 1).ToString("000", CultureInfo.InvariantCulture), "block", blockName, polygon));
        }

        Blocks = blocks;
    }

    private static Polygon Largest(Geometry g) =>
        (Polygon)Reduce(Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OrderByDescending(x => x.Area).First());

    private List<DemoArea> BuildAreas()
    {
        Geometry Union(params string[] keys) =>
            Reduce(Factory.CreateGeometryCollection(keys.Select(k => (Geometry)_skeletonFaces[k]).ToArray()).Union());

        var centrum = Local((-260, -240), (440, -240), (440, 40), (180, 230), (-160, 230), (-260, 120));
        var nygard = Reduce(_skeletonFaces["nygard"].Intersection(Local((-225, 600), (1050, 600), (1050, 1350), (-225, 1350))));
        return
        [
            new("A01", "Centrum", "focus_area", 2024, centrum),
            new("A02", "Nygård", "focus_area", 2024, nygard),
            new("A03", "Innerstaden", "district", null, Local((-375, -350), (375, -350), (375, 350), (-375, 350))),
            new("A04", "Norra staden", "district", null, Union("park", "nygard")),
            new("A05", "Östra staden", "district", null, Union("east")),
            new("A06", "Södra staden", "district", null, Union("se")),
            new("A07", "Västra staden", "district", null, Union("nw", "sw")),
        ];
    }

    /// <summary>The point at a distance along the path, moved sideways by an offset (left positive).</summary>
    public Coordinate OnPath(double along, double offset)
    {
        var c = new LengthIndexedLine(Path).ExtractPoint(along, offset);
        return new Coordinate(Math.Round(c.X, 2), Math.Round(c.Y, 2));
    }
}
