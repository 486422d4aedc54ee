using NpgsqlTypes;

namespace GeoTrygghet.Data.Import;

/// <summary>A column of an import's staging table: its name, SQL type, binary COPY type and how to read it from a row.</summary>
internal sealed record StagedColumn<TRow>(string Name, string SqlType, NpgsqlDbType DbType, Func<TRow, object?> Value);
