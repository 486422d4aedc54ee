using System.Globalization;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Time;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// Reads the fields of one record through the mapping and collects every problem as a
/// <see cref="RowError"/> instead of stopping at the first, so a rejected row tells all that is wrong.
/// Numbers use the invariant culture (a decimal point); a decimal comma is reported with a hint.
/// </summary>
public sealed class RecordContext
{
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
    private readonly FieldMapping _mapping;
    private readonly ImportSettings _settings;
    private readonly GeometryReprojector _reprojector;
    private readonly WKTReader _wktReader = new();
    private readonly WKTReader _closingWktReader = new() { FixStructure = true };
    private readonly Dictionary<int, GeometryReprojector> _reprojectorFrom = [];
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The note for a polygon ring whose first point was repeated at its end.</summary>
    public const string UnclosedRingNote = "repaired a polygon ring that was not closed by repeating its first point at the end";

    public RecordContext(FieldMapping mapping, ImportSettings settings, GeometryReprojector reprojector)
    {
        _mapping = mapping;
        _settings = settings;
        _reprojector = reprojector;
    }

    public SourceRecord Record { get; private set; } = null!;

    public List<RowError> Errors { get; } = [];

    public List<string> Notes { get; } = [];

    public void Reset(SourceRecord record)
    {
        Record = record;
        Errors.Clear();
        Notes.Clear();
        if (record.Values.TryGetValue(RowValues.ErrorKey, out var readError) && readError is not null)
        {
            Errors.Add(new RowError("(record)", readError));
        }

        if (record.Values.TryGetValue(RowValues.GeometryErrorKey, out var geometryError) && geometryError is not null)
        {
            Errors.Add(new RowError("geometry", geometryError));
        }

        if (record.Values.TryGetValue(RowValues.NoteKey, out var note) && note is not null)
        {
            Notes.Add(note);
        }
    }

    // With array-backed values the column's position is looked up once per field, not per row.
    private readonly Dictionary<string, int> _positionOfField = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, int>? _positionsFor;

    private string? Raw(string field, string column)
    {
        if (Record.Values is not RowValues row)
        {
            return Record.Values.GetValueOrDefault(column);
        }

        if (!ReferenceEquals(_positionsFor, row.Index))
        {
            _positionOfField.Clear();
            _positionsFor = row.Index;
        }

        if (!_positionOfField.TryGetValue(field, out var position))
        {
            position = row.Index.TryGetValue(column, out var p) ? p : -1;
            _positionOfField[field] = position;
        }

        return position < 0 ? null : row.At(position);
    }

    public string Label(string field) =>
        _mapping.ColumnFor(field) is { } column && !string.Equals(column, field, StringComparison.OrdinalIgnoreCase) ? $"{field} (column {column})" : field;

    /// <summary>Records a problem with a field; only the first per field, as later ones follow from it (a refused value then reads as missing).</summary>
    public void Fail(string field, string reason)
    {
        var label = Label(field);
        if (!Errors.Exists(e => e.Field == label))
        {
            Errors.Add(new RowError(label, reason));
        }
    }

    public string? Text(string field, bool required = false)
    {
        var column = _mapping.ColumnFor(field);
        var value = column is null ? null : Raw(field, column)?.Trim();
        if (value is not null && Record.Values is not RowValues && Record.Values.TryGetValue(RowValues.ObjectColumnsKey, out var objects) &&
            objects!.Split('\n').Contains(column, StringComparer.OrdinalIgnoreCase))
        {
            Fail(field, "is a JSON object; give a plain value");
            return null;
        }

        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Fail(field, column is null ? "is required, and no column is mapped to it (use --map)" : "is required but empty");
            }

