using System.Buffers;
using System.Text.Unicode;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Where a file stops being UTF-8: the 1-based line of the first byte that is not. Decoders report
/// failures at their buffer's position, not the file's, so the line is found by reading the bytes.
/// </summary>
public static class Utf8Position
{
    /// <summary>The line of the first byte from <paramref name="offset"/> on that is not UTF-8, or null when all are.</summary>
    public static int? FirstInvalidLine(string path, long offset = 0)
    {
        using var stream = File.OpenRead(path);
        stream.Position = offset;
        var bytes = new byte[1 << 20];
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var line = 1;
            var carried = 0;
            while (true)
            {
                var read = stream.Read(bytes, carried, bytes.Length - carried);
                var available = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return line;
                }

                if (final)
                {
                    return null;
                }

                // An incomplete sequence at the end of the buffer continues in the next read.
                carried = available - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The line of the first byte of <paramref name="bytes"/> that is not UTF-8, or null when all are.</summary>
    public static int? FirstInvalidLine(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var consumed, out _, replaceInvalidSequences: false);
        return 1 + bytes[..consumed].Count((byte)'\n');
    }
}
