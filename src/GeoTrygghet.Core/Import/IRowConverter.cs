namespace GeoTrygghet.Core.Import;

/// <summary>Turns one record into a typed row, or records why it cannot in the context's errors.</summary>
public interface IRowConverter<TRow>
{
    TRow? Convert(RecordContext context, string source);

    /// <summary>The external id of a converted row, for duplicate detection within a file.</summary>
    string ExternalIdOf(TRow row);
}
