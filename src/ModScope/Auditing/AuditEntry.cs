namespace ModScope.Auditing;

/// <summary>
/// One audited request: when (UTC), who (user name and role), what kind (view, export, change, sign-in), the HTTP method
/// and the request (path and query), and the answer's status code.
/// </summary>
public sealed record AuditEntry(DateTime At, string User, string Role, string Action, string Method, string Request, int Status);
