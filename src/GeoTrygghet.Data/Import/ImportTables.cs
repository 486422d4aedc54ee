using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;

namespace GeoTrygghet.Data.Import;

/// <summary>The sink an import of a kind writes to: a binary COPY into the kind's table (staged, then swapped in one transaction).</summary>
public static class ImportTables
{
    /// <summary>The kinds whose rows an organisation owns (issue #10): events, measures and assets; areas and the basemap are everyone's.</summary>
    public static bool Owned(ImportKind kind) => kind is ImportKind.Incidents or ImportKind.Reports or ImportKind.Lights or ImportKind.Cameras or ImportKind.Measures;

    /// <param name="source">The import's source name, recorded on every row.</param>
    /// <param name="owner">The owning organisation of every row, for the kinds that have one (<see cref="Owned"/>).</param>
    public static IImportSink<TRow> Open<TRow>(string connectionString, ImportKind kind, int srid, string source, string? owner = null)
        where TRow : class
    {
        object spec = kind switch
        {
            ImportKind.Incidents => TableSpecs.Incidents(srid),
            ImportKind.Reports => TableSpecs.Reports(srid),
            ImportKind.Lights => TableSpecs.Lights(srid),
            ImportKind.Cameras => TableSpecs.Cameras(srid),
            ImportKind.Measures => TableSpecs.Measures(srid),
            ImportKind.Areas => TableSpecs.Areas(srid),
            ImportKind.Basemap => TableSpecs.Basemap(srid),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown import kind"),
        };
        return spec is TableSpec<TRow> typed
            ? new CopySink<TRow>(connectionString, owner is not null && Owned(kind) ? typed.OwnedBy(owner) : typed, source)
            : throw new ArgumentException($"the {kind} table does not take rows of {typeof(TRow).Name}", nameof(kind));
    }
}
