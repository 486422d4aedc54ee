namespace GeoTrygghet.Analysis.Clustering;

/// <summary>
/// Points bucketed into square cells of a given size (counting sort, two arrays: linear memory), so
/// that every point within that distance of a position lies in the 3 × 3 cells around it.
/// </summary>
internal sealed class BucketIndex
{
    private readonly double _size;
    private readonly double _minX;
    private readonly double _minY;
    private readonly int _cols;
    private readonly int _rows;
    private readonly int[] _start;
    private readonly int[] _order;

    public BucketIndex(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double size)
    {
        var n = x.Length;
        _size = size;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new AnalysisException($"point {i} has a coordinate that is not a finite number.");
            }

            minX = Math.Min(minX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxX = Math.Max(maxX, x[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        if (n == 0)
        {
            minX = minY = maxX = maxY = 0;
        }

        _minX = minX;
        _minY = minY;
        // Keep the bucket count linear in n even for a tiny eps over a wide area.
        var cols = (long)Math.Floor((maxX - minX) / size) + 1;
        var rows = (long)Math.Floor((maxY - minY) / size) + 1;
        if (cols * rows > Math.Min(100_000_000L, Math.Max(16L * n, 1L << 20)))
        {
            throw new AnalysisException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"eps {size} m is very small for an area of {maxX - minX:0} × {maxY - minY:0} m ({cols * rows:N0} buckets for {n:N0} points); is the input in metres?"));
        }

        _cols = (int)cols;
        _rows = (int)rows;
        _start = new int[_cols * _rows + 1];
        var bucketOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            bucketOf[i] = Bucket(x[i], y[i]);
            _start[bucketOf[i] + 1]++;
        }

        for (var b = 0; b < _cols * _rows; b++)
        {
            _start[b + 1] += _start[b];
        }

        _order = new int[n];
        var fill = (int[])_start.Clone();
        for (var i = 0; i < n; i++)
        {
            _order[fill[bucketOf[i]]++] = i;
        }
    }

    public IEnumerable<int> Candidates(double x, double y)
    {
        var cx = (int)Math.Floor((x - _minX) / _size);
        var cy = (int)Math.Floor((y - _minY) / _size);
        for (var row = Math.Max(0, cy - 1); row <= Math.Min(_rows - 1, cy + 1); row++)
        {
            var from = _start[(row * _cols) + Math.Max(0, cx - 1)];
            var to = _start[(row * _cols) + Math.Min(_cols - 1, cx + 1) + 1];
            for (var k = from; k < to; k++)
            {
                yield return _order[k];
            }
        }
    }

    private int Bucket(double x, double y)
    {
        var cx = Math.Min(_cols - 1, (int)Math.Floor((x - _minX) / _size));
        var cy = Math.Min(_rows - 1, (int)Math.Floor((y - _minY) / _size));
        return (cy * _cols) + cx;
    }
}
