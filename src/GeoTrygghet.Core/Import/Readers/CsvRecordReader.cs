using System.Text;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Streams an RFC 4180 CSV file with a header row. The delimiter is the one the header uses most
/// outside quotes: a comma, a semicolon (Swedish spreadsheet exports, which use the decimal comma) or a tab;
/// quoted fields may hold delimiters, doubled quotes and line breaks. UTF-8, with or without BOM.
/// Record locations are given as "line N" of the file (the header is line 1).
/// </summary>
public sealed class CsvRecordReader : IRecordReader
{
    private readonly FileStream _stream;
    private readonly StreamReader _reader;
    private readonly Dictionary<string, int> _index;
    private long _line = 1;

    public CsvRecordReader(string path, char? delimiter = null)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _reader = new StreamReader(_stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var header = ReadLineChecked() ?? throw new ImportFormatException(path, "the file is empty; a CSV needs a header row");
        Delimiter = delimiter ?? DelimiterOf(header);
        var columns = new List<string>();
        var pos = 0;
        ParseFields(header, ref pos, columns, allowContinuation: false);
        Columns = columns.Select(c => c.Trim()).ToArray();
        var duplicate = Columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ImportFormatException(path, $"the header names the column '{duplicate.Key}' twice");
        }

        if (Columns.Any(string.IsNullOrEmpty))
        {
            throw new ImportFormatException(path, "the header has an empty column name");
        }

        _index = Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.OrdinalIgnoreCase);
    }

    public string Path { get; }

    public char Delimiter { get; }

    public IReadOnlyList<string> Columns { get; }

    public int? DeclaredSrid => null;

    public bool HasGeometry => false;

    public (long Done, long? Total) Progress => (_stream.Position, _stream.Length);

    public IEnumerable<SourceRecord> Read()
    {
        var fields = new List<string>(Columns.Count);
        long row = 0;
        while (true)
        {
            var line = ReadLineChecked();

            if (line is null)
            {
                yield break;
            }

            _line++;
            if (line.Length == 0)
            {
                continue;
            }

            var startLine = _line;
            fields.Clear();
            var pos = 0;
            ParseFields(line, ref pos, fields, allowContinuation: true);
            row++;
            var error = fields.Count != Columns.Count
                ? $"has {fields.Count} fields but the header has {Columns.Count}"
                : null;
            var array = new string?[Columns.Count];
            for (var i = 0; i < Columns.Count && i < fields.Count; i++)
            {
                array[i] = fields[i];
            }

            var values = new RowValues(_index, array, error);
            yield return new SourceRecord(row, $"line {startLine}", values, null);
        }
    }

    // The delimiter the header uses most outside quotes: a comma, else a semicolon (Swedish spreadsheet
    // exports) or a tab; a quoted "Tid, lokal" in a semicolon header does not make it a comma file.
    private static char DelimiterOf(string header)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var ch in header)
        {
            switch (ch)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
                case ';' when !quoted:
                    semicolons++;
                    break;
                case '\t' when !quoted:
                    tabs++;
                    break;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    // A file saved in another encoding (e.g. Windows-1252 from a spreadsheet) fails here: say where and what to do.
    private string? ReadLineChecked()
    {
        try
        {
            return _reader.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            var line = Utf8Position.FirstInvalidLine(Path) ?? _line + 1;
            throw new ImportFormatException(Path, $"line {line} is not valid UTF-8 (the file may be saved as Windows-1252/ANSI); save it as UTF-8 and import again", e);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    // Parses one record starting at line[pos]; a quoted field that runs past the end of the line
    // continues on the next physical line(s), which are read from the file.
    private void ParseFields(string line, ref int pos, List<string> fields, bool allowContinuation)
    {
        var sb = new StringBuilder();
        while (true)
        {
            sb.Clear();
            if (pos < line.Length && line[pos] == '"')
            {
                pos++;
                while (true)
                {
                    if (pos >= line.Length)
                    {
                        var next = allowContinuation ? ReadLineChecked() : null;
                        if (next is null)
                        {
                            throw new ImportFormatException(Path, $"line {_line}: a quoted field is never closed");
                        }

                        _line++;
                        sb.Append('\n');
                        line = next;
                        pos = 0;
                        continue;
                    }

                    var c = line[pos++];
                    if (c == '"')
                    {
                        if (pos < line.Length && line[pos] == '"')
                        {
                            sb.Append('"');
                            pos++;
                            continue;
                        }

                        break;
                    }

                    sb.Append(c);
                }

                // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                while (pos < line.Length && line[pos] != Delimiter)
                {
                    sb.Append(line[pos++]);
                }
            }
            else
            {
                var end = line.IndexOf(Delimiter, pos);
                if (end < 0)
                {
                    end = line.Length;
                }

                sb.Append(line, pos, end - pos);
                pos = end;
            }

            fields.Add(sb.ToString());
            if (pos >= line.Length)
            {
                return;
            }

            pos++; // the delimiter
        }
    }
}
