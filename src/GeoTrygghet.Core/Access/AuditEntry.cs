namespace GeoTrygghet.Core.Access;

/// <summary>
/// One row of the audit log (issue #10): who (a signed-in user and its organisation, or <c>cli:USER</c> for the command
/// line), what (<c>read</c>, <c>export</c>, <c>analyse</c>, <c>import</c>, <c>delete</c>, <c>access</c>, <c>sign_in</c>,
/// <c>sign_in_failed</c>, <c>sign_out</c>, <c>retention</c>), of which layer, collection or table, over which area and
/// period, with a short detail; and when, stamped by the database.
/// </summary>
public sealed record AuditEntry(string? User, string? Org, string Action, string Target, string? Area = null, string? Period = null, string? Detail = null)
{
    public DateTimeOffset? At { get; init; }

    /// <summary>The command line's user, as the audit names it.</summary>
    public static string CommandLineUser => "cli:" + Environment.UserName;
}
