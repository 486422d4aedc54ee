namespace GeoTrygghet.Cli.Commands;

/// <summary>A deployment configuration file that cannot be used, with the file and the reason.</summary>
internal sealed class ConfigException(string message) : Exception(message);
