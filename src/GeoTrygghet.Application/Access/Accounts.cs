using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GeoTrygghet.Data.Access;
using GeoTrygghet.Data.Import;
using Microsoft.AspNetCore.Identity;

namespace GeoTrygghet.Application.Access;

/// <summary>
/// Who may look (issue #10): the organisations of the collaboration, their users and roles, the users' bearer tokens and
/// the sharing rules between organisations, for <c>gt orgs</c>, <c>gt users</c> and <c>gt sharing</c>. Passwords are
/// kept only as ASP.NET Core Identity's hash (PBKDF2, HMAC-SHA512, 100,000 iterations, a salt per password); tokens only
/// as their SHA-256, so neither can be read back from the database.
/// </summary>
public static partial class Accounts
{
    public static readonly string[] OrganisationKinds = ["police", "municipality", "partner"];
    public static readonly string[] Roles = ["analyst", "coordinator", "partner"];
    public static readonly string[] SharedLayers = ["incidents", "reports"];
    public static readonly string[] SharingLevels = ["exact", "aggregate", "none"];

    /// <summary>What one organisation sees of another's layer when no rule says otherwise.</summary>
    public const string DefaultSharingLevel = "aggregate";

    public const int MinPasswordLength = 12;
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(30);

    private static readonly PasswordHasher<Account> Hasher = new();

    public static void AddOrganisation(string connectionString, string id, string name, string kind)
    {
        if (!OrganisationId().IsMatch(id))
        {
            throw new AccessException($"'{id}' is not an organisation id: 2–40 lower-case letters a–z, digits, '-' or '_', starting with a letter or digit (e.g. polisen, kommun, kbab)");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Any(char.IsControl))
        {
            throw new AccessException("--name must be the organisation's name as people say it, 1–200 characters");
        }

        RequireOneOf(kind, OrganisationKinds, "--kind");
        AccessStore.AddOrganisation(connectionString, id, name.Trim(), kind);
        Audit(connectionString, "organisations", $"added {id} ({kind})");
    }

    /// <summary>Adds a user with the given password, or a generated one when none is given; returns the generated password.</summary>
    public static string? AddUser(string connectionString, string name, string orgId, string role, string? password)
    {
        if (!UserName().IsMatch(name))
        {
            throw new AccessException($"'{name}' is not a user name: 2–64 letters, digits, '.', '_', '-' or '@'");
        }

        RequireOneOf(role, Roles, "--role");
        string? generated = null;
        if (password is null)
        {
            generated = GeneratePassword();
            password = generated;
        }
        else if (password.Length < MinPasswordLength || password.Length > 256)
        {
            throw new AccessException(string.Create(CultureInfo.InvariantCulture, $"the password must have {MinPasswordLength}–256 characters; it has {password.Length}"));
        }

        AccessStore.AddUser(connectionString, name, orgId, role, Hasher.HashPassword(Account.Instance, password));
        Audit(connectionString, "users", $"added {name} ({orgId}, {role})");
        return generated;
    }

    /// <summary>Whether <paramref name="password"/> is the user's; false for an unknown user too.</summary>
    public static bool CheckPassword(string connectionString, string name, string password) =>
        AccessStore.PasswordHash(connectionString, name) is { } hash && hash != ExternalPassword && Hasher.VerifyHashedPassword(Account.Instance, hash, password) != PasswordVerificationResult.Failed;

    public static void RemoveUser(string connectionString, string name)
    {
        if (!AccessStore.RemoveUser(connectionString, name))
        {
            throw new AccessException($"there is no user '{name}' (./gt users list shows them)");
        }

        Audit(connectionString, "users", $"removed {name}");
    }

    /// <summary>A new bearer token of the user, valid for <paramref name="lifetime"/>: the token (shown once) and its end.</summary>
    public static (string Token, DateTimeOffset ExpiresAt) IssueToken(string connectionString, string userName, TimeSpan lifetime)
    {
        var token = "gt_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = DateTimeOffset.UtcNow + lifetime;
        if (!AccessStore.AddToken(connectionString, userName, Hash(token), expires))
        {
            throw new AccessException($"there is no user '{userName}' (./gt users list shows them)");
        }

        if (lifetime != SessionLifetime)
        {
            Audit(connectionString, "tokens", $"token for {userName} until {Core.Time.StockholmTime.Format(expires)}");
        }

        return (token, expires);
    }

    /// <summary>Makes every token of the user invalid at once; how many there were.</summary>
    public static int RevokeTokens(string connectionString, string userName)
    {
        var revoked = AccessStore.RevokeTokens(connectionString, userName) ?? throw new AccessException($"there is no user '{userName}' (./gt users list shows them)");
        Audit(connectionString, "tokens", string.Create(CultureInfo.InvariantCulture, $"revoked {revoked} tokens of {userName}"));
        return revoked;
    }

    /// <summary>How long a viewer's session lasts after signing in with a password.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(10);

    /// <summary>The signed-in reader a token (a bearer token or a session's) speaks for, or null when it is unknown, expired or revoked.</summary>
    public static Core.Access.Viewer? ViewerOf(string connectionString, string token) =>
        token.StartsWith("gt_", StringComparison.Ordinal) && token.Length < 200 ? AccessStore.ViewerOf(connectionString, Hash(token)) : null;

