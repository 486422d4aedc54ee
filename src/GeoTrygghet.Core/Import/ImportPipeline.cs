using GeoTrygghet.Core.Crs;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// Reads a file, converts every record and streams the valid rows into a sink, in one pass. All or
/// nothing by default: after the first bad row nothing more is written, the rest is still checked so
/// that every bad row is reported, and the sink is disposed uncommitted. With keep-valid the valid rows
/// are committed and the rejected ones reported. A repeated id within the file is a bad row too: the
/// second would silently overwrite the first. Rows are handed to the sink on a second thread
/// (<see cref="BatchWriter{TRow}"/>), so reading and converting overlap with writing. The rejected rows go to
/// <paramref name="rejects"/>.
/// </summary>
public sealed class ImportPipeline<TRow>(IRowConverter<TRow> converter, ImportSettings settings, IRejectsFile rejects)
    where TRow : class
{
    public ImportResult Run(ImportRequest request, IRecordReader reader, Func<IImportSink<TRow>> openSink, IProgress<(long Done, long? Total, long Rows)>? progress = null)
    {
        if (request.RejectsPath is not null)
        {
            rejects.CheckWritable(request.RejectsPath, request.Path);
        }

        var (srid, origin) = ResolveSrid(request, reader);
        var notes = new List<string>(reader.Assumptions);
        if (request.Srid is { } given && reader.DeclaredSrid is { } declared && given != declared)
        {
            notes.Add($"--crs EPSG:{given} overrides the EPSG:{declared} the file declares");
        }

        var mapping = FieldMapping.Build(request.Kind, reader.Columns, request.Map ?? new Dictionary<string, string>(), request.Path, reader.HasGeometry);
        var context = new RecordContext(mapping, settings, new GeometryReprojector(srid, settings.AnalysisSrid));
        var rejected = new List<RejectedRow>();
        var firstRowOfId = new Dictionary<string, long>(StringComparer.Ordinal);
        var noteCounts = new Dictionary<string, (int Count, long FirstRow)>(StringComparer.Ordinal);
        long read = 0;
        using var sink = openSink();
        using var writer = new BatchWriter<TRow>(sink);
        foreach (var record in reader.Read())
        {
            read++;
            context.Reset(record);
            var row = converter.Convert(context, request.SourceName);
            if (row is not null)
            {
                var id = converter.ExternalIdOf(row);
                if (firstRowOfId.TryGetValue(id, out var firstRow))
                {
                    context.Fail("id", $"'{id}' is repeated (first at row {firstRow}); ids must be unique within a source");
                    row = null;
                }
                else
                {
                    firstRowOfId[id] = record.Row;
                }
            }

            foreach (var note in context.Notes)
            {
                noteCounts[note] = noteCounts.TryGetValue(note, out var seen) ? (seen.Count + 1, seen.FirstRow) : (1, record.Row);
            }

            if (row is null)
            {
                rejected.Add(new RejectedRow(record.Row, record.Location, context.Errors.ToArray(), record.Values, record.Geometry));
            }
            else if (request.KeepValid || rejected.Count == 0)
            {
                writer.Add(row);
            }

            if ((read & 0x3FFF) == 0)
            {
                var (done, total) = reader.Progress;
                progress?.Report((done, total, read));
            }
        }

        writer.Finish();
        progress?.Report((reader.Progress.Done, reader.Progress.Total, read));
        notes.AddRange(noteCounts.Select(kv => kv.Value.Count == 1 ? $"{kv.Key} (row {kv.Value.FirstRow})" : $"{kv.Key} (row {kv.Value.FirstRow}, and {kv.Value.Count - 1} more like it)"));
        if (mapping.UnusedColumns.Count > 0)
        {
            notes.Add($"columns not imported: {string.Join(", ", mapping.UnusedColumns)}");
        }

        // The rejects are written first: if that fails, nothing is committed and nothing is lost.
        if (request.RejectsPath is not null && (rejected.Count > 0 || request.KeepValid))
        {
            rejects.Write(request.RejectsPath, reader.Columns, rejected, reader.HasGeometry ? srid : null);
        }

        ImportCounts? committed = null;
        if (rejected.Count == 0 || request.KeepValid)
        {
            committed = sink.Commit();
        }

        return new ImportResult(request.Path, srid, origin, read, committed, rejected, notes);
    }

    private (int Srid, string Origin) ResolveSrid(ImportRequest request, IRecordReader reader)
    {
        if (request.Srid is { } given)
        {
            CrsRegistry.Get(given);
            return (given, "--crs");
        }

        if (reader.DeclaredSrid is { } declared)
        {
            if (!CrsRegistry.IsKnown(declared))
            {
                throw new ImportFormatException(request.Path, $"declares EPSG:{declared}, which GeoTrygghet does not know; reproject the file or give --crs");
            }

            return (declared, "the file");
        }

        if (reader.UnknownCrs is { } why)
        {
            throw new ImportFormatException(request.Path, $"{why}; give the file's CRS with --crs EPSG:n");
        }

        // A CSV does not say its CRS: lon/lat columns mean WGS 84, anything else the analysis CRS.
        var lonLat = reader.Columns.Any(c => c.Equals("lon", StringComparison.OrdinalIgnoreCase) || c.Equals("longitude", StringComparison.OrdinalIgnoreCase) || c.Equals("lng", StringComparison.OrdinalIgnoreCase));
        return lonLat ? (4326, "default for lon/lat columns") : (settings.AnalysisSrid, "default: the analysis CRS, as the file does not say");
    }
}
