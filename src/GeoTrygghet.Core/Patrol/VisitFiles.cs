using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Readers;
using GeoTrygghet.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Patrol;

/// <summary>A visit read from a file, in the analysis CRS, with a stable id for idempotent import.</summary>
public sealed record VisitRecord(string ExternalId, string Patrol, string? Hotspot, double X, double Y, DateTimeOffset Arrive, DateTimeOffset Depart);

/// <summary>
/// Visits actually made, from the files patrols bring back: GPX 1.0/1.1 tracks (a visit wherever the track stood
/// still, <see cref="DwellDetector"/>; the track's name is the patrol) or a CSV of check-ins with the columns
/// <c>patrol</c>, <c>arrive</c>, <c>depart</c>, a position (<c>lon</c>,<c>lat</c> in WGS 84 or <c>x</c>,<c>y</c> in the
/// analysis CRS) and optionally <c>id</c> and <c>hotspot</c>. A bad row stops the whole file with its row, line and
/// field (<see cref="VisitRowException"/>, so the command can exit 1 as an import with rejected rows does).
/// </summary>
public static class VisitFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static List<VisitRecord> ReadGpx(string path, int srid, double radius, double minMinutes)
    {
        var toSrid = new GeometryReprojector(4326, srid);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var tracks = new List<(string Name, List<(double X, double Y, DateTimeOffset Time)> Points)>();
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true }))
        {
            string? name = null;
            List<(double, double, DateTimeOffset)>? points = null;
            double? lat = null, lon = null;
            var inPoint = false;
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        switch (reader.LocalName)
                        {
                            case "trk":
                                name = $"track {tracks.Count + 1}";
                                points = [];
                                break;
                            case "name" when points is not null && !inPoint && points.Count == 0:
                                name = reader.ReadElementContentAsString().Trim();
                                break;
                            case "trkpt":
                                inPoint = true;
                                lat = Number(reader.GetAttribute("lat"), path, reader, "lat");
                                lon = Number(reader.GetAttribute("lon"), path, reader, "lon");
                                break;
                            case "time" when inPoint:
                                var text = reader.ReadElementContentAsString().Trim();
                                if (!DateTimeOffset.TryParse(text, Inv, DateTimeStyles.AssumeUniversal, out var t))
                                {
                                    throw new ImportFormatException(path, $"line {((IXmlLineInfo)reader).LineNumber}, field time: '{text}' is not an ISO 8601 time");
                                }

                                var p = toSrid.Transform(factory.CreatePoint(new Coordinate(lon!.Value, lat!.Value))).Coordinate;
                                points!.Add((p.X, p.Y, t));
                                break;
                        }
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "trkpt")
                    {
                        inPoint = false;
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "trk" && points is not null)
                    {
                        tracks.Add((name!, points));
                        points = null;
                    }
                }
            }
            catch (XmlException e)
            {
                throw new ImportFormatException(path, $"not well-formed XML at line {e.LineNumber}: {e.Message}");
            }
        }

        if (tracks.Count == 0 || tracks.All(t => t.Points.Count == 0))
        {
            throw new ImportFormatException(path, "has no track points with times (<trk><trkseg><trkpt lat lon><time>)");
        }

        var visits = new List<VisitRecord>();
        foreach (var (name, points) in tracks)
        {
            foreach (var stay in DwellDetector.Find(points.OrderBy(p => p.Time).ToList(), radius, minMinutes))
            {
                visits.Add(new VisitRecord(Hash($"{name}|{stay.Arrive.UtcTicks}"), name, null, stay.X, stay.Y, stay.Arrive, stay.Depart));
            }
        }

        return visits;
    }

    public static List<VisitRecord> ReadCsv(string path, int srid)
    {
        using var reader = new CsvRecordReader(path);
        var columns = reader.Columns.ToHashSet(StringComparer.Ordinal);
        var degrees = columns.Contains("lon") && columns.Contains("lat");
        if (!degrees && !(columns.Contains("x") && columns.Contains("y")))
        {
            throw new ImportFormatException(path, $"needs the columns patrol, arrive, depart and lon,lat or x,y; it has {string.Join(", ", reader.Columns)}");
        }

        foreach (var required in new[] { "patrol", "arrive", "depart" })
        {
            if (!columns.Contains(required))
            {
                throw new ImportFormatException(path, $"has no column '{required}' (needed: patrol, arrive, depart and lon,lat or x,y)");
            }
        }

        var toSrid = new GeometryReprojector(4326, srid);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var visits = new List<VisitRecord>();
        foreach (var record in reader.Read())
        {
            string Field(string name) => record.Values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
                ? v.Trim()
                : throw new VisitRowException(path, $"row {record.Row} ({record.Location}), field {name}: missing");
            DateTimeOffset Time(string name)
            {
                var text = Field(name);
                return StockholmTime.TryParse(text, out var utc, out var error) == StockholmTime.Outcome.Invalid
                    ? throw new VisitRowException(path, $"row {record.Row} ({record.Location}), field {name}: '{text}' is not an ISO 8601 time ({error})")
                    : utc;
            }

            double Coordinate(string name) => double.TryParse(Field(name), NumberStyles.Float, Inv, out var v) && double.IsFinite(v)
                ? v
                : throw new VisitRowException(path, $"row {record.Row} ({record.Location}), field {name}: '{Field(name)}' is not a number");

            var (a, b) = degrees ? (Coordinate("lon"), Coordinate("lat")) : (Coordinate("x"), Coordinate("y"));
            if (degrees && (Math.Abs(a) > 180 || Math.Abs(b) > 90))
            {
                throw new VisitRowException(path, $"row {record.Row} ({record.Location}), field lon/lat: ({a}, {b}) are not degrees");
            }

            var position = degrees ? toSrid.Transform(factory.CreatePoint(new Coordinate(a, b))).Coordinate : new Coordinate(a, b);
            var arrive = Time("arrive");
            var depart = Time("depart");
            if (depart <= arrive)
            {
                throw new VisitRowException(path, $"row {record.Row} ({record.Location}), field depart: not after arrive");
            }

            var patrol = Field("patrol");
            var id = record.Values.TryGetValue("id", out var given) && !string.IsNullOrWhiteSpace(given) ? given.Trim() : Hash($"{patrol}|{arrive.UtcTicks}|{position.X:F1}|{position.Y:F1}");
            var hotspot = record.Values.TryGetValue("hotspot", out var h) && !string.IsNullOrWhiteSpace(h) ? h.Trim() : null;
            visits.Add(new VisitRecord(id, patrol, hotspot, position.X, position.Y, arrive, depart));
        }

        return visits;
    }

    private static double Number(string? text, string path, XmlReader reader, string name) =>
        double.TryParse(text, NumberStyles.Float, Inv, out var v) && double.IsFinite(v)
            ? v
            : throw new ImportFormatException(path, $"line {((IXmlLineInfo)reader).LineNumber}, field {name}: '{text}' is not a number");

    private static string Hash(string text) => "h:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
}

/// <summary>A check-in row that cannot be used: the file, row, line and field, and why.</summary>
public sealed class VisitRowException(string path, string message) : Exception($"{path}: {message}");
