using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Data.Import;

/// <summary>
/// A column of an import's COPY: its name, SQL type, and how to write it from a row. The writer is
/// typed (no boxing): a million-row import writes ten million values.
/// </summary>
internal sealed record StagedColumn<TRow>(string Name, string SqlType, Action<NpgsqlBinaryImporter, TRow> Write)
{
    public static StagedColumn<TRow> Of<T>(string name, string sqlType, NpgsqlDbType dbType, Func<TRow, T?> value)
        where T : class =>
        new(name, sqlType, (w, r) =>
        {
            if (value(r) is { } v)
            {
                w.Write(v, dbType);
            }
            else
            {
                w.WriteNull();
            }
        });

    public static StagedColumn<TRow> OfValue<T>(string name, string sqlType, NpgsqlDbType dbType, Func<TRow, T?> value)
        where T : struct =>
        new(name, sqlType, (w, r) =>
        {
            if (value(r) is { } v)
            {
                w.Write(v, dbType);
            }
            else
            {
                w.WriteNull();
            }
        });
}
