namespace GeoTrygghet.Core.Import;

/// <summary>A field of an import kind: its canonical name, whether a row needs it, and what it holds.</summary>
public sealed record FieldSpec(string Name, bool Required, string Description, params string[] Aliases);
