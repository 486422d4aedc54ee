namespace GeoTrygghet.Data;

/// <summary>
/// Where the project's own cluster (made by <c>gt db up</c>, <c>GeoTrygghet.Cluster</c>) keeps the connection strings
/// every command reads: <c>.local/pg/connection</c> for the application role and <c>.local/pg/admin-connection</c> for
/// the <c>postgres</c> superuser over the private socket.
/// </summary>
public static class LocalClusterFiles
{
    public static string Folder => Path.Combine(ProjectPaths.LocalState, "pg");

    public static string ConnectionFile => Path.Combine(Folder, "connection");

    public static string AdminConnectionFile => Path.Combine(Folder, "admin-connection");
}
