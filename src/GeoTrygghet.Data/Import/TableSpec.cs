namespace GeoTrygghet.Data.Import;

/// <summary>
/// How rows of one kind reach their table: the staging columns, and for every target column the SQL
/// expression over the staging table that fills it (geometry is built here, in the analysis SRID).
/// <see cref="Direct"/> are the same values written straight into the table, geometry included, for
/// loads that cannot conflict with stored rows.
/// </summary>
internal sealed record TableSpec<TRow>(
    string Table,
    IReadOnlyList<StagedColumn<TRow>> Staged,
    IReadOnlyList<(string Column, string Expression)> Targets,
    IReadOnlyList<StagedColumn<TRow>> Direct);
