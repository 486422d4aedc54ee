namespace GeoTrygghet.Data.Layers;

/// <summary>A layer that shows a table as it is (lights, cameras, areas, measures, the basemap): no filter of its own.</summary>
public sealed class TableLayerSource : LayerSource;
