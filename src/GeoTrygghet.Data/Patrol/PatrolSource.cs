using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Overlay;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Union;
using Npgsql;

namespace GeoTrygghet.Data.Patrol;

/// <summary>
/// The hotspots a presence plan can send patrols to — a stored run's clusters, or its hot cells joined where
/// they touch — each standing at its densest event and with its risk by hour of the week from the incidents and reports of the look-back before
/// the shift; and the street network to route along.
/// </summary>
public static class PatrolSource
{
    public sealed record Sites(IReadOnlyList<PatrolSite> List, IReadOnlyDictionary<string, Geometry> Areas, string Run, int Events, string Description)
    {
        /// <summary>The run's id and name, for the plan's record.</summary>
        public (long Id, string Name) RunIdentity { get; init; }
    }

    public static Sites Load(string connectionString, string? run, string? areaName, DateTimeOffset shiftStart, double lookBackDays, double halfLifeDays, double reportWeight, int maxSites, int srid, CancellationToken cancel = default)
    {
        var runName = run ?? LatestRun(connectionString);
        var polygons = AssetSource.RunHotspots(connectionString, runName);
        var merged = UnaryUnionOp.Union(polygons.Select(p => p.Area).ToList());
        var parts = Enumerable.Range(0, merged.NumGeometries).Select(merged.GetGeometryN).Where(g => g.Area > 0).ToList();
        if (areaName is not null)
        {
            var area = AssetSource.Areas(connectionString, null).Where(a => a.Label.StartsWith(areaName + " (", StringComparison.Ordinal) || a.Id == areaName).Select(a => a.Area).ToList();
            if (area.Count == 0)
            {
                throw new DatabaseException($"there is no area named '{areaName}'; areas: {string.Join(", ", AssetSource.Areas(connectionString, null).Select(a => a.Label))}.");
            }

            var union = UnaryUnionOp.Union(area);
            parts = parts.Where(p => p.Intersects(union)).ToList();
            if (parts.Count == 0)
            {
                throw new DatabaseException($"no hotspot of run '{runName}' lies in area '{areaName}'.");
            }
        }

        var localStart = StockholmTime.LocalDate(shiftStart);
        var filter = new EventFilter(localStart.AddDays(-(int)Math.Ceiling(lookBackDays)), localStart, IncidentWeight: 1, ReportWeight: reportWeight);
        var events = PointSource.Load(connectionString, filter, cancel);
        var factory = new GeometryFactory(new PrecisionModel(), srid);
        var sites = new List<(PatrolSite Site, Geometry Area, double Total)>();
        foreach (var part in parts)
        {
            cancel.ThrowIfCancellationRequested();
            var prepared = PreparedGeometryFactory.Prepare(part);
            var env = part.EnvelopeInternal;
            var inside = new List<(DateTimeOffset, DateTimeOffset?, double)>();
            var positions = new List<(double X, double Y)>();
            for (var i = 0; i < events.Count; i++)
            {
                if (env.Contains(events.X[i], events.Y[i]) && events.TimeFrom![i] is { } from && from < shiftStart && prepared.Covers(factory.CreatePoint(new Coordinate(events.X[i], events.Y[i]))))
                {
                    inside.Add((from, events.TimeTo?[i], events.Weight?[i] ?? 1));
                    positions.Add((events.X[i], events.Y[i]));
                }
            }

            var profile = HourOfWeekRisk.Profile(inside, shiftStart, lookBackDays, halfLifeDays, StockholmTime.Zone);
            var members = polygons.Where(p => p.Area.Intersects(part)).ToList();
            var main = members.MaxBy(p => p.Area.Area);
            var id = $"H{main.Id}";
            var label = members.Count == 1 ? main.Label : $"{main.Label} with {members.Count - 1} touching";
            var densest = DensestPoint.Find(positions.Select(p => p.X).ToArray(), positions.Select(p => p.Y).ToArray(), 50);
            var (x, y) = densest is { } d ? positions[d] : (part.InteriorPoint.X, part.InteriorPoint.Y);
            sites.Add((new PatrolSite(id, label, x, y, profile), part, profile.Sum()));
        }

        var kept = sites.OrderByDescending(s => s.Total).ThenBy(s => s.Site.Id, StringComparer.Ordinal).Take(maxSites).ToList();
        var description = $"{kept.Count} hotspots of run '{Identity(connectionString, runName).Name}'{(areaName is null ? string.Empty : $" in {areaName}")}{(sites.Count > kept.Count ? $" (the {maxSites} with the most risk of {sites.Count})" : string.Empty)}";
        return new Sites(kept.Select(s => s.Site).ToList(), kept.ToDictionary(s => s.Site.Id, s => s.Area, StringComparer.Ordinal), runName, events.Count, description)
        {
            RunIdentity = Identity(connectionString, runName),
        };
    }

    /// <summary>The basemap's streets and paths, for routing; empty when none are loaded.</summary>
    public static List<Geometry> Streets(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT ST_AsBinary(geom) FROM basemap_features WHERE kind IN ('street', 'path') AND ST_Dimension(geom) = 1", conn);
        using var reader = cmd.ExecuteReader();
        var wkb = new WKBReader();
        var lines = new List<Geometry>();
        while (reader.Read())
        {
            lines.Add(wkb.Read(reader.GetFieldValue<byte[]>(0)));
        }

        return lines;
    }

    private static (long Id, string Name) Identity(string connectionString, string run)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT id, name FROM analysis_runs WHERE id::text = $1 OR name = $1 ORDER BY id LIMIT 1", conn);
        cmd.Parameters.AddWithValue(run);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, run);
    }

    private static string LatestRun(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"""
            SELECT r.id::text FROM analysis_runs r
            WHERE EXISTS (SELECT 1 FROM analysis_features f WHERE f.run_id = r.id AND {AssetSource.HotspotFeature})
            ORDER BY r.id DESC LIMIT 1
            """, conn);
        return cmd.ExecuteScalar() as string
            ?? throw new DatabaseException("there is no stored hotspot run to plan from: run ./gt hotspots dbscan|gistar first (it stores the run), or give --run.");
    }
}
