using System.Globalization;

namespace GeoTrygghet.Tests.Analysis;

/// <summary>Reads the golden fixtures in tests/fixtures/hotspots by column name.</summary>
internal sealed class FixtureCsv
{
    private readonly Dictionary<string, int> _columns;

    private FixtureCsv(string[] header, List<string[]> rows)
    {
        _columns = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        Rows = rows;
    }

    public List<string[]> Rows { get; }

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "hotspots");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures/hotspots not found above the test binaries");
        }
    }

    public static FixtureCsv Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0).ToList();
        return new FixtureCsv(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public string Text(int row, string column) => Rows[row][_columns[column]];

    public double Number(int row, string column) =>
        Text(row, column) is "NaN" or "NA" or "" ? double.NaN : double.Parse(Text(row, column), CultureInfo.InvariantCulture);

    public double[] Numbers(string column) => Enumerable.Range(0, Rows.Count).Select(r => Number(r, column)).ToArray();

    public int[] Integers(string column) => Enumerable.Range(0, Rows.Count).Select(r => int.Parse(Text(r, column), CultureInfo.InvariantCulture)).ToArray();
}
