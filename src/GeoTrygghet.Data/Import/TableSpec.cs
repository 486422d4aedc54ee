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
    IReadOnlyList<StagedColumn<TRow>> Direct)
{
    /// <summary>The same rows with their owning organisation (issue #10) in <c>org_id</c>, the same for every row of the import.</summary>
    public TableSpec<TRow> OwnedBy(string owner)
    {
        var column = StagedColumn<TRow>.Text("org_id", _ => owner);
        return this with { Staged = [.. Staged, column], Targets = [.. Targets, ("org_id", "org_id")], Direct = [.. Direct, column] };
    }
}
