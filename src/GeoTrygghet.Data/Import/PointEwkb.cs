using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Data.Import;

/// <summary>
/// A 2-D point as little-endian EWKB with its SRID (25 bytes), into one reused buffer: the binary COPY
/// copies the bytes before the next row is written. Not thread-safe; one per COPY.
/// </summary>
internal sealed class PointEwkb(int srid)
{
    private const uint PointWithSrid = 0x20000001;
    private readonly byte[] _buffer = new byte[25];

    public byte[] Write(Point p)
    {
        _buffer[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(1), PointWithSrid);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(5), srid);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(9), p.X);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(17), p.Y);
        return _buffer;
    }
}
