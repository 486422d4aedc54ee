using System.Text.RegularExpressions;
using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.Data.Access;

/// <summary>
/// The database role the map service reads as (issue #10): <c>OWNER_service</c>, a role without login that the owning
/// role (the one the commands use) is a member of. The service connects as the owner and takes this role in the
/// connection's start-up options, together with the organisation of the request (<c>gt.org</c>) or the public view's
/// whole-data scope for counts (<c>gt.scope=aggregate</c>). Row-level security on incidents and reports applies to
/// every role but the owner, so whatever query the service runs sees only what that organisation may; start-up options
/// survive the pool's <c>DISCARD ALL</c>, so a pooled connection never carries another request's organisation.
/// Creating the role needs a privileged connection (<c>gt db up</c> has one); granting it the tables is the owner's and
/// happens each time the service starts.
/// </summary>
public static partial class ServiceRole
{
    /// <summary>The service role of the owning role in <paramref name="ownerConnectionString"/>.</summary>
    public static string NameFor(string ownerConnectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username ?? Environment.UserName;
        return PlainName().IsMatch(owner)
            ? owner + "_service"
            : throw new DatabaseException($"the database role '{owner}' is not a plain name (a-z, 0-9, _): the service's own role is named after it");
    }

    /// <summary>Creates the service role of <paramref name="owner"/> (if missing) and makes the owner a member; over a privileged connection.</summary>
    public static void Create(string adminConnectionString, string owner)
    {
        if (!PlainName().IsMatch(owner))
        {
            throw new DatabaseException($"the database role '{owner}' is not a plain name (a-z, 0-9, _): the service's own role is named after it");
        }

        using var conn = SchemaManager.Open(adminConnectionString);
        using var cmd = new NpgsqlCommand($"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{owner}_service') THEN
                    CREATE ROLE {owner}_service NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                END IF;
            END $$;
            GRANT {owner}_service TO {owner};
            """, conn);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // Another connection created it at the same moment (test databases are made in parallel); only the membership is left.
            using var grant = new NpgsqlCommand($"GRANT {owner}_service TO {owner}", conn);
            grant.ExecuteNonQuery();
        }
        catch (PostgresException e)
        {
            throw new DatabaseException($"Cannot create the service's role {owner}_service over the administrative connection: {e.MessageText}", e);
        }
    }

    /// <summary>
    /// Gives the service role what it reads and writes: every table to read; analysis runs, their features and the change
    /// log to write (the viewer's analyses); the audit log to append to, never to change. Run by the owner each time the service starts, so tables added since are granted.
    /// </summary>
    public static void Grant(string ownerConnectionString)
    {
        var role = NameFor(ownerConnectionString);
        using var conn = SchemaManager.Open(ownerConnectionString);
        using (var exists = new NpgsqlCommand("SELECT pg_has_role(current_user, $1, 'MEMBER') FROM pg_roles WHERE rolname = $1", conn))
        {
            exists.Parameters.AddWithValue(role);
            if (exists.ExecuteScalar() is not true)
            {
                var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
                throw new DatabaseException(
                    $"The map service reads as the role {role}, which {(owner is null ? "the connection's role" : owner)} is not a member of or which does not exist. " +
                    $"./gt db up creates it for the project's database; for another database run as a superuser: CREATE ROLE {role} NOLOGIN; GRANT {role} TO {owner};");
            }
        }

        using var cmd = new NpgsqlCommand($"""
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
            GRANT INSERT, UPDATE, DELETE ON analysis_runs, analysis_features, data_changes TO {role};
            GRANT INSERT ON audit_log TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """, conn);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InternalError && attempt < 5)
            {
                // "tuple concurrently updated": another service granted the same tables at that moment; again.
                Thread.Sleep(50 * attempt);
            }
        }
    }

    /// <summary>A connection string of the service role for one organisation's reads; null is nobody's (the public view's exact reads: none).</summary>
    public static string ForOrganisation(string ownerConnectionString, string? org)
    {
        if (org is not null && !OrgId().IsMatch(org))
        {
            throw new ArgumentException($"'{org}' is not an organisation id", nameof(org));
        }

        return With(ownerConnectionString, $"-c gt.org={org}");
    }

    /// <summary>A connection string of the service role that reads every event, for counts that leave the service only as aggregates.</summary>
    public static string ForAggregates(string ownerConnectionString) => With(ownerConnectionString, "-c gt.scope=aggregate");

    private static string With(string ownerConnectionString, string setting)
    {
        var b = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        b.Options = $"{b.Options} -c role={NameFor(ownerConnectionString)} {setting}".Trim();
        return b.ConnectionString;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,40}$")]
    private static partial Regex PlainName();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,39}$")]
    private static partial Regex OrgId();
}