            return null;
        }

        if (UnstorableText(value) is { } why)
        {
            Fail(field, why);
            return null;
        }

        return value;
    }

    public double? Number(string field, bool required = false, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? " (a decimal comma? numbers in data files use a decimal point)"
                : string.Empty;
            Fail(field, $"'{text}' is not a number{hint}");
            return null;
        }

        if (value < min || value > max)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}…{max}"));
            return null;
        }

        return value;
    }

    public int? Integer(string field, int min, int max)
    {
        var value = Number(field, min: min, max: max);
        if (value is null)
        {
            return null;
        }

        if (value != Math.Floor(value.Value))
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"{value} is not a whole number"));
            return null;
        }

        return (int)value.Value;
    }

    public DateTimeOffset? Time(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }

        switch (StockholmTime.TryParse(text, out var utc, out var error))
        {
            case StockholmTime.Outcome.Invalid:
                Fail(field, error!);
                return null;
            case StockholmTime.Outcome.AmbiguousTookFirst:
                Notes.Add($"{Label(field)} '{text}' happens twice in Europe/Stockholm (clocks go back); took the first, summer-time instant");
                break;
        }

        return utc;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }

        // A date, or a date-time whose date is taken (registers often export midnight times); the
        // time must still be well formed, so a garbled value is not cut to a plausible date (no time
        // zone rules here: a time in the spring DST gap still names its date).
        var datePart = text.Length > 10 && (text[10] == 'T' || text[10] == ' ') ? text[..10] : text;
        if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            (datePart.Length < text.Length && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            Fail(field, $"'{text}' is not a date; write YYYY-MM-DD");
            return null;
        }

        return date;
    }

    /// <summary>
    /// The record's geometry in the analysis CRS: the file's own geometry, else <c>wkt</c>, else
    /// <c>x</c>/<c>y</c>. Checks the CRS's valid area and the study area, and validity for polygons.
    /// </summary>
    public Geometry? Geometry(GeometryExpectation expect)
    {
        Geometry? g = null;
        string field;
        var reprojector = _reprojector;
        if (Record.Geometry is not null && !_mapping.Has("wkt") && !_mapping.Has("x"))
        {
            g = Record.Geometry;
            field = "geometry";
        }
        else if (_mapping.Has("wkt") && Text("wkt") is { } wkt)
        {
            field = "wkt";
            try
            {
                g = _wktReader.Read(wkt);
            }
            catch (ParseException e)
            {
                Fail("wkt", $"is not valid WKT: {e.Message}");
                return null;
            }
            catch (ArgumentException)
            {
                // An unclosed ring: closing it is the unambiguous repair (the area is the same).
                try
                {
                    g = _closingWktReader.Read(wkt);
                    Notes.Add(UnclosedRingNote);
                }
                catch (Exception e) when (e is ParseException or ArgumentException)
                {
                    Fail("wkt", $"is not a valid geometry: {e.Message}");
                    return null;
                }
            }

            // EWKT ("SRID=3011;POINT(…)", as PostGIS and the rejects file write it) says its own CRS,
            // which wins over the file's for that value; ignoring it put points hundreds of km off.
            if (EwktSrid(wkt) is { } srid && srid != _reprojector.SourceSrid)
            {
                if (!CrsRegistry.IsKnown(srid))
                {
                    Fail("wkt", string.Create(CultureInfo.InvariantCulture, $"says SRID={srid}, a CRS GeoTrygghet does not know"));
                    return null;
                }

                reprojector = ReprojectorFrom(srid);
                Notes.Add(string.Create(CultureInfo.InvariantCulture, $"wkt: values that say SRID={srid} were read in EPSG:{srid}, not the file's CRS"));
            }
        }
        else if (_mapping.Has("x") || _mapping.Has("y"))
        {
            field = "x";
            var x = Number("x", required: true);
            var y = Number("y", required: true);
            if (x is null || y is null)
            {
                return null;
            }

            g = Factory.CreatePoint(new Coordinate(x.Value, y.Value));
        }
        else
        {
            Fail("geometry", Record.Geometry is null && (_mapping.Has("wkt") || _mapping.Has("x"))
                ? "is empty"
                : Record.Geometry is null && _mapping.UnusedColumns.Any(c => c.Equals("x", StringComparison.OrdinalIgnoreCase) || c.Equals("lon", StringComparison.OrdinalIgnoreCase) || c.Equals("longitude", StringComparison.OrdinalIgnoreCase) || c.Equals("wkt", StringComparison.OrdinalIgnoreCase))
                    ? "is missing: the record has no geometry (to place it by its coordinate columns instead, map them: --map x=lon --map y=lat)"
                    : "is missing: the record has no geometry and no x/y or wkt column is mapped");
            return null;
        }

        if (g is null || g.IsEmpty)
        {
            Fail(field, "is empty");
            return null;
        }

        if (!expect.Accepts(g))
        {
            Fail(field, $"is a {g.GeometryType}, expected {expect.Description}");
            return null;
        }

        if (reprojector.FirstOutsideArea(g) is var (outside, outsideCrs))
        {
            var crs = CrsRegistry.Get(reprojector.SourceSrid);
            var hint = Hint(crs, outside);
            var what = outsideCrs.Srid == crs.Srid
                ? $"the valid area of {crs.Code} ({crs.Name}), the file's CRS"
                : $"the valid area of the analysis CRS {outsideCrs.Code} ({outsideCrs.Name})";
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"({outside.X} {outside.Y}) is outside {what}{hint}"));
            return null;
        }

        var projected = reprojector.Transform(g);
        if (projected is Polygon or MultiPolygon)
        {
            projected = RepairPolygon(field, projected);
            if (projected is null)
            {
                return null;
            }
        }
        else if (projected is not Point && !projected.IsValid)
        {
            // A point with finite coordinates (checked above) is always valid; the check costs a
            // topology pass, so it is kept for lines.
            Fail(field, "is not a valid geometry");
            return null;
        }

        if (_settings.StudyArea is { } area && !area.Accepts(projected))
        {
            Fail(field, $"lies outside the study area '{area.Name}'");
            return null;
        }

        return projected;
    }

    // The usual mix-ups with Swedish data, recognised from the numbers: projected numbers read as
    // degrees, degrees read as metres, latitude and longitude swapped, RT90 read as SWEREF 99 TM.
    private static string Hint(CrsDefinition crs, Coordinate c)
    {
        if (crs.IsGeographic)
        {
            return Math.Abs(c.X) > 180 ? "; the numbers look projected: give the file's CRS with --crs (e.g. EPSG:3006)"
                : c.X is >= 54 and <= 70 && c.Y is >= 9 and <= 25 ? "; longitude and latitude look swapped (Sweden is about 11–24 E, 55–69 N): map x and y the other way round with --map"
                : string.Empty;
        }

        if (Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90)
        {
            return "; the numbers look like degrees: give --crs EPSG:4326";
        }

        if (crs.Srid != 3021 && c.X is >= 1_200_000 and <= 1_900_000 && c.Y is >= 6_100_000 and <= 7_700_000)
        {
            return "; the numbers look like RT90 2.5 gon V: give --crs EPSG:3021";
        }

        return c.X is >= 6_100_000 and <= 7_700_000 && c.Y is >= 200_000 and <= 1_000_000
            ? "; x and y look swapped (northing first): map them the other way round with --map"
            : string.Empty;
    }

    // A polygon is repaired only when the repair is unambiguous: the parts of a multipolygon are each
    // valid but overlap or touch along an edge (their union is meant), or a polygon's rings enclose
    // exactly the area the fixed polygon covers (repeated points, a collapsed spike). A self-crossing
    // ring (a bow-tie) has no single reading: rejected.
    private Geometry? RepairPolygon(string field, Geometry polygon)
    {
        if (polygon.IsValid)
        {
            return polygon;
        }

        var reason = new NetTopologySuite.Operation.Valid.IsValidOp(polygon).ValidationError;
        Geometry? repaired = null;
        if (polygon is MultiPolygon multi && multi.Geometries.All(p => p.IsValid))
        {
            repaired = NetTopologySuite.Operation.Union.UnaryUnionOp.Union((Geometry)multi);
        }
        else if (polygon is Polygon single && reason?.ErrorType is not (NetTopologySuite.Operation.Valid.TopologyValidationErrors.SelfIntersection
                     or NetTopologySuite.Operation.Valid.TopologyValidationErrors.RingSelfIntersection))
        {
            var fixedGeometry = GeometryFixer.Fix(single);
            var ringArea = RingArea(single);
            repaired = !fixedGeometry.IsEmpty && Math.Abs(fixedGeometry.Area - ringArea) <= 1e-6 * Math.Max(1, ringArea) ? fixedGeometry : null;
        }

        if (repaired is null || repaired.IsEmpty || !repaired.IsValid)
        {
            Fail(field, $"is not a valid polygon ({reason?.Message} at {reason?.Coordinate}) and has no unambiguous repair");
            return null;
        }

        Notes.Add($"{Label(field)}: repaired an invalid polygon ({reason?.Message}) without changing the area it covers");
        repaired.SRID = polygon.SRID;
        return repaired;
    }

    private static double RingArea(Polygon p) =>
        Math.Abs(NetTopologySuite.Algorithm.Area.OfRingSigned(p.Shell.CoordinateSequence)) -
        p.Holes.Sum(h => Math.Abs(NetTopologySuite.Algorithm.Area.OfRingSigned(h.CoordinateSequence)));

    private GeometryReprojector ReprojectorFrom(int srid)
    {
        if (!_reprojectorFrom.TryGetValue(srid, out var r))
        {
            r = _reprojectorFrom[srid] = new GeometryReprojector(srid, _reprojector.TargetSrid);
        }

        return r;
    }

    private static int? EwktSrid(string wkt)
    {
        var text = wkt.AsSpan().TrimStart();
        if (!text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var semicolon = text.IndexOf(';');
        return semicolon > 5 && int.TryParse(text[5..semicolon], NumberStyles.None, CultureInfo.InvariantCulture, out var srid) ? srid : null;
    }

    // PostgreSQL text holds neither NUL nor half of a UTF-16 surrogate pair (which a JSON "\ud800"
    // escape can produce); caught here, the row is named instead of the whole load failing in the database.
    private static string? UnstorableText(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "contains a NUL character (byte 0), which the database cannot store";
        }

        if (value.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0)
        {
            return null;
        }

        try
        {
            StrictUtf8.GetByteCount(value);
            return null;
        }
        catch (System.Text.EncoderFallbackException)
        {
            return "contains an unpaired UTF-16 surrogate (a broken \\u escape?), which is not valid text";
        }
    }
}