    /// <summary>A session's token for the user when the password is right (a token like any other, ending with <see cref="SessionLifetime"/>), else null.</summary>
    public static (string Token, DateTimeOffset ExpiresAt)? SignIn(string connectionString, string user, string password)
    {
        if (user.Length > 64 || password.Length > 256)
        {
            return null;
        }

        if (AccessStore.PasswordHash(connectionString, user) is not { } hash || hash == ExternalPassword)
        {
            // The same work as for a known user, so the answer's time does not tell which names exist (an account of the
            // identity provider has no password to check).
            Hasher.VerifyHashedPassword(Account.Instance, UnknownUserHash, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(Account.Instance, hash, password) == PasswordVerificationResult.Failed ? null : IssueToken(connectionString, user, SessionLifetime);
    }

    /// <summary>
    /// The account of a user signed in by the organisation's identity provider: made, or brought up to the provider's
    /// organisation and role, without a password (it cannot sign in with one). A local account of the same name is
    /// refused, not taken over.
    /// </summary>
    public static void ProvideExternalUser(string connectionString, string name, string orgId, string role)
    {
        if (!UserName().IsMatch(name))
        {
            throw new AccessException($"the provider's user name '{name}' is not a user name here: 2–64 letters, digits, '.', '_', '-' or '@'");
        }

        RequireOneOf(role, Roles, "the role claim");
        if (!AccessStore.OrganisationExists(connectionString, orgId))
        {
            throw new AccessException($"the provider's organisation '{orgId}' is not one of this service's (./gt orgs list)");
        }

        if (!AccessStore.ProvideExternalUser(connectionString, name, orgId, role, ExternalPassword))
        {
            throw new AccessException($"'{name}' is a local account here; the provider may not sign in as it");
        }
    }

    /// <summary>The password hash of an account of the identity provider: no password verifies against it.</summary>
    public const string ExternalPassword = "!external";

    /// <summary>Ends a session (its token); nothing happens for an unknown one.</summary>
    public static void SignOut(string connectionString, string token)
    {
        if (token.StartsWith("gt_", StringComparison.Ordinal) && token.Length < 200)
        {
            AccessStore.RemoveToken(connectionString, Hash(token));
        }
    }

    private static readonly string UnknownUserHash = Hasher.HashPassword(Account.Instance, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>The organisation kind whose one organisation owns an import of a kind when <c>--org</c> is not given.</summary>
    public static string DefaultOwnerKind(Core.Domain.ImportKind kind) => kind == Core.Domain.ImportKind.Incidents ? "police" : "municipality";

    /// <summary>
    /// The owner of an import's rows (issue #10): <paramref name="given"/> (which must exist), else the one organisation of
    /// the kind's default (police for incidents, the municipality for reports, measures, lights and cameras). Null for
    /// areas and the basemap, which are everyone's, and while no organisation is set up at all.
    /// </summary>
    public static string? ImportOwner(string connectionString, Core.Domain.ImportKind kind, string? given)
    {
        var name = kind.ToString().ToLowerInvariant();
        if (!ImportTables.Owned(kind))
        {
            return given is null ? null : throw new AccessException($"--org applies to incidents, reports, measures, lights and cameras; {name} belong to everyone");
        }

        if (given is not null)
        {
            return AccessStore.OrganisationExists(connectionString, given) ? given : throw new AccessException($"there is no organisation '{given}' (./gt orgs list shows them)");
        }

        var ownerKind = DefaultOwnerKind(kind);
        if (AccessStore.OnlyOrganisationOf(connectionString, ownerKind) is { } only)
        {
            return only;
        }

        var organisations = AccessStore.Organisations(connectionString);
        return organisations.Count == 0 ? null : throw new AccessException(
            $"which organisation owns these {name}? Name it with --org ID; without --org they go to the one {ownerKind} organisation, and there is " +
            $"{(organisations.Any(o => o.Kind == ownerKind) ? "more than one" : "none")} ({string.Join(", ", organisations.Select(o => $"{o.Id} ({o.Kind})"))})");
    }

    public static void SetSharing(string connectionString, string fromOrg, string toOrg, string layer, string level)
    {
        RequireOneOf(layer, SharedLayers, "--layer");
        RequireOneOf(level, SharingLevels, "--level");
        if (string.Equals(fromOrg, toOrg, StringComparison.Ordinal))
        {
            throw new AccessException($"--from and --to are both '{fromOrg}': an organisation always sees its own data exactly");
        }

        AccessStore.SetSharing(connectionString, fromOrg, toOrg, layer, level);
        Audit(connectionString, "sharing", $"{fromOrg} → {toOrg} {layer}: {level}");
    }

    /// <summary>A change of who may see what, in the audit log, as the command line's user.</summary>
    private static void Audit(string connectionString, string target, string detail) =>
        AuditLog.Append(connectionString, [new Core.Access.AuditEntry(Core.Access.AuditEntry.CommandLineUser, null, "access", target, Detail: detail)]);

    /// <summary>"30d", "12h", "90m": a token's lifetime, from a minute to a year.</summary>
    public static TimeSpan ParseLifetime(string text)
    {
        var m = Lifetime().Match(text);
        if (m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var span = m.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(Math.Min(n, 1_000_000)),
                "h" => TimeSpan.FromHours(Math.Min(n, 100_000)),
                _ => TimeSpan.FromDays(Math.Min(n, 10_000)),
            };
            if (span >= TimeSpan.FromMinutes(1) && span <= TimeSpan.FromDays(366))
            {
                return span;
            }
        }

        throw new AccessException($"--expires '{text}' is not a lifetime from 1m to 366d: a number and m (minutes), h (hours) or d (days), e.g. 1h or 30d");
    }

    private static void RequireOneOf(string value, string[] allowed, string option)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new AccessException($"{option} '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    // No 0/O, 1/l/I: a password printed once is often typed by hand.
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,39}$")]
    private static partial Regex OrganisationId();

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{2,64}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^([0-9]{1,7})(m|h|d)$")]
    private static partial Regex Lifetime();

    /// <summary>The hasher's user: its password format does not depend on who the user is.</summary>
    private sealed class Account
    {
        public static readonly Account Instance = new();
    }
}
