namespace ModScope.Web.Api;

/// <summary>The body of <c>POST /api/session/signin</c>.</summary>
internal sealed record SignInBody(string? Name, string? Password);
