using System.Buffers.Binary;
using System.Text;

namespace GeoTrygghet.Data.Import;

/// <summary>
/// Encodes rows in PostgreSQL's binary COPY format ("Binary Format" of the COPY reference page)
/// into a buffer that is handed to the raw COPY stream when full. Npgsql's binary importer looks up a
/// type handler for every value; a million-row import writes ten million values, and that lookup was
/// the larger part of the client's time. Values are written exactly as Npgsql writes them (UTF-8
/// text, big-endian numbers, timestamps as microseconds since 2000-01-01 UTC truncated from ticks).
/// Not thread-safe; one per COPY.
/// </summary>
internal sealed class BinaryCopyWriter(Stream output)
{
    private const int BufferSize = 1 << 17;
    private const long PostgresEpochTicks = 630822816000000000; // 2000-01-01T00:00:00Z
    private const int TextOid = 25;
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly DateOnly PostgresEpochDate = new(2000, 1, 1);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _started;

    public void StartRow(int columns)
    {
        if (!_started)
        {
            Raw(Header);
            _started = true;
        }

        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), checked((short)columns));
        _used += 2;
    }

    public void Null() => Length(-1);

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var max = Utf8.GetMaxByteCount(value.Length);
        if (max + 4 > BufferSize)
        {
            var bytes = Utf8.GetBytes(value);
            Length(bytes.Length);
            Raw(bytes);
            return;
        }

        Reserve(4 + max);
        var written = Utf8.GetBytes(value, _buffer.AsSpan(_used + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), written);
        _used += 4 + written;
    }

    /// <summary>jsonb's binary form: a version byte (1) and the JSON text.</summary>
    public void Jsonb(string? json)
    {
        if (json is null)
        {
            Null();
            return;
        }

        var bytes = Utf8.GetBytes(json);
        Length(bytes.Length + 1);
        Reserve(1);
        _buffer[_used++] = 1;
        Raw(bytes);
    }

    public void Double(double? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }

        Length(8);
        Reserve(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_used), v);
        _used += 8;
    }

    public void Int32(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }

        Length(4);
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), v);
        _used += 4;
    }

    public void TimestampTz(DateTimeOffset? value) => Int64((value?.UtcTicks - PostgresEpochTicks) / 10);

    public void Date(DateOnly? value) => Int32(value is { } d ? d.DayNumber - PostgresEpochDate.DayNumber : null);

    public void TimeOfDay(TimeOnly? value) => Int64(value?.Ticks / 10);

    /// <summary>Raw bytes of a bytea, or of a geometry as EWKB (geometry's binary input reads EWKB).</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        Length(value.Length);
        Raw(value);
    }

    /// <summary>A one-dimensional text[] without nulls.</summary>
    public void TextArray(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            Null();
            return;
        }

        var encoded = values.Select(v => Utf8.GetBytes(v)).ToArray();
        var size = 12 + (values.Count == 0 ? 0 : 8 + encoded.Sum(e => 4 + e.Length));
        Length(size);
        Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), values.Count == 0 ? 0 : 1); // dimensions
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used + 4), 0); // no nulls
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used + 8), TextOid);
        _used += 12;
        if (values.Count == 0)
        {
            return;
        }

        Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), values.Count);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used + 4), 1); // lower bound
        _used += 8;
        foreach (var e in encoded)
        {
            Length(e.Length);
            Raw(e);
        }
    }

    /// <summary>Writes the trailer and everything still buffered; the caller then ends the COPY.</summary>
    public void Complete()
    {
        if (!_started)
        {
            Raw(Header);
        }

        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Flush();
    }

    private void Int64(long? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }

        Length(8);
        Reserve(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), v);
        _used += 8;
    }

    private void Length(int length)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), length);
        _used += 4;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == BufferSize)
            {
                Flush();
            }

            var n = Math.Min(bytes.Length, BufferSize - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
