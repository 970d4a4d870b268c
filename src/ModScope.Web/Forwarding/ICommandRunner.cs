namespace ModScope.Web.Forwarding;

/// <summary>
/// Runs a command line forwarded by the CLI inside the server (the CLI supplies it to <c>serve</c>); the server calls it
/// under its write gate, with the store open read-write.
/// </summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="arguments"/> (a <c>modscope</c> command line without <c>--store</c>) against the store at
    /// <paramref name="storePath"/>, rendering for a console <paramref name="width"/> columns wide.
    /// </summary>
    Task<CommandOutcome> RunAsync(IReadOnlyList<string> arguments, string storePath, int width, CancellationToken cancellationToken);
}
