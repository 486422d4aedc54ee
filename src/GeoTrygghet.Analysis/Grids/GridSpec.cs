using System.Globalization;

namespace GeoTrygghet.Analysis.Grids;

/// <summary>
/// A grid aligned to integer multiples of the cell size in the analysis CRS, so that the same cells
/// come back for every period and every study area. Square cells: column i, row j has its lower-left
/// corner at ((OriginCol + i)·size, (OriginRow + j)·size). Hexagons (flat-topped, centre spacing
/// <c>size</c> along a row, rows size·√3/2 apart, odd rows shifted by size/2) have centres at
/// ((OriginCol + i + ½·(row parity))·size, (OriginRow + j)·size·√3/2); row parity is of the absolute
/// row number so alignment holds across extents.
/// </summary>
public sealed record GridSpec(GridShape Shape, double CellSize, long OriginCol, long OriginRow, int Cols, int Rows)
{
    public static readonly double HexRowFactor = Math.Sqrt(3) / 2;

    public long CellCount => (long)Cols * Rows;

    /// <summary>The grid covering an extent, snapped outward to the alignment; refuses more than maxCells cells.</summary>
    public static GridSpec Covering(GridShape shape, double cellSize, double minX, double minY, double maxX, double maxY, long maxCells)
    {
        if (!(cellSize > 0) || !double.IsFinite(cellSize))
        {
            throw new AnalysisException($"the cell size must be a positive number of metres, not {cellSize.ToString(CultureInfo.InvariantCulture)}.");
        }

        var rowStep = shape == GridShape.Square ? cellSize : cellSize * HexRowFactor;
        // Hexagons reach half a cell beyond their centre row, and rows shift by half a cell: pad by one.
        var pad = shape == GridShape.Square ? 0 : 1;
        var c0 = (long)Math.Floor(minX / cellSize) - pad;
        var r0 = (long)Math.Floor(minY / rowStep) - pad;
        var c1 = (long)Math.Floor(maxX / cellSize) + pad;
        var r1 = (long)Math.Floor(maxY / rowStep) + pad;
        var cols = c1 - c0 + 1;
        var rows = r1 - r0 + 1;
        if (cols * rows > maxCells)
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture,
                $"a {cellSize} m grid over {maxX - minX:0} × {maxY - minY:0} m has {cols * rows:N0} cells, more than the limit of {maxCells:N0} (it keeps memory and time bounded); choose a larger cell or a smaller area."));
        }

        return new GridSpec(shape, cellSize, c0, r0, (int)cols, (int)rows);
    }

    public (double X, double Y) Centre(int col, int row)
    {
        if (Shape == GridShape.Square)
        {
            return ((OriginCol + col + 0.5) * CellSize, (OriginRow + row + 0.5) * CellSize);
        }

        var absRow = OriginRow + row;
        var shift = (absRow & 1) == 0 ? 0 : 0.5;
        return ((OriginCol + col + shift) * CellSize, absRow * CellSize * HexRowFactor);
    }

    /// <summary>The cell that contains a point, or null when outside the grid.</summary>
    public (int Col, int Row)? CellOf(double x, double y)
    {
        if (Shape == GridShape.Square)
        {
            var c = (long)Math.Floor(x / CellSize) - OriginCol;
            var r = (long)Math.Floor(y / CellSize) - OriginRow;
            return c < 0 || r < 0 || c >= Cols || r >= Rows ? null : ((int)c, (int)r);
        }

        // The nearest hexagon centre among the two candidate rows (flat-topped hexagons are the
        // Voronoi cells of their centres).
        var rowStep = CellSize * HexRowFactor;
        var baseRow = (long)Math.Floor(y / rowStep);
        (long Col, long Row)? best = null;
        var bestD = double.PositiveInfinity;
        for (var ar = baseRow - 1; ar <= baseRow + 2; ar++)
        {
            var shift = (ar & 1) == 0 ? 0 : 0.5;
            var ac = (long)Math.Round(x / CellSize - shift, MidpointRounding.AwayFromZero);
            foreach (var candidate in new[] { ac - 1, ac, ac + 1 })
            {
                var cx = (candidate + shift) * CellSize;
                var cy = ar * rowStep;
                var d = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy));
                if (d < bestD)
                {
                    bestD = d;
                    best = (candidate, ar);
                }
            }
        }

        var col = best!.Value.Col - OriginCol;
        var row = best.Value.Row - OriginRow;
        return col < 0 || row < 0 || col >= Cols || row >= Rows ? null : ((int)col, (int)row);
    }
}
