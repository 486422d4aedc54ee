namespace GeoTrygghet.Data.Import;

/// <summary>
/// How rows of one kind reach their table: the staging columns, and for every target column the SQL
/// expression over the staging table that fills it (geometry is built here, in the analysis SRID).
/// </summary>
internal sealed record TableSpec<TRow>(string Table, IReadOnlyList<StagedColumn<TRow>> Staged, IReadOnlyList<(string Column, string Expression)> Targets);
