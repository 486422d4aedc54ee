using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Readers;

namespace GeoTrygghet.Tests.Import;

public sealed class CsvRecordReaderTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks_and_locations_name_the_starting_line()
    {
        File.WriteAllText(_path, "id,text,x\n1,\"a, \"\"quoted\"\" text\",5\n2,\"two\nlines\",6\n3,plain,7\n");
        using var reader = new CsvRecordReader(_path);
        var records = reader.Read().ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal("a, \"quoted\" text", records[0].Values["text"]);
        Assert.Equal("two\nlines", records[1].Values["text"]);
        Assert.Equal("line 3", records[1].Location);
        Assert.Equal("line 5", records[2].Location);
        Assert.Equal(3, records[2].Row);
    }

    [Fact]
    public void A_semicolon_header_without_commas_means_a_semicolon_file_and_decimal_commas_stay_text()
    {
        File.WriteAllText(_path, "\uFEFFid;x;y\n1;556000,5;6597000,25\n");
        using var reader = new CsvRecordReader(_path);
        var record = reader.Read().Single();

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(["id", "x", "y"], reader.Columns);
        Assert.Equal("556000,5", record.Values["x"]);
    }

    [Theory]
    [InlineData("id;\"Tid, lokal\";x\n1;2024-01-01;5\n", ';')]
    [InlineData("id\ttime_from\tx\n1\t2024-01-01\t5\n", '\t')]
    [InlineData("id,\"a;b\",x\n1,2024-01-01,5\n", ',')]
    public void The_delimiter_is_the_one_the_header_uses_outside_quotes(string content, char expected)
    {
        File.WriteAllText(_path, content);
        using var reader = new CsvRecordReader(_path);
        var record = reader.Read().Single();

        Assert.Equal(expected, reader.Delimiter);
        Assert.Equal(3, reader.Columns.Count);
        Assert.Equal("5", record.Values["x"]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_marked_not_dropped()
    {
        File.WriteAllText(_path, "id,x,y\n1,2\n");
        using var reader = new CsvRecordReader(_path);
        var record = reader.Read().Single();

        Assert.Contains("has 2 fields but the header has 3", record.Values["__error"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_refused_with_the_file_name()
    {
        File.WriteAllText(_path, "id,x,X\n");
        var e = Assert.Throws<ImportFormatException>(() => new CsvRecordReader(_path));
        Assert.Contains(_path, e.Message, StringComparison.Ordinal);
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
    }
}
