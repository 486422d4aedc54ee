namespace GeoTrygghet.Data;

/// <summary>A database problem stated for the user: what was being done, what went wrong, what to do.</summary>
public sealed class DatabaseException(string message, Exception? inner = null) : Exception(message, inner);
