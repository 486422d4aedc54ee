namespace GeoTrygghet.Server;

/// <summary>Heavy work of this kind is already running as often as the machine allows: answered 503 with Retry-After.</summary>
public sealed class BusyException(string message) : Exception(message);
