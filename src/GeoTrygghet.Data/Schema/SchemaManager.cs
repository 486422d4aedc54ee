using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GeoTrygghet.Data.Schema;

/// <summary>
/// Applies the schema (EF Core migrations) and checks, before any command touches data, that the
/// database is one GeoTrygghet can work with: PostGIS 3.0 or newer, every migration applied, and the
/// analysis SRID the schema was created with.
/// </summary>
public static class SchemaManager
{
    public static readonly Version MinimumPostgis = new(3, 0);

    /// <summary>The tables whose row counts <c>gt db status</c> reports, in this order.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["incidents", "reports", "street_lights", "cameras", "measures", "areas", "basemap_features", "analysis_runs", "analysis_features", "patrol_visits",
         "organisations", "users", "user_tokens", "sharing_rules"];

    public static IReadOnlyList<string> Migrate(string connectionString)
    {
        using (var conn = Open(connectionString))
        {
            var available = Scalar<string>(conn, "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'");
            if (available is null)
            {
                throw new DatabaseException($"PostGIS is not installed on the server of {Describe(connectionString)}; install postgresql-15-postgis-3 (Debian) or PostGIS 3 for your PostgreSQL.");
            }

            RequireVersion(available, "available on the server");
            var installed = Scalar<string>(conn, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
            if (installed is not null)
            {
                RequireVersion(installed, "installed in the database");
            }
        }

        // A schema that exists keeps the CRS it was made with: a later migration adds its columns in that CRS too.
        CheckSrid(connectionString);
        var srid = StoredSrid(connectionString) ?? SchemaSrid.FromEnvironment ?? SchemaSrid.Default;
        var pending = SchemaSrid.With(srid, () =>
        {
            using var db = new GeoTrygghetDbContext(GeoTrygghetDbContext.Options(connectionString));
            var pending = db.Database.GetPendingMigrations().ToList();
            if (pending.Count > 0)
            {
                try
                {
                    db.Database.Migrate();
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && !HasPostgis(connectionString))
                {
                    throw new DatabaseException(
                        $"PostGIS is not installed in {Describe(connectionString)} and its role may not install it (that needs a superuser): set {ConnectionResolver.AdminEnvironmentVariable} to an administrator's connection string for ./gt db up, or have an administrator run CREATE EXTENSION postgis in that database. ({e.MessageText})", e);
                }
            }

            return pending;
        });

        CheckSrid(connectionString);
        return pending;
    }

    /// <summary>
    /// Installs PostGIS in the database of <paramref name="adminConnectionString"/>, a connection allowed to
    /// (a superuser): the roles the commands use are not, and the migrations then find it in place.
    /// </summary>
    public static void InstallPostgis(string adminConnectionString)
    {
        using var conn = Open(adminConnectionString);
        if (Scalar<string>(conn, "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'") is null)
        {
            throw new DatabaseException($"PostGIS is not installed on the server of {Describe(adminConnectionString)}; install postgresql-15-postgis-3 (Debian) or PostGIS 3 for your PostgreSQL.");
        }

        try
        {
            using var cmd = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", conn);
            cmd.ExecuteNonQuery();
            // Row-level security (issue #10) lets a query's own conditions use an index only when their operators are
            // leakproof; PostGIS does not mark its bounding-box operators so, and every tile would scan its whole table.
            // They compare two boxes and raise no error that depends on a row's values.
            using var leakproof = new NpgsqlCommand(
                "ALTER FUNCTION geometry_overlaps(geometry, geometry) LEAKPROOF; ALTER FUNCTION geometry_contains(geometry, geometry) LEAKPROOF; ALTER FUNCTION geometry_within(geometry, geometry) LEAKPROOF", conn);
            leakproof.ExecuteNonQuery();
        }
        catch (PostgresException e)
        {
            throw new DatabaseException($"Cannot install PostGIS in {Describe(adminConnectionString)} over the administrative connection: {e.MessageText}", e);
        }
    }

    /// <summary>The role of the connection when it is a superuser (which the service should not be), else null.</summary>
    public static string? SuperuserRole(string connectionString)
    {
        using var conn = Open(connectionString);
        return Scalar<string>(conn, "SELECT rolname::text FROM pg_roles WHERE rolname = current_user AND rolsuper");
    }

    /// <summary>Throws a <see cref="DatabaseException"/> that says what to do when the database is not ready.</summary>
    public static void Check(string connectionString)
    {
        using (var conn = Open(connectionString))
        {
            var installed = Scalar<string>(conn, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
            if (installed is null)
            {
                throw new DatabaseException($"The database {Describe(connectionString)} has no PostGIS and no GeoTrygghet schema; run ./gt db up (or apply it to this database with GEOTRYGGHET_DB set).");
            }

            RequireVersion(installed, "installed in the database");
        }

        // Every command runs this check, so it reads the migration history with one query instead of
        // building the EF Core model (which costs most of a second).
        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var conn = Open(connectionString))
        {
            if (Scalar<string>(conn, "SELECT to_regclass('\"__EFMigrationsHistory\"')::text") is not null)
            {
                using var cmd = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\"", conn);
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    applied.Add(reader.GetString(0));
                }
            }
        }

        var pending = KnownMigrations.Where(m => !applied.Contains(m)).ToList();
        if (pending.Count > 0)
        {
            throw new DatabaseException($"The database {Describe(connectionString)} does not have the GeoTrygghet schema (missing: {string.Join(", ", pending)}); run ./gt db up to apply it.");
        }

        CheckSrid(connectionString);
    }

    /// <summary>The ids of the migrations in this build, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = typeof(SchemaManager).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
        .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<(string Table, long Rows)> Counts(string connectionString)
    {
        using var conn = Open(connectionString);
        return Tables.Select(t => (t, Scalar<long>(conn, $"SELECT count(*) FROM {t}"))).ToList();
    }

    /// <summary>
    /// The analysis CRS of the database: the one its geometry columns were made with. Every command and the map service
    /// read it here once and pass it down.
    /// </summary>
    public static int AnalysisSrid(string connectionString) => StoredSrid(connectionString) ?? SchemaSrid.Default;

    private static int? StoredSrid(string connectionString)
    {
        using var conn = Open(connectionString);
        if (Scalar<string>(conn, "SELECT to_regclass('deployment_settings')::text") is null)
        {
            return null;
        }

        var text = Scalar<string>(conn, "SELECT value FROM deployment_settings WHERE key = 'analysis_srid'");
        return text is null ? null : int.Parse(text, CultureInfo.InvariantCulture);
    }

    public static NpgsqlConnection Open(string connectionString)
    {
        var conn = new NpgsqlConnection(connectionString);
        try
        {
            conn.Open();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            conn.Dispose();
            throw new DatabaseException($"Cannot connect to {Describe(connectionString)}: {e.Message}. Is it running? (./gt db up starts the project's PostGIS.)", e);
        }

        return conn;
    }

    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"'{b.Database}' on {b.Host}:{b.Port}");
    }

    private static bool HasPostgis(string connectionString)
    {
        using var conn = Open(connectionString);
        return Scalar<string>(conn, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'") is not null;
    }

    private static void CheckSrid(string connectionString)
    {
        if (StoredSrid(connectionString) is { } stored && SchemaSrid.FromEnvironment is { } asked && asked != stored)
        {
            throw new DatabaseException($"GEOTRYGGHET_SRID is EPSG:{asked} but the database {Describe(connectionString)} was created with EPSG:{stored}; a deployment keeps one analysis CRS.");
        }
    }

    private static void RequireVersion(string text, string where)
    {
        var numeric = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        if (!Version.TryParse(numeric.Count(c => c == '.') == 0 ? numeric + ".0" : numeric, out var version) || version < MinimumPostgis)
        {
            throw new DatabaseException($"PostGIS {text} is {where}; GeoTrygghet needs PostGIS {MinimumPostgis} or newer.");
        }
    }

    private static T? Scalar<T>(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }
}
