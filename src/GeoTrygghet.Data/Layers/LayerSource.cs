using GeoTrygghet.Data.Events;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// A map layer as a source, after martin's tile source (maplibre/martin, <c>martin-core/src/tiles/source.rs</c>): its id
/// (in every URL and as the OGC collection id), what it shows (for the catalog and TileJSON), and the SQL that reads it —
/// a FROM clause with the alias <c>t</c> and a <c>t.geom</c> in the analysis CRS, the attribute list, and
/// <see cref="Mercator"/>, the geometry in EPSG:3857 (a stored column where the table keeps one) — for vector and raster
/// tiles (<c>LayerSource.Tiles.cs</c>), OGC pages, single features, extents and time spans (<c>LayerSource.Features.cs</c>).
/// A kind of layer adds its own filter by overriding <see cref="Conditions"/>: layers of events apply the one event filter
/// (<see cref="EventLayerSource"/>), the hotspots layer a stored run (<see cref="HotspotRunLayerSource"/>); no code
/// elsewhere looks at a layer's id to decide what to do.
/// </summary>
public abstract partial class LayerSource
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Point, Polygon or Geometry (mixed), as TileJSON and the catalog say it.</summary>
    public required string GeometryType { get; init; }

    /// <summary>The attributes a tile or feature carries, with their TileJSON types.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>The tables whose changes invalidate the layer's tiles and extents.</summary>
    public required IReadOnlyList<string> Tables { get; init; }

    /// <summary>The FROM clause, with the alias <c>t</c>.</summary>
    public required string From { get; init; }

    /// <summary>The SELECT list of the attributes (the first is the feature id).</summary>
    public required string Attributes { get; init; }

    /// <summary>The geometry in EPSG:3857.</summary>
    public string Mercator { get; init; } = "ST_Transform(t.geom, 3857)";

    /// <summary>Points: counted in cells below the detail zoom and when a tile would hold too many.</summary>
    public bool Points { get; init; }

    /// <summary>Holds or is drawn from single events: a public deployment never serves it as features.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The column a raster tile colours its features by (a light's status), or none.</summary>
    public string RasterStatus { get; init; } = "NULL::text";

    /// <summary>The events table when this is a layer of events (then the event filter, OGC's datetime and time spans apply).</summary>
    public virtual EventTable? Events => null;

    /// <summary>The query parameters of the layer's own filter, for the catalog.</summary>
    public virtual IReadOnlyList<string> FilterNames => [];

    /// <summary>Adds the WHERE conditions and parameters of the part of <paramref name="filter"/> that concerns this layer.</summary>
    public virtual void Conditions(LayerFilter filter, List<string> where, NpgsqlCommand cmd)
    {
    }

    /// <summary>What the filter names that does not exist (a stored run), as a sentence for a 404; null when all is there.</summary>
    public virtual Task<string?> MissingAsync(NpgsqlDataSource db, LayerFilter filter, CancellationToken cancel) => Task.FromResult<string?>(null);
}
