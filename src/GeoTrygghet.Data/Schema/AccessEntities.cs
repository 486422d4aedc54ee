namespace GeoTrygghet.Data.Schema;

/// <summary>An organisation of the collaboration (the police, the municipality, a partner such as a housing company).</summary>
public sealed class Organisation
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A person's account: the organisation and role it acts for, and its password as a hash only.</summary>
public sealed class UserAccount
{
    public required string Name { get; set; }
    public required string OrgId { get; set; }
    public required string Role { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A bearer token of a user, kept as its SHA-256 only; it ends at its expiry or when the user's tokens are revoked.</summary>
public sealed class UserToken
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>What one organisation lets another see of a layer it owns: exactly, aggregated, or nothing.</summary>
public sealed class SharingRule
{
    public required string FromOrg { get; set; }
    public required string ToOrg { get; set; }
    public required string Layer { get; set; }
    public required string Level { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
