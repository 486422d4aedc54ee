using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.Cluster;

/// <summary>
/// The project's own PostgreSQL 15 + PostGIS 3 cluster in <c>.local/pg/</c>: installed from Debian's
/// packages when missing, listening on 127.0.0.1 only (port <c>GEOTRYGGHET_PG_PORT</c>, default
/// 54329), its socket in a folder only the server's user can open, and a generated password for the
/// <c>geotrygghet</c> role kept in <c>.local/pg/connection</c> (mode 600). That role is no superuser;
/// it owns the database and the schema. The <c>postgres</c> superuser, over the socket, installs PostGIS
/// (<c>.local/pg/admin-connection</c>). PostgreSQL refuses to run as root, so as root the cluster runs
/// as the <c>postgres</c> user.
/// </summary>
public sealed class LocalCluster(TextWriter log)
{
    public const string Database = "geotrygghet";
    public const string Role = "geotrygghet";
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private const string PostgisControl = "/usr/share/postgresql/15/extension/postgis.control";

    public static string Folder => LocalClusterFiles.Folder;

    public static string ConnectionFile => LocalClusterFiles.ConnectionFile;

    /// <summary>The <c>postgres</c> superuser over the private socket, for what the application role may not do.</summary>
    public static string AdminConnectionFile => LocalClusterFiles.AdminConnectionFile;

    // Where the server's own files live: .local/pg, unless the postgres user cannot reach the checkout
    // (a parent folder closed to other users, e.g. under /root); then a folder of its own under
    // /var/lib/postgresql, named after the checkout and recorded here so every command finds it.
    private static string ServerFolderFile => Path.Combine(Folder, "server-folder");

    private static string ServerFolder => File.Exists(ServerFolderFile) ? File.ReadAllText(ServerFolderFile).Trim() : Folder;

    private static string DataDir => Path.Combine(ServerFolder, "data");

    private static string SocketDir => Path.Combine(ServerFolder, "run");

    private static string LogFile => Path.Combine(ServerFolder, "postgresql.log");

