using GeoTrygghet.Data.Schema;
using GeoTrygghet.IntegrationTests.Support;
using Npgsql;

namespace GeoTrygghet.IntegrationTests.Schema;

/// <summary>
/// The role every command and the map service connect as (the connection string <c>gt db up</c> prints)
/// is not a superuser: a hole in the service must not hand out the server's files, programs or other
/// databases. It still owns what GeoTrygghet works on, so imports, first loads and notifications work.
/// </summary>
public sealed class DatabaseRoleTests(TestDatabase db) : IClassFixture<TestDatabase>, IDisposable
{
    private const string InsufficientPrivilege = "42501";

    private readonly string _dir = Directory.CreateTempSubdirectory("gt-role-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Connections => new() { "commands", "test database" };

    [Theory]
    [MemberData(nameof(Connections))]
    public void The_role_is_not_a_superuser_and_has_no_other_cluster_wide_power(string which)
    {
        using var conn = Open(which);
        using var cmd = new NpgsqlCommand(
            """
            SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls,
                   pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'),
                   pg_has_role(current_user, 'pg_write_server_files', 'MEMBER'),
                   pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')
            FROM pg_roles WHERE rolname = current_user
            """, conn);
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        string[] names = ["superuser", "createdb", "createrole", "replication", "bypassrls", "pg_read_server_files", "pg_write_server_files", "pg_execute_server_program"];
        var held = names.Where((_, i) => reader.GetBoolean(i)).ToList();
        Assert.Empty(held);
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO PROGRAM 'true'")]
    [InlineData("COPY (SELECT 1) TO '/tmp/gt-role-test.out'")]
    [InlineData("CREATE TEMP TABLE passwd (line text); COPY passwd FROM '/etc/passwd'")]
    [InlineData("SELECT pg_read_file('/etc/passwd')")]
    [InlineData("SELECT pg_ls_dir('/')")]
    [InlineData("CREATE EXTENSION file_fdw")]
    [InlineData("CREATE DATABASE gt_role_test_must_not_exist")]
    [InlineData("CREATE ROLE gt_role_test_must_not_exist")]
    public void Server_files_programs_and_cluster_objects_are_refused(string sql)
    {
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        var e = Assert.Throws<PostgresException>(() => cmd.ExecuteNonQuery());
        Assert.Equal(InsufficientPrivilege, e.SqlState);
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void The_role_owns_its_database_and_every_GeoTrygghet_table(string which)
    {
        using var conn = Open(which);
        using (var cmd = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) = current_user FROM pg_database WHERE datname = current_database()", conn))
        {
            Assert.True((bool)cmd.ExecuteScalar()!);
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        string user;
        using (var cmd = new NpgsqlCommand("SELECT current_user::text", conn))
        {
            user = (string)cmd.ExecuteScalar()!;
        }

        // spatial_ref_sys belongs to PostGIS, which the administrative connection creates.
        using (var cmd = new NpgsqlCommand("SELECT tablename::text, tableowner::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'", conn))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                owners[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.All(SchemaManager.Tables, t => Assert.True(owners.ContainsKey(t), $"table {t} is missing"));
        Assert.All(owners, o => Assert.True(o.Value == user, $"{o.Key} is owned by {o.Value}, not {user}"));
    }

    [Fact]
    public void A_first_load_and_an_upsert_work_as_the_role_and_notify_listeners()
    {
        var file = Path.Combine(_dir, "incidents.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nR1,556000,6597000,2024-03-01T22:00,Misshandel\nR2,556100,6597100,2024-03-02T01:00,Stöld\n");
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents"));

        using var listener = new NpgsqlConnection(db.ConnectionString);
        listener.Open();
        var notified = new List<string>();
        listener.Notification += (_, n) => notified.Add(n.Payload);
        using (var listen = new NpgsqlCommand("LISTEN gt_data_changes", listener))
        {
            listen.ExecuteNonQuery();
        }

        var first = GtProcess.Run(db.ConnectionString, "import", "incidents", file, "--source", "role");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.True(listener.Wait(TimeSpan.FromSeconds(10)), "no gt_data_changes notification after the first load");
        Assert.Contains(notified, p => p.StartsWith("incidents:", StringComparison.Ordinal));

        File.AppendAllText(file, "R3,556200,6597200,2024-03-03T01:00,Stöld\n");
        var second = GtProcess.Run(db.ConnectionString, "import", "incidents", file, "--source", "role");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal(3, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'role'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'p'"));
    }

    private NpgsqlConnection Open(string which)
    {
        var conn = new NpgsqlConnection(which == "commands" ? TestDatabase.CommandConnectionString : db.ConnectionString);
        conn.Open();
        return conn;
    }
}
