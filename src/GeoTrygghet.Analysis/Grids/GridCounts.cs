namespace GeoTrygghet.Analysis.Grids;

/// <summary>Weighted event counts per cell of a grid; cells with no event are kept with zero.</summary>
public sealed record GridCounts(GridSpec Grid, double[] Counts)
{
    public double this[int col, int row] => Counts[(row * Grid.Cols) + col];

    /// <summary>Adds every point (with its weight, default 1) to the cell containing it.</summary>
    public static GridCounts Aggregate(GridSpec grid, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weight = default)
    {
        var counts = new double[grid.CellCount];
        for (var i = 0; i < x.Length; i++)
        {
            if (grid.CellOf(x[i], y[i]) is var (c, r))
            {
                counts[(r * grid.Cols) + c] += weight.IsEmpty ? 1 : weight[i];
            }
        }

        return new GridCounts(grid, counts);
    }

    public (double[] X, double[] Y) Centres()
    {
        var xs = new double[Counts.Length];
        var ys = new double[Counts.Length];
        for (var r = 0; r < Grid.Rows; r++)
        {
            for (var c = 0; c < Grid.Cols; c++)
            {
                (xs[(r * Grid.Cols) + c], ys[(r * Grid.Cols) + c]) = Grid.Centre(c, r);
            }
        }

        return (xs, ys);
    }
}
