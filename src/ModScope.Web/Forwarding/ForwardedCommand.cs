namespace ModScope.Web.Forwarding;

/// <summary>
/// The body of <c>POST /api/commands</c>: the command line (paths absolute, no <c>--store</c>) and the caller's console
/// width. The request carries this start's secret in <see cref="SecretHeader"/>.
/// </summary>
public sealed record ForwardedCommand(IReadOnlyList<string>? Arguments, int Width = 80)
{
    public const string Route = "/api/commands";
    public const string SecretHeader = "X-ModScope-Secret";
}
