using GeoTrygghet.Data.Import;
using GeoTrygghet.IntegrationTests.Support;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary>
/// The import's own binary COPY encoder against Npgsql's binary importer as the reference: the same
/// values written both ways into two tables of a real PostgreSQL must read back as the same rows
/// (compared as PostgreSQL prints them, so -0, sub-microsecond ticks and time zones count).
/// </summary>
public sealed class BinaryCopyWriterTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string Columns = "n integer, t text, d double precision, i integer, ts timestamptz, day date, tod time, j jsonb, a text[], b bytea, g geometry";

    private static readonly string?[] Texts = ["Skadegörelse", string.Empty, null, "emoji 🚓 and \"quotes\", commas; semicolons\nnew line"];
    private static readonly string LongText = new('å', 200_000); // larger than the writer's buffer
    private static readonly double?[] Doubles = [0.0, -0.0, 1e-300, double.MaxValue, double.NaN, null, 556123.45];
    private static readonly int?[] Ints = [0, -1, int.MaxValue, null];
    private static readonly DateTimeOffset?[] Times =
    [
        new DateTimeOffset(2024, 3, 31, 1, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(1)).AddTicks(1_234_567),
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        null,
    ];

    private static readonly DateOnly?[] Days = [new DateOnly(1970, 1, 1), new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), null];
    private static readonly TimeOnly?[] TimesOfDay = [new TimeOnly(0, 0), new TimeOnly(23, 59, 59, 999, 999), null];
    private static readonly string?[] Json = ["{\"a\": [1, \"å\"], \"b\": null}", "[]", null];
    private static readonly string[]?[] Arrays = [[], ["L1", "L 2", "Ljus, ny"], null];

    [Fact]
    public void Every_value_reads_back_as_Npgsql_writes_it_across_buffer_boundaries()
    {
        const int rows = 20_000;
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        Execute(conn, $"CREATE TABLE copy_ours ({Columns}); CREATE TABLE copy_npgsql ({Columns})");

        using (var stream = conn.BeginRawBinaryCopy("COPY copy_ours FROM STDIN (FORMAT BINARY)"))
        {
            var w = new BinaryCopyWriter(stream);
            for (var n = 0; n < rows; n++)
            {
                w.StartRow(11);
                w.Int32(n);
                w.Text(TextOf(n));
                w.Double(Pick(Doubles, n));
                w.Int32(Pick(Ints, n));
                w.TimestampTz(Pick(Times, n));
                w.Date(Pick(Days, n));
                w.TimeOfDay(Pick(TimesOfDay, n));
                w.Jsonb(Pick(Json, n));
                w.TextArray(Pick(Arrays, n));
                w.Bytes(Bytes(n));
                w.Bytes(Point(n));
            }

            w.Complete();
        }

        using (var importer = conn.BeginBinaryImport("COPY copy_npgsql FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < rows; n++)
            {
                importer.StartRow();
                importer.Write(n, NpgsqlDbType.Integer);
                Write(importer, TextOf(n), NpgsqlDbType.Text);
                Write(importer, Pick(Doubles, n), NpgsqlDbType.Double);
                Write(importer, Pick(Ints, n), NpgsqlDbType.Integer);
                Write(importer, Pick(Times, n)?.ToUniversalTime(), NpgsqlDbType.TimestampTz); // Npgsql takes UTC only; ours converts
                Write(importer, Pick(Days, n), NpgsqlDbType.Date);
                Write(importer, Pick(TimesOfDay, n), NpgsqlDbType.Time);
                Write(importer, Pick(Json, n), NpgsqlDbType.Jsonb);
                Write(importer, Pick(Arrays, n), NpgsqlDbType.Array | NpgsqlDbType.Text);
                importer.Write(Bytes(n), NpgsqlDbType.Bytea);
                importer.Write(Point(n), NpgsqlDbType.Bytea);
            }

            importer.Complete();
        }

        Assert.Equal(rows, db.Scalar("SELECT count(*) FROM copy_ours"));
        Assert.Equal(rows, db.Scalar("SELECT count(*) FROM copy_npgsql"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM copy_ours o FULL JOIN copy_npgsql p USING (n) WHERE o::text IS DISTINCT FROM p::text"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM copy_ours WHERE n = 1 AND d::text = '-0' AND t = ''"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM copy_ours WHERE n = 4 AND length(t) = 200000 AND ST_X(g) = 553004.5"));
    }

    private static T Pick<T>(T[] values, int n) => values[n % values.Length];

    private static string? TextOf(int n) => n == 4 ? LongText : Pick(Texts, n);

    private static byte[] Bytes(int n) => [.. Enumerable.Range(0, n % 300).Select(i => (byte)(i * 7))];

    // EWKB of a SWEREF 99 TM point, as the import writes geometries.
    private static byte[] Point(int n)
    {
        var p = new NetTopologySuite.Geometries.Point(553000 + n + 0.5, 6594000 - n) { SRID = 3006 };
        return new NetTopologySuite.IO.WKBWriter(NetTopologySuite.IO.ByteOrder.LittleEndian, handleSRID: true, emitZ: false).Write(p);
    }

    private static void Write<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void Execute(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