    private static int Port =>
        int.TryParse(Environment.GetEnvironmentVariable("GEOTRYGGHET_PG_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 54329;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Installs, initialises and starts the cluster as needed; returns the connection string.</summary>
    public string Up()
    {
        EnsureInstalled();
        Directory.CreateDirectory(Folder);
        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
        {
            Init();
        }

        if (!IsRunning())
        {
            Start();
        }

        var password = EnsureRoleAndDatabase();
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = Database,
            Username = Role,
            Password = password,
        }.ConnectionString;
        File.WriteAllText(ConnectionFile, cs);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ConnectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return cs;
    }

    public void Down()
    {
        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")) || !IsRunning())
        {
            log.WriteLine("The project's PostgreSQL is not running.");
            return;
        }

        AsServerUser("stopping PostgreSQL", Path.Combine(PgBin, "pg_ctl"), ["-D", DataDir, "-m", "fast", "-w", "stop"]);
        log.WriteLine("Stopped the project's PostgreSQL.");
    }

    public bool IsRunning() =>
        File.Exists(Path.Combine(DataDir, "PG_VERSION")) &&
        ProcessRunner.Run(IsRoot ? "runuser" : Path.Combine(PgBin, "pg_ctl"),
            IsRoot ? ["-u", "postgres", "--", Path.Combine(PgBin, "pg_ctl"), "-D", DataDir, "status"] : ["-D", DataDir, "status"]).ExitCode == 0;

    private void EnsureInstalled()
    {
        if (File.Exists(Path.Combine(PgBin, "initdb")) && File.Exists(PostgisControl))
        {
            return;
        }

        if (!IsRoot)
        {
            throw new DatabaseException("PostgreSQL 15 with PostGIS 3 is not installed. As root run: apt-get install -y postgresql-15 postgresql-15-postgis-3");
        }

        log.WriteLine("Installing PostgreSQL 15 and PostGIS 3 from Debian's packages (apt-get) …");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        ProcessRunner.Check("apt-get update", "apt-get", ["update", "-q"], env);
        ProcessRunner.Check("installing PostgreSQL and PostGIS", "apt-get", ["install", "-y", "-q", "postgresql-15", "postgresql-15-postgis-3"], env);
    }

    private void Init()
    {
        if (IsRoot && ProcessRunner.Run("runuser", ["-u", "postgres", "--", "test", "-x", Folder]).ExitCode != 0)
        {
            var name = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ProjectPaths.Root)))[..12];
            var fallback = Path.Combine("/var/lib/postgresql/geotrygghet", name);
            log.WriteLine($"The postgres user cannot reach {Folder} (a parent folder is closed to other users); the cluster goes to {fallback}.");
            Directory.CreateDirectory(fallback);
            File.WriteAllText(ServerFolderFile, fallback);
        }

        log.WriteLine($"Creating a PostgreSQL cluster in {DataDir} …");
        Directory.CreateDirectory(SocketDir);
        if (IsRoot)
        {
            ProcessRunner.Check("handing the cluster folder to the postgres user", "chown", ["-R", "postgres:postgres", ServerFolder]);
            if (ProcessRunner.Run("runuser", ["-u", "postgres", "--", "test", "-w", ServerFolder]).ExitCode != 0)
            {
                throw new DatabaseException(
                    $"The postgres user cannot write to {ServerFolder}; set GEOTRYGGHET_DB to a database of your own.");
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SocketDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        AsServerUser("initdb", Path.Combine(PgBin, "initdb"),
            ["-D", DataDir, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
        File.AppendAllText(Path.Combine(DataDir, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture,
            $"\n# GeoTrygghet: loopback only, socket in a private folder\nlisten_addresses = '127.0.0.1'\nport = {Port}\nunix_socket_directories = '{SocketDir}'\nunix_socket_permissions = 0700\nshared_buffers = 512MB\nmaintenance_work_mem = 512MB\nmax_wal_size = 4GB\n"));
    }

    private void Start()
    {
        if (PortInUse(Port))
        {
            throw new DatabaseException(string.Create(CultureInfo.InvariantCulture,
                $"Port {Port} on 127.0.0.1 is taken by another program; choose another with GEOTRYGGHET_PG_PORT."));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Starting PostgreSQL on 127.0.0.1:{Port} …"));
        if (IsRoot)
        {
            ProcessRunner.Check("handing the cluster folder to the postgres user", "chown", ["-R", "postgres:postgres", ServerFolder]);
        }

        var (code, output) = IsRoot
            ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", Path.Combine(PgBin, "pg_ctl"), "-D", DataDir, "-l", LogFile, "-w", "-t", "60", "start"])
            : ProcessRunner.Run(Path.Combine(PgBin, "pg_ctl"), ["-D", DataDir, "-l", LogFile, "-w", "-t", "60", "start"]);
        if (code != 0)
        {
            var tail = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(15)) : string.Empty;
            throw new DatabaseException($"PostgreSQL did not start:\n{output.Trim()}\n{tail}");
        }
    }

    private string EnsureRoleAndDatabase()
    {
        var password = File.Exists(ConnectionFile)
            ? new NpgsqlConnectionStringBuilder(File.ReadAllText(ConnectionFile).Trim()).Password
            : null;
        password ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var admin = AdminConnectionString;
        File.WriteAllText(AdminConnectionFile, admin);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(AdminConnectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var conn = new NpgsqlConnection(admin);
        conn.Open();
        using (var cmd = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", conn))
        {
            cmd.Parameters.AddWithValue(Role);
            var exists = cmd.ExecuteScalar() is not null;
            // The service and every command connect as this role, so a flaw in them must not reach the
            // server's files, programs or other databases: no superuser (clusters made before this was
            // so are demoted here, keeping the password) and nothing else cluster-wide. What needs
            // privilege (PostGIS, test databases) goes over the admin connection.
            var sql = $"{(exists ? "ALTER" : "CREATE")} ROLE {Role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password}'";
            using var create = new NpgsqlCommand(sql, conn);
            create.ExecuteNonQuery();
        }

        var granted = new List<string>();
        using (var cmd = new NpgsqlCommand(
            """
            SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
            WHERE r.rolname = $1 AND g.rolname IN ('pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program')
            """, conn))
        {
            cmd.Parameters.AddWithValue(Role);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                granted.Add(reader.GetString(0));
            }
        }

        foreach (var g in granted)
        {
            using var revoke = new NpgsqlCommand($"REVOKE {g} FROM {Role}", conn);
            revoke.ExecuteNonQuery();
        }

        // Those powers can also come through another role someone granted; that is not ours to undo.
        using (var cmd = new NpgsqlCommand(
            """
            SELECT string_agg(p, ', ') FROM unnest(ARRAY['pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program']) p
            WHERE pg_has_role($1, p, 'MEMBER')
            """, conn))
        {
            cmd.Parameters.AddWithValue(Role);
            if (cmd.ExecuteScalar() is string held)
            {
                throw new DatabaseException($"The role {Role} of the project's cluster is a member of {held} through another role; revoke that membership (as postgres over {SocketDir}).");
            }
        }

        using (var cmd = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", conn))
        {
            cmd.Parameters.AddWithValue(Database);
            var owner = cmd.ExecuteScalar() as string;
            // The role owns the database so it can create the schema, and with it every table: imports
            // drop and rebuild a table's primary key on a first load and ANALYZE it, which only the owner may.
            var sql = owner is null ? $"CREATE DATABASE {Database} OWNER {Role}" : owner != Role ? $"ALTER DATABASE {Database} OWNER TO {Role}" : null;
            if (sql is not null)
            {
                using var create = new NpgsqlCommand(sql, conn);
                create.ExecuteNonQuery();
            }
        }

        SchemaManager.InstallPostgis(new NpgsqlConnectionStringBuilder(admin) { Database = Database }.ConnectionString);
        Data.Access.ServiceRole.Create(admin, Role);
        return password;
    }

    // The postgres superuser over the socket only the server's user (or root) can open, with the
    // initdb's trust for local connections: no password to keep.
    private static string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder { Host = SocketDir, Port = Port, Username = "postgres", Database = "postgres" }.ConnectionString;

    private static void AsServerUser(string what, string program, string[] args)
    {
        if (IsRoot)
        {
            ProcessRunner.Check(what, "runuser", new[] { "-u", "postgres", "--", program }.Concat(args));
        }
        else
        {
            ProcessRunner.Check(what, program, args);
        }
    }

    private static bool PortInUse(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
