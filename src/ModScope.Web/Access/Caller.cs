using System.Security.Claims;
using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>
/// Who is asking, as the sign-in (cookie session) or the request's credentials (basic auth, the analyst token) made
/// them: name, role and the part of the data they may see. Without users configured (the single-user loopback tool)
/// a caller with no credentials is <see cref="Local"/>.
/// </summary>
internal sealed record Caller(string Name, Role Role, AccessScope Scope)
{
    public const string ScopeClaim = "modscope:scope";

    /// <summary>Nobody signed in.</summary>
    public static Caller Anonymous { get; } = new("", Role.Anonymous, AccessScope.Everything);

    /// <summary>The one person of a dashboard without users: reads everything, as before sign-in existed.</summary>
    public static Caller Local { get; } = new("local", Role.Anonymous, AccessScope.Everything);

    /// <summary>Analysts, admins and the local reader see moderator and auditor ids; viewers see pseudonyms.</summary>
    public bool MaySeePeople => Role >= Role.Analyst || ReferenceEquals(this, Local);

    public static Caller Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.Identity is not { IsAuthenticated: true } identity)
        {
            return http.RequestServices.GetRequiredService<AccessPolicy>().HasUsers ? Anonymous : Local;
        }
        var role = Enum.TryParse<Role>(http.User.FindFirstValue(ClaimTypes.Role), out var r) ? r : Role.Anonymous;
        return new Caller(identity.Name ?? "", role, AccessScope.Parse(http.User.FindFirstValue(ScopeClaim)));
    }

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Role.ToString()), new Claim(ScopeClaim, Scope.Text)], scheme));
}
