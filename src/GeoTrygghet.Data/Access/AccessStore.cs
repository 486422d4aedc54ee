using GeoTrygghet.Data.Schema;
using Npgsql;

namespace GeoTrygghet.Data.Access;

/// <summary>
/// The organisations, their users, the users' bearer tokens (as SHA-256 only) and the sharing rules between the
/// organisations, in the database. A duplicate or a missing organisation or user is a <see cref="DatabaseException"/>
/// that names it.
/// </summary>
public static class AccessStore
{
    public sealed record OrganisationRow(string Id, string Name, string Kind, int Users);

    public sealed record UserRow(string Name, string OrgId, string Role, DateTimeOffset CreatedAt, int ActiveTokens);

    public sealed record SharingRow(string FromOrg, string ToOrg, string Layer, string Level, DateTimeOffset UpdatedAt);

    public static void AddOrganisation(string connectionString, string id, string name, string kind)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("INSERT INTO organisations (id, name, kind) VALUES ($1, $2, $3)", conn);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(kind);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DatabaseException(e.ConstraintName?.Contains("name", StringComparison.Ordinal) == true
                ? $"an organisation named '{name}' exists already"
                : $"the organisation '{id}' exists already (./gt orgs list shows them)");
        }
    }

    public static IReadOnlyList<OrganisationRow> Organisations(string connectionString)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT o.id, o.name, o.kind, (SELECT count(*)::int FROM users u WHERE u.org_id = o.id) FROM organisations o ORDER BY o.id", conn);
        using var reader = cmd.ExecuteReader();
        var rows = new List<OrganisationRow>();
        while (reader.Read())
        {
            rows.Add(new OrganisationRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }

    public static void AddUser(string connectionString, string name, string orgId, string role, string passwordHash)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("INSERT INTO users (name, org_id, role, password_hash) VALUES ($1, $2, $3, $4)", conn);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(orgId);
        cmd.Parameters.AddWithValue(role);
        cmd.Parameters.AddWithValue(passwordHash);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DatabaseException($"the user '{name}' exists already (./gt users list shows them)");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new DatabaseException($"there is no organisation '{orgId}'; add it first with ./gt orgs add {orgId} --name … --kind police|municipality|partner");
        }
    }

    public static IReadOnlyList<UserRow> Users(string connectionString)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand(
            "SELECT u.name, u.org_id, u.role, u.created_at, (SELECT count(*)::int FROM user_tokens t WHERE t.user_name = u.name AND t.expires_at > now()) FROM users u ORDER BY u.org_id, u.name", conn);
        using var reader = cmd.ExecuteReader();
        var rows = new List<UserRow>();
        while (reader.Read())
        {
            rows.Add(new UserRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>The stored password hash of a user, or null when there is no such user.</summary>
    public static string? PasswordHash(string connectionString, string name)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT password_hash FROM users WHERE name = $1", conn);
        cmd.Parameters.AddWithValue(name);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Removes a user and every token of it; false when there is no such user.</summary>
    public static bool RemoveUser(string connectionString, string name)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("DELETE FROM users WHERE name = $1", conn);
        cmd.Parameters.AddWithValue(name);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>Keeps a token's hash for a user until <paramref name="expiresAt"/>; false when there is no such user.</summary>
    public static bool AddToken(string connectionString, string userName, byte[] tokenHash, DateTimeOffset expiresAt)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("INSERT INTO user_tokens (user_name, token_hash, expires_at) SELECT name, $2, $3 FROM users WHERE name = $1", conn);
        cmd.Parameters.AddWithValue(userName);
        cmd.Parameters.AddWithValue(tokenHash);
        cmd.Parameters.AddWithValue(expiresAt);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>Deletes every token of a user at once: how many there were, or null when there is no such user.</summary>
    public static int? RevokeTokens(string connectionString, string userName)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        using var exists = new NpgsqlCommand("SELECT 1 FROM users WHERE name = $1 FOR UPDATE", conn, tx);
        exists.Parameters.AddWithValue(userName);
        if (exists.ExecuteScalar() is null)
        {
            return null;
        }

        using var delete = new NpgsqlCommand("DELETE FROM user_tokens WHERE user_name = $1", conn, tx);
        delete.Parameters.AddWithValue(userName);
        var removed = delete.ExecuteNonQuery();
        tx.Commit();
        return removed;
    }

    /// <summary>
    /// Whom an unexpired token speaks for, with how it sees incidents and reports (issue #10), or null. Exactly (its own
    /// organisation's rows and those of organisations sharing the layer as <c>exact</c>) when another organisation shares
    /// the layer exactly; else aggregated when any other organisation's rule (or the default) is <c>aggregate</c>; else
    /// not at all. Whether its own rows make a layer exact is the caller's to add (<see cref="OwnersOf"/>, kept per data
    /// version: asked per request, the question scans a table whose rows all belong to another organisation).
    /// </summary>
    public static Core.Access.Viewer? ViewerOf(string connectionString, byte[] tokenHash)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            WITH me AS (
                SELECT u.name, u.org_id, o.name AS org_name, o.kind, u.role, t.expires_at
                FROM user_tokens t JOIN users u ON u.name = t.user_name JOIN organisations o ON o.id = u.org_id
                WHERE t.token_hash = $1 AND t.expires_at > now()
            ), layers(layer) AS (VALUES ('incidents'), ('reports'))
            SELECT me.name, me.org_id, me.org_name, me.kind, me.role, l.layer, x.exact,
                cardinality(x.exact) > 1 AS sees_exact,
                EXISTS (SELECT 1 FROM organisations o WHERE o.id <> me.org_id AND coalesce(
                    (SELECT s.level FROM sharing_rules s WHERE s.from_org = o.id AND s.to_org = me.org_id AND s.layer = l.layer), 'aggregate') = 'aggregate') AS sees_aggregate,
                me.expires_at
            FROM me CROSS JOIN layers l
            CROSS JOIN LATERAL (SELECT ARRAY(
                SELECT me.org_id UNION SELECT s.from_org FROM sharing_rules s WHERE s.to_org = me.org_id AND s.layer = l.layer AND s.level = 'exact'
                ORDER BY 1) AS exact) x
            ORDER BY l.layer
            """, conn);
        cmd.Parameters.AddWithValue(tokenHash);
        // Asked with every request of a signed-in reader: planned once per connection.
        cmd.Prepare();
        using var reader = cmd.ExecuteReader();
        var layers = new Dictionary<string, (string[] Exact, Core.Access.LayerAccess Access)>(StringComparer.Ordinal);
        string[]? who = null;
        var expires = DateTimeOffset.MinValue;
        while (reader.Read())
        {
            who ??= [reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)];
            expires = reader.GetFieldValue<DateTimeOffset>(9);
            var access = reader.GetBoolean(7) ? Core.Access.LayerAccess.Exact : reader.GetBoolean(8) ? Core.Access.LayerAccess.Aggregate : Core.Access.LayerAccess.None;
            layers[reader.GetString(5)] = (reader.GetFieldValue<string[]>(6), access);
        }

        return who is null ? null : new Core.Access.Viewer(who[0], who[1], who[2], who[3], who[4],
            new Core.Access.EventOwners(layers["incidents"].Exact, layers["reports"].Exact), layers["incidents"].Access, layers["reports"].Access) { ExpiresAt = expires };
    }

    /// <summary>Makes or updates an account of the identity provider (its password hash the given marker); false when a local account has the name.</summary>
    public static bool ProvideExternalUser(string connectionString, string name, string orgId, string role, string marker)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            INSERT INTO users (name, org_id, role, password_hash) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO UPDATE SET org_id = excluded.org_id, role = excluded.role WHERE users.password_hash = $4
            """, conn);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(orgId);
        cmd.Parameters.AddWithValue(role);
        cmd.Parameters.AddWithValue(marker);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The organisations that own rows of incidents or reports.</summary>
    public static IReadOnlySet<string> OwnersOf(string connectionString, bool incidents)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"SELECT DISTINCT org_id FROM {(incidents ? "incidents" : "reports")} WHERE org_id IS NOT NULL", conn);
        using var reader = cmd.ExecuteReader();
        var owners = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            owners.Add(reader.GetString(0));
        }

        return owners;
    }

    /// <summary>Ends one token (a viewer's session at sign-out); false when there was none.</summary>
    public static bool RemoveToken(string connectionString, byte[] tokenHash)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("DELETE FROM user_tokens WHERE token_hash = $1", conn);
        cmd.Parameters.AddWithValue(tokenHash);
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The one organisation of a kind, or null when there is none or more than one.</summary>
    public static string? OnlyOrganisationOf(string connectionString, string kind)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT min(id) FROM organisations WHERE kind = $1 HAVING count(*) = 1", conn);
        cmd.Parameters.AddWithValue(kind);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Whether an organisation of this id exists.</summary>
    public static bool OrganisationExists(string connectionString, string id)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT 1 FROM organisations WHERE id = $1", conn);
        cmd.Parameters.AddWithValue(id);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Sets what <paramref name="fromOrg"/> shares of a layer with <paramref name="toOrg"/>, replacing an earlier rule.</summary>
    public static void SetSharing(string connectionString, string fromOrg, string toOrg, string layer, string level)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            INSERT INTO sharing_rules (from_org, to_org, layer, level) VALUES ($1, $2, $3, $4)
            ON CONFLICT (from_org, to_org, layer) DO UPDATE SET level = excluded.level, updated_at = now()
            """, conn);
        cmd.Parameters.AddWithValue(fromOrg);
        cmd.Parameters.AddWithValue(toOrg);
        cmd.Parameters.AddWithValue(layer);
        cmd.Parameters.AddWithValue(level);
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            var missing = e.ConstraintName?.Contains("to_org", StringComparison.Ordinal) == true ? toOrg : fromOrg;
            throw new DatabaseException($"there is no organisation '{missing}' (./gt orgs list shows them)");
        }
    }

    public static IReadOnlyList<SharingRow> Sharing(string connectionString)
    {
        using var conn = SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT from_org, to_org, layer, level, updated_at FROM sharing_rules ORDER BY from_org, to_org, layer", conn);
        using var reader = cmd.ExecuteReader();
        var rows = new List<SharingRow>();
        while (reader.Read())
        {
            rows.Add(new SharingRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }
}
