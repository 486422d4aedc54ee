using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Reads one feature table of an OGC GeoPackage. With one feature table it is read; with several the
/// caller names one (<c>--layer</c>). The CRS comes from <c>gpkg_spatial_ref_sys</c>. Locations are
/// "feature N (fid F)".
/// </summary>
public sealed class GeoPackageRecordReader : IRecordReader
{
    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly string _geometryColumn;
    private readonly long _count;
    private long _done;

    public GeoPackageRecordReader(string path, string? layer = null)
    {
        Path = path;
        if (!File.Exists(path))
        {
            throw new ImportFormatException(path, "does not exist");
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        try
        {
            _connection.Open();
            var tables = new List<(string Table, string Column, int SrsId)>();
            using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    tables.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));
                }
            }

            if (tables.Count == 0)
            {
                throw new ImportFormatException(path, "has no feature table");
            }

            var chosen = layer is null
                ? tables.Count == 1 ? tables[0] : throw new ImportFormatException(path, $"has {tables.Count} feature tables ({string.Join(", ", tables.Select(t => t.Table))}); choose one with --layer")
                : tables.FirstOrDefault(t => string.Equals(t.Table, layer, StringComparison.OrdinalIgnoreCase)) is { Table: not null } found
                    ? found
                    : throw new ImportFormatException(path, $"has no feature table '{layer}'; it has {string.Join(", ", tables.Select(t => t.Table))}");
            (_table, _geometryColumn, var srsId) = chosen;
            DeclaredSrid = ResolveSrs(srsId);
            using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT * FROM \"{_table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" LIMIT 0";
                using var r = cmd.ExecuteReader();
                Columns = Enumerable.Range(0, r.FieldCount).Select(r.GetName)
                    .Where(c => !string.Equals(c, _geometryColumn, StringComparison.OrdinalIgnoreCase)).ToArray();
            }

            using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT count(*) FROM \"{_table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                _count = (long)cmd.ExecuteScalar()!;
            }
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new ImportFormatException(path, $"cannot be read as a GeoPackage: {e.Message}", e);
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; } = [];

    public int? DeclaredSrid { get; }

    public string? UnknownCrs { get; private set; }

    public bool HasGeometry => true;

    public (long Done, long? Total) Progress => (_done, _count);

    public IEnumerable<SourceRecord> Read()
    {
        var geoReader = new GeoPackageGeoReader();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{_table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        using var r = cmd.ExecuteReader();
        long row = 0;
        while (r.Read())
        {
            row++;
            _done = row;
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Geometry? geometry = null;
            for (var i = 0; i < r.FieldCount; i++)
            {
                var name = r.GetName(i);
                if (string.Equals(name, _geometryColumn, StringComparison.OrdinalIgnoreCase))
                {
                    if (!r.IsDBNull(i))
                    {
                        try
                        {
                            geometry = geoReader.Read((byte[])r.GetValue(i));
                        }
                        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IOException)
                        {
                            values[RowValues.ErrorKey] = $"has a geometry that cannot be read: {e.Message}";
                        }
                    }

                    continue;
                }

                values[name] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
            }

            var fid = values.TryGetValue("fid", out var f) ? f : row.ToString(CultureInfo.InvariantCulture);
            yield return new SourceRecord(row, $"feature {row} (fid {fid})", values, geometry);
        }
    }

    public void Dispose() => _connection.Dispose();

    private int? ResolveSrs(int srsId)
    {
        if (srsId is 0 or -1)
        {
            UnknownCrs = $"declares an undefined CRS (srs_id {srsId}) for table '{_table}'";
            return null;
        }

        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            UnknownCrs = $"names srs_id {srsId}, which its gpkg_spatial_ref_sys does not define";
            return null;
        }

        if (string.Equals(r.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase))
        {
            return r.GetInt32(1);
        }

        var definition = r.IsDBNull(2) ? null : r.GetString(2);
        var srid = PrjSrid.FromWkt(definition);
        if (srid is null)
        {
            UnknownCrs = $"declares a CRS GeoTrygghet does not know ({r.GetString(0)}:{r.GetInt32(1)}{(definition is null ? string.Empty : ", " + PrjSrid.NameOf(definition))})";
        }

        return srid;
    }
}
