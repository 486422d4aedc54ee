namespace GeoTrygghet.Core.Import;

/// <summary>A file that cannot be read at all (not a row that is bad): names the file and what is wrong.</summary>
public sealed class ImportFormatException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string FilePath { get; } = path;
}
