namespace ModScope.Web.Api;

/// <summary>
/// <c>GET /api/session</c>: who is signed in (empty name when nobody), their role and scope, whether sign-in is
/// required (users are configured), the anti-forgery token their state-changing calls send in <c>X-CSRF-Token</c>, and
/// whether an identity provider signs users in (<c>GET /signin/oidc</c>).
/// </summary>
internal sealed record SessionAnswer(string Name, string Role, string Scope, bool SignInRequired, bool SeesPeople, string? Csrf, bool Oidc);
