namespace GeoTrygghet.Server.Layers;

/// <summary>A request parameter that cannot be used: answered with 400 and the parameter's name.</summary>
public sealed class FilterException(string parameter, string message) : Exception($"{parameter}: {message}")
{
    public string Parameter { get; } = parameter;
}
