namespace GeoTrygghet.Data.Import;

/// <summary>
/// A column of an import's COPY: its name, SQL type, and how to write it from a row. The writers are
/// typed (no boxing, no per-value type lookup): a million-row import writes ten million values.
/// </summary>
internal sealed record StagedColumn<TRow>(string Name, string SqlType, Action<BinaryCopyWriter, TRow> Write)
{
    public static StagedColumn<TRow> Text(string name, Func<TRow, string?> value) => new(name, "text", (w, r) => w.Text(value(r)));

    public static StagedColumn<TRow> Double(string name, Func<TRow, double?> value) => new(name, "double precision", (w, r) => w.Double(value(r)));

    public static StagedColumn<TRow> Int32(string name, Func<TRow, int?> value) => new(name, "integer", (w, r) => w.Int32(value(r)));

    public static StagedColumn<TRow> TimestampTz(string name, Func<TRow, DateTimeOffset?> value) => new(name, "timestamptz", (w, r) => w.TimestampTz(value(r)));

    public static StagedColumn<TRow> Date(string name, Func<TRow, DateOnly?> value) => new(name, "date", (w, r) => w.Date(value(r)));

    public static StagedColumn<TRow> TimeOfDay(string name, Func<TRow, TimeOnly?> value) => new(name, "time", (w, r) => w.TimeOfDay(value(r)));

    public static StagedColumn<TRow> Jsonb(string name, Func<TRow, string?> value) => new(name, "jsonb", (w, r) => w.Jsonb(value(r)));

    public static StagedColumn<TRow> TextArray(string name, Func<TRow, IReadOnlyList<string>?> value) => new(name, "text[]", (w, r) => w.TextArray(value(r)));

    /// <summary>Bytes as bytea, or EWKB as geometry (the column's SQL type says which).</summary>
    public static StagedColumn<TRow> Bytes(string name, string sqlType, Func<TRow, byte[]> value) => new(name, sqlType, (w, r) => w.Bytes(value(r)));
}
