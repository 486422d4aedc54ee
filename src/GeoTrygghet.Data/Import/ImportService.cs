using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Converters;

namespace GeoTrygghet.Data.Import;

/// <summary>Runs an import of any kind into the database: the reader, converter and table of that kind.</summary>
public sealed class ImportService(string connectionString, ImportSettings settings)
{
    public ImportResult Run(ImportRequest request, IProgress<(long Done, long? Total, long Rows)>? progress = null)
    {
        using var reader = RecordReaderFactory.Open(request.Path, request.Format, request.Layer);
        var srid = settings.AnalysisSrid;
        return request.Kind switch
        {
            ImportKind.Incidents => Run(request, reader, new IncidentConverter(settings), TableSpecs.Incidents(srid), progress),
            ImportKind.Reports => Run(request, reader, new ReportConverter(), TableSpecs.Reports(srid), progress),
            ImportKind.Lights => Run(request, reader, new LightConverter(), TableSpecs.Lights(srid), progress),
            ImportKind.Cameras => Run(request, reader, new CameraConverter(), TableSpecs.Cameras(srid), progress),
            ImportKind.Measures => Run(request, reader, new MeasureConverter(), TableSpecs.Measures(srid), progress),
            ImportKind.Areas => Run(request, reader, new AreaConverter(), TableSpecs.Areas(srid), progress),
            ImportKind.Basemap => Run(request, reader, new BasemapConverter(), TableSpecs.Basemap(srid), progress),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "unknown import kind"),
        };
    }

    private ImportResult Run<TRow>(ImportRequest request, IRecordReader reader, IRowConverter<TRow> converter, TableSpec<TRow> spec, IProgress<(long Done, long? Total, long Rows)>? progress)
        where TRow : class =>
        new ImportPipeline<TRow>(converter, settings).Run(request, reader, () => new CopySink<TRow>(connectionString, spec, request.SourceName), progress);
}
