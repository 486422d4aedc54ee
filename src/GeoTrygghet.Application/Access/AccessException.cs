namespace GeoTrygghet.Application.Access;

/// <summary>A request about organisations, users, tokens or sharing that cannot be done, with what to do instead.</summary>
public sealed class AccessException(string message) : Exception(message);
